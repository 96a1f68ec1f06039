/**
 * E-mail intake over real SMTP: `node bin/run-ts.mjs bench/email-intake.ts [--count N] [--no-ack] [--no-analyze]`
 *
 * 1. Parse-only baseline: mailparser's `simpleParser` (with the options Luister's e-mail adapter used when the goal
 *    was set; see PARSE_OPTIONS) on the same mails in this one process, sequentially and with 8 concurrent promises;
 *    the faster is the baseline. It runs before and after the intake, and the better of the two runs counts (a
 *    shared machine).
 * 2. Intake: N (default 5,000) generated ~10 KB customer mails (bench/email/generate-mails.ts) sent by nodemailer
 *    over 8 pooled SMTP connections to Luister's SMTP listener (`startSmtpListener`, in this process, port 0); each
 *    connection waits for the 250, which the listener gives only after the message is committed to a case on
 *    PostgreSQL (a fresh database, `luister_bench_email_intake`, dropped afterwards). No job worker runs: the
 *    listening analysis and the acknowledgement mails are only queued, as they are on intake.
 *    Acknowledgements: product defaults (ACK_PER_SENDER_PER_HOUR=3, so every new case gets one, stored as an
 *    outbound message with a queued send job in the same transaction); `--no-ack` sets ACK_PER_SENDER_PER_HOUR=0.
 * 3. Check: the messages stored, counted by email_message_id against the generated Message-IDs.
 * CPU per accepted mail (the yardstick of issue 21): this process's CPU (process.cpuUsage(): the SMTP listener,
 *    parsing, pipeline, database client; the senders run in a child process, bench/email/send-mails.ts, and are not
 *    counted) + the CPU of the PostgreSQL backends of the bench's database (utime + stime from /proc/<pid>/stat of
 *    every backend connected to it, before and after; the connection the bench runs ANALYZE on is left out, as
 *    autovacuum's work would be). The server's shared background processes (WAL writer, checkpointer, …) serve
 *    every database on this server, other sessions' too: printed apart, not counted. Beside it, in the same run, the
 *    CPU of parsing the same mails with the adapter's exact options (simpleParser with parse-email.ts's
 *    PARSE_OPTIONS), sequentially, the lower of before and after the intake.
 * 4. The ceiling without a database: the same senders against an SMTP server that only reads and prepares each mail
 *    (prepareInbound: parse, pipeline, attachment checks) and answers 250 without storing it.
 *
 * Statistics: this machine's PostgreSQL runs with autovacuum off; the bench then runs ANALYZE after the warm-up and
 * every 10 s while measuring, as autovacuum would (`--no-analyze`: not, and plans are made for empty tables).
 *
 * Env: BENCH_DATABASE_URL (maintenance database, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_KEEP_DB=1 keeps the database. Prints figures and one RESULT line; never asserts.
 */
import { cpus, loadavg } from 'node:os';
import pino from 'pino';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { simpleParser } from 'mailparser';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { systemActor } from '../src/shared/actor.ts';
import { createInbox } from '../src/intake/inboxes/save-inbox.ts';
import { startSmtpListener } from '../src/intake/channels/email/smtp-listener.ts';
import { prepareInbound } from '../src/intake/receive-message.ts';
import { emailAdapter, PARSE_OPTIONS as ADAPTER_PARSE_OPTIONS } from '../src/intake/channels/email/parse-email.ts';
import { SMTPServer } from 'smtp-server';
import { newAccount, testConfig, verifyInbox } from '../tests/helpers.ts';
import { admin, urlFor } from './lib/pg-admin.ts';
import { cpuSnap, TICK, type CpuSnap } from './lib/cpu.ts';
import { describeMails, generateMails, type GenerateOptions } from './email/generate-mails.ts';
import type { SendOutcome } from './email/send-mails.ts';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(option('count') ?? process.env.BENCH_EMAILS ?? 5_000);
const CONC = 8;
const WARMUP = Math.min(300, Math.max(40, Math.floor(N / 20)));
const NO_ACK = flag('no-ack');
const NO_ANALYZE = flag('no-analyze');
const ANALYZE_EVERY_MS = 10_000;
const DB = `luister_bench_email_intake_${process.pid}`; // its own name: other sessions may run this bench on the same server
/**
 * The baseline's options: the ones emailAdapter passed to simpleParser when issue 4 set the goal. The adapter has
 * since added `skipTextToHtml: true` (no text-to-HTML it never used); the baseline keeps the old options so the
 * ratio stays comparable, and the rate with the adapter's exact options is printed beside it (APP_PARSE_OPTIONS).
 */
