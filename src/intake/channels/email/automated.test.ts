import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simpleParser } from 'mailparser';
import { classifyAutomated, type AutomatedVerdict } from './automated.ts';

// All messages below are our own making. `msg` adds Date/Message-ID/MIME-Version and, unless given, From and To.
function msg(headers: string, body: string): string {
  const h = headers.trim().split('\n');
  if (!h.some((l) => /^From:/i.test(l))) h.unshift('From: Ans Smit <ans.smit@klant.example.nl>');
  if (!h.some((l) => /^To:/i.test(l))) h.push('To: Klantenservice <support@luister.example>');
  h.push('Date: Tue, 3 Jun 2025 09:14:00 +0200', `Message-ID: <${Math.random().toString(36).slice(2)}@test.example>`, 'MIME-Version: 1.0');
  if (!h.some((l) => /^Content-Type:/i.test(l))) h.push('Content-Type: text/plain; charset=utf-8');
  return `${h.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}`;
}
const classify = async (raw: string, keepDeliveryStatus = false) => classifyAutomated(await simpleParser(raw, { keepDeliveryStatus }));
const kindOf = async (raw: string) => (await classify(raw)).kind;

/** A multipart/report DSN: human-readable part, delivery-status part, and the returned headers. */
function dsn(headers: string, human: string, status: string, original = 'Subject: Uw offerte 2291\nFrom: support@luister.example') {
  const b = 'dsn-boundary-7f3a';
  return msg(`${headers}\nContent-Type: multipart/report; report-type=delivery-status; boundary="${b}"`,
    `--${b}\nContent-Type: text/plain; charset=utf-8\n\n${human}\n\n--${b}\nContent-Type: message/delivery-status\n\n${status}\n\n` +
    `--${b}\nContent-Type: text/rfc822-headers\n\n${original}\n\n--${b}--\n`);
}

test('Outlook/Exchange Dutch out-of-office with Auto-Submitted', async () => {
  const v = await classify(msg(`Subject: Automatisch antwoord: Uw vraag over factuur 2025-118
Auto-Submitted: auto-generated
X-Auto-Response-Suppress: All
X-MS-Exchange-Inbox-Rules-Loop: ans.smit@klant.example.nl`, 'Beste,\n\nIk ben afwezig tot en met 14 juni. Voor dringende zaken: bel 020-1234567.\n\nAns'));
  assert.deepEqual(v, { kind: 'auto_reply', reason: 'Auto-Submitted: auto-generated', bouncedRecipients: [], bounceStatus: null, permanent: false });
});

test('older Exchange out-of-office: only the subject and X-Auto-Response-Suppress', async () => {
  const v = await classify(msg('Subject: Afwezigheidsassistent: Re: levering keukenkast\nX-Auto-Response-Suppress: All', 'Ik ben met vakantie.'));
  assert.equal(v.kind, 'auto_reply');
  assert.equal(v.reason, 'subject "Afwezigheidsassistent"');
});

test('Gmail vacation responder keeps "Re:" but says Auto-Submitted: auto-replied', async () => {
  const v = await classify(msg('Subject: Re: Bestelling 55120\nAuto-Submitted: auto-replied', 'Hoi! Ik zit tot 20 augustus zonder internet in Zweden.'));
  assert.deepEqual([v.kind, v.reason], ['auto_reply', 'Auto-Submitted: auto-replied']);
});

test('RFC 3834 header with parameters, and Auto-Submitted: no is a person', async () => {
  assert.equal((await classify(msg('Subject: Re: uw vraag\nAuto-Submitted: auto-replied; owner-email="ans.smit@klant.example.nl"', 'Weg.'))).reason, 'Auto-Submitted: auto-replied');
  assert.equal(await kindOf(msg('Subject: Re: uw vraag\nAuto-Submitted: no', 'Dank u, het werkt weer.')), null);
});

test('X-Autoreply, X-Autorespond and Precedence: auto_reply', async () => {
  assert.equal((await classify(msg('Subject: Re: retour\nX-Autoreply: yes', 'Ik ben er niet.'))).reason, 'X-Autoreply: yes');
  assert.equal(await kindOf(msg('Subject: Thank you for your mail\nX-Autorespond: 1', 'We will get back to you.')), 'auto_reply');
  assert.equal((await classify(msg('Subject: Re: retour\nPrecedence: auto_reply', 'Weg.'))).reason, 'Precedence: auto_reply');
});

