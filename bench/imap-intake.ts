/**
 * IMAP intake: `node bin/run-ts.mjs bench/imap-intake.ts [--count N] [--no-breakdown] [--no-analyze]`
 *
 * N (default 2,000) generated customer mails (bench/email/generate-mails.ts: Dutch and English, 1–10 KB, some with
 * a PDF/PNG attachment, ~20% replies to earlier ones) are appended to a private dovecot mailbox (tests/dovecot.ts);
 * about a third of the replies are put in the mailbox BEFORE the mail they answer. Then one `pollInbox` pass imports
 * the backlog into committed cases on PostgreSQL (a fresh database, `luister_bench_imap_intake`, dropped
 * afterwards); only the poll is timed. No job worker runs: analysis and acknowledgements are only queued.
 *
 * Printed: mails/s; whether the whole backlog went in one pass (fetched = stored = N, a second poll fetches 0);
 * threading: for every reply, whether it is in the same case as the mail it answers (all replies, the replies that
 * arrived first, and the replies that only their headers tie to the original: another sender or a new subject).
 * Then, unless --no-breakdown, where the time goes: IMAP fetch alone, parse + pipeline alone, and the store step
 * alone (pollInbox's store step, storeFetched, from memory into another account).
 *
 * Baseline: FreeScout, set up on this machine beside Luister in an earlier session of issue 21 and fed the same
 * 2,000-mail mailbox from this generator, imported 57–59 mails/s in its best mode (58, a constant here, not measured
 * by this bench). Issue 21's goal: ≥ 10× that, i.e. ≥ 2× Luister's rate then (209–296 mails/s in the same run).
 * Peak memory: this process's RSS sampled every 50 ms during the poll (and its VmHWM), beside the RSS before it.
 *
 * Statistics: this machine's PostgreSQL runs with autovacuum off; the bench then runs ANALYZE every 5 s during the
 * poll, as autovacuum would (`--no-analyze`: not).
 *
 * Env: BENCH_DATABASE_URL (maintenance database), BENCH_KEEP_DB=1. Prints figures and one RESULT line; never asserts.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { ImapFlow } from 'imapflow';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { systemActor } from '../src/shared/actor.ts';
import { createInbox } from '../src/intake/inboxes/save-inbox.ts';
import { loadInbox } from '../src/intake/inboxes/store.ts';
import { pollInbox, storeFetched } from '../src/intake/channels/email/imap-poll.ts';
import { emailAdapter } from '../src/intake/channels/email/parse-email.ts';
import { isDrop, PIPELINE } from '../src/intake/pipeline/index.ts';
import { newAccount, testConfig } from '../tests/helpers.ts';
import { dovecotMissing, startDovecot } from '../tests/dovecot.ts';
import { admin, urlFor } from './lib/pg-admin.ts';
import { cpuSnap, TICK, type CpuSnap } from './lib/cpu.ts';
import { rng } from './lib/random.ts';
import { describeMails, generateMails, type GeneratedMail } from './email/generate-mails.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const N = Number(option('count') ?? process.env.BENCH_IMAP_MAILS ?? 2_000);
const BREAKDOWN = !argv.includes('--no-breakdown');
const NO_ANALYZE = argv.includes('--no-analyze');
const ANALYZE_EVERY_MS = 5_000;
const FREESCOUT = 58; // mails/s, FreeScout's best mode on this machine, the same mailbox (issue 21): a constant, not measured here
const GOAL = 580;
const DB = `luister_bench_imap_intake_${process.pid}`; // its own name: other sessions may run this bench on the same server

/** pg: the database's backends; bg: the server's shared background processes (and the bench's ANALYZE) */
interface CpuUse { wall: number; self: number; pg: number; bg: number; other: number }
function cpuSince(a: CpuSnap, dbName: string | null): CpuUse {
  const b = cpuSnap(dbName);
  const wall = (b.t - a.t) / 1000;
  const self = b.self - a.self;
  const pg = (b.pgBackends - a.pgBackends) / TICK;
  const all = (b.pg - a.pg) / TICK;
  return { wall, self, pg, bg: Math.max(0, all - pg), other: Math.max(0, (b.busy - a.busy) / TICK - self - all) };
}
function cpuText(u: CpuUse, done: number): string {
  const pc = (x: number) => `${((x / u.wall) * 100).toFixed(0)}%`;
  const per = (x: number) => ((x * 1000) / Math.max(1, done)).toFixed(2);
  return `CPU (100% = one core of ${cpus().length}): node ${pc(u.self)}, postgres backends ${pc(u.pg)} (+ shared background ${pc(u.bg)}), dovecot + other ${pc(u.other)}; `
    + `per mail: node ${per(u.self)} ms + postgres backends ${per(u.pg)} ms = ${per(u.self + u.pg)} ms`;
}
/** This process's resident memory, sampled every 50 ms until stopped: the peak and VmHWM (the kernel's own peak). */
function rssSampler() {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => { peak = Math.max(peak, process.memoryUsage.rss()); }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage.rss());
      let hwm = 0;
      try { hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) * 1024; } catch {}
      return { peak, hwm };
    },
  };
}
const mb = (b: number) => `${(b / 1_048_576).toFixed(0)} MB`;
/**
 * The PostgreSQL of this machine runs with autovacuum off (a CI setting), so nothing would ever collect statistics on
 * the fresh tables and the plans would stay those for empty tables (scans over the whole account that grow with
 * every mail). A normal server analyzes as tables grow; here the bench does it: ANALYZE every 5 s during the poll.
 */
