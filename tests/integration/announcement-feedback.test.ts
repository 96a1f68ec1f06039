import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createCustomer } from '../../src/customers/create-customer.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { scheduleAnnouncement } from '../../src/announcements/schedule-announcement.ts';
import { sendAnnouncementJob } from '../../src/announcements/send-announcement.ts';
import type { JobRow } from '../../src/storage/jobs.ts';
import { newAccount, testApp, testConfig, uniqueEmail, verifyInbox, type TestAccount, type TestContext } from '../helpers.ts';
import { smtpClient, startMailbox } from '../email.ts';

const DAY = 86_400_000;
const crlf = (lines: string[]) => lines.join('\r\n');
const content = {
  nl: { subject: 'Onderhoud aan het netwerk', body: 'Beste klant, op de ingangsdatum werken wij aan het netwerk.', plain: 'Wij werken aan het netwerk. U hoeft niets te doen.' },
};

/** Issue 15: replies to an announcement come back as cases linked to it; bounces mark the recipient. Over real SMTP. */
describe('announcement replies and bounces, through the SMTP intake', () => {
  let ctx: TestContext;
  let acc: TestAccount;
  let admin: Actor;
  let inbox: string;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let client: ReturnType<typeof smtpClient>;
  const people: Record<string, string> = {};
  let announcementId: string;
  const mails = new Map<string, string>();
  const replyTo = new Map<string, string>();
  const recipient = async (email: string) => (await ctx.db.query<{ state: string; reply_case_id: string | null; bounced_at: Date | null; error: string | null }>(
    'SELECT state, reply_case_id, bounced_at, error FROM announcement_recipients WHERE account_id = $1 AND announcement_id = $2 AND email = $3', [acc.accountId, announcementId, email]))[0];

  before(async () => {
    mailbox = await startMailbox();
    ctx = await testApp({ SMTP_RELAY_URL: mailbox.url });
    acc = await newAccount(ctx.db, 'Netwerk');
    admin = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
    inbox = uniqueEmail('service').replace('@example.test', '@netwerk.example');
    await createInbox(ctx.db, systemActor(acc.accountId), { address: inbox, name: 'Klantenservice Netwerk' });
    await verifyInbox(ctx.db, acc.accountId, inbox);
    smtp = await startSmtpListener(ctx.db, testConfig({ SMTP_RELAY_URL: mailbox.url }), pino({ level: 'silent' }), { port: 0 });
    client = smtpClient(smtp.port);
    for (const name of ['Femke', 'Gerrit', 'Hanna', 'Ilse', 'Joost']) {
      people[name] = uniqueEmail(name.toLowerCase());
      await createCustomer(ctx.db, systemActor(acc.accountId), { name, language: 'nl', identities: [{ kind: 'email', value: people[name] }] });
    }
    await ctx.app.inject({ method: 'PATCH', url: '/api/v1/settings/announcements', headers: acc.auth, payload: { contact_route: '088 765 43 21' } });
    const effective = Date.now() + 20 * DAY;
    const a = await scheduleAnnouncement(ctx.db, admin, {
      kind: 'planned_maintenance', content, effectiveAt: new Date(effective),
      audience: { kind: 'list', csv: `email\n${people.Femke}\n${people.Gerrit}\n${people.Hanna}\n${people.Ilse}` },
    });
    announcementId = a.id;
    await sendAnnouncementJob(mailbox.url, () => new Date(effective - DAY))(ctx.db, { id: 0, account_id: acc.accountId, kind: 'announcement.send', payload: { announcement_id: a.id }, attempts: 1, max_attempts: 10 } as JobRow);
    for (const m of mailbox.received) {
      mails.set(m.envelope.to[0], m.mail.messageId!);
      replyTo.set(m.envelope.to[0], m.mail.replyTo!.value[0].address!);
    }
    assert.equal(mails.size, 4);
  });
  after(async () => {
    client.close();
    await smtp.close();
    await ctx.close();
    await mailbox.close();
  });

  test('a reply to the announcement opens a case linked to it; a second reply joins that case', async () => {
    assert.match(mails.get(people.Femke)!, /^<.+>$/);
    const info = await client.send({
      from: `"Femke" <${people.Femke}>`, to: inbox, subject: 'Re: Onderhoud aan het netwerk',
      text: 'Hoe lang duurt het onderhoud? Ik werk thuis.', inReplyTo: mails.get(people.Femke), references: [mails.get(people.Femke)!],
    });
    assert.match(info.response, /^250 .*Stored \(LU-\d+\)/);
    const r = await recipient(people.Femke);
    assert.equal(r.state, 'replied');
    assert.ok(r.reply_case_id);
    const [c] = await ctx.db.query<{ customer_id: string; subject: string }>('SELECT customer_id, subject FROM cases WHERE account_id = $1 AND id = $2', [acc.accountId, r.reply_case_id]);
    assert.match(c.subject, /Onderhoud/);
    const fb = await ctx.app.inject({ method: 'GET', url: `/api/v1/announcements/${announcementId}/feedback`, headers: acc.auth });
    assert.equal(fb.statusCode, 200, fb.body);
    assert.deepEqual(fb.json().data.map((x: { email: string; state: string; case_id: string }) => [x.email, x.state, x.case_id]), [[people.Femke, 'replied', r.reply_case_id]]);
    assert.match(fb.json().data[0].case_ref, /^LU-\d+$/);

    // again, in the same thread: the same case, still one link
    await client.send({ from: people.Femke, to: inbox, subject: 'Re: Onderhoud aan het netwerk', text: 'En krijg ik een bericht als het klaar is?', inReplyTo: mails.get(people.Femke) });
    const [{ n }] = await ctx.db.query<{ n: number }>('SELECT count(DISTINCT case_id)::int AS n FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id WHERE m.account_id = $1 AND c.customer_id = $2',
      [acc.accountId, c.customer_id]);
    assert.equal(n, 1);
  });

  test('an out-of-office answer does not count as a reply', async () => {
    await client.send({
      from: people.Hanna, to: inbox, subject: 'Afwezig: Onderhoud aan het netwerk', text: 'Ik ben afwezig tot maandag.', inReplyTo: mails.get(people.Hanna),
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    assert.equal((await recipient(people.Hanna)).state, 'sent');
  });

  test('a DSN for an announcement mail marks that recipient bounced (and the address bouncing)', async () => {
    const dsn = crlf([
      'From: Mail Delivery System <MAILER-DAEMON@mx.netwerk.example>', `To: ${inbox}`, `Message-ID: <dsn-${Date.now()}@mx.netwerk.example>`,
      'Subject: Undelivered Mail Returned to Sender', 'Auto-Submitted: auto-replied', 'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="r1"', '',
      '--r1', 'Content-Type: text/plain; charset=us-ascii', '', 'Your message could not be delivered to one or more recipients.', '',
      '--r1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.netwerk.example', '', `Final-Recipient: rfc822; ${people.Gerrit}`, 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.1.1 User unknown', '',
      '--r1', 'Content-Type: text/rfc822-headers', '', `From: ${inbox}`, `To: ${people.Gerrit}`, `Message-ID: ${mails.get(people.Gerrit)}`, 'Subject: Onderhoud aan het netwerk', '',
      '--r1--', '',
    ]);
    await client.sendRaw('', inbox, dsn);
    const r = await recipient(people.Gerrit);
    assert.equal(r.state, 'bounced');
    assert.ok(r.bounced_at);
    assert.ok(r.error, 'the bounce reason is kept');
    const [identity] = await ctx.db.query<{ bouncing_since: Date | null }>('SELECT bouncing_since FROM customer_identities WHERE account_id = $1 AND value = $2', [acc.accountId, people.Gerrit]);
    assert.ok(identity.bouncing_since);
    // nobody else is touched, and no case was opened for the bounce
    assert.equal((await recipient(people.Hanna)).state, 'sent');
    const shown = (await ctx.app.inject({ method: 'GET', url: `/api/v1/announcements/${announcementId}`, headers: acc.auth })).json();
    assert.deepEqual([shown.delivery.replied, shown.delivery.bounced, shown.delivery.sent], [1, 1, 2]);
  });

  test('every mail has a Reply-To of its own with an unguessable token; a reply to it counts even without In-Reply-To/References', async () => {
    const [local, domain] = inbox.split('@');
    const tokens = [...replyTo.values()].map((a) => new RegExp(`^${local}\\+a-([0-9a-f]{24})@${domain.replace(/\./g, '\\.')}$`).exec(a)?.[1]);
    assert.ok(tokens.every(Boolean), [...replyTo.values()].join(', '));
    assert.equal(new Set(tokens).size, 4, 'one per recipient');
    for (const t of tokens) assert.ok(!announcementId.replace(/-/g, '').includes(t!), 'not derived from the announcement');

    // Ilse's mail client keeps no thread headers: the address alone names her
    const info = await client.send({ from: `"Ilse" <${people.Ilse}>`, to: replyTo.get(people.Ilse)!, subject: 'Vraag over het onderhoud', text: 'Moet ik mijn modem opnieuw opstarten?' });
    assert.match(info.response, /^250 .*Stored \(LU-\d+\)/);
    const r = await recipient(people.Ilse);
    assert.equal(r.state, 'replied');
    const [c] = await ctx.db.query<{ email: string }>(
      'SELECT i.value AS email FROM cases c JOIN customer_identities i ON i.account_id = c.account_id AND i.customer_id = c.customer_id WHERE c.account_id = $1 AND c.id = $2', [acc.accountId, r.reply_case_id]);
    assert.equal(c.email, people.Ilse, 'the case is Ilse\'s');
  });

  test('quoting someone else\'s Message-ID, or a made-up token, answers nothing', async () => {
    // Joost got a forwarded copy of Hanna's mail (its Message-ID travels with it) and writes to the inbox itself
    await client.send({ from: people.Joost, to: inbox, subject: 'Re: Onderhoud aan het netwerk', text: 'Geldt dit ook voor mij?', inReplyTo: mails.get(people.Hanna), references: [mails.get(people.Hanna)!] });
    assert.equal((await recipient(people.Hanna)).state, 'sent', 'not counted as Hanna\'s reply');
    const [local, domain] = inbox.split('@');
    const guessed = await client.send({ from: people.Joost, to: `${local}+a-${'0'.repeat(24)}@${domain}`, subject: 'Gok', text: 'Hallo?' });
    assert.match(guessed.response, /^250 .*Stored \(LU-\d+\)/, 'still a case: a person wrote');
    const shown = (await ctx.app.inject({ method: 'GET', url: `/api/v1/announcements/${announcementId}`, headers: acc.auth })).json();
    assert.deepEqual([shown.delivery.replied, shown.delivery.bounced, shown.delivery.sent], [2, 1, 1]);
  });
});