const PARSE_OPTIONS = { skipImageLinks: true, maxHtmlLengthToParse: 2_000_000, keepDeliveryStatus: true };
const APP_PARSE_OPTIONS = ADAPTER_PARSE_OPTIONS;

// ------------------------------------------------------------------------------------------------ helpers

/** pg: the database's backends (minus the ANALYZE connection); bg: the server's shared background processes */
interface CpuUse { wall: number; self: number; pg: number; bg: number; other: number }
const excluded = new Set<number>();
function cpuSince(a: CpuSnap, dbName: string | null): CpuUse {
  const b = cpuSnap(dbName, excluded);
  const wall = (b.t - a.t) / 1000;
  const self = b.self - a.self;
  const pg = (b.pgBackends - a.pgBackends) / TICK;
  const all = (b.pg - a.pg) / TICK;
  return { wall, self, pg, bg: Math.max(0, all - pg), other: Math.max(0, (b.busy - a.busy) / TICK - self - all) };
}
function cpuText(u: CpuUse, done: number): string {
  const pc = (x: number) => `${((x / u.wall) * 100).toFixed(0)}%`;
  const per = (x: number) => ((x * 1000) / Math.max(1, done)).toFixed(2);
  return `CPU (100% = one core of ${cpus().length}): node ${pc(u.self)}, postgres backends ${pc(u.pg)}, postgres background + ANALYZE (shared, not counted) ${pc(u.bg)}, `
    + `other (senders, other sessions) ${pc(u.other)}; per mail: node ${per(u.self)} ms + postgres ${per(u.pg)} ms`;
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const f0 = (x: number) => Math.round(x).toLocaleString('en-US');

/**
 * The PostgreSQL of this machine runs with autovacuum off (a CI setting), so nothing would ever collect statistics on
 * the fresh tables and every plan would be made for empty tables (scans over the whole account that grow with every
 * mail). A normal server analyzes as the tables grow; here the bench does it: ANALYZE every 10 s while measuring.
 * `--no-analyze` leaves it out.
 */
async function autoAnalyze(db: Db): Promise<{ note: string; stop: () => Promise<number> }> {
  const [{ autovacuum }] = await db.query<{ autovacuum: string }>('SHOW autovacuum');
  if (autovacuum === 'on') return { note: 'autovacuum on', stop: async () => 0 };
  if (NO_ANALYZE) return { note: 'autovacuum OFF on this server and --no-analyze: no statistics (plans for empty tables)', stop: async () => 0 };
  // on a connection of its own, whose backend's CPU is not counted as the intake's (autovacuum's would not be either)
  const client = new pg.Client({ connectionString: urlFor(DB) });
  client.on('error', () => {}); // the database is dropped at the end with FORCE
  await client.connect();
  const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
  excluded.add(pid);
  const analyzeDb = { exec: async (sql: string) => { await client.query(sql); } };
  await analyzeDb.exec('ANALYZE');
  let n = 1;
  let stopped = false;
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      await analyzeDb.exec('ANALYZE');
      n++;
    });
  }, ANALYZE_EVERY_MS);
  return {
    note: `autovacuum is off on this server: the bench runs ANALYZE after the warm-up and every ${ANALYZE_EVERY_MS / 1000} s, as autovacuum would`,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      await client.end();
      return n;
    },
  };
}