async function autoAnalyze(db: Db): Promise<{ note: string; stop: () => Promise<number> }> {
  const [{ autovacuum }] = await db.query<{ autovacuum: string }>('SHOW autovacuum');
  if (autovacuum === 'on') return { note: 'autovacuum on', stop: async () => 0 };
  if (NO_ANALYZE) return { note: 'autovacuum OFF on this server and --no-analyze: no statistics (plans for empty tables)', stop: async () => 0 };
  let n = 0;
  let stopped = false;
  let running = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      await db.exec('ANALYZE');
      n++;
    });
  }, ANALYZE_EVERY_MS);
  return {
    note: `autovacuum is off on this server: the bench runs ANALYZE every ${ANALYZE_EVERY_MS / 1000} s during the poll, as autovacuum would`,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
      return n;
    },
  };
}
const f0 = (x: number) => Math.round(x).toLocaleString('en-US');

// ------------------------------------------------------------------------------------------------ workload

const inboxAddress = 'klantenservice@pakket.example';
const mails = generateMails({ count: N, seed: 2000, to: inboxAddress, sizeBytes: [1_000, 10_000], replyShare: 0.2 });
const byId = new Map(mails.map((m) => [m.messageId, m]));
// a third of the replies go into the mailbox just before the mail they answer
const r = rng(4242);
const key = new Map<string, number>();
for (const m of mails) {
  const parentKey = m.parent ? key.get(m.parent)! : 0;
  key.set(m.messageId, m.parent && r() < 0.34 ? parentKey - 0.5 + r() * 0.1 : m.index);
}
const order = [...mails].sort((a, b) => key.get(a.messageId)! - key.get(b.messageId)!);
const position = new Map(order.map((m, i) => [m.messageId, i]));
const replies = mails.filter((m) => m.parent);
const arrivedFirst = (m: GeneratedMail) => position.get(m.messageId)! < position.get(m.parent!)!;