test('subject phrases in four languages, at the start of the subject', async () => {
  const subjects = [
    'Automatic reply: Quote for 12 chairs', 'Out of Office: Re: invoice 7781', 'Auto-Reply: your ticket', 'Afwezig tot 3 juni',
    'Abwesenheitsnotiz: Ihre Anfrage', 'Automatische Antwort: Rechnung', '=?UTF-8?Q?R=C3=A9ponse_automatique_:_Commande_8812?=',
    'Absence du 4 au 18 août', 'Automatisch bericht: we hebben uw mail ontvangen', '[Autoreply] Re: klacht',
  ];
  for (const s of subjects) assert.equal(await kindOf(msg(`Subject: ${s}`, 'Tekst.')), 'auto_reply', s);
});

test('vacation(1) sends Precedence: bulk: the auto-reply subject wins over bulk', async () => {
  const v = await classify(msg('Subject: Out of office\nPrecedence: bulk', 'I am away until Monday.'));
  assert.deepEqual([v.kind, v.reason], ['auto_reply', 'subject "Out of office"']);
});

test('X-Auto-Response-Suppress counts only with out-of-office wording at the start of the body', async () => {
  const ooo = await classify(msg('Subject: RE: offerte 2291\nX-Auto-Response-Suppress: All', 'Geachte heer,\n\nIk ben momenteel afwezig en lees mijn mail vanaf 9 juni.'));
  assert.equal(ooo.kind, 'auto_reply');
  assert.match(ooo.reason ?? '', /^X-Auto-Response-Suppress: All/);
  assert.equal(await kindOf(msg('Subject: RE: offerte 2291\nX-Auto-Response-Suppress: All', 'I was out of office last week, so I only now saw your quote. Please go ahead.')), null);
});

test('a null reverse-path is a machine; a read receipt is an auto-reply', async () => {
  assert.equal((await classify(msg('Return-Path: <>\nSubject: Re: uw bestelling', 'Dit bericht is automatisch verzonden.'))).reason, 'Return-Path: <> (null sender)');
  const b = 'mdn-1';
  const mdn = msg(`Subject: Gelezen: offerte\nContent-Type: multipart/report; report-type=disposition-notification; boundary="${b}"`,
    `--${b}\nContent-Type: text/plain\n\nUw bericht is gelezen.\n--${b}\nContent-Type: message/disposition-notification\n\nFinal-Recipient: rfc822; ans.smit@klant.example.nl\nDisposition: manual-action/MDN-sent-manually; displayed\n--${b}--\n`);
  assert.deepEqual([(await classify(mdn)).kind, (await classify(mdn)).reason], ['auto_reply', 'multipart/report (disposition-notification)']);
});

const POSTFIX_STATUS = `Reporting-MTA: dns; mail.luister.example
X-Postfix-Queue-ID: 4Fq2xk1Zz9
Arrival-Date: Tue,  3 Jun 2025 09:13:58 +0200

Final-Recipient: rfc822; jan.devries@example.nl
Original-Recipient: rfc822;jan.devries@example.nl
Action: failed
Status: 5.1.1
Remote-MTA: dns; mx.example.nl
Diagnostic-Code: smtp; 550 5.1.1 <jan.devries@example.nl>: Recipient address rejected: User unknown`;

test('Postfix DSN bounce with 5.1.1, whether mailparser inlines or keeps the delivery-status part', async () => {
  const raw = dsn('From: MAILER-DAEMON@mail.luister.example (Mail Delivery System)\nSubject: Undelivered Mail Returned to Sender\nAuto-Submitted: auto-replied\nTo: support@luister.example',
    'This is the mail system at host mail.luister.example.\n\nI\'m sorry to have to inform you that your message could not\nbe delivered to one or more recipients.\n\n<jan.devries@example.nl>: host mx.example.nl said: 550 5.1.1 User unknown', POSTFIX_STATUS);
  const expected: AutomatedVerdict = { kind: 'bounce', reason: 'DSN multipart/report (delivery-status)', bouncedRecipients: ['jan.devries@example.nl'], bounceStatus: '5.1.1', permanent: true };
  assert.deepEqual(await classify(raw), expected);
  assert.deepEqual(await classify(raw, true), expected);
});

