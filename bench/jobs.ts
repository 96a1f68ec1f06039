/**
 * The job queue at depth: `node bin/run-ts.mjs bench/jobs.ts [--deep N] [--shallow N] [--claims N] [--workers W]
 *   [--batch B] [--rounds R] [--engine pg|pglite|both] [--pglite-deep N]`
 *
 * Two queues side by side in the same run: one with --shallow (default 1,000) waiting jobs and one with --deep (default
 * 1,000,000) waiting jobs, each in its own fresh database (PostgreSQL: luister_bench_jobs_shallow / _deep on the server
 * of BENCH_DATABASE_URL, dropped at the end; PGlite: two temporary data folders). The waiting jobs are due over the last
 * hour in random order, of three kinds the workers handle, spread over 10 accounts; 1 in 100 is due tomorrow (not yet
 * claimable) and the deep queue also holds as many finished jobs as waiting ones (done and failed, as a queue that was
 * never pruned would). Then VACUUM ANALYZE.
 *
 * Measured --rounds times (default 3), shallow and deep in turn (the order alternates per round): --workers (default 8)
 * workers on one pool of that many connections, each doing what `luister worker` does — claimJobs(db, id, --batch)
 * (default 4), then completeJob for every job it got — until --claims (default 500; at most the due jobs) were claimed; jobs per
 * second, claim latency p50/p95, and claims that came back empty while jobs waited (with FOR UPDATE SKIP LOCKED there
 * should be none). After every round the claimed jobs are queued again, so each round starts at the same depth.
 * Medians over the rounds. Then the claim statement's plan at depth (EXPLAIN ANALYZE, BUFFERS, in a rolled-back
 * transaction; on PostgreSQL also the generic plan a prepared statement ends up with) and the prune of finished jobs
 * (pruneJobs) over the deep queue's finished jobs.
 *
 * --before runs the same with the claim statement as it was before issue 21 (kept here for the comparison).
 * PGlite runs the deep queue at --pglite-deep (default 200,000): filling a million rows there takes minutes.
 * Prints figures and ends with one `RESULT` line (PostgreSQL if it ran, else PGlite); never asserts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db } from '../src/storage/db.ts';
import { CLAIM_SQL, LEASE_SECONDS, claimJobs, completeJob, type JobRow } from '../src/storage/jobs.ts';
import { migrate } from '../src/storage/migrate.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const DEEP = Number(opt('deep') ?? 1_000_000);
const PGLITE_DEEP = Number(opt('pglite-deep') ?? 200_000);
const SHALLOW = Number(opt('shallow') ?? 1_000);
const CLAIMS = Number(opt('claims') ?? 500);
const WORKERS = Number(opt('workers') ?? 8);
const BATCH = Number(opt('batch') ?? 4);
const ROUNDS = Math.max(1, Number(opt('rounds') ?? 3));
const ENGINE = opt('engine') ?? 'both';
const KINDS = ['webhook.deliver', 'email.send', 'listening.analyse'];
const GOAL = 0.8;
/** --before: the claim statement as it was before issue 21 (one OR over both partial indexes, sorted), for comparison */
const BEFORE = argv.includes('--before');
const OLD_CLAIM_SQL = `UPDATE jobs SET status = 'running', locked_by = $1, locked_at = now(), attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM jobs
       WHERE ((status = 'queued' AND run_at <= now())
          OR (status = 'running' AND locked_at < now() - make_interval(secs => $3)))
         AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
         AND ($5::uuid[] IS NULL OR account_id = ANY($5::uuid[]))
       ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING id, account_id, kind, payload, attempts, max_attempts`;
