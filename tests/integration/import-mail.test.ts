import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src/storage/db.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { importMail } from '../../src/imports/mail/import-mail.ts';
import { splitMbox } from '../../src/imports/mail/split-mbox.ts';
import { readEmlDir } from '../../src/imports/mail/read-eml-dir.ts';
import { newAccount, testConfig, testDb, type TestAccount } from '../helpers.ts';

/** An archive of our own making: two threads out of order (one reply names only its parent), an attachment, a bounce, a mail without sender. */
const run = `${process.pid}.${Date.now()}`;
const id = (n: string) => `${n}.${run}@archief.example`;
const klant = `marieke.${run}@voorbeeld.nl`;
const customer2 = `john.${run}@example.com`;

function mail(o: { id: string; from?: string; subject: string; date: string; refs?: string[]; inReplyTo?: string; body: string; attachment?: boolean }): string {
  const head = [
    ...(o.from ? [`From: ${o.from}`] : []),
    'To: service@bedrijf.example',
    `Subject: ${o.subject}`,
    `Date: ${o.date}`,
    `Message-ID: <${o.id}>`,
    ...(o.refs ? [`References: ${o.refs.map((r) => `<${r}>`).join(' ')}`] : []),
    ...(o.inReplyTo ? [`In-Reply-To: <${o.inReplyTo}>`] : []),
    'MIME-Version: 1.0',
  ];
  if (!o.attachment) return [...head, 'Content-Type: text/plain; charset=utf-8', '', o.body, ''].join('\n');
  return [...head, 'Content-Type: multipart/mixed; boundary="grens"', '', '--grens', 'Content-Type: text/plain; charset=utf-8', '', o.body, '--grens',
    'Content-Type: application/pdf; name="factuur.pdf"', 'Content-Disposition: attachment; filename="factuur.pdf"', 'Content-Transfer-Encoding: base64', '',
    Buffer.from('%PDF-1.4\n% factuur\n').toString('base64'), '--grens--', ''].join('\n');
}