test('Exchange NDR "Onbestelbaar": Original- and Final-Recipient, lower-cased', async () => {
  const v = await classify(dsn('From: postmaster@contoso-example.nl\nSubject: Onbestelbaar: Uw offerte 2291\nTo: support@luister.example',
    'Uw bericht kan niet worden bezorgd bij: Info@Bakker-Example.nl. Het adres bestaat niet.',
    'Reporting-MTA: dns;AM0PR01MB1234.eurprd01.prod.example\n\nOriginal-Recipient: rfc822;Info@Bakker-Example.nl\nFinal-Recipient: rfc822;info@mail.bakker-example.nl\nAction: failed\nStatus: 5.1.10\nDiagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound'));
  assert.deepEqual(v.bouncedRecipients, ['info@bakker-example.nl', 'info@mail.bakker-example.nl']);
  assert.deepEqual([v.kind, v.bounceStatus, v.permanent], ['bounce', '5.1.10', true]);
});

test('a transient 4.x.x delay (Action: delayed) is a bounce but not permanent', async () => {
  const v = await classify(dsn('From: Mail Delivery Subsystem <mailer-daemon@relay.example.com>\nSubject: Delayed Mail (still being retried)\nTo: support@luister.example',
    'Your message has not been delivered yet. We will keep trying for 4 more days.',
    'Reporting-MTA: dns; relay.example.com\n\nFinal-Recipient: RFC822; piet@traag.example.nl\nAction: delayed\nStatus: 4.4.1\nWill-Retry-Until: Sat, 7 Jun 2025 09:14:00 +0200'));
  assert.deepEqual([v.kind, v.bouncedRecipients, v.bounceStatus, v.permanent], ['bounce', ['piet@traag.example.nl'], '4.4.1', false]);
});

test('only the failed recipients of a DSN count; a delivered one does not', async () => {
  const v = await classify(dsn('From: MAILER-DAEMON@mail.luister.example\nSubject: Delivery Status Notification (Failure)',
    'Delivery to one of the recipients failed.',
    'Reporting-MTA: dns; mail.luister.example\n\nFinal-Recipient: rfc822; goed@example.nl\nAction: delivered\nStatus: 2.0.0\n\nFinal-Recipient: rfc822; fout@example.nl\nAction: failed\nStatus: 5.2.2'));
  assert.deepEqual([v.bouncedRecipients, v.bounceStatus, v.permanent], [['fout@example.nl'], '5.2.2', true]);
});

test('Exim text bounce: X-Failed-Recipients names the address', async () => {
  const v = await classify(msg(`From: Mail Delivery System <Mailer-Daemon@mx2.example.org>
Subject: Mail delivery failed: returning message to sender
X-Failed-Recipients: karel@verhuisd.example.org
Auto-Submitted: auto-replied
To: support@luister.example`, `This message was created automatically by mail delivery software.

A message that you sent could not be delivered to one or more of its
recipients. This is a permanent error. The following address(es) failed:

  karel@verhuisd.example.org
    SMTP error from remote mail server after RCPT TO:<karel@verhuisd.example.org>:
    550 5.1.1 mailbox unavailable

------ This is a copy of the message, including all the headers. ------

From: support@luister.example
To: karel@verhuisd.example.org`));
  assert.deepEqual(v, { kind: 'bounce', reason: 'X-Failed-Recipients: karel@verhuisd.example.org', bouncedRecipients: ['karel@verhuisd.example.org'], bounceStatus: '5.1.1', permanent: true });
});

test('mailer-daemon without a DSN part: the address comes from the text, not from the quoted original', async () => {
  const v = await classify(msg('From: MAILER-DAEMON@smtp.example.net\nSubject: failure notice\nTo: support@luister.example', `Hi. This is the qmail-send program at smtp.example.net.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<lies@oud.example.net>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.

Return-Path: <support@luister.example>
From: Klantenservice <support@luister.example>
Cc: teamlead@luister.example
To: lies@oud.example.net`));
  assert.deepEqual([v.kind, v.reason, v.bouncedRecipients, v.bounceStatus, v.permanent], ['bounce', 'sender MAILER-DAEMON@smtp.example.net', ['lies@oud.example.net'], '5.1.1', true]);
});