async function parseRate(raws: Buffer[], concurrency: number, options: object): Promise<{ rate: number; cpu: CpuUse }> {
  let next = 0;
  const snap = cpuSnap(null);
  const t = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < raws.length) await simpleParser(raws[next++], options);
  }));
  const rate = raws.length / ((performance.now() - t) / 1000);
  return { rate, cpu: cpuSince(snap, null) };
}

/**
 * Parse only, sequentially and CONC at a time: with the options issue 4 set its goal with (the rate baseline), and
 * with the adapter's exact options (the CPU yardstick: process.cpuUsage() over the run, sequential).
 */
async function parseBaseline(raws: Buffer[], label: string) {
  const seq = await parseRate(raws, 1, PARSE_OPTIONS);
  const par = await parseRate(raws, CONC, PARSE_OPTIONS);
  const exact = await parseRate(raws, 1, APP_PARSE_OPTIONS);
  const cpuMs = exact.cpu.self * 1000 / raws.length;
  console.log(`  ${label}: issue 4's options sequential ${f0(seq.rate)} mails/s, ${CONC} concurrent ${f0(par.rate)} mails/s;`
    + ` the adapter's exact options sequential ${f0(exact.rate)} mails/s, CPU ${cpuMs.toFixed(3)} ms per mail (node ${((exact.cpu.self / exact.cpu.wall) * 100).toFixed(0)}% of a core)`);
  return { seq: seq.rate, par: par.rate, cpuMs };
}

/**
 * The ceiling of this design without a database: an SMTP server (smtp-server, as the listener) that reads each mail
 * and runs the intake's own preparation on it (prepareInbound: emailAdapter, the pipeline steps, the attachment
 * checks), then answers 250 without storing anything; the same senders in the same process.
 */