console.log(`IMAP intake, ${new Date().toISOString()}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`Workload: ${describeMails(mails)}`);
console.log(`  in the mailbox: ${replies.filter(arrivedFirst).length} of ${replies.length} replies before the mail they answer`);

const missing = dovecotMissing();
if (missing) {
  console.log(missing);
  process.exit(0);
}

// ------------------------------------------------------------------------------------------------ run

const dovecot = await startDovecot();
await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB}`);
const db = await openDb({ databaseUrl: urlFor(DB), poolSize: 10 });
try {
  await migrate(db);
  const config = testConfig();
  const acc = await newAccount(db, 'Pakket BV');
  const inbox = await createInbox(db, systemActor(acc.accountId), {
    address: inboxAddress, name: 'Klantenservice Pakket', imap_url: dovecot.url, imap_password: dovecot.password,
  });

  let t = performance.now();
  await dovecot.append(order.map((m) => m.raw));
  console.log(`  appended to dovecot (IMAP APPEND, one connection) in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  // the poll, timed
  const analyze = await autoAnalyze(db);
  const rssBefore = process.memoryUsage.rss();
  const rss = rssSampler();
  const snap = cpuSnap(DB);
  t = performance.now();
  const report = await pollInbox(db, await loadInbox(db, acc.accountId, inbox.id), config);
  const seconds = (performance.now() - t) / 1000;
  const cpu = cpuSince(snap, DB);
  const mem = rss.stop();
  const analyzed = await analyze.stop();
  const second = await pollInbox(db, await loadInbox(db, acc.accountId, inbox.id), config);
  const rate = report.stored / seconds;

  // what went in
  const rows = await db.query<{ email_message_id: string; case_id: string }>(
    `SELECT email_message_id, case_id FROM messages WHERE account_id = $1 AND type = 'inbound' AND email_message_id = ANY($2::text[])`,
    [acc.accountId, mails.map((m) => m.messageId)],
  );
  const caseOf = new Map(rows.map((x) => [x.email_message_id, x.case_id]));
  const [counts] = await db.query<{ cases: number; acks: number; attachments: number }>(
    `SELECT (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND automated = 'acknowledgement') AS acks,
       (SELECT count(*)::int FROM attachments WHERE account_id = $1) AS attachments`, [acc.accountId]);
  const threaded = (list: GeneratedMail[]) => {
    const ok = list.filter((m) => caseOf.has(m.messageId) && caseOf.get(m.messageId) === caseOf.get(m.parent!)).length;
    return `${ok} / ${list.length}`;
  };
  const wrong = replies.filter((m) => caseOf.get(m.messageId) !== caseOf.get(m.parent!));

  console.log(`\nPoll: ${report.stored} mails stored in ${seconds.toFixed(2)} s = ${f0(rate)} mails/s (one pollInbox pass)`);
  console.log(`  ${cpuText(cpu, report.stored)}`);
  console.log(`  memory: RSS before the poll ${mb(rssBefore)}, peak during it ${mb(mem.peak)} (sampled every 50 ms; VmHWM since the process started ${mb(mem.hwm)}); load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`  statistics: ${analyze.note}${analyzed ? ` (${analyzed} ANALYZE runs)` : ''}`);
  console.log(`  report: fetched ${report.fetched}, stored ${report.stored}, duplicates ${report.duplicates}, refused ${report.refused}, failed ${report.failed}, `
    + `lastUid ${report.lastUid}, error ${report.error ?? 'none'}`);
  const onePass = report.fetched === N && report.stored === N && second.fetched === 0;
  console.log(`  whole backlog in one pass: ${onePass ? 'yes' : 'NO'} (fetched ${report.fetched} = ${N}, stored ${report.stored} = ${N}, second poll fetched ${second.fetched}${second.error ? `, error ${second.error}` : ''})`);
  console.log(`  stored: ${caseOf.size} of ${N} Message-IDs in messages, ${f0(counts.cases)} cases, ${f0(counts.acks)} acknowledgements queued, ${f0(counts.attachments)} attachments`);
  console.log(`Threading (reply in the same case as the mail it answers):`);
  console.log(`  all replies                                   ${threaded(replies)}`);
  console.log(`  replies that arrived before their original    ${threaded(replies.filter(arrivedFirst))}`);
  console.log(`  replies that arrived after their original     ${threaded(replies.filter((m) => !arrivedFirst(m)))}`);
  console.log(`  only headers tie them (other sender or new subject) ${threaded(replies.filter((m) => m.otherSender || m.changedSubject))}`
    + `, of which arrived first ${threaded(replies.filter((m) => (m.otherSender || m.changedSubject) && arrivedFirst(m)))}`);
  for (const m of wrong.slice(0, 5)) {
    const p = byId.get(m.parent!)!;
    const siblingsFirst = replies.filter((x) => x !== m && x.parent === m.parent && arrivedFirst(x)).length;
    console.log(`  not threaded: #${m.index} "${m.subject}" (${arrivedFirst(m) ? 'arrived first' : 'arrived after'}${m.otherSender ? ', other sender' : ''}`
      + `${m.changedSubject ? ', new subject' : ''}) -> answers #${p.index} "${p.subject}"; ${siblingsFirst} other repl${siblingsFirst === 1 ? 'y' : 'ies'} to #${p.index} also arrived before it`);
  }

  if (BREAKDOWN) await breakdown(db, config, dovecot.url, dovecot.password, seconds);

  console.log(`\nBaseline: FreeScout's ${FREESCOUT} mails/s (its best mode on this machine, the same mailbox, measured in an earlier session of issue 21; a constant here). Goal >= ${GOAL} mails/s (10x): ${rate >= GOAL ? 'met' : 'not met'}.`);
  console.log(`RESULT imap-intake ${rate.toFixed(0)} mails/s baseline=${FREESCOUT} ratio=${(rate / FREESCOUT).toFixed(2)}`);
} finally {
  await db.close();
  await dovecot.stop();
  if (!process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}

/**
 * Where the poll's time goes, each part alone on the same mails: (1) fetching every message source from dovecot,
 * once in one FETCH and once in pollInbox's batches of 500; (2) parsing (emailAdapter) and the pipeline steps,
 * sequentially; (3) pollInbox's store step (storeFetched: parse, then groups in transactions side by side) from
 * memory, in batches of 500, into another account.
 */
async function breakdown(db: Db, config: ReturnType<typeof testConfig>, url: string, password: string, pollSeconds: number) {
  console.log('\nWhere the time goes (each part alone, same mails):');
  const u = new URL(url);
  const client = new ImapFlow({ host: u.hostname, port: Number(u.port), secure: false, auth: { user: decodeURIComponent(u.username), pass: password }, logger: false });
  client.on('error', () => {});
  await client.connect();
  const sources: Buffer[] = [];
  let fetchAll = 0;
  let fetchBatched = 0;
  const lock = await client.getMailboxLock('INBOX');
  try {
    let t = performance.now();
    for await (const msg of client.fetch('1:*', { uid: true, source: true }, { uid: true })) if (msg.source) sources.push(msg.source);
    fetchAll = (performance.now() - t) / 1000;
    t = performance.now();
    let last = 0;
    for (;;) {
      let got = 0;
      for await (const msg of client.fetch(`${last + 1}:*`, { uid: true, source: true }, { uid: true })) {
        if (msg.uid > last) {
          got++;
          last = Math.max(last, msg.uid);
        }
        if (got >= 500) break;
      }
      if (got < 500) break;
    }
    fetchBatched = (performance.now() - t) / 1000;
  } finally {
    lock.release();
    await client.logout().catch(() => client.close());
  }
  const bytes = sources.reduce((a, b) => a + b.length, 0);
  console.log(`  IMAP fetch alone: ${sources.length} sources (${(bytes / 1_048_576).toFixed(1)} MB) in one FETCH ${fetchAll.toFixed(2)} s`
    + ` = ${f0(sources.length / fetchAll)} mails/s; in batches of 500 as pollInbox does ${fetchBatched.toFixed(2)} s`);

  const target = { accountId: '00000000-0000-0000-0000-000000000000', inboxId: null, to: inboxAddress };
  let t = performance.now();
  const parsed = [];
  for (const s of sources) parsed.push(await emailAdapter.toInbound(s, target));
  const parseSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  for (let m of parsed) {
    for (const step of PIPELINE) {
      const next = await step(m);
      if (isDrop(next)) break;
      m = next;
    }
  }
  const pipeSeconds = (performance.now() - t) / 1000;
  console.log(`  parse alone (emailAdapter.toInbound = simpleParser + fields): ${parseSeconds.toFixed(2)} s = ${f0(sources.length / parseSeconds)} mails/s; `
    + `pipeline steps alone ${pipeSeconds.toFixed(2)} s = ${f0(sources.length / pipeSeconds)} mails/s (one core, sequential)`);

  const other = await newAccount(db, 'Pakket Twee');
  const address = 'tweede@pakket.example';
  const created = await createInbox(db, systemActor(other.accountId), { address, name: 'Tweede' });
  const inbox = await loadInbox(db, other.accountId, created.id);
  const report = { fetched: 0, stored: 0, duplicates: 0, refused: 0, failed: 0, lastUid: 0, error: null };
  const items = sources.map((source, i) => ({ uid: i + 1, source }));
  const snap = cpuSnap(DB);
  t = performance.now();
  for (let i = 0; i < items.length; i += 500) await storeFetched(db, inbox, items.slice(i, i + 500), config, report);
  const storeSeconds = (performance.now() - t) / 1000;
  const cpu = cpuSince(snap, DB);
  console.log(`  store alone (pollInbox's store step from memory, includes parsing): ${storeSeconds.toFixed(2)} s = ${f0(sources.length / storeSeconds)} mails/s`
    + ` (stored ${report.stored}, failed ${report.failed})`);
  console.log(`    ${cpuText(cpu, sources.length)}`);
  const dbPart = Math.max(0, storeSeconds - parseSeconds - pipeSeconds);
  console.log(`  => of the poll's ${pollSeconds.toFixed(2)} s: IMAP fetch ~${fetchBatched.toFixed(2)} s (${((100 * fetchBatched) / pollSeconds).toFixed(0)}%), `
    + `parse + pipeline ~${(parseSeconds + pipeSeconds).toFixed(2)} s (${((100 * (parseSeconds + pipeSeconds)) / pollSeconds).toFixed(0)}%), `
    + `database and waiting ~${dbPart.toFixed(2)} s (${((100 * dbPart) / pollSeconds).toFixed(0)}%) — pollInbox parses the next group while one`
    + ` is stored; fetching does not overlap with storing`);
}
