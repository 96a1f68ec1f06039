import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, verifyInbox } from '../helpers.ts';
import { openSmtp } from '../smtp-dialog.ts';
import { replicationUnavailable, startReplicatedPair, type ReplicatedPair } from '../pg-replication.ts';

const unavailable = replicationUnavailable();

/** `luister serve` in a process of its own; resolves with its SMTP port once it is ready. */
async function serve(env: Record<string, string>): Promise<{ proc: ChildProcess; smtpPort: number; httpUrl: string; output: () => string; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, ['bin/luister.mjs', 'serve'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', SMTP_PORT: '0', SMTP_HOST: '127.0.0.1', WORKER: 'off', LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const smtpPort = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve not ready in 60 s:\n${out}`)), 60_000);
    proc.stdout!.on('data', () => {
      const m = /Mail in: SMTP on port (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}:\n${out}`)));
  });
  const stop = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    const t = setTimeout(() => proc.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(t);
  };
  const httpUrl = /Luister is ready at (http:\/\/\S+)/.exec(out)![1].replace('localhost', '127.0.0.1');
  return { proc, smtpPort, httpUrl, output: () => out, stop };
}

type Outcome = 'accepted' | 'refused' | 'no_answer';

/**
 * One SMTP sender: mails one after the other on one connection (a new one after a broken one),
 * every reply recorded. `next()` hands out the next mail number, or null to stop.
 */
async function sender(port: number, to: string, next: () => number | null, record: (n: number, id: string, o: Outcome, reply: string) => void) {
  let conn: Awaited<ReturnType<typeof openSmtp>> | null = null;
  for (let n = next(); n !== null; n = next()) {
    const id = `failover-${n}.${process.pid}@klant.example`;
    let reply = '';
    try {
      if (!conn || conn.closed) {
        conn = await openSmtp(port);
        reply = await conn.greeting();
        if (!reply.startsWith('220')) throw new Error(reply);
        reply = await conn.command('EHLO klant.example');
      }
      reply = await conn.command('RSET');
      reply = await conn.command(`MAIL FROM:<klant${n}@klant.example>`);
      if (reply.startsWith('250')) reply = await conn.command(`RCPT TO:<${to}>`);
      if (reply.startsWith('250')) {
        reply = await conn.data(
          `From: Klant ${n} <klant${n}@klant.example>\r\nTo: <${to}>\r\nSubject: Storing op adres ${n}\r\nMessage-ID: <${id}>\r\n` +
          `Date: ${new Date().toUTCString()}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGoedemorgen,\r\n\r\nSinds vanochtend heb ik geen internet (melding ${n}).\r\n\r\nGroet,\r\nKlant ${n}\r\n`,
        );
        record(n, id, reply.startsWith('250') ? 'accepted' : reply ? 'refused' : 'no_answer', reply);
      } else {
        record(n, id, reply ? 'refused' : 'no_answer', reply);
      }
    } catch (err) {
      record(n, id, 'no_answer', (err as Error).message);
      conn?.close();
      conn = null;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
  conn?.close();
}

describe('failover: synchronous replication, the primary killed mid-stream, the standby promoted: no mail that got 250 is lost', { skip: unavailable }, () => {
  let pair: ReplicatedPair;
  let accountId: string;
  let inbox: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'luister-failover-'));
  const servers: { stop: () => Promise<void> }[] = [];

  let setupMs = 0;
  before(async () => {
    const t0 = Date.now();
    pair = await startReplicatedPair({ synchronous: true });
    const db = await openDb({ databaseUrl: pair.primary.url(), poolSize: 3 });
    try {
      await migrate(db);
      accountId = (await newAccount(db, 'Internetprovider')).accountId;
      inbox = `storingen.${process.pid}@provider.example`;
      await createInbox(db, systemActor(accountId), { address: inbox, name: 'Storingsdienst' });
      await verifyInbox(db, accountId, inbox);
    } finally {
      await db.close();
    }
    setupMs = Date.now() - t0;
  });
  after(async () => {
    for (const s of servers) await s.stop().catch(() => {});
    await pair?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('every 250 is in the promoted standby; after pointing Luister at it, mail is accepted again', async (t) => {
    const [mode] = await pair.primary.query<{ names: string; commit: string }>("SELECT current_setting('synchronous_standby_names') AS names, current_setting('synchronous_commit') AS commit");
    assert.equal(mode.commit, 'on');
    assert.equal(mode.names, 'luister_standby');

    const firstStart = Date.now();
    const first = await serve({ DATABASE_URL: pair.primary.url(), DATABASE_REPLICA_URL: pair.standby.url(), DATA_DIR: dataDir });
    servers.push(first);
    const firstReadyMs = Date.now() - firstStart;
    // the server reads on the standby meanwhile
    const health = await (await fetch(`${first.httpUrl}/healthz`)).json() as { replica: { state: string; lag_ms: number } };
    assert.equal(health.replica.state, 'streaming');
    const TOTAL = 200;
    const KILL_AFTER = 60;
    const results = new Map<number, { id: string; outcome: Outcome; reply: string }>();
    let issued = 0;
    let killedAt = 0;
    let acceptedAtKill = 0;
    let afterKill = 0;
    const next = () => (issued < TOTAL && (!killedAt || afterKill++ < 20) ? issued++ : null);
    const accepted = () => [...results.values()].filter((r) => r.outcome === 'accepted');
    const record = (n: number, id: string, outcome: Outcome, reply: string) => {
      results.set(n, { id, outcome, reply });
      if (!killedAt && accepted().length >= KILL_AFTER) {
        // kill -9 with mails in flight on the other connections
        killedAt = Date.now();
        acceptedAtKill = accepted().length;
        pair.crash(pair.primary);
      }
    };
    const started = Date.now();
    await Promise.all([0, 1, 2, 3].map(() => sender(first.smtpPort, inbox, next, record)));
    assert.ok(killedAt, 'the primary was killed mid-stream');

    const promoteStart = Date.now();
    await pair.promote(pair.standby);
    const promoteMs = Date.now() - promoteStart;

    const ok = accepted();
    const crashed = first.proc.exitCode ?? first.proc.signalCode;
    assert.equal(crashed, null, `luister serve died with its database:\n${first.output().slice(-3000)}`);
    const promoted = await pair.standby.query<{ id: string }>(
      'SELECT email_message_id AS id FROM messages WHERE account_id = $1 AND email_message_id = ANY($2::text[])',
      [accountId, [...results.values()].map((r) => r.id)],
    );
    const found = new Set(promoted.map((r) => r.id));
    const lost = ok.filter((r) => !found.has(r.id));
    const refused = [...results.values()].filter((r) => r.outcome === 'refused');
    const unanswered = [...results.values()].filter((r) => r.outcome === 'no_answer');
    const storedWithout250 = [...results.values()].filter((r) => r.outcome !== 'accepted' && found.has(r.id)).length;
    t.diagnostic(`${results.size} mails sent in ${Date.now() - started} ms; primary killed after ${acceptedAtKill} accepted; ${ok.length} got 250, ${refused.length} a 4xx/5xx (${[...new Set(refused.map((r) => r.reply.slice(0, 3)))].join(', ')}), ${unanswered.length} no answer`);
    t.diagnostic(`promoted standby holds ${ok.length - lost.length} of the ${ok.length} accepted mails (${storedWithout250} more that never got their 250: the sender retries, the Message-ID dedups); promote took ${promoteMs} ms`);
    assert.deepEqual(lost.map((r) => r.id), [], 'a mail that got 250 is missing from the promoted standby');
    assert.ok(ok.length >= KILL_AFTER);
    assert.ok(refused.length + unanswered.length >= 1, 'mail sent while the primary was dead was not accepted');
    assert.ok(refused.every((r) => /^4/.test(r.reply)), `only temporary refusals while the database is gone: ${refused.map((r) => r.reply).join(' | ')}`);

    // the operator points Luister at the promoted standby: mail flows again
    await first.stop();
    const secondStart = Date.now();
    const second = await serve({ DATABASE_URL: pair.standby.url(), DATA_DIR: dataDir });
    servers.push(second);
    const again: number[] = [];
    let more = 0;
    const retry = [...results.entries()].filter(([, r]) => r.outcome !== 'accepted').map(([n]) => n).slice(0, 10);
    await sender(second.smtpPort, inbox, () => (more < retry.length ? retry[more++] : null), (n, _id, outcome, reply) => {
      assert.equal(outcome, 'accepted', `mail ${n} after failover: ${reply}`);
      again.push(n);
    });
    assert.equal(again.length, retry.length);
    const [{ n }] = await pair.standby.query<{ n: number }>("SELECT count(DISTINCT email_message_id)::int AS n FROM messages WHERE account_id = $1 AND type = 'inbound'", [accountId]);
    assert.equal(n, ok.length + storedWithout250 + again.length - again.filter((x) => found.has(results.get(x)!.id)).length);
    t.diagnostic(`after failover ${again.length} refused mails were sent again and accepted; the promoted database holds ${n} distinct customer mails`);
    t.diagnostic(`timings: clusters and schema ${setupMs} ms, first serve ready ${firstReadyMs} ms, second ${Date.now() - secondStart} ms incl. its mails`);
  });
});
