/**
 * No mail lost or stored twice when the server is killed: `node bin/run-ts.mjs bench/email-kill.ts [--count N]
 * [--kill-at K] [--freeze-ms F]`
 *
 * 1. A fresh PostgreSQL database (`luister_bench_email_kill`, dropped afterwards) gets the schema, an account and an
 *    inbox through the src functions, before the server starts.
 * 2. The real server runs as a child process: `node bin/luister.mjs serve` with DATABASE_URL, PORT and SMTP_PORT
 *    (free ports), WORKER=off, LOG_LEVEL=warn.
 * 3. N (default 2,000) generated mails (bench/email/generate-mails.ts) are sent by 8 concurrent SMTP clients
 *    (tests/email.ts smtpClient: nodemailer, a connection per mail), through a small TCP relay in this process.
 *    A mail that gets no 250 (connection refused or cut, a 4xx) goes back in the queue and is sent again later, as a
 *    sending MTA retries, until every mail has its 250.
 * 4. After K (default 800) 250s: the relay stops passing the server's replies on for F ms (default 30), then the
 *    server gets SIGKILL. Mails committed in those F ms have their 250 lost "in the kill" (as when a machine dies
 *    with the reply still on its way); mails in mid-transaction are rolled back. The database is checked right
 *    after the kill for mails that are stored although their sender never saw a 250. The server is restarted on
 *    the same ports and the senders carry on; the resend of a mail committed before the kill must be recognised
 *    by its Message-ID (the listener answers 250 "already stored").
 * 5. Count, by email_message_id: every mail with a 250 stored exactly once.
 *
 * RESULT value: lost + duplicated mails. baseline=0 (the goal); ratio = (value + 1) / (baseline + 1), so 1 means
 * nothing lost or doubled and anything above 1 is a failure.
 *
 * Env: BENCH_DATABASE_URL (maintenance database), BENCH_KEEP_DB=1. Prints figures and one RESULT line; never asserts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { systemActor } from '../src/shared/actor.ts';
import { createInbox } from '../src/intake/inboxes/save-inbox.ts';
import { newAccount } from '../tests/helpers.ts';
import { smtpClient } from '../tests/email.ts';
import { admin, urlFor } from './lib/pg-admin.ts';
import { generateMails, describeMails, type GeneratedMail } from './email/generate-mails.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(option('count') ?? 2_000);
const KILL_AT = Number(option('kill-at') ?? Math.round(N * 0.4));
const FREEZE_MS = Number(option('freeze-ms') ?? 30);
const CONC = 8;
const DB = 'luister_bench_email_kill';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
const canConnect = (port: number) => new Promise<boolean>((resolve) => {
  const sock = connect(port, '127.0.0.1', () => {
    sock.destroy();
    resolve(true);
  });
  sock.once('error', () => resolve(false));
});

// ------------------------------------------------------------------------------------------------ setup

const inboxAddress = 'support@parkeerhulp.example';
const mails = generateMails({ count: N, seed: 666, to: inboxAddress, sizeBytes: [1_000, 10_000] });
console.log(`E-mail kill test, ${new Date().toISOString()}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`Workload: ${describeMails(mails)}`);

await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB}`);
const databaseUrl = urlFor(DB);
const benchUrl = new URL(databaseUrl);
benchUrl.searchParams.set('application_name', 'bench-email-kill');
const db = await openDb({ databaseUrl: benchUrl.toString(), poolSize: 2 });
await migrate(db);
const acc = await newAccount(db, 'Parkeerhulp BV');
await createInbox(db, systemActor(acc.accountId), { address: inboxAddress, name: 'Klantenservice Parkeerhulp' });
const httpPort = await freePort();
const smtpPort = await freePort();

// ------------------------------------------------------------------------------------------------ the server

let server = null as ChildProcess | null;
let serverOutput = '';
async function startServer(): Promise<number> {
  const t = performance.now();
  const child = spawn(process.execPath, [`${ROOT}bin/luister.mjs`, 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env, DATABASE_URL: databaseUrl, PORT: String(httpPort), HOST: '127.0.0.1', SMTP_PORT: String(smtpPort),
      SMTP_HOST: '127.0.0.1', WORKER: 'off', LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (serverOutput += d));
  child.stderr!.on('data', (d) => (serverOutput += d));
  let exited = false;
  child.once('exit', () => (exited = true));
  server = child;
  while (!(await canConnect(smtpPort))) {
    if (exited) throw new Error(`the server exited while starting:\n${serverOutput}`);
    if (performance.now() - t > 60_000) throw new Error(`the server did not listen on SMTP port ${smtpPort} within 60 s:\n${serverOutput}`);
    await sleep(20);
  }
  return performance.now() - t;
}

// the relay between the senders and the server: passes everything on, except the server's replies while frozen
const sockets = new Set<Socket>();
let frozen = false;
const relay = createServer((client) => {
  const upstream = connect(smtpPort, '127.0.0.1');
  sockets.add(client);
  sockets.add(upstream);
  const close = () => {
    client.destroy();
    upstream.destroy();
    sockets.delete(client);
    sockets.delete(upstream);
  };
  client.on('data', (d) => upstream.write(d));
  upstream.on('data', (d) => {
    if (!frozen) client.write(d);
  });
  for (const s of [client, upstream]) {
    s.on('error', close);
    s.on('close', close);
  }
});
await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
const relayPort = (relay.address() as { port: number }).port;

// ------------------------------------------------------------------------------------------------ sending

interface State { attempts: number; accepted: boolean; response: string | null; inFlight: boolean }
const state = new Map<string, State>(mails.map((m) => [m.messageId, { attempts: 0, accepted: false, response: null, inFlight: false }]));
const queue: GeneratedMail[] = [...mails];
let accepted = 0;
let failures = 0;
const errorKinds = new Map<string, number>();
interface KillInfo { openTransactions: number; inFlight: number; committedNo250: string[]; rolledBack: number; restartMs: number; downMs: number }
let killInfo = null as KillInfo | null;
let killing = null as Promise<void> | null;
let fatal = null as Error | null;

async function killAndRestart() {
  frozen = true;
  await sleep(FREEZE_MS);
  const inFlight = [...state.entries()].filter(([, s]) => s.inFlight).map(([id]) => id);
  // the server's database connections at the moment of the kill: a transaction open there is cut off mid-way
  const [{ open }] = await db.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'bench-email-kill'
       AND backend_type = 'client backend' AND state IN ('active', 'idle in transaction')`);
  const down = performance.now();
  const dead = new Promise((resolve) => server!.once('exit', resolve));
  server!.kill('SIGKILL');
  await dead;
  for (const s of sockets) s.destroy();
  sockets.clear();
  frozen = false;
  // wait until PostgreSQL has noticed the dead server's connections (their open transactions roll back)
  for (let i = 0; i < 100; i++) {
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name <> 'bench-email-kill' AND backend_type = 'client backend'`);
    if (n === 0) break;
    await sleep(50);
  }
  const notAccepted = [...state.entries()].filter(([, s]) => !s.accepted).map(([id]) => id);
  const stored = await db.query<{ email_message_id: string }>(
    `SELECT email_message_id FROM messages WHERE account_id = $1 AND email_message_id = ANY($2::text[])`, [acc.accountId, notAccepted]);
  const committedNo250 = stored.map((r) => r.email_message_id);
  const restartMs = await startServer();
  killInfo = { openTransactions: open, inFlight: inFlight.length, committedNo250, rolledBack: inFlight.filter((id) => !committedNo250.includes(id)).length, restartMs, downMs: performance.now() - down };
}

async function sender(index: number) {
  const client = smtpClient(relayPort);
  try {
    for (;;) {
      if (accepted === N || fatal) return;
      const m = queue.shift();
      if (!m) {
        await sleep(20);
        continue;
      }
      const s = state.get(m.messageId)!;
      s.attempts++;
      s.inFlight = true;
      try {
        const info = await client.sendRaw(m.from, m.to, m.raw);
        s.inFlight = false;
        s.accepted = true;
        s.response = info.response;
        accepted++;
        if (accepted === KILL_AT && !killing) killing = killAndRestart().catch((err) => void (fatal = err as Error));
      } catch (err) {
        s.inFlight = false;
        failures++;
        const e = err as Error & { code?: string; responseCode?: number };
        const kind = e.responseCode ? `${e.responseCode}` : e.code ?? e.message.slice(0, 40);
        errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
        if (e.responseCode && e.responseCode >= 500) {
          console.log(`  sender ${index}: permanent refusal of ${m.messageId}: ${e.message}`);
          s.response = `refused: ${e.message}`;
          accepted++; // given up on, as an MTA would bounce it; counted below
          continue;
        }
        queue.push(m); // tried again later
        await sleep(100 + index * 10);
      }
    }
  } finally {
    client.close();
  }
}

const firstStartMs = await startServer();
console.log(`\nServer started (child process, WORKER=off) in ${(firstStartMs / 1000).toFixed(1)} s; SMTP ${smtpPort}, HTTP ${httpPort}; relay ${relayPort}`);
const t0 = performance.now();
await Promise.all(Array.from({ length: CONC }, (_, i) => sender(i)));
await killing;
if (fatal) {
  server?.kill('SIGKILL');
  relay.close();
  await db.close();
  throw fatal;
}
const seconds = (performance.now() - t0) / 1000;

// ------------------------------------------------------------------------------------------------ counting

const ids = mails.map((m) => m.messageId);
const rows = await db.query<{ email_message_id: string; n: number }>(
  `SELECT email_message_id, count(*)::int AS n FROM messages WHERE account_id = $1 AND type = 'inbound' AND email_message_id = ANY($2::text[]) GROUP BY 1`,
  [acc.accountId, ids]);
const [{ inbound }] = await db.query<{ inbound: number }>(
  `SELECT count(*)::int AS inbound FROM messages WHERE account_id = $1 AND type = 'inbound'`, [acc.accountId]);
const countOf = new Map(rows.map((r) => [r.email_message_id, r.n]));
const got250 = [...state.entries()].filter(([, s]) => s.accepted && s.response && !s.response.startsWith('refused')).map(([id]) => id);
const refused = [...state.values()].filter((s) => s.response?.startsWith('refused')).length;
const lost = got250.filter((id) => !countOf.get(id)).length;
const duplicated = [...countOf.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
const storedOnce = got250.filter((id) => countOf.get(id) === 1).length;
const storedTotal = [...countOf.values()].reduce((a, n) => a + n, 0);
const lost250 = killInfo?.committedNo250 ?? [];
const recognised = lost250.filter((id) => /already stored/.test(state.get(id)!.response ?? '')).length;
const resent = [...state.values()].filter((s) => s.attempts > 1).length;
const duplicateReplies = [...state.values()].filter((s) => /already stored/.test(s.response ?? '')).length;

if (server) {
  const done = new Promise((resolve) => server!.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([done, sleep(10_000)]);
}
relay.close();
await db.close();
if (!process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);

console.log(`\nSent ${N} mails with ${CONC} concurrent SMTP clients in ${seconds.toFixed(1)} s (${resent} sent more than once; ${failures} failed attempts: `
  + `${[...errorKinds].map(([k, v]) => `${k} ${v}`).join(', ') || 'none'})`);
if (killInfo) {
  console.log(`Kill: after ${KILL_AT} 250s the server's replies were held back for ${FREEZE_MS} ms, then SIGKILL; ${killInfo.inFlight} mails were in flight, `
    + `${killInfo.openTransactions} server transactions open at the kill.`);
  console.log(`  right after the kill: ${killInfo.committedNo250.length} mails committed whose 250 never reached the sender, ${killInfo.rolledBack} in flight and not stored (cut off before their commit)`);
  console.log(`  restart on the same ports: ${(killInfo.restartMs / 1000).toFixed(1)} s to listen again; SMTP down for ${(killInfo.downMs / 1000).toFixed(1)} s`);
  console.log(`  committed-but-250-lost mails resent and recognised by Message-ID ("already stored"): ${recognised} of ${lost250.length}`
    + ` (all "already stored" replies: ${duplicateReplies})`);
} else {
  console.log('Kill: did not happen (fewer mails than --kill-at?)');
}
console.log(`Stored: ${storedOnce} of ${got250.length} mails with a 250 stored exactly once; ${storedTotal} rows for our Message-IDs, ${inbound} inbound messages in the account`
  + `${refused ? `; ${refused} refused for good (5xx)` : ''}`);
console.log(`accepted ${got250.length}, stored ${countOf.size}, lost ${lost}, duplicated ${duplicated}`);
const value = lost + duplicated;
console.log(`RESULT email-kill ${value} mails baseline=0 ratio=${((value + 1) / 1).toFixed(0)}`);