test('a text bounce that will retry is not permanent', async () => {
  const v = await classify(msg('From: MAILER-DAEMON@mx.example.com\nSubject: Warning: could not send message for past 4 hours', `The original message was received at Tue, 3 Jun 2025 05:10:00 +0200.

   ----- Transcript of session follows -----
<bram@langzaam.example.com>... Deferred: Connection timed out
Warning: message still undelivered after 4 hours
Will keep trying until message is 5 days old`));
  assert.deepEqual([v.kind, v.bouncedRecipients, v.bounceStatus, v.permanent], ['bounce', ['bram@langzaam.example.com'], null, false]);
});

test('"Undeliverable:" from postmaster without a DSN counts with bounce wording and a status code', async () => {
  const v = await classify(msg('From: postmaster@groothandel.example.com\nSubject: Undeliverable: Offerte 2291',
    'Delivery has failed to these recipients or groups:\n\ninkoop@groothandel.example.com\nThe e-mail address could not be delivered.\n\nRemote Server returned 550 5.1.1 User unknown'));
  assert.deepEqual([v.kind, v.reason, v.bouncedRecipients, v.bounceStatus], ['bounce', 'Exchange bounce text', ['inkoop@groothandel.example.com'], '5.1.1']);
});

test('mailing lists and newsletters are bulk', async () => {
  const list = await classify(msg('Subject: [gebruikers] nieuwe versie\nList-Id: Gebruikers van Luister <gebruikers.lists.luister.example>\nList-Unsubscribe: <mailto:leave@lists.luister.example>\nPrecedence: list', 'Versie 2 is uit.'));
  assert.deepEqual([list.kind, list.reason], ['bulk', 'Precedence: list']);
  const letter = await classify(msg('Subject: Onze zomeractie\nList-Unsubscribe: <https://news.example.com/u/123>', '20% korting op alles.'));
  assert.deepEqual([letter.kind, letter.reason], ['bulk', 'List-Unsubscribe']);
});

test('ordinary customer mail is a person', async () => {
  const people = [
    msg('Subject: Factuur klopt niet', 'Goedemiddag,\n\nOp factuur 2025-118 staat een bedrag dat ik niet herken. Kunt u dit nakijken?\n\nMet vriendelijke groet,\nAns Smit'),
    // The false-positive traps from the brief: the words are in the body, not in machine headers.
    msg('Subject: Missed delivery', 'I was out of office last week, so I missed the delivery. Can you send it again?'),
    msg('Subject: Klacht', 'Uw automatisch antwoord is nutteloos. Ik wil een mens spreken!'),
    // Decided: a Re: before the phrase is a person answering (our own) auto-reply, not an auto-reply itself.
    msg('Subject: Re: Automatisch antwoord: uw vraag is ontvangen\nIn-Reply-To: <ack-1@luister.example>', 'Fijn, maar wanneer krijg ik een echt antwoord?'),
    msg('Subject: Afwezig bij bezorging, pakket retour?', 'Ik was niet thuis. Waar is mijn pakket nu?'),
    msg('Subject: Niet bezorgd: bestelling 4411', 'Volgens de track & trace is het bezorgd, maar ik heb niets ontvangen.'),
    msg('Subject: Automatic reply does not work in your app', 'Setting an automatic reply in your portal gives an error.'),
    msg('Subject: Out of office printer is broken', 'The printer in our back office prints blank pages.'),
    // A person forwarding a bounce wants help with it.
    msg('Subject: Fwd: Undelivered Mail Returned to Sender', 'Waarom komt mijn mail aan jullie terug?\n\n---------- Forwarded message ---------\nFrom: MAILER-DAEMON@mail.klant.example.nl\n550 5.1.1 <support@luister.example>: User unknown'),
    // Outlook sets X-Auto-Response-Suppress on ordinary mail too.
    msg('Subject: RE: offerte 2291\nX-Auto-Response-Suppress: All\nThread-Topic: offerte 2291', 'Akkoord, graag leveren op 12 juni.'),
    // A small business whose owner writes from postmaster@ is still a person.
    msg('From: postmaster@bakkerij-example.nl\nSubject: Vraag over mijn abonnement', 'Kan ik mijn abonnement per maand opzeggen?'),
  ];
  for (const raw of people) assert.deepEqual(await classify(raw), { kind: null, reason: null, bouncedRecipients: [], bounceStatus: null, permanent: false }, raw.split('\r\n').find((l) => l.startsWith('Subject:')));
});

