import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Db } from '../../src/storage/db.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { createTeam } from '../../src/accounts/create-team.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { buildApp } from '../../src/http/app.ts';
import { newAccount, testConfig, testDb, uniqueEmail, verifyInbox, type TestAccount } from '../helpers.ts';
import { snapshotAccount } from '../account-snapshot.ts';
import { runJobs, smtpClient, startMailbox } from '../email.ts';

const log = pino({ level: 'silent' });

describe('e-mail over real SMTP: in, acknowledged, answered, threaded', () => {
  let db: Db;
  let acc: TestAccount;
  let inboxAddress: string;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let config: ReturnType<typeof testConfig>;
  let client: ReturnType<typeof smtpClient>;
  const handlers = () => jobHandlers(config);
  const sendQueued = () => runJobs(db, handlers(), acc.accountId, ['email.send']);

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Parkeren BV');
    mailbox = await startMailbox();
    config = testConfig({ SMTP_RELAY_URL: mailbox.url, SMTP_MAX_BYTES: 200_000, SMTP_MAX_RECIPIENTS: 5, ACK_PER_SENDER_PER_HOUR: 2 });
    inboxAddress = uniqueEmail('support').replace('@example.test', '@parkeren.example');
    await createInbox(db, systemActor(acc.accountId), { address: inboxAddress, name: 'Klantenservice Parkeren' });
    await verifyInbox(db, acc.accountId, inboxAddress);
    smtp = await startSmtpListener(db, config, log, { port: 0 });
    client = smtpClient(smtp.port);
  });
  after(async () => {
    client.close();
    await smtp.close();
    await mailbox.close();
    await db.close();
  });

  const caseOf = async (messageId: string) =>
    (await db.query<{ case_id: string; body: string; original_body: string | null; automated: string | null }>(
      'SELECT case_id, body, original_body, automated FROM messages WHERE account_id = $1 AND email_message_id = $2',
      [acc.accountId, messageId],
    ))[0];

  test('a complaint is stored before 250, acknowledged in Dutch, and the answer threads back', async () => {
    const customer = uniqueEmail('anouk');
    const mid = `klacht-${Date.now()}@mail.example`;
    const info = await client.send({
      from: `"Anouk de Vries" <${customer}>`,
      to: inboxAddress,
      subject: 'Dubbel afgeschreven voor parkeren',
      text: 'Goedemiddag,\n\nIk ben gisteren twee keer € 12,50 afgeschreven voor één parkeersessie. Graag het geld terug.\n\nMet vriendelijke groet,\nAnouk de Vries',
      messageId: `<${mid}>`,
    });
    assert.match(info.response, /^250 .*Stored \(LU-\d+\)/);
    const stored = await caseOf(mid);
    assert.ok(stored, 'committed before the 250');
    assert.match(stored.body, /twee keer € 12,50/);
    assert.doesNotMatch(stored.body, /Met vriendelijke groet/);

    // the acknowledgement is on the case and goes out through the relay
    assert.equal(await sendQueued(), 1);
    const [ack] = await mailbox.waitFor(1);
    assert.deepEqual(ack.envelope.to, [customer]);
    assert.equal(ack.mail.from?.value[0].name, 'Klantenservice Parkeren');
    assert.equal(ack.mail.from?.value[0].address, inboxAddress);
    assert.match(ack.mail.subject ?? '', /^Re: Dubbel afgeschreven voor parkeren \[LU-\d+\]$/);
    assert.equal(ack.mail.inReplyTo, info.messageId);
    assert.match(String(ack.mail.replyTo?.value[0].address), /^support.*\+lu-\d+@parkeren\.example$/);
    assert.equal(ack.mail.headers.get('auto-submitted'), 'auto-replied');
    assert.match(ack.mail.text ?? '', /Beste Anouk de Vries,[\s\S]*U hoort uiterlijk [a-z]+dag \d+ [a-z]+ om \d\d:\d\d van ons[\s\S]*Klantenservice Parkeren/);
    const ref = /\[(LU-\d+)\]/.exec(ack.mail.subject ?? '')![1];

    // the customer answers the acknowledgement: same case, quoted history stripped, no second acknowledgement
    const answer = await client.send({
      from: customer,
      to: inboxAddress,
      subject: `Re: ${ack.mail.subject}`,
      inReplyTo: ack.mail.messageId,
      references: [info.messageId, ack.mail.messageId!],
      text: `Het ging om kenteken 12-ABC-3.\n\nOp ${new Date().toLocaleDateString('nl-NL')} om 10:12 schreef Klantenservice Parkeren <${inboxAddress}>:\n> Dank u voor uw bericht.\n> We hebben het ontvangen onder nummer ${ref}.`,
    });
    const joined = await caseOf(answer.messageId.slice(1, -1));
    assert.equal(joined.case_id, stored.case_id);
    assert.equal(joined.body, 'Het ging om kenteken 12-ABC-3.');
    assert.match(joined.original_body ?? '', /schreef Klantenservice Parkeren/);
    assert.equal(await sendQueued(), 0, 'no acknowledgement for a follow-up');

    // the agent answers through the API: sent once, threaded under the customer's last mail
    const app = await buildApp({ db, config, logger: false, checkResponses: true });
    try {
      const r = await app.inject({
        method: 'POST', url: `/api/v1/cases/${ref}/messages`, headers: acc.auth,
        payload: { body: 'Beste Anouk, excuses voor de dubbele afschrijving. We storten € 12,50 vandaag terug.' },
      });
      assert.equal(r.statusCode, 201, r.body);
      assert.equal(r.json().delivery_status, 'queued');
    } finally {
      await app.close();
    }
    assert.equal(await sendQueued(), 1);
    const [, reply] = await mailbox.waitFor(2);
    assert.equal(reply.mail.inReplyTo, answer.messageId);
    assert.ok((reply.mail.references as string[]).includes(info.messageId), 'References carries the whole thread');
    assert.match(reply.mail.subject ?? '', new RegExp(`\\[${ref}\\]`));
    assert.equal(reply.mail.headers.get('auto-submitted'), undefined, 'a person wrote this one');
    const [sent] = await db.query<{ delivery_status: string; sent_at: Date | null }>(
      `SELECT delivery_status, sent_at FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'outbound' AND automated IS NULL`,
      [acc.accountId, stored.case_id],
    );
    assert.equal(sent.delivery_status, 'sent');
    assert.ok(sent.sent_at);

    // the same send job again (a retry after a lost acknowledgement from the queue): nothing is sent twice
    const [again] = await db.query<{ id: string }>(`SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'outbound' AND automated IS NULL`, [acc.accountId, stored.case_id]);
    await handlers()['email.send'](db, { id: 0, account_id: acc.accountId, kind: 'email.send', payload: { message_id: again.id }, attempts: 1, max_attempts: 12 });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(mailbox.received.length, 2);
  });

  test('STARTTLS with a configured certificate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'luister-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=localhost'], { stdio: 'ignore' });
    const tls = await startSmtpListener(db, { ...config, SMTP_TLS_KEY: join(dir, 'key.pem'), SMTP_TLS_CERT: join(dir, 'cert.pem') }, log, { port: 0 });
    const raw = `From: ${uniqueEmail('tls')}\r\nTo: ${inboxAddress}\r\nSubject: Versleuteld\r\nMessage-ID: <tls-${Date.now()}@x>\r\n\r\nhallo\r\n`;
    try {
      const secure = nodemailer.createTransport({ host: '127.0.0.1', port: tls.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      assert.match((await secure.sendMail({ envelope: { from: 'k@mail.example', to: inboxAddress }, raw })).response, /^250 /);
      secure.close();
      // the listener without a certificate does not offer STARTTLS: a client that requires it is refused
      const plain = nodemailer.createTransport({ host: '127.0.0.1', port: smtp.port, secure: false, requireTLS: true, tls: { rejectUnauthorized: false } });
      await assert.rejects(plain.sendMail({ envelope: { from: 'k@mail.example', to: inboxAddress }, raw }));
      plain.close();
    } finally {
      await tls.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a mail delivered twice (same Message-ID) is stored once', async () => {
    const raw = `From: ${uniqueEmail('dubbel')}\r\nTo: ${inboxAddress}\r\nSubject: Twee keer bezorgd\r\nMessage-ID: <twice-${Date.now()}@mail.example>\r\n\r\nDit bericht komt twee keer.\r\n`;
    const first = await client.sendRaw('a@mail.example', inboxAddress, raw);
    const second = await client.sendRaw('a@mail.example', inboxAddress, raw);
    assert.match(first.response, /^250 .*LU-\d+/);
    assert.match(second.response, /^250 .*already stored/);
    const id = /Message-ID: <([^>]+)>/.exec(raw)![1];
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE account_id = $1 AND email_message_id = $2', [acc.accountId, id]);
    assert.equal(n, 1);
  });

  test('bad envelopes and messages get a clear SMTP code and change nothing', async () => {
    const snapshot = await snapshotAccount(db, acc.accountId);
    const ok = `From: k@mail.example\r\nTo: ${inboxAddress}\r\nSubject: x\r\n\r\nhallo\r\n`;
    await assert.rejects(client.sendRaw('k@mail.example', 'nobody@parkeren.example', ok), (e: { responseCode?: number; response?: string }) =>
      e.responseCode === 550 && /no such inbox/.test(e.response ?? ''));
    await assert.rejects(client.sendRaw('k@mail.example', inboxAddress, `${ok}${'x'.repeat(210_000)}\r\n`), (e: { responseCode?: number }) =>
      e.responseCode === 552);
    await assert.rejects(client.sendRaw('k@mail.example', inboxAddress, '\r\n'), (e: { responseCode?: number }) => e.responseCode === 554);
    const bomb = Array.from({ length: 40 }, (_, i) => i % 2 ? inboxAddress : `x${i}@parkeren.example`);
    await assert.rejects(client.sendRaw('k@mail.example', bomb, ok), (e: { responseCode?: number }) => e.responseCode === 452 || e.responseCode === 554);
    assert.deepEqual(await snapshotAccount(db, acc.accountId), snapshot);
  });

  test('a database failure answers 451, so the sender tries again', async () => {
    const broken = { ...db, transaction: async () => { throw new Error('database down'); } } as Db;
    const other = await startSmtpListener(broken, config, log, { port: 0 });
    const c = smtpClient(other.port);
    try {
      await assert.rejects(
        c.sendRaw('k@mail.example', inboxAddress, `From: k@mail.example\r\nTo: ${inboxAddress}\r\nSubject: x\r\nMessage-ID: <down-${Date.now()}@x>\r\n\r\nhallo\r\n`),
        (e: { responseCode?: number }) => e.responseCode === 451,
      );
    } finally {
      c.close();
      await other.close();
    }
  });

  test("a mail to a team's inbox is that team's case: it is in the team's queue before anyone owns it", async () => {
    const actor = systemActor(acc.accountId);
    const team = await createTeam(db, actor, { name: `Parkeren tweede lijn ${Date.now()}` });
    const address = uniqueEmail('vergunningen').replace('@example.test', '@parkeren.example');
    await createInbox(db, actor, { address, name: 'Vergunningen', team_id: team.id, acknowledge: false });
    await verifyInbox(db, acc.accountId, address);
    const info = await client.send({ from: uniqueEmail('bewoner'), to: address, subject: 'Bewonersvergunning verlengen', text: 'Mijn vergunning verloopt volgende week. Hoe verleng ik hem?' });
    assert.match(info.response, /^250 /);
    const [c] = await db.query<{ id: string; team_id: string | null; owner_id: string | null }>(
      `SELECT c.id, c.team_id, c.owner_id FROM cases c JOIN messages m ON m.account_id = c.account_id AND m.case_id = c.id
       WHERE c.account_id = $1 AND m.email_message_id = $2`,
      [acc.accountId, info.messageId.replace(/^<|>$/g, '')],
    );
    assert.equal(c.team_id, team.id);
    assert.equal(c.owner_id, null);
    const app = await buildApp({ db, config, logger: false, checkResponses: true });
    try {
      const list = await app.inject({ method: 'GET', url: `/api/v1/cases?team_id=${team.id}`, headers: acc.auth });
      assert.deepEqual(list.json().data.map((x: { id: string }) => x.id), [c.id]);
    } finally {
      await app.close();
    }
  });
});