async function noDatabaseRate(gen: GenerateOptions, count: number) {
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['AUTH', 'STARTTLS'], logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        prepareInbound(emailAdapter, Buffer.concat(chunks), { accountId: 'none', inbox: null, to: inboxAddress }, { ATTACHMENT_MAX_BYTES: 10_000_000 })
          .then(() => cb(null, 'Stored (nowhere)'), (err: Error) => cb(err));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  try {
    const sender = await childSender((server.server.address() as { port: number }).port, gen);
    const snap = cpuSnap(null);
    const r = await sender.go();
    return { rate: (count - r.failures.length) / r.seconds, cpu: cpuSince(snap, null) };
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/**
 * The senders in a child process (bench/email/send-mails.ts): it generates the same mails, says READY, and on our
 * word sends them all, CONC at a time over pooled connections, each waiting for its 250. Its CPU is not ours.
 */
async function childSender(port: number, gen: GenerateOptions): Promise<{ go: () => Promise<SendOutcome> }> {
  const child = spawn(process.execPath, ['bin/run-ts.mjs', 'bench/email/send-mails.ts', String(port), JSON.stringify(gen), String(CONC)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  const lines: string[] = [];
  let wake: (() => void) | null = null;
  child.stdout.on('data', (c: Buffer) => {
    out += c.toString();
    let i;
    while ((i = out.indexOf('\n')) >= 0) {
      lines.push(out.slice(0, i));
      out = out.slice(i + 1);
      wake?.();
    }
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => { wake?.(); resolve(); }));
  const nextLine = async () => {
    while (!lines.length) {
      if (child.exitCode !== null) throw new Error('sender process ended early');
      await new Promise<void>((resolve) => { wake = resolve; });
    }
    return lines.shift()!;
  };
  if ((await nextLine()) !== 'READY') throw new Error('sender process did not start');
  return {
    go: async () => {
      child.stdin.write('go\n');
      const result = JSON.parse(await nextLine()) as SendOutcome;
      await exited;
      return result;
    },
  };
}

// ------------------------------------------------------------------------------------------------ run

const inboxAddress = 'klantenservice@parkeren.example';
const mainGen: GenerateOptions = { count: N, seed: 5000, to: inboxAddress, sizeBytes: [8_500, 10_500] };
const warmGen: GenerateOptions = { count: WARMUP, seed: 77, to: 'warmup@parkeren.example', sizeBytes: [8_500, 10_500] };
const mails = generateMails(mainGen);
const warm = generateMails(warmGen);
const raws = mails.map((m) => m.raw);
console.log(`E-mail intake over SMTP, ${new Date().toISOString()}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`Workload: ${describeMails(mails)}`);

console.log('\nParse only (simpleParser, one process, same mails):');
await parseBaseline(warm.map((m) => m.raw), 'warm-up');
const before = await parseBaseline(raws, 'before intake');

await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB}`);
const db = await openDb({ databaseUrl: urlFor(DB), poolSize: 10 });
let intake: SendOutcome;
let cpu: CpuUse;
let analyzeNote = '';
let stored: { ids: number; rows: number; stripped: number; cases: number; acks: number; analysis: number; attachments: number };
try {
  await migrate(db);
  const config = testConfig(NO_ACK ? { ACK_PER_SENDER_PER_HOUR: 0 } : {});
  const acc = await newAccount(db, 'Parkeren BV');
  const warmAcc = await newAccount(db, 'Opwarmen BV');
  await createInbox(db, systemActor(acc.accountId), { address: inboxAddress, name: 'Klantenservice Parkeren' });
  await createInbox(db, systemActor(warmAcc.accountId), { address: 'warmup@parkeren.example', name: 'Opwarmen' });
  // the SMTP listener takes mail only for verified inboxes (since the inbox verification of issue 19)
  await verifyInbox(db, acc.accountId, inboxAddress);
  await verifyInbox(db, warmAcc.accountId, 'warmup@parkeren.example');
  const smtp = await startSmtpListener(db, config, pino({ level: 'silent' }), { port: 0 });
  try {
    const w = await (await childSender(smtp.port, warmGen)).go();
    if (w.failures.length) throw new Error(`warm-up: ${w.failures.length} mails refused, first: ${w.failures[0]}`);
    console.log(`\nWarm-up: ${warm.length} mails to another account in ${w.seconds.toFixed(1)} s${w.failures.length ? `, ${w.failures.length} failed: ${w.failures[0]}` : ''}`);
    const analyze = await autoAnalyze(db);
    const sender = await childSender(smtp.port, mainGen);
    const snap = cpuSnap(DB, excluded);
    intake = await sender.go();
    cpu = cpuSince(snap, DB);
    const analyzed = await analyze.stop();
    analyzeNote = `${analyze.note}${analyzed ? ` (${analyzed} ANALYZE runs)` : ''}`;
  } finally {
    await smtp.close();
  }
  const ids = mails.map((m) => m.messageId);
  const [s] = await db.query<{ ids: number; rows: number; stripped: number }>(
    `SELECT count(DISTINCT email_message_id)::int AS ids, count(*)::int AS rows,
       count(*) FILTER (WHERE original_body IS NOT NULL)::int AS stripped FROM messages
     WHERE account_id = $1 AND type = 'inbound' AND email_message_id = ANY($2::text[])`, [acc.accountId, ids]);
  const [c] = await db.query<{ cases: number; acks: number }>(
    `SELECT (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND automated = 'acknowledgement') AS acks`, [acc.accountId]);
  const [j] = await db.query<{ analysis: number; attachments: number }>(
    `SELECT (SELECT count(*)::int FROM jobs WHERE account_id = $1 AND kind = 'message.analyse') AS analysis,
       (SELECT count(*)::int FROM attachments WHERE account_id = $1) AS attachments`, [acc.accountId]);
  stored = { ...s, ...c, ...j };
} finally {
  await db.close();
  if (!process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}

console.log('\nParse only, again after the intake:');
const after = await parseBaseline(raws, 'after intake');
const appParse = await parseRate(raws, CONC, APP_PARSE_OPTIONS);
console.log(`  with the adapter's exact options (+ skipTextToHtml): ${CONC} concurrent ${f0(appParse.rate)} mails/s`);
console.log('\nNo database (SMTP listener reading each mail + the intake\'s parse and pipeline, 250 without storing; same senders):');
const floor = await noDatabaseRate(mainGen, N);
console.log(`  ${f0(floor.rate)} mails/s; node CPU ${((floor.cpu.self * 1000) / N).toFixed(2)} ms per mail (other ${((floor.cpu.other / floor.cpu.wall) * 100).toFixed(0)}%)`);
const seqBest = Math.max(before.seq, after.seq);
const parBest = Math.max(before.par, after.par);
const parse = Math.max(seqBest, parBest);

const rate = (N - intake.failures.length) / intake.seconds;
console.log(`\nIntake: ${f0(N - intake.failures.length)} of ${f0(N)} mails accepted (250) in ${intake.seconds.toFixed(1)} s = ${f0(rate)} mails/s`
  + ` over ${CONC} pooled SMTP connections; latency to the 250 p50 ${pct(intake.lat, 50).toFixed(1)} ms, p99 ${pct(intake.lat, 99).toFixed(1)} ms`);
console.log(`  ${cpuText(cpu, N)}`);
console.log(`  statistics: ${analyzeNote}`);
console.log(`  250 replies: ${intake.responses.stored} stored, ${intake.responses.duplicate} "already stored", ${intake.responses.other} other; failures ${intake.failures.length}${intake.failures.length ? ` (first: ${intake.failures[0]})` : ''}`);
console.log(`  acknowledgements: ${NO_ACK ? 'off (ACK_PER_SENDER_PER_HOUR=0)' : 'product defaults (ACK_PER_SENDER_PER_HOUR=3)'}: ${f0(stored.acks)} queued (an outbound message + an email.send job each);`
  + ` ${f0(stored.analysis)} analysis jobs queued (no worker ran)`);
console.log(`Parse only (best of before/after): sequential ${f0(seqBest)} mails/s, ${CONC} concurrent ${f0(parBest)} mails/s -> baseline ${f0(parse)} mails/s`);
console.log(`Intake / parse-only: ${(rate / parse).toFixed(2)} (goal >= 0.50); against the adapter's exact parse options ${(rate / appParse.rate).toFixed(2)}; `
  + `the same without a database would be ${(floor.rate / parse).toFixed(2)} (the ceiling of an in-process SMTP listener + parse + pipeline here)`);
const parseCpu = Math.min(before.cpuMs, after.cpuMs);
const accepted = Math.max(1, N - intake.failures.length);
const intakeCpu = ((cpu.self + cpu.pg) * 1000) / accepted;
console.log(`CPU per accepted mail: intake ${intakeCpu.toFixed(2)} ms (node ${((cpu.self * 1000) / accepted).toFixed(2)} + postgres backends ${((cpu.pg * 1000) / accepted).toFixed(2)}; `
  + `not counted: the senders' process, postgres background + ANALYZE ${((cpu.bg * 1000) / accepted).toFixed(2)} ms); `
  + `parse only with the adapter's exact options ${parseCpu.toFixed(3)} ms; intake / parse ${(intakeCpu / parseCpu).toFixed(1)}x; load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log(`Stored: ${f0(stored.ids)} of ${f0(N)} Message-IDs found in messages (${f0(stored.rows)} rows), ${f0(stored.cases)} cases, ${f0(stored.attachments)} attachments; `
  + `quoted history or signature stripped from ${f0(stored.stripped)}`);
console.log(`Rate (issue 4's yardstick): ${rate.toFixed(0)} mails/s against parse-only ${parse.toFixed(0)}: ${(rate / parse).toFixed(2)}`);
console.log(`RESULT email-intake-cpu ${intakeCpu.toFixed(2)} ms/mail baseline=${parseCpu.toFixed(3)} ratio=${(intakeCpu / parseCpu).toFixed(1)}`);