const SQL = BEFORE ? OLD_CLAIM_SQL : CLAIM_SQL;
const claim = (db: Db, worker: string, n: number): Promise<JobRow[]> =>
  BEFORE ? db.query<JobRow>(OLD_CLAIM_SQL, [worker, n, LEASE_SECONDS, KINDS, null]) : claimJobs(db, worker, n, { kinds: KINDS });

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const elapsed = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Fills a fresh queue: `waiting` due jobs (1 in 100 due tomorrow) and `finished` done/failed jobs. */
async function fill(db: Db, waiting: number, finished: number): Promise<void> {
  await db.query(`INSERT INTO accounts (name) SELECT 'jobs bench ' || a FROM generate_series(1, 10) a`);
  await db.query(
    `INSERT INTO jobs (account_id, kind, payload, run_at, created_at)
     SELECT (SELECT array_agg(account_id ORDER BY account_id) FROM accounts)[1 + g % 10], ($2::text[])[1 + g % 3],
            jsonb_build_object('n', g),
            CASE WHEN g % 100 = 0 THEN now() + interval '1 day' ELSE now() - random() * interval '1 hour' END,
            now() - interval '1 hour'
     FROM generate_series(1, $1::int) g`,
    [waiting, KINDS],
  );
  if (finished > 0) {
    await db.query(
      `INSERT INTO jobs (account_id, kind, payload, status, run_at, created_at, finished_at, attempts)
       SELECT (SELECT array_agg(account_id ORDER BY account_id) FROM accounts)[1 + g % 10], ($2::text[])[1 + g % 3],
              jsonb_build_object('n', g), CASE WHEN g % 50 = 0 THEN 'failed' ELSE 'done' END,
              now() - interval '30 days' + g * interval '1 second', now() - interval '30 days', now() - interval '30 days' + g * interval '1 second', 1
       FROM generate_series(1, $1::int) g`,
      [finished, KINDS],
    );
  }
  await db.exec('VACUUM ANALYZE jobs');
}

interface RoundResult { rate: number; p50: number; p95: number; empty: number; claimed: number }

/** WORKERS workers claim and complete until CLAIMS jobs were claimed; then the claimed jobs are queued again. */
async function round(db: Db): Promise<RoundResult> {
  const [{ due }] = await db.query<{ due: number }>(`SELECT count(*)::int AS due FROM jobs WHERE status = 'queued' AND run_at <= now()`);
  const target = Math.min(CLAIMS, due);
  let claimed = 0;
  let empty = 0;
  const lat: number[] = [];
  const ids: number[] = [];
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, w) => {
      while (claimed < target) {
        const c0 = process.hrtime.bigint();
        const jobs = await claim(db, `bench-${w}`, BATCH);
        lat.push(elapsed(c0));
        if (jobs.length === 0) {
          empty++;
          continue;
        }
        claimed += jobs.length;
        for (const j of jobs) {
          await completeJob(db, j.id);
          ids.push(j.id);
        }
      }
    }),
  );
  const ms = elapsed(t0);
  // back to the same depth for the next round
  await db.query(
    `UPDATE jobs SET status = 'queued', finished_at = NULL, locked_by = NULL, locked_at = NULL, attempts = 0,
       run_at = now() - random() * interval '1 hour' WHERE id = ANY($1::bigint[])`,
    [ids],
  );
  await db.exec('VACUUM ANALYZE jobs');
  return { rate: (claimed / ms) * 1000, p50: pct(lat, 50), p95: pct(lat, 95), empty, claimed };
}