const MAILS = {
  a3: mail({ id: id('a3'), from: klant, subject: 'Re: Storing internet', date: 'Wed, 8 Jan 2025 11:00:00 +0100', inReplyTo: id('a2'), body: 'Nog steeds geen internet.\nFrom mijn kant is alles geprobeerd.' }),
  b2: mail({ id: id('b2'), from: customer2, subject: 'Re: Wrong invoice', date: 'Fri, 10 Jan 2025 09:30:00 +0000', refs: [id('b1')], body: 'Any news about my invoice?' }),
  a1: mail({ id: id('a1'), from: klant, subject: 'Storing internet', date: 'Mon, 6 Jan 2025 09:00:00 +0100', body: 'Mijn internet doet het al twee dagen niet.', attachment: true }),
  bounce: ['From: MAILER-DAEMON@mx.example', 'To: service@bedrijf.example', 'Subject: Undelivered Mail Returned to Sender', 'Date: Tue, 7 Jan 2025 10:00:00 +0000',
    `Message-ID: <${id('bounce')}>`, 'MIME-Version: 1.0', 'Content-Type: multipart/report; report-type=delivery-status; boundary="r"', '', '--r', 'Content-Type: text/plain', '',
    'Delivery failed.', '--r', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mx.example', '', 'Final-Recipient: rfc822; weg@voorbeeld.nl', 'Action: failed', 'Status: 5.1.1', '', '--r--', ''].join('\n'),
  a2: mail({ id: id('a2'), from: klant, subject: 'Re: Storing internet', date: 'Tue, 7 Jan 2025 08:15:00 +0100', refs: [id('a1')], body: 'Ik heb de modem opnieuw opgestart.' }),
  nosender: mail({ id: id('nosender'), subject: 'Wie ben ik', date: 'Tue, 7 Jan 2025 12:00:00 +0100', body: 'Zonder afzender.' }),
  b1: mail({ id: id('b1'), from: customer2, subject: 'Wrong invoice', date: 'Thu, 9 Jan 2025 14:00:00 +0000', body: 'My invoice for January is too high.' }),
};

/** mboxrd: a "From " postmark before each message, body lines starting "From " quoted. */
const mbox = (mails: string[]) => mails.map((m) => `From archief@example Mon Jan  1 00:00:00 2025\n${m.replace(/^(>*From )/gm, '>$1')}\n`).join('');

describe('import a mail archive (mbox, folder of .eml)', () => {
  let db: Db;
  let acc: TestAccount;
  let dir: string;
  const config = testConfig();
  const actor = () => systemActor(acc.accountId);
  const fromMbox = (text: string) => ({ kind: 'mbox' as const, read: () => splitMbox([Buffer.from(text)], { maxBytes: config.SMTP_MAX_BYTES }) });
  const archive = mbox(Object.values(MAILS));
  const counts = async (accountId = acc.accountId) => (await db.query<{ messages: number; cases: number; customers: number; jobs: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM messages WHERE account_id = $1) AS messages, (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases,
       (SELECT count(*)::int FROM customers WHERE account_id = $1) AS customers, (SELECT count(*)::int FROM jobs WHERE account_id = $1 AND kind <> 'webhook.deliver') AS jobs,
       (SELECT count(*)::int FROM audit_log WHERE account_id = $1) AS audit`, [accountId]))[0];
  const caseOf = async (messageId: string) =>
    (await db.query<{ case_id: string; created_at: Date }>('SELECT case_id, created_at FROM messages WHERE account_id = $1 AND email_message_id = $2', [acc.accountId, messageId]))[0];

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Archief BV');
    dir = mkdtempSync(join(tmpdir(), 'luister-import-mail-'));
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.close();
  });

  test('a dry run says what would happen and changes nothing', async () => {
    const before = await counts();
    const s = await importMail(db, actor(), fromMbox(archive), config, { dryRun: true });
    assert.deepEqual(await counts(), before);
    assert.equal(s.dry_run, true);
    assert.equal(s.read, 7);
    assert.equal(s.imported, 5);
    assert.equal(s.cases, 2, 'two conversations');
    assert.equal(Object.values(s.skipped).reduce((a, b) => a + b, 0), 2);
    assert.ok(Object.keys(s.skipped).some((r) => /bounce/.test(r)));
    assert.ok(Object.keys(s.skipped).some((r) => /sender/.test(r)), JSON.stringify(s.skipped));
  });

  test('import: threads rebuilt out of order, original dates kept, attachment stored, no acknowledgement, no analysis queued', async () => {
    const s = await importMail(db, actor(), fromMbox(archive), config, { batchSize: 2, requestId: 'import:test' });
    assert.equal(s.imported, 5, JSON.stringify(s));
    assert.equal(s.cases, 2);
    assert.equal(s.batches.failed, null);
    assert.equal(s.batches.committed, 3);
    const [a1, a2, a3, b1, b2] = await Promise.all(['a1', 'a2', 'a3', 'b1', 'b2'].map((n) => caseOf(id(n))));
    assert.equal(a2.case_id, a1.case_id);
    assert.equal(a3.case_id, a1.case_id, 'a reply that names only its parent, stored before both, joins the thread');
    assert.equal(b2.case_id, b1.case_id);
    assert.notEqual(a1.case_id, b1.case_id);
    assert.equal(a1.created_at.toISOString(), '2025-01-06T08:00:00.000Z');
    assert.equal(a3.created_at.toISOString(), '2025-01-08T10:00:00.000Z');
    const [c] = await db.query<{ created_at: Date; last_contact_at: Date; contact_count: number; customer: string }>(
      `SELECT c.created_at, c.last_contact_at, c.contact_count, i.value AS customer FROM cases c
       JOIN customer_identities i ON i.account_id = c.account_id AND i.customer_id = c.customer_id AND i.kind = 'email'
       WHERE c.account_id = $1 AND c.id = $2`, [acc.accountId, a1.case_id]);
    assert.equal(c.created_at.toISOString(), '2025-01-06T08:00:00.000Z');
    assert.equal(c.last_contact_at.toISOString(), '2025-01-08T10:00:00.000Z');
    assert.equal(c.contact_count, 3);
    assert.equal(c.customer, klant, 'the customer is identified by the From address, as for e-mail');
    const [att] = await db.query<{ filename: string }>(
      'SELECT a.filename FROM attachments a JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id WHERE m.account_id = $1 AND m.email_message_id = $2', [acc.accountId, id('a1')]);
    assert.equal(att?.filename, 'factuur.pdf');
    const [{ body }] = await db.query<{ body: string }>('SELECT body FROM messages WHERE account_id = $1 AND email_message_id = $2', [acc.accountId, id('a3')]);
    assert.match(body, /^Nog steeds geen internet\.\nFrom mijn kant/m, '>From quoting undone');
    const after = await counts();
    assert.equal(after.messages, 5, 'no acknowledgement stored');
    assert.equal(after.jobs, 0, 'no mail queued, no analysis queued');
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND request_id = 'import:test'`, [acc.accountId]);
    assert.ok(n >= 5, 'the audit log says what the import did');
  });

  test('importing again changes nothing', async () => {
    const before = await counts();
    const s = await importMail(db, actor(), fromMbox(mbox([...Object.values(MAILS)].reverse())), config);
    assert.equal(s.imported, 0);
    assert.equal(s.skipped['already imported (same Message-ID)'], 5);
    assert.deepEqual(await counts(), before);
  });

  test('a truncated archive is refused before anything is stored, naming the message', async () => {
    const other = await newAccount(db, 'Afgekapt BV');
    const cut = mbox([mail({ id: id('t1'), from: klant, subject: 'Een', date: 'Mon, 6 Jan 2025 09:00:00 +0100', body: 'Heel.' }),
      mail({ id: id('t2'), from: klant, subject: 'Twee', date: 'Mon, 6 Jan 2025 10:00:00 +0100', body: 'Met bijlage.', attachment: true })]);
    const truncated = cut.slice(0, cut.indexOf('--grens--'));
    await assert.rejects(importMail(db, systemActor(other.accountId), fromMbox(truncated), config), (err: Error & { code?: string }) => {
      assert.equal(err.code, 'import_file_invalid');
      assert.match(err.message, /Message 2 \(byte \d+, line 12\) is truncated: its multipart body ends before the closing boundary.*Nothing was imported/);
      return true;
    });
    await assert.rejects(importMail(db, systemActor(other.accountId), fromMbox('Subject: geen mbox\n\nhallo\n'), config), /Not an mbox/);
    assert.equal((await counts(other.accountId)).messages, 0);
  });

  test('a batch that fails is rolled back, the summary names it, and running again resumes', async () => {
    const other = await newAccount(db, 'Hervat BV');
    const fn = `fail_import_${other.accountId.replace(/-/g, '')}`;
    // a database that refuses one message of this account only (the test may share PostgreSQL with others)
    await db.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.account_id = '${other.accountId}' AND NEW.body LIKE '%WEIGER%' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`);
    await db.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON messages FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
    const five = mbox([1, 2, 3, 4, 5].map((n) => mail({ id: id(`r${n}`), from: klant, subject: `Los ${n}`, date: `Mon, ${n} Jan 2025 09:00:00 +0100`, body: n === 3 ? 'WEIGER dit bericht.' : `Bericht ${n}.` })));
    try {
      const s = await importMail(db, systemActor(other.accountId), fromMbox(five), config, { batchSize: 2 });
      assert.equal(s.batches.committed, 1);
      assert.deepEqual({ ...s.batches.failed, error: undefined }, { batch: 2, items: 'messages 3–4', error: undefined });
      assert.match(s.batches.failed!.error, /refused for the test/);
      assert.equal((await counts(other.accountId)).messages, 2, 'batch 1 stored, batch 2 rolled back whole');
    } finally {
      await db.query(`DROP TRIGGER ${fn} ON messages`);
      await db.query(`DROP FUNCTION ${fn}()`);
    }
    const resumed = await importMail(db, systemActor(other.accountId), fromMbox(five), config, { batchSize: 2 });
    assert.equal(resumed.imported, 3);
    assert.equal(resumed.skipped['already imported (same Message-ID)'], 2);
    assert.equal((await counts(other.accountId)).messages, 5);
  });

  test('a folder of .eml files: same threads, and idempotent', async () => {
    const other = await newAccount(db, 'Eml BV');
    mkdirSync(join(dir, 'sub'));
    const names = Object.keys(MAILS);
    names.forEach((n, i) => writeFileSync(join(dir, i % 2 ? 'sub' : '', `${String(i).padStart(2, '0')}-${n}.eml`), MAILS[n as keyof typeof MAILS].replace(/\n/g, '\r\n')));
    writeFileSync(join(dir, 'readme.txt'), 'not an eml');
    const src = { kind: 'eml' as const, read: () => readEmlDir(dir, { maxBytes: config.SMTP_MAX_BYTES }) };
    const first = await importMail(db, systemActor(other.accountId), src, config);
    assert.equal(first.imported, 5);
    assert.equal(first.cases, 2);
    const again = await importMail(db, systemActor(other.accountId), src, config);
    assert.equal(again.imported, 0);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(DISTINCT case_id)::int AS n FROM messages WHERE account_id = $1', [other.accountId]);
    assert.equal(n, 2);
    writeFileSync(join(dir, 'zz-broken.eml'), 'dit is geen mail\n');
    await assert.rejects(importMail(db, systemActor(other.accountId), src, config), /zz-broken\.eml is no e-mail message/);
  });
});
