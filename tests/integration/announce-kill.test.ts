import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { scheduleAnnouncement } from '../../src/announcements/schedule-announcement.ts';
import { newAccount } from '../helpers.ts';
import { startMailbox } from '../email.ts';

const N = 300;
const KILL_AT = 120;

/**
 * Issue 15: "A send interrupted by kill -9 and restarted: every recipient gets exactly one message
 * (tested with a real SMTP server receiving)". The sender is the `announcement.send` job handler in a child
 * process (bench/announce-sender.ts, as the worker runs it); it gets SIGKILL after KILL_AT mails arrived and
 * is started again. On PGlite the database is a directory (fsync on) the child opens after the test closed it.
 */
describe('an announcement send killed with SIGKILL and restarted', () => {
  const dataDir = process.env.DATABASE_URL ? undefined : mkdtempSync(join(tmpdir(), 'luister-announce-kill-'));
  const open = () => openDb({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir, poolSize: 2 });
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let accountId: string;
  let announcementId: string;
  const emails: string[] = [];

  before(async () => {
    mailbox = await startMailbox();
    const db = await open();
    try {
      await migrate(db);
      const acc = await newAccount(db, 'Kill');
      accountId = acc.accountId;
      await createInbox(db, systemActor(accountId), { address: `service.${process.pid}.${Date.now()}@kill.example`, name: 'Klantenservice' });
      const tag = `product:kill-${process.pid}`;
      await db.query(
        `WITH c AS (INSERT INTO customers (account_id, name, language, search_text)
           SELECT $1, 'Klant ' || g, CASE WHEN g % 3 = 0 THEN 'en' ELSE 'nl' END, 'klant' FROM generate_series(1, $2) g RETURNING id),
         n AS (SELECT id, row_number() OVER () AS g FROM c),
         i AS (INSERT INTO customer_identities (account_id, customer_id, kind, value) SELECT $1, id, 'email', 'k' || g || '.' || $3 || '@ontvanger.example' FROM n)
         INSERT INTO customer_tags (account_id, customer_id, tag) SELECT $1, id, $4 FROM n`,
        [accountId, N, `${process.pid}${Date.now() % 100000}`, tag],
      );
      // a small batch per job so the kill lands between batches and inside one
      await db.query(`INSERT INTO announcement_settings (account_id, send_per_minute, contact_route) VALUES ($1, 40, '088 123 45 67')
        ON CONFLICT (account_id) DO UPDATE SET send_per_minute = 40, contact_route = '088 123 45 67'`, [accountId]);
      const a = await scheduleAnnouncement(db, { accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId }, {
        kind: 'rebranding', effectiveAt: new Date(Date.now() + 40 * 86_400_000), audience: { kind: 'tag', value: tag },
        content: { nl: { subject: 'Wij krijgen een nieuwe naam', body: 'Vanaf de ingangsdatum heten wij Blauw.', plain: 'Wij heten straks Blauw.' } },
      });
      announcementId = a.id;
      emails.push(...(await db.query<{ email: string }>('SELECT email FROM announcement_recipients WHERE account_id = $1 AND announcement_id = $2', [accountId, a.id])).map((r) => r.email));
    } finally {
      await db.close();
    }
  });
  after(async () => {
    await mailbox.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('every recipient gets exactly one message; only a mail in flight at the kill goes again, with the same Message-ID', { timeout: 300_000 }, async () => {
    assert.equal(emails.length, N);
    const sender = (): ChildProcess => spawn(process.execPath, ['bin/run-ts.mjs', 'bench/announce-sender.ts'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...(dataDir ? { DATA_DIR: dataDir } : {}), RELAY_URL: mailbox.url, ACCOUNT_ID: accountId, ANNOUNCEMENT_ID: announcementId, LOG_LEVEL: 'warn' },
    });
    const exited = (c: ChildProcess) => new Promise<{ code: number | null; signal: string | null }>((r) => c.once('exit', (code, signal) => r({ code, signal })));

    const first = sender();
    const firstExit = exited(first);
    await mailbox.waitFor(KILL_AT, 120_000);
    first.kill('SIGKILL');
    assert.equal((await firstExit).signal, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    const atKill = mailbox.received.length;
    assert.ok(atKill < N, `killed in the middle (${atKill} of ${N})`);

    const second = sender();
    assert.equal((await exited(second)).code, 0);

    const byRecipient = new Map<string, Set<string>>();
    for (const m of mailbox.received) {
      const to = m.envelope.to[0];
      byRecipient.set(to, (byRecipient.get(to) ?? new Set()).add(m.mail.messageId!));
    }
    assert.deepEqual([...byRecipient.keys()].sort(), [...emails].sort(), 'everyone got it');
    const twice = [...byRecipient].filter(([, ids]) => ids.size > 1);
    assert.deepEqual(twice, [], 'nobody got two different messages');
    const resends = mailbox.received.length - N;
    assert.ok(resends <= 5, `at most the mails in flight at the kill went again (same Message-ID): ${resends}`);

    let db: Db | null = null;
    try {
      db = await open();
      const [r] = await db.query<{ sent: number; other: number }>(
        `SELECT count(*) FILTER (WHERE state = 'sent')::int AS sent, count(*) FILTER (WHERE state <> 'sent')::int AS other FROM announcement_recipients WHERE account_id = $1 AND announcement_id = $2`,
        [accountId, announcementId]);
      assert.deepEqual(r, { sent: N, other: 0 });
      const [a] = await db.query<{ status: string }>('SELECT status FROM announcements WHERE account_id = $1 AND id = $2', [accountId, announcementId]);
      assert.equal(a.status, 'sent');
      console.log(`# kill -9 at ${atKill} of ${N} received; resent with the same Message-ID: ${resends}`);
    } finally {
      await db?.close();
    }
  });
});