const ROLLBACK = new Error('rollback');
/** EXPLAIN ANALYZE of the claim at depth, in a transaction that is rolled back (the claimed rows stay queued). */
async function explain(db: Db, generic: boolean): Promise<string> {
  let out = '';
  const params = [`'explain'`, String(BATCH), String(LEASE_SECONDS), `ARRAY[${KINDS.map((k) => `'${k}'`).join(',')}]::text[]`, 'NULL::uuid[]'];
  await db
    .transaction(async (tx) => {
      let sql = SQL.replace(/\$(\d)/g, (_, i: string) => params[Number(i) - 1]);
      if (generic) {
        // prepared under a name with the generic plan forced: what a pooled connection runs after a few executions
        await tx.exec('SET LOCAL plan_cache_mode = force_generic_plan');
        await tx.exec(`PREPARE bench_claim(text, int, float8, text[], uuid[]) AS ${SQL}`);
        sql = `EXECUTE bench_claim(${params.join(', ')})`;
      }
      const rows = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`);
      if (generic) await tx.exec('DEALLOCATE bench_claim');
      out = rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
      throw ROLLBACK;
    })
    .catch((err) => {
      if (err !== ROLLBACK) throw err;
    });
  return out;
}

async function pruneFinished(db: Db): Promise<string> {
  const mod = (await import('../src/storage/jobs.ts')) as Record<string, unknown>;
  if (typeof mod.pruneJobs !== 'function') return 'pruneJobs: not in this version';
  const [{ n: before }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs`);
  const t0 = process.hrtime.bigint();
  const pruned = await (mod.pruneJobs as (db: Db) => Promise<number>)(db);
  const ms = elapsed(t0);
  const [{ n: after }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs`);
  return `pruneJobs: ${fmt(pruned)} finished jobs removed in ${fmt(ms)} ms (${fmt((pruned / ms) * 1000)}/s); rows ${fmt(before)} → ${fmt(after)}`;
}

interface EngineResult { engine: string; shallow: RoundResult[]; deep: RoundResult[]; deepN: number }

async function measure(engine: string, shallowDb: Db, deepDb: Db, deepN: number): Promise<EngineResult> {
  const t0 = process.hrtime.bigint();
  await fill(shallowDb, SHALLOW, 0);
  await fill(deepDb, deepN, deepN);
  console.log(`${engine}: filled ${fmt(SHALLOW)} and ${fmt(deepN)} waiting jobs (+${fmt(deepN)} finished) in ${(elapsed(t0) / 1000).toFixed(1)} s`);
  // warm-up: plans, caches and the prepared statements of every pooled connection
  for (const db of [shallowDb, deepDb]) {
    const w = await claim(db, 'warm', 1);
    for (const j of w) await completeJob(db, j.id);
  }
  const res: EngineResult = { engine, shallow: [], deep: [], deepN };
  for (let r = 0; r < ROUNDS; r++) {
    const order: ('shallow' | 'deep')[] = r % 2 ? ['deep', 'shallow'] : ['shallow', 'deep'];
    for (const which of order) {
      const x = await round(which === 'shallow' ? shallowDb : deepDb);
      res[which].push(x);
      console.log(`  round ${r + 1} ${which.padEnd(7)} ${fmt(x.rate)} jobs/s, claim p50 ${x.p50.toFixed(1)} ms p95 ${x.p95.toFixed(1)} ms, empty claims ${x.empty}`);
    }
  }
  console.log(`${engine}: claim plan at depth ${fmt(deepN)} (custom plan):\n${await explain(deepDb, false)}`);
  if (engine === 'PostgreSQL') console.log(`${engine}: generic plan (prepared statement):\n${await explain(deepDb, true)}`);
  console.log(`${engine}: ${await pruneFinished(deepDb)}`);
  return res;
}

function summary(r: EngineResult): { shallow: number; deep: number; ratio: number } {
  const shallow = median(r.shallow.map((x) => x.rate));
  const deep = median(r.deep.map((x) => x.rate));
  console.log(
    `${r.engine}: ${fmt(SHALLOW)} waiting ${fmt(shallow)} jobs/s (claim p95 ${median(r.shallow.map((x) => x.p95)).toFixed(1)} ms) | ` +
      `${fmt(r.deepN)} waiting ${fmt(deep)} jobs/s (claim p95 ${median(r.deep.map((x) => x.p95)).toFixed(1)} ms) | ` +
      `ratio ${(deep / shallow).toFixed(2)} (goal ≥ ${GOAL}) | empty claims ${r.shallow.concat(r.deep).reduce((a, x) => a + x.empty, 0)}`,
  );
  return { shallow, deep, ratio: deep / shallow };
}

async function onPostgres(): Promise<EngineResult> {
  const names = ['luister_bench_jobs_shallow', 'luister_bench_jobs_deep'];
  for (const n of names) {
    await admin(`DROP DATABASE IF EXISTS ${n}`);
    await admin(`CREATE DATABASE ${n}`);
  }
  const [s, d] = await Promise.all(names.map((n) => openDb({ databaseUrl: urlFor(n), poolSize: WORKERS })));
  try {
    await migrate(s);
    await migrate(d);
    return await measure('PostgreSQL', s, d, DEEP);
  } finally {
    await s.close();
    await d.close();
    for (const n of names) await admin(`DROP DATABASE IF EXISTS ${n}`);
  }
}

async function onPglite(): Promise<EngineResult> {
  const dir = mkdtempSync(join(tmpdir(), 'luister-bench-jobs-'));
  const s = await openDb({ dataDir: join(dir, 'shallow') });
  const d = await openDb({ dataDir: join(dir, 'deep') });
  try {
    await migrate(s);
    await migrate(d);
    return await measure('PGlite', s, d, PGLITE_DEEP);
  } finally {
    await s.close();
    await d.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`jobs bench${BEFORE ? ' (--before: the claim statement before issue 21)' : ''}: ${WORKERS} workers, batch ${BATCH}, ${fmt(CLAIMS)} claims a round, ${ROUNDS} rounds; ${cpus().length} cores, load ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
const results: { name: string; s: ReturnType<typeof summary> }[] = [];
if (ENGINE !== 'pglite') results.push({ name: 'jobs_claim_at_depth_pg', s: summary(await onPostgres()) });
if (ENGINE !== 'pg') results.push({ name: 'jobs_claim_at_depth_pglite', s: summary(await onPglite()) });
const main = results[0];
console.log(`RESULT ${main.name} ${Math.round(main.s.deep)} jobs/s baseline=${Math.round(main.s.shallow)} ratio=${main.s.ratio.toFixed(2)}`);
