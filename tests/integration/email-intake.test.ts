import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/storage/db.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { loadInbox, type InboxRow } from '../../src/intake/inboxes/store.ts';
import { receiveInbound } from '../../src/intake/receive-message.ts';
import { emailAdapter } from '../../src/intake/channels/email/parse-email.ts';
import { getCase } from '../../src/cases/get-case.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';

/** Mails of our own making, each one a way real mail goes wrong. */
const crlf = (lines: string[]) => lines.join('\r\n');

describe('e-mail intake: parsing, machines, bounces, attachments, threading', () => {
  let db: Db;
  let acc: TestAccount;
  let inbox: InboxRow;
  const config = testConfig({ ACK_PER_SENDER_PER_HOUR: 2, ATTACHMENT_MAX_BYTES: 50_000 });
  const receive = (raw: string | Buffer, to = inbox.address, envelopeFrom: string | null = null) =>
    receiveInbound(db, emailAdapter, raw, { accountId: acc.accountId, inbox, to, envelopeFrom }, config);
  const message = async (id: string) =>
    (await db.query<Record<string, any>>('SELECT * FROM messages WHERE account_id = $1 AND email_message_id = $2', [acc.accountId, id]))[0];
  const acks = async (to: string) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE account_id = $1 AND to_address = $2 AND automated = 'acknowledgement'`, [acc.accountId, to]))[0].n;
  let seq = 0;
  const mid = () => `m${++seq}.${Date.now()}@mail.example`;

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Kabel BV');
    const created = await createInbox(db, systemActor(acc.accountId), { address: uniqueEmail('service').replace('@example.test', '@kabel.example'), name: 'Klantenservice Kabel' });
    inbox = await loadInbox(db, acc.accountId, created.id);
  });
  after(() => db.close());

  test('malformed mail never crashes intake: broken charset, no Content-Type, bad base64, nested rfc822, 1 MB body', async () => {
    const from = uniqueEmail('klant');
    const mails = [
      crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: =?x-unknown?Q?Storing?=', 'Content-Type: text/plain; charset=x-does-not-exist', '', 'Mijn internet ligt er al drie dagen uit.', '']),
      crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Geen content-type', '', 'Gewoon tekst zonder kopregels voor het type.', '']),
      crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Kapotte base64', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '', 'SGFsbG8gZGl0IGlz!!!ZWVuIHRlc3Q=====', '']),
      crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Doorgestuurd', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="b1"', '', '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Zie de doorgestuurde mail hieronder.', '--b1', 'Content-Type: message/rfc822', '', 'From: iemand@anders.example', 'Subject: Origineel', '', 'De oorspronkelijke klacht.', '--b1--', '']),
      crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Heel lang', 'Content-Type: text/plain; charset=utf-8', '', 'Klacht. '.repeat(131_072), '']),
      crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Latin-1', 'Content-Type: text/plain; charset=iso-8859-1', 'Content-Transfer-Encoding: 8bit', '', '']),
    ];
    mails[5] = Buffer.concat([Buffer.from(mails[5]), Buffer.from([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9, 0x0d, 0x0a])]) as unknown as string;
    for (const raw of mails) {
      const r = await receive(raw);
      assert.equal(r.outcome, 'stored', JSON.stringify(r));
    }
    const [{ body }] = await db.query<{ body: string }>(`SELECT body FROM messages WHERE account_id = $1 AND subject = 'Latin-1'`, [acc.accountId]);
    assert.equal(body, 'Résumé');
  });

  test('HTML is sanitised before it is stored, and text comes from HTML when there is no text part', async () => {
    const id = mid();
    const r = await receive(crlf([`From: ${uniqueEmail('html')}`, `Message-ID: <${id}>`, 'Subject: Alleen HTML', 'Content-Type: text/html; charset=utf-8', '',
      '<p onclick="steal()">Mijn <b>factuur</b> klopt niet.</p><script>alert(1)</script><img src="https://tracker.example/p.gif"><a href="javascript:alert(2)">klik</a><iframe src="https://evil.example"></iframe>', '']));
    assert.equal(r.outcome, 'stored');
    const m = await message(id);
    assert.match(m.body, /Mijn factuur klopt niet\./);
    assert.doesNotMatch(m.html, /script|onclick|iframe|javascript:|tracker\.example/);
    assert.match(m.html, /<b>factuur<\/b>/);
  });

  test('auto-replies are stored on their case but never acknowledged, and acknowledgements per sender are capped', async () => {
    const from = uniqueEmail('vakantie');
    const first = await receive(crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Storing bij mij thuis', '', 'Al dagen geen tv.', '']));
    assert.equal(first.outcome === 'stored' && first.acknowledged, true);
    const ackRow = (await db.query<{ email_message_id: string }>(`SELECT email_message_id FROM messages WHERE account_id = $1 AND to_address = $2 AND automated = 'acknowledgement'`, [acc.accountId, from]))[0];
    // their out-of-office answers our acknowledgement: joins the case, no acknowledgement back, no reopening
    const ooo = mid();
    const r = await receive(crlf([`From: ${from}`, `Message-ID: <${ooo}>`, `In-Reply-To: <${ackRow.email_message_id}>`, 'Auto-Submitted: auto-replied',
      'Subject: Automatisch antwoord: Re: Storing bij mij thuis', '', 'Ik ben afwezig tot en met maandag.', '']));
    assert.equal(r.outcome, 'stored');
    assert.equal(r.outcome === 'stored' && r.caseId, first.outcome === 'stored' && first.caseId);
    assert.equal(r.outcome === 'stored' && r.acknowledged, false);
    assert.equal((await message(ooo)).automated, 'auto_reply');
    const [{ n: analysed }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE account_id = $1 AND kind = 'message.analyse' AND payload->>'message_id' = $2`, [acc.accountId, (await message(ooo)).id]);
    assert.equal(analysed, 0, 'a machine is not a complaint');
    // new cases from the same sender: a second acknowledgement, then the cap (2 per hour)
    await receive(crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Tweede vraag', '', 'Ook mijn factuur klopt niet.', '']));
    const third = await receive(crlf([`From: ${from}`, `Message-ID: <${mid()}>`, 'Subject: Derde vraag', '', 'En de monteur kwam niet.', '']));
    assert.equal(third.outcome === 'stored' && third.acknowledged, false);
    assert.equal(await acks(from), 2);
  });

  test('a bounce marks the address, fails the mail that bounced, shows on the case, and is never answered', async () => {
    const customer = uniqueEmail('weg');
    const first = await receive(crlf([`From: ${customer}`, `Message-ID: <${mid()}>`, 'Subject: Opzeggen', '', 'Ik wil opzeggen.', '']));
    assert.equal(first.outcome, 'stored');
    const ack = (await db.query<{ email_message_id: string }>(`SELECT email_message_id FROM messages WHERE account_id = $1 AND to_address = $2`, [acc.accountId, customer]))[0];
    const dsn = crlf([
      'From: Mail Delivery System <MAILER-DAEMON@mx.kabel.example>', `To: ${inbox.address}`, `Message-ID: <${mid()}>`,
      'Subject: Undelivered Mail Returned to Sender', 'Auto-Submitted: auto-replied', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r1"', '',
      '--r1', 'Content-Type: text/plain; charset=us-ascii', '', 'Your message could not be delivered to one or more recipients.', '',
      '--r1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.kabel.example', '', `Final-Recipient: rfc822; ${customer}`, 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 User unknown', '',
      '--r1', 'Content-Type: text/rfc822-headers', '', `From: ${inbox.address}`, `To: ${customer}`, `Message-ID: <${ack.email_message_id}>`, 'Subject: Re: Opzeggen', '',
      '--r1--', '',
    ]);
    const r = await receive(dsn, inbox.address, '');
    assert.equal(r.outcome, 'bounce_recorded', JSON.stringify(r));
    const [identity] = await db.query<{ bouncing_since: Date | null; bounce_reason: string | null }>(
      `SELECT bouncing_since, bounce_reason FROM customer_identities WHERE account_id = $1 AND value = $2`, [acc.accountId, customer]);
    assert.ok(identity.bouncing_since);
    const [sent] = await db.query<{ delivery_status: string; delivery_error: string }>(`SELECT delivery_status, delivery_error FROM messages WHERE account_id = $1 AND email_message_id = $2`, [acc.accountId, ack.email_message_id]);
    assert.equal(sent.delivery_status, 'failed');
    assert.match(sent.delivery_error, /bounced/);
    const view = await getCase(db, acc.accountId, first.outcome === 'stored' ? first.caseId : '');
    assert.ok(view.timeline.some((e) => e.kind === 'message' && e.automated === 'bounce'));
    assert.ok(view.customer?.identities.some((i) => i.bouncing_since));
    // mail to a bouncing address is not acknowledged again
    const again = await receive(crlf([`From: ${customer}`, `Message-ID: <${mid()}>`, 'Subject: Nog een vraag', '', 'Hallo?', '']));
    assert.equal(again.outcome === 'stored' && again.acknowledged, false);
  });

  test('attachments: hash, declared and detected type, size limit, and downloads that never render', async () => {
    const id = mid();
    // a 1×1 PNG, sent as if it were a JPEG
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    const big = Buffer.alloc(60_000, 65);
    const raw = crlf([`From: ${uniqueEmail('bijlage')}`, `Message-ID: <${id}>`, 'Subject: Foto van de meter', 'MIME-Version: 1.0', 'Content-Type: multipart/mixed; boundary="a1"', '',
      '--a1', 'Content-Type: text/plain; charset=utf-8', '', 'In de bijlage de foto en de pagina.', '',
      '--a1', 'Content-Type: image/jpeg; name="meter.jpg"', 'Content-Disposition: attachment; filename="../../meter.jpg"', 'Content-Transfer-Encoding: base64', '', png.toString('base64'), '',
      '--a1', 'Content-Type: text/html; name="pagina.html"', 'Content-Disposition: attachment; filename="pagina.html"', '', '<script>alert(document.cookie)</script>', '',
      '--a1', 'Content-Type: application/pdf; name="groot.pdf"', 'Content-Disposition: attachment; filename="groot.pdf"', 'Content-Transfer-Encoding: base64', '', big.toString('base64'), '',
      '--a1--', '']);
    assert.equal((await receive(raw)).outcome, 'stored');
    const m = await message(id);
    const files = await db.query<{ id: string; filename: string; declared_type: string; detected_type: string | null; size: number; sha256: string }>(
      'SELECT id, filename, declared_type, detected_type, size, sha256 FROM attachments WHERE account_id = $1 AND message_id = $2 ORDER BY filename', [acc.accountId, m.id]);
    assert.deepEqual(files.map((f) => [f.filename, f.declared_type, f.detected_type]), [['meter.jpg', 'image/jpeg', 'image/png'], ['pagina.html', 'text/html', null]]);
    assert.match(files[0].sha256, /^[0-9a-f]{64}$/);
    assert.ok(m.intake_notes.some((n: string) => /groot\.pdf.*not stored/.test(n)));
    assert.ok(m.intake_notes.some((n: string) => /meter\.jpg.*declared image\/jpeg.*image\/png/.test(n)));
    const app = await buildApp({ db, config, logger: false, checkResponses: true });
    try {
      const res = await app.inject({ method: 'GET', url: `/api/v1/attachments/${files[1].id}`, headers: acc.auth });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/octet-stream');
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="pagina\.html"/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.body.trim(), '<script>alert(document.cookie)</script>');
    } finally {
      await app.close();
    }
  });

  test('threading: a reply that arrives before its original is joined when the original comes in; plus-addresses and [LU-n] find the case', async () => {
    const customer = uniqueEmail('draad');
    const original = mid();
    const reply = await receive(crlf([`From: ${customer}`, `Message-ID: <${mid()}>`, `In-Reply-To: <${original}>`, `References: <${original}>`, 'Subject: Re: Monteur', '', 'En hij kwam weer niet.', '']));
    const orig = await receive(crlf([`From: ${customer}`, `Message-ID: <${original}>`, 'Subject: Monteur', '', 'De monteur kwam niet opdagen.', '']));
    assert.equal(reply.outcome, 'stored');
    assert.equal(orig.outcome === 'stored' && orig.caseId, reply.outcome === 'stored' && reply.caseId);
    // two answers to one mail, both before it: one case
    const root = mid();
    const a = await receive(crlf([`From: ${customer}`, `Message-ID: <${mid()}>`, `In-Reply-To: <${root}>`, `References: <${root}>`, 'Subject: Re: Factuur', '', 'Eerste antwoord.', '']));
    const b = await receive(crlf([`From: ${uniqueEmail('collega')}`, `Message-ID: <${mid()}>`, `In-Reply-To: <${root}>`, `References: <${root}>`, 'Subject: Re: Factuur', '', 'Tweede antwoord, van een collega.', '']));
    assert.equal(b.outcome === 'stored' && b.caseId, a.outcome === 'stored' && a.caseId);
    const ref = reply.outcome === 'stored' ? reply.caseRef : '';
    // the customer writes to the plus-address with a new subject and no threading headers
    const plus = inbox.address.replace('@', `+${ref.toLowerCase()}@`);
    const viaPlus = await receive(crlf([`From: ${customer}`, `Message-ID: <${mid()}>`, 'Subject: Nieuwe afspraak?', '', 'Wanneer komt hij dan?', '']), plus);
    assert.equal(viaPlus.outcome === 'stored' && viaPlus.caseRef, ref);
    const viaSubject = await receive(crlf([`From: ${customer}`, `Message-ID: <${mid()}>`, `Subject: Nog steeds niets [${ref}]`, '', 'Hallo?', '']));
    assert.equal(viaSubject.outcome === 'stored' && viaSubject.caseRef, ref);
  });

  test('refused with a reason: no sender, nothing in it', async () => {
    assert.deepEqual(await receive(crlf(['From: niemand', `Message-ID: <${mid()}>`, 'Subject: x', '', 'hallo', ''])), {
      outcome: 'dropped', reason: 'no usable sender address (From header and envelope sender missing or malformed)',
    });
    const empty = await receive(crlf([`From: ${uniqueEmail('leeg')}`, `Message-ID: <${mid()}>`, '', '']));
    assert.equal(empty.outcome, 'dropped');
  });
});
