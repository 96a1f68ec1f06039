import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import type { Db } from '../../src/storage/db.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { buildApp } from '../../src/http/app.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount, verifyInbox } from '../helpers.ts';
import { openSmtp } from '../smtp-dialog.ts';

const log = pino({ level: 'silent' });
const fixture = (name: string) => readFileSync(new URL(`../fixtures/email/${name}`, import.meta.url));

describe('SMTP listener limits: connections, idle clients, permanent refusals, SMTPUTF8', () => {
  let db: Db;
  let acc: TestAccount;
  let inboxAddress: string;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  const config = testConfig({ SMTP_MAX_CONNECTIONS: 12, SMTP_MAX_CONNECTIONS_PER_IP: 5, SMTP_IDLE_TIMEOUT_SECONDS: 30 });

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Parkeren BV');
    inboxAddress = uniqueEmail('support').replace('@example.test', '@parkeren.example');
    await createInbox(db, systemActor(acc.accountId), { address: inboxAddress, name: 'Klantenservice Parkeren' });
    await verifyInbox(db, acc.accountId, inboxAddress);
    smtp = await startSmtpListener(db, config, log, { port: 0 });
  });
  after(async () => {
    await smtp.close();
    await db.close();
  });

  /** One mail over a fresh connection; the reply to its DATA. */
  async function deliver(raw: string | Buffer, opts: { from?: string; localAddress?: string; smtputf8?: boolean } = {}) {
    const c = await openSmtp(smtp.port, { localAddress: opts.localAddress });
    try {
      assert.match(await c.greeting(), /^220 /);
      assert.match(await c.command('EHLO client.example'), /^250/);
      assert.match(await c.command(`MAIL FROM:<${opts.from ?? 'sender@mail.example'}>${opts.smtputf8 ? ' SMTPUTF8' : ''}`), /^250/);
      assert.match(await c.command(`RCPT TO:<${inboxAddress}>`), /^250/);
      return await c.data(raw);
    } finally {
      c.close();
    }
  }
  const mail = (subject: string, contentType: string, body: string) =>
    `From: ${uniqueEmail('klant')}\r\nTo: ${inboxAddress}\r\nSubject: ${subject}\r\nMessage-ID: <${subject.replace(/\W/g, '')}-${Date.now()}@mail.example>\r\nMIME-Version: 1.0\r\nContent-Type: ${contentType}\r\n\r\n${body}\r\n`;

  test('connections are capped per client address and in total with 421; another client still gets through, and HTTP answers', async () => {
    const app = await buildApp({ db, config, logger: false, checkResponses: true });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const httpPort = (app.server.address() as { port: number }).port;
    const open: Awaited<ReturnType<typeof openSmtp>>[] = [];
    try {
      // five idle connections from 127.0.0.1: all greeted
      for (let i = 0; i < 5; i++) {
        const c = await openSmtp(smtp.port);
        open.push(c);
        assert.match(await c.greeting(), /^220 /);
      }
      // the sixth from the same address: 421 and closed
      const sixth = await openSmtp(smtp.port);
      assert.match(await sixth.greeting(), /^421 .*Too many connections from/);
      assert.ok(await sixth.waitClosed(), 'closed after the 421');
      // another client (127.0.0.2) still gets a whole mail through
      const other = await deliver(mail('Andere klant', 'text/plain; charset=utf-8', 'Mijn parkeerbon is niet verwerkt.'), { localAddress: '127.0.0.2' });
      assert.match(other, /^250 .*Stored/);
      // and HTTP answers
      const health = await fetch(`http://127.0.0.1:${httpPort}/healthz`);
      assert.equal(health.status, 200);

      // fill up to the total cap (12) from other addresses; the next connection gets 421
      for (let i = 0; open.length < 12; i++) {
        const c = await openSmtp(smtp.port, { localAddress: `127.0.0.${3 + Math.floor(i / 5)}` });
        open.push(c);
        assert.match(await c.greeting(), /^220 /);
      }
      const over = await openSmtp(smtp.port, { localAddress: '127.0.0.9' });
      assert.match(await over.greeting(), /^421 .*Too many connected clients/);
      assert.ok(await over.waitClosed());
      assert.equal((await fetch(`http://127.0.0.1:${httpPort}/healthz`)).status, 200, 'HTTP still answers with SMTP full');

      // closed connections free their places
      for (const c of open.splice(0, 6)) c.close();
      await new Promise((r) => setTimeout(r, 200));
      const again = await openSmtp(smtp.port);
      open.push(again);
      assert.match(await again.greeting(), /^220 /);
    } finally {
      for (const c of open) c.close();
      await app.close();
    }
  });

  test('an idle connection is closed after SMTP_IDLE_TIMEOUT_SECONDS with 421', async () => {
    const quick = await startSmtpListener(db, { ...config, SMTP_IDLE_TIMEOUT_SECONDS: 1 }, log, { port: 0 });
    try {
      const c = await openSmtp(quick.port);
      assert.match(await c.greeting(), /^220 /);
      assert.match(await c.reply(4_000), /^421 /);
      assert.ok(await c.waitClosed(2_000));
    } finally {
      await quick.close();
    }
  });

  test('over 1,000 MIME parts: refused for good with 554, not 451', async () => {
    const parts = Array.from({ length: 1_200 }, (_, i) => `--p\r\nContent-Type: text/plain\r\n\r\nregel ${i}\r\n`).join('');
    const reply = await deliver(mail('Veel delen', 'multipart/mixed; boundary="p"', `${parts}--p--`));
    assert.match(reply, /^554 5\.6\.0 .*more than 1,000 MIME parts/);
  });

  test('50,000 nested divs: refused for good with 554, not 451', async () => {
    const reply = await deliver(mail('Diep genest', 'text/html; charset=utf-8', `${'<div>'.repeat(50_000)}hallo${'</div>'.repeat(50_000)}`));
    assert.match(reply, /^554 5\.6\.0 .*nested too deeply/);
  });

  test('a text over 1 MB of distinct words (too large for the search index): refused for good with 552, not 451', async () => {
    let words = '';
    for (let i = 0; words.length < 1_100_000; i++) words += `w${((i * 2654435761) % 4294967296).toString(36)} `;
    const reply = await deliver(mail('Heel veel woorden', 'text/plain; charset=utf-8', words));
    assert.match(reply, /^552 5\.3\.4 .*too large to store/);
  });

  test('SMTPUTF8 is offered; an internationalised sender is accepted and the From header address is kept', async () => {
    const c = await openSmtp(smtp.port);
    try {
      assert.match(await c.greeting(), /^220 /);
      assert.match(await c.command('EHLO client.example'), /\bSMTPUTF8\b/);
    } finally {
      c.close();
    }
    const raw = fixture('eai-sender.eml').toString('utf8').replace('support@parkeren.example', inboxAddress).replace(/<eai-1@/, `<eai-${Date.now()}@`);
    // envelope sender of a forwarding relay; the header names the customer
    assert.match(await deliver(raw, { from: 'bounces@relay.example' }), /^250 .*Stored/);
    const rows = await db.query<{ from_address: string; subject: string }>(
      `SELECT from_address, subject FROM messages WHERE account_id = $1 AND email_message_id LIKE 'eai-%' ORDER BY created_at DESC LIMIT 1`, [acc.accountId]);
    assert.equal(rows[0]?.from_address, 'jdöe@mächine.example');
    const [identity] = await db.query<{ value: string }>(`SELECT value FROM customer_identities WHERE account_id = $1 AND value LIKE 'jd%'`, [acc.accountId]);
    assert.equal(identity?.value, 'jdöe@mächine.example');
    // the internationalised address as envelope sender (MAIL FROM … SMTPUTF8)
    const raw2 = raw.replace(/<eai-\d+@/, `<eai2-${Date.now()}@`);
    assert.match(await deliver(raw2, { from: 'jdöe@mächine.example', smtputf8: true }), /^250 .*Stored/);
  });
});
