import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '../../src/storage/db.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { loadInbox, type InboxRow } from '../../src/intake/inboxes/store.ts';
import { receiveInbound } from '../../src/intake/receive-message.ts';
import { emailAdapter } from '../../src/intake/channels/email/parse-email.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';

/** The fixtures in tests/fixtures/email are of our own making, one per class of real-world mail. */
const dir = new URL('../fixtures/email/', import.meta.url);
const files = (sub: string) => readdirSync(new URL(`${sub}/`, dir)).filter((f) => f.endsWith('.eml')).sort();

describe('e-mail intake by class: plain-text bounces, list errors, role senders, UTF-7 words, bidi names', () => {
  let db: Db;
  let acc: TestAccount;
  let inbox: InboxRow;
  const config = testConfig({ ACK_PER_SENDER_PER_HOUR: 5 });
  let seq = 0;
  /** A fixture addressed to this test's inbox, under a Message-ID of its own (a shared PostgreSQL keeps earlier runs). */
  const load = (path: string) => readFileSync(new URL(path, dir)).toString('utf8')
    .replaceAll('support@parkeren.example', inbox.address)
    .replace(/^Message-ID: <([^>]+)>/im, (_m, id: string) => `Message-ID: <${++seq}.${Date.now()}.${id}>`);
  const receive = (raw: string) => receiveInbound(db, emailAdapter, raw, { accountId: acc.accountId, inbox, to: inbox.address, envelopeFrom: null }, config);
  const acks = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE account_id = $1 AND automated = 'acknowledgement'`, [acc.accountId]))[0].n;
  const cases = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1', [acc.accountId]))[0].n;

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Parkeren BV');
    const created = await createInbox(db, systemActor(acc.accountId), { address: uniqueEmail('support').replace('@example.test', '@parkeren.example'), name: 'Klantenservice Parkeren' });
    inbox = await loadInbox(db, acc.accountId, created.id);
  });
  after(() => db.close());

  test('plain-text bounces (Domino, IMail, James, carriers, Exchange, Courier, Sendmail …) and list-manager errors open no case and get no acknowledgement', async () => {
    const before = { cases: await cases(), acks: await acks() };
    const bounces = files('bounces');
    assert.ok(bounces.length >= 20);
    for (const file of bounces) {
      const r = await receive(load(`bounces/${file}`));
      assert.notEqual(r.outcome, 'stored', `${file}: ${JSON.stringify(r)}`);
    }
    assert.equal(await cases(), before.cases, 'no case opened');
    assert.equal(await acks(), before.acks, 'no acknowledgement queued');
  });

  test('a plain-text bounce for a customer marks the address as bouncing', async () => {
    const raw = load('bounces/domino.eml');
    const customer = 'p.smit@kantoor.example';
    await receive(`From: Pieter Smit <${customer}>\r\nTo: ${inbox.address}\r\nSubject: Vergunning\r\nMessage-ID: <smit-${Date.now()}@kantoor.example>\r\n\r\nMijn vergunning is verlopen.\r\n`);
    const r = await receive(raw);
    assert.equal(r.outcome, 'bounce_recorded', JSON.stringify(r));
    const [row] = await db.query<{ bouncing_since: Date | null }>(`SELECT bouncing_since FROM customer_identities WHERE account_id = $1 AND value = $2`, [acc.accountId, customer]);
    assert.ok(row?.bouncing_since, 'marked bouncing');
  });

  test('mails people wrote that only look like bounces are cases; role and machine senders are never acknowledged', async () => {
    for (const file of files('human')) {
      const r = await receive(load(`human/${file}`));
      assert.equal(r.outcome, 'stored', `${file}: ${JSON.stringify(r)}`);
      assert.equal(r.outcome === 'stored' && r.acknowledged, true, `${file} acknowledged`);
    }
    for (const sender of ['noreply@webshop.example', 'postmaster@bedrijf.example', 'fietsers-request@lists.example', 'list-admin@lists.example',
      'leden-owner@lists.example', 'nieuws-bounces@lists.example', 'do-not-reply@bank.example', 'MAILER-DAEMON@mx.example']) {
      const r = await receive(`From: ${sender}\r\nTo: ${inbox.address}\r\nSubject: Vraag over parkeren\r\nMessage-ID: <role-${++seq}-${Date.now()}@x.example>\r\n\r\nKunt u mij vertellen waar ik mijn vergunning kan verlengen?\r\n`);
      assert.ok(r.outcome !== 'stored' || !r.acknowledged, `${sender}: ${JSON.stringify(r)}`);
    }
  });

  test('UTF-7 encoded words in subject, display name and attachment name are decoded', async () => {
    const r = await receive(load('utf7-words.eml'));
    assert.equal(r.outcome, 'stored');
    const [m] = await db.query<{ subject: string; from_address: string; id: string; customer_id: string }>(
      'SELECT id, subject, from_address, customer_id FROM messages WHERE account_id = $1 AND id = $2', [acc.accountId, r.outcome === 'stored' ? r.messageId : '']);
    assert.equal(m.subject, 'Frösche – Ärger mit 日本');
    const [c] = await db.query<{ name: string }>('SELECT name FROM customers WHERE account_id = $1 AND id = $2', [acc.accountId, m.customer_id]);
    assert.equal(c.name, 'Jürgen Bakker');
    const [a] = await db.query<{ filename: string }>('SELECT filename FROM attachments WHERE account_id = $1 AND message_id = $2', [acc.accountId, m.id]);
    assert.equal(a.filename, 'Rechnung März.pdf');
  });

  test('bidi controls (right-to-left override, isolates) are removed from attachment names and the display name', async () => {
    const r = await receive(load('bidi-names.eml'));
    assert.equal(r.outcome, 'stored');
    const id = r.outcome === 'stored' ? r.messageId : '';
    const names = (await db.query<{ filename: string }>('SELECT filename FROM attachments WHERE account_id = $1 AND message_id = $2 ORDER BY filename', [acc.accountId, id])).map((x) => x.filename);
    assert.deepEqual(names, ['bongpj.exe', 'notitie.txt']);
    const [c] = await db.query<{ name: string }>('SELECT c.name FROM customers c JOIN messages m ON m.customer_id = c.id WHERE m.account_id = $1 AND m.id = $2', [acc.accountId, id]);
    assert.equal(c.name, 'Klantenservice knaB');
  });
});