test('an ambiguous NDR subject still counts with bounce wording and a status code when no product template opens the text', async () => {
  const v = await classify(msg('From: beheer@groothandel.example.com\nSubject: Undeliverable: Offerte 2291',
    'inkoop@groothandel.example.com\nThe e-mail address could not be delivered.\n\nRemote Server returned 550 5.1.1 User unknown'));
  assert.deepEqual([v.kind, v.reason, v.bouncedRecipients], ['bounce', 'subject "Undeliverable" with bounce wording', ['inkoop@groothandel.example.com']]);
});

test('plain-text bounces are recognised by the template their product opens with, not by one example', async () => {
  const cases: [string, string, string][] = [
    ['Subject: Your mail', 'Your message\n\n  Subject: Offerte\n\nwas not delivered to:\n\n  a.b@kantoor.example\n\nbecause:\n\n  Some reason the server gave', 'Lotus Domino'],
    ['Subject: Undeliverable Mail', 'Body of message generated response:\n550 mailbox gone', 'IMail'],
    ['Subject: Fout', 'Hi. This is the James mail server at mx.example.\nsomething went wrong', 'Apache James'],
    ['Subject: x', 'Your message did not reach some or all of the intended recipients.\n\n   a@b.example', 'Exchange'],
    ['Subject: x', 'Uw bericht heeft sommige of alle geadresseerden niet bereikt.', 'Exchange'],
    ['Subject: SMS', 'Message could not be delivered to the handset 0611111111.', 'carrier gateway'],
    ['Subject: x', 'This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered.', 'Exim'],
  ];
  for (const [head, body, product] of cases) {
    const v = await classify(msg(`From: robot@mx.example\n${head}`, body));
    assert.deepEqual([v.kind, v.reason], ['bounce', `${product} bounce text`], body);
  }
});

test("mailing-list managers' error replies are bounces when a list robot or role address sends them", async () => {
  const mailman = await classify(msg('From: leden-owner@lists.example\nSubject: Bericht afgewezen',
    'Your message to the Leden mailing list has been rejected for the following reason:\n\nPost by non-member to a members-only list'));
  assert.equal(mailman.kind, 'bounce');
  const majordomo = await classify(msg('From: Majordomo@lists.example\nSubject: Re: vraag', ">>>> hallo\n**** Command 'hallo' not recognized.\n**** No valid commands found."));
  assert.equal(majordomo.kind, 'bounce');
  const listRole = await classify(msg('From: leden-request@lists.example\nSubject: Uw bericht', 'Your message could not be delivered to the list members.'));
  assert.equal(listRole.kind, 'bounce');
  // the same words from a person's own address: a person (perhaps asking us about it)
  const person = await classify(msg('From: jan@klant.example\nSubject: Vraag over de lijst', 'Ik kreeg dit: your message could not be posted. Wat moet ik doen?'));
  assert.equal(person.kind, null);
});

test('a person forwarding or answering a bounce stays a person', async () => {
  const fwd = await classify(msg('From: els@klant.example\nSubject: Fwd: Undelivered Mail Returned to Sender',
    'Klopt uw adres nog?\n\n---------- Forwarded message ---------\nFrom: MAILER-DAEMON@mx.example\n\nThis is the mail system at host mx.example.\n\nI\'m sorry to have to inform you that your message could not be delivered.'));
  assert.equal(fwd.kind, null);
  // no Fwd: in the subject, but the template sits below the forward separator
  const below = await classify(msg('From: els@klant.example\nSubject: Foutmelding', 'Zie hieronder.\n\n-----Original Message-----\nYour message did not reach some or all of the intended recipients.'));
  assert.equal(below.kind, null);
});
