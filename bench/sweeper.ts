/**
 * Promise sweep: `node bin/run-ts.mjs bench/sweeper.ts [--count N] [--rounds R] [--follow-up N]`
 *
 * Loads --count (default 1,000,000) open promises into a fresh PostgreSQL database (luister_bench_sweeper, dropped at
 * the end), spread over 10 accounts (5 agents, 200 customers and 1,000 cases each), with INSERT … SELECT over
 * generate_series:
 *   - exactly 1% (every 100th promise) is due at or before `now`, spread over the 24 hours before it (a backlog); those
 *     were reminded an hour before their due time (reminded_at set);
 *   - the other 99% are due in the next 30 days, remind_at = due_at − 60 min and reminded_at NULL (not reminded yet),
 *     so the reminders due at `now` are the promises due within the next hour (~0.14%: a sweep after an hour without
 *     one). The count is printed.
 * Then VACUUM ANALYZE.
 *
 * The sweep hands out what fell due since its mark (sweep_marks): one INSERT INTO jobs … SELECT per pass, one job per
 * account and 500 promises; it changes no promise (the follow-up job does). So before every measurement the sweep
 * marks are deleted (each timed sweep starts from '-infinity' and sees the same backlog) and the jobs too.
 *
 * Measured, --rounds times each (default 5, at least 3), in an order rotated per round, each after restoring the
 * state (jobs and sweep marks deleted; promises breached by the raw write opened again; CLUSTER on the primary key so
 * that the due promises are scattered over the heap the same way every time, VACUUM ANALYZE, CHECKPOINT); medians:
 *   raw        SELECT account_id, id FROM promises WHERE state = 'open' AND due_at <= $1, all rows fetched (one pg.Client);
 *   sweep      sweepPromises(db, { now }) on its own Db (pool of 1, warmed up): breach and remind passes, timed per
 *              statement as well (and the rest of each pass's transaction: BEGIN, COMMIT);
 *   raw write  context only, the OLD design's floor: the breach pass as one plain UPDATE … RETURNING + INSERT INTO jobs
 *              (one job per promise), the least a sweep that marks the rows itself has to do. The sweep no longer does.
 * WAL written is printed for the sweep and the raw write. After each sweep: the promise.breached jobs hold exactly the
 * due promises, each once, and the promise.remind jobs the due reminders, each once; no promise changed state.
 * Then: a steady-state sweep (one minute's promises), the plan cache of the sweep's connection and the estimated cost
 * of the breach hand-out's generic plan; EXPLAIN (ANALYZE, BUFFERS, WAL) of the raw SELECT and of the two hand-out
 * statements in rolled-back transactions; and a concurrency check over a fresh set of due promises:
 *   - two sweepPromises at once, each on its own Db (sweep marks and jobs deleted first), three times: handed out
 *     exactly the due promises, no promise in two promise.breached (or promise.remind) jobs;
 *   - the real follow-up: every promise.breached job queued twice (a second copy of each, as if the hourly
 *     reconciliation had handed the promises out again), all of them run with handleBreach by two runners at once, each
 *     on its own Db, a job and its copy on different runners at about the same moment: every due promise breached, one
 *     'promise.breached' audit row per promise (and no promise with two breach notifications or two pending apology
 *     drafts). --follow-up N (default: all due promises) runs the follow-up on the jobs of the first promises only.
 *
 * Env: BENCH_DATABASE_URL (maintenance db of the server, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_KEEP_DB=1 keeps the database (in the state after the concurrency check) for EXPLAIN and experiments.
 * Prints figures and ends with one `RESULT` line; never asserts.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { handleBreach } from '../src/promises/follow-up.ts';
import { sweepPromises } from '../src/promises/sweep-promises.ts';
import { openDb, type Db } from '../src/storage/db.ts';
import type { JobRow } from '../src/storage/jobs.ts';
import { migrate } from '../src/storage/migrate.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const COUNT = Math.max(100, Number(opt('count') ?? 1_000_000));
const ROUNDS = Math.max(3, Number(opt('rounds') ?? 5));
const DB_NAME = 'luister_bench_sweeper';
const KEEP_DB = process.env.BENCH_KEEP_DB === '1';
const ACCOUNTS = 10;
const AGENTS = 5; // per account
const CUSTOMERS = 200; // per account
const CASES_PER_CUSTOMER = 5;
const DUE = Math.floor(COUNT / 100); // promises g with g % 100 = 0
const FOLLOW_UP = Math.min(DUE, Math.max(1, Number(opt('follow-up') ?? DUE)));
const GOAL_RATIO = 3;
const RACES = 3;
/** The sweep's clock: this minute. Everything is relative to it. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const elapsed = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

// ---------------------------------------------------------------------------------------------- load

async function load(c: pg.Client): Promise<void> {
  await c.query('SELECT setseed(0.2026)');
  await c.query(`INSERT INTO accounts (name) SELECT 'sweeper bench ' || a FROM generate_series(1, ${ACCOUNTS}) a`);
  await c.query(`INSERT INTO agents (account_id, email, name, role)
                 SELECT account_id, 'agent' || g || '@bench.example', 'Agent ' || g, CASE WHEN g = 1 THEN 'supervisor' ELSE 'agent' END
                 FROM accounts, generate_series(1, ${AGENTS}) g`);
  await c.query(`INSERT INTO customers (account_id, name, search_text)
                 SELECT account_id, 'Customer ' || g, 'customer ' || g FROM accounts, generate_series(1, ${CUSTOMERS}) g`);
  await c.query(`INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, language)
                 SELECT account_id, id, 'Question ' || g, 'question ' || g, 'email', 'nl'
                 FROM customers, generate_series(1, ${CASES_PER_CUSTOMER}) g`);
  // case k (0-based) with its customer and an owner of its account, to spread the promises round-robin
  await c.query(`CREATE TEMP TABLE bench_map AS
                 SELECT (row_number() OVER (ORDER BY c.number) - 1)::int AS k, c.account_id, c.id AS case_id, c.customer_id,
                        (array_agg(a.id ORDER BY a.email))[1 + c.number % ${AGENTS}] AS owner_id
                 FROM cases c JOIN agents a ON a.account_id = c.account_id
                 GROUP BY c.account_id, c.id, c.customer_id, c.number`);
  await c.query('CREATE UNIQUE INDEX ON bench_map (k)');
  const [{ n: nCases }] = (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_map')).rows;
  await c.query(
    `INSERT INTO promises (account_id, case_id, customer_id, owner_id, kind, description, due_at, remind_at, reminded_at,
                           source, created_at, updated_at)
     SELECT m.account_id, m.case_id, m.customer_id, m.owner_id,
            (ARRAY['callback', 'answer_by', 'refund_by', 'next_update_by', 'custom'])[1 + g % 5],
            'We get back to you about your question (' || g || ')',
            d.due_at, d.due_at - interval '60 minutes',
            CASE WHEN g % 100 = 0 THEN d.due_at - interval '60 minutes' END,
            CASE WHEN g % 3 = 0 THEN 'reply' ELSE 'manual' END,
            $1::timestamptz - interval '3 days', $1::timestamptz - interval '3 days'
     FROM generate_series(1, $2::int) g
     -- (g + g / 100), not g: with g alone every 100th promise (the due ones) would land on every 100th case, all of
     -- one account; this way each case gets one of them (101 is prime to the number of cases)
     JOIN bench_map m ON m.k = (g + g / 100) % $3::int
     CROSS JOIN LATERAL (
       SELECT CASE WHEN g % 100 = 0 THEN $1::timestamptz - random() * interval '24 hours'
                   ELSE $1::timestamptz + interval '1 second' + random() * interval '30 days' END AS due_at) d
     ORDER BY g`,
    [NOW, COUNT, nCases],
  );
  await c.query('VACUUM ANALYZE');
}

/**
 * Back to the loaded state: no jobs, no sweep marks (the next sweep starts from '-infinity' and hands out the whole
 * backlog again), and the promises the raw write breached open again (the sweep itself changes none). With `full`,
 * also the same physical layout every time: CLUSTER on the primary key (random uuids, so the due promises are
 * scattered, about one per heap page, as after months of inserts and updates; it also keeps every measurement reading
 * a freshly rewritten table, as the old benchmark did), VACUUM ANALYZE and a CHECKPOINT (so a checkpoint never starts
 * during a measurement, and every page a write touches first costs a full-page image in the WAL).
 */
async function restore(c: pg.Client, full = true): Promise<void> {
  await c.query(`UPDATE promises SET state = 'open', breached_at = NULL, updated_at = created_at WHERE state = 'breached'`);
  await c.query('DELETE FROM jobs');
  await c.query('DELETE FROM sweep_marks');
  if (full) {
    await c.query('CLUSTER promises USING promises_pkey');
    await c.query('VACUUM ANALYZE promises');
    await c.query('VACUUM ANALYZE jobs');
    await c.query('VACUUM ANALYZE sweep_marks');
    await c.query('CHECKPOINT');
  }
}

// ---------------------------------------------------------------------------------------------- measured

const RAW_SQL = `SELECT account_id, id FROM promises WHERE state = 'open' AND due_at <= $1`;

async function raw(c: pg.Client): Promise<{ ms: number; rows: number }> {
  const t0 = process.hrtime.bigint();
  const { rows } = await c.query(RAW_SQL, [NOW]);
  return { ms: elapsed(t0), rows: rows.length };
}

/**
 * Context only: the OLD design's floor, the least any sweep that marks the rows itself has to do: the breach pass as
 * one plain set-based statement (one job per promise), without batches, without claiming rows first and without the
 * self-join; no reminders. The redesigned sweep writes no promise, so this is no longer a bound for it.
 */
const RAW_WRITE_SQL = `WITH marked AS (
    UPDATE promises SET state = 'breached', breached_at = $1, updated_at = $1
    WHERE state = 'open' AND due_at <= $1 RETURNING account_id, id)
  INSERT INTO jobs (account_id, kind, payload)
  SELECT account_id, 'promise.breached', jsonb_build_object('promise_id', id) FROM marked`;

async function rawWrite(c: pg.Client): Promise<{ ms: number; rows: number }> {
  const t0 = process.hrtime.bigint();
  const r = await c.query(RAW_WRITE_SQL, [NOW]);
  return { ms: elapsed(t0), rows: r.rowCount ?? 0 };
}

/** Runs fn and returns its result with the MB of WAL written meanwhile (server-wide: other databases count too). */
async function withWal<T>(c: pg.Client, fn: () => Promise<T>): Promise<T & { walMb: number }> {
  const { rows: [w0] } = await c.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const x = await fn();
  const { rows: [w1] } = await c.query<{ mb: number }>('SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), $1)::float8 / 1048576 AS mb', [w0.lsn]);
  return { ...x, walMb: w1.mb };
}

const TX_REST = '(BEGIN, COMMIT)';
interface Stmt { sql: string; params: unknown[]; ms: number }
/**
 * The Db with every query timed and recorded (for the per-statement figures and the EXPLAIN), inside transactions too;
 * a transaction adds one entry: its time beyond its statements (BEGIN, COMMIT with its WAL flush, the pool).
 */
function recording(db: Db, log: Stmt[]): Db {
  return {
    kind: db.kind,
    exec: (sql) => db.exec(sql),
    listen: (channel, fn) => db.listen(channel, fn),
    close: () => db.close(),
    copyFrom: (sql, data) => db.copyFrom(sql, data),
    async query<T>(sql: string, params?: unknown[]) {
      const t0 = process.hrtime.bigint();
      const rows = await db.query<T>(sql, params);
      log.push({ sql, params: params ?? [], ms: elapsed(t0) });
      return rows;
    },
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      const t0 = process.hrtime.bigint();
      const from = log.length;
      const x = await db.transaction((tx) => fn(recording(tx, log)));
      const inner = log.slice(from).reduce((sum, s) => sum + s.ms, 0);
      log.push({ sql: TX_REST, params: [], ms: elapsed(t0) - inner });
      return x;
    },
  };
}

/** Which pass of the sweep a statement belongs to: the job kind is in the hand-out's text, the mark's name in the others' parameters. */
const passOf = (sql: string, params: unknown[] = []) =>
  /promise\.breached/.test(sql) || params.some((p) => typeof p === 'string' && p.startsWith('promises.breach')) ? ('breach' as const) : ('remind' as const);
/** What a statement of the sweep does. */
const roleOf = (sql: string) =>
  sql === TX_REST ? 'BEGIN/COMMIT' : /INSERT INTO jobs/.test(sql) ? 'hand-out' : /^\s*INSERT INTO sweep_marks/.test(sql) ? 'mark insert'
    : /FOR UPDATE/.test(sql) ? 'mark lock' : /UPDATE sweep_marks/.test(sql) ? 'mark update' : 'other';
/** Labels for a sweep's recorded statements: pass and role; a transaction's rest belongs to the pass before it. */
function labels(stmts: Stmt[]): Array<{ pass: 'breach' | 'remind'; role: string }> {
  const out: Array<{ pass: 'breach' | 'remind'; role: string }> = [];
  for (const s of stmts) {
    const pass = s.sql === TX_REST && out.length ? out[out.length - 1].pass : passOf(s.sql, s.params);
    out.push({ pass, role: roleOf(s.sql) });
  }
  return out;
}

async function sweep(db: Db): Promise<{ ms: number; breached: number; reminded: number; stmts: Stmt[] }> {
  const stmts: Stmt[] = [];
  const t0 = process.hrtime.bigint();
  const r = await sweepPromises(recording(db, stmts), { now: NOW });
  return { ms: elapsed(t0), ...r, stmts };
}

interface Check {
  breachJobs: number; breachIds: number; breachDistinct: number; breachDue: number; dupBreach: number; dueNow: number;
  remindJobs: number; remindIds: number; remindDistinct: number; remindDue: number; dupRemind: number; remindNow: number;
  notOpen: number;
}
/**
 * What the jobs hold: per kind the jobs, the ids in them (sum of jsonb_array_length), the distinct ids that are due
 * (open, due_at <= now; reminders: open, not reminded, remind_at <= now), the ids in more than one job; and how many
 * promises are due now. notOpen: promises not open, outside the ones the concurrency check set aside (kept_by 'bench').
 */
async function check(c: pg.Client): Promise<Check> {
  const { rows: [r] } = await c.query<Check>(
    `WITH b AS (SELECT account_id, jsonb_array_elements_text(payload->'promise_ids')::uuid AS id FROM jobs WHERE kind = 'promise.breached'),
          r AS (SELECT account_id, jsonb_array_elements_text(payload->'promise_ids')::uuid AS id FROM jobs WHERE kind = 'promise.remind')
     SELECT (SELECT count(*) FROM jobs WHERE kind = 'promise.breached')::int AS "breachJobs",
            (SELECT coalesce(sum(jsonb_array_length(payload->'promise_ids')), 0) FROM jobs WHERE kind = 'promise.breached')::int AS "breachIds",
            (SELECT count(DISTINCT id) FROM b)::int AS "breachDistinct",
            (SELECT count(DISTINCT b.id) FROM b JOIN promises p ON p.account_id = b.account_id AND p.id = b.id
             WHERE p.state = 'open' AND p.due_at <= $1)::int AS "breachDue",
            (SELECT count(*) FROM (SELECT id FROM b GROUP BY id HAVING count(*) > 1) x)::int AS "dupBreach",
            (SELECT count(*) FROM promises WHERE state = 'open' AND due_at <= $1)::int AS "dueNow",
            (SELECT count(*) FROM jobs WHERE kind = 'promise.remind')::int AS "remindJobs",
            (SELECT coalesce(sum(jsonb_array_length(payload->'promise_ids')), 0) FROM jobs WHERE kind = 'promise.remind')::int AS "remindIds",
            (SELECT count(DISTINCT id) FROM r)::int AS "remindDistinct",
            (SELECT count(DISTINCT r.id) FROM r JOIN promises p ON p.account_id = r.account_id AND p.id = r.id
             WHERE p.state = 'open' AND p.reminded_at IS NULL AND p.remind_at <= $1)::int AS "remindDue",
            (SELECT count(*) FROM (SELECT id FROM r GROUP BY id HAVING count(*) > 1) x)::int AS "dupRemind",
            (SELECT count(*) FROM promises WHERE state = 'open' AND reminded_at IS NULL AND remind_at <= $1)::int AS "remindNow",
            (SELECT count(*) FROM promises WHERE state <> 'open' AND kept_by IS DISTINCT FROM 'bench')::int AS "notOpen"`,
    [NOW],
  );
  return r;
}
/** The jobs hold exactly the due promises and the due reminders, each once, and the sweep changed no promise. */
const checkOk = (k: Check) =>
  k.breachIds === k.dueNow && k.breachDistinct === k.dueNow && k.breachDue === k.dueNow && k.dupBreach === 0 &&
  k.remindIds === k.remindNow && k.remindDistinct === k.remindNow && k.remindDue === k.remindNow && k.dupRemind === 0 && k.notOpen === 0;

async function explain(c: pg.Client, sql: string, params: unknown[]): Promise<string> {
  await c.query('BEGIN');
  try {
    const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, WAL) ${sql}`, params);
    return rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
  } finally {
    await c.query('ROLLBACK');
  }
}

// ---------------------------------------------------------------------------------------------- main

console.log(`Promise sweep benchmark: ${fmt(COUNT)} open promises, ${fmt(DUE)} due, ${ROUNDS} rounds; now = ${NOW.toISOString()}`);
console.log(`load average before the run: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (${cpus().length} cores)`);

await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
await admin(`CREATE DATABASE ${DB_NAME}`);
let result = '';
try {
  const url = urlFor(DB_NAME);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const db = await openDb({ databaseUrl: url, poolSize: 1 });
  try {
    await migrate(db);
    const tLoad = process.hrtime.bigint();
    await load(c);
    const loadMs = elapsed(tLoad);
    const { rows: [st] } = await c.query(
      `SELECT (SELECT count(*) FROM promises)::int AS total,
              (SELECT count(*) FROM promises WHERE state = 'open' AND due_at <= $1)::int AS due,
              (SELECT count(*) FROM promises WHERE state = 'open' AND reminded_at IS NULL AND remind_at <= $1)::int AS remind,
              pg_size_pretty(pg_table_size('promises')) AS heap, pg_size_pretty(pg_indexes_size('promises')) AS indexes,
              pg_size_pretty(pg_relation_size('promises_due')) AS due_index, pg_size_pretty(pg_relation_size('promises_remind')) AS remind_index`,
      [NOW],
    );
    const remindDue = st.remind as number;
    console.log(`loaded ${fmt(st.total)} promises (${ACCOUNTS} accounts, ${ACCOUNTS * CUSTOMERS * CASES_PER_CUSTOMER} cases) in ${(loadMs / 1000).toFixed(1)} s incl. VACUUM ANALYZE`);
    console.log(`  table ${st.heap}, its indexes ${st.indexes} (promises_due ${st.due_index}, promises_remind ${st.remind_index})`);
    console.log(`  due for breach at now: ${fmt(st.due)}; reminders due at now (due within the hour, not yet reminded): ${fmt(remindDue)}`);

    // warm-up, not measured: prepares the sweep's statements on the Db's connection (nothing is due two days ago;
    // the mark it leaves is deleted by every restore)
    await sweepPromises(db, { now: new Date(NOW.getTime() - 2 * 86_400_000) });
    const backends = new Set<number>((await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).map((b) => b.pid));

    const raws: number[] = [];
    const writes: number[] = [];
    const sweeps: number[] = [];
    const perStmt: number[][] = [];
    const wal = { sweep: [] as number[], write: [] as number[] };
    let lastSweep!: Awaited<ReturnType<typeof sweep>> & { walMb: number };
    const checks: Check[] = [];
    let rawRows = 0;
    let writeRows = 0;
    const fresh: boolean[] = [];
    let plans: Array<{ generic_plans: number; custom_plans: number; statement: string }> = [];
    for (let r = 0; r < ROUNDS; r++) {
      const steps: Array<() => Promise<void>> = [
        async () => {
          await restore(c);
          const x = await raw(c);
          raws.push(x.ms);
          rawRows = x.rows;
        },
        async () => {
          await restore(c);
          lastSweep = await withWal(c, () => sweep(db));
          wal.sweep.push(lastSweep.walMb);
          sweeps.push(lastSweep.ms);
          lastSweep.stmts.forEach((s, i) => (perStmt[i] ??= []).push(s.ms));
          checks.push(await check(c));
          // the connection the sweep just used (pool of 1): which backend, and its plan cache
          const [b] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
          fresh.push(!backends.has(b.pid));
          backends.add(b.pid);
          plans = await db.query<{ generic_plans: number; custom_plans: number; statement: string }>(
            `SELECT generic_plans, custom_plans, statement FROM pg_prepared_statements
             WHERE statement LIKE '%INSERT INTO jobs%' AND statement NOT LIKE '%pg_prepared_statements%'`,
          );
        },
        async () => {
          await restore(c);
          const x = await withWal(c, () => rawWrite(c));
          writes.push(x.ms);
          wal.write.push(x.walMb);
          writeRows = x.rows;
        },
      ];
      // rotate the order from round to round, so that a change in the machine's load hits all three alike
      for (let i = 0; i < steps.length; i++) await steps[(i + r) % steps.length]();
      const k = checks[r];
      console.log(`  round ${r + 1}/${ROUNDS}: raw ${ms(raws[r])} (${fmt(rawRows)} rows); sweep ${ms(sweeps[r])} ` +
        `(handed out ${fmt(lastSweep.breached)} breaches in ${k.breachJobs} jobs, ${fmt(lastSweep.reminded)} reminders in ${k.remindJobs}; ` +
        `${fresh[r] ? 'on a new connection; ' : ''}statements ${lastSweep.stmts.map((s) => s.ms.toFixed(1)).join(' + ')} ms; ${wal.sweep[r].toFixed(2)} MB WAL; check ${checkOk(k) ? 'OK' : 'WRONG'}); ` +
        `old design's floor ${ms(writes[r])} (${fmt(writeRows)} jobs; ${wal.write[r].toFixed(1)} MB WAL)`);
    }
    const rawMs = median(raws);
    const sweepMs = median(sweeps);
    const writeMs = median(writes);
    const ratio = sweepMs / rawMs;
    const lab = labels(lastSweep.stmts);
    const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
    const passMs = (pass: 'breach' | 'remind') => lab.reduce((sum, l, i) => sum + (l.pass === pass ? median(perStmt[i]) : 0), 0);
    console.log('');
    console.log(`raw SELECT of the due promises (${fmt(rawRows)} rows to the client): median ${ms(rawMs)} (${list(raws)})`);
    console.log(`sweepPromises (breach + remind): median ${ms(sweepMs)} (${list(sweeps)}); WAL ${median(wal.sweep).toFixed(2)} MB`);
    for (const pass of ['breach', 'remind'] as const) {
      console.log(`  ${pass} pass, per statement, medians: ${ms(passMs(pass))} = ` +
        lab.flatMap((l, i) => (l.pass === pass ? [`${l.role} ${ms(median(perStmt[i]))}`] : [])).join(' + '));
    }
    console.log(`old design's floor, context only (one UPDATE … RETURNING + INSERT INTO jobs, one job per promise, breaches only): ` +
      `median ${ms(writeMs)} (${list(writes)}); WAL ${median(wal.write).toFixed(1)} MB`);
    console.log(`sweep/raw: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'met' : 'NOT met'}); ` +
      `old floor/raw: ${(writeMs / rawMs).toFixed(2)}×; sweep/old floor: ${(sweepMs / writeMs).toFixed(2)}×`);
    const k = checks[checks.length - 1];
    console.log(`check after every sweep: ${checks.every(checkOk) ? 'OK' : 'WRONG'}; after the last one: ` +
      `promise.breached jobs ${k.breachJobs} holding ${fmt(k.breachIds)} ids (${fmt(k.breachDistinct)} distinct, ${fmt(k.breachDue)} of them due; ` +
      `expected ${fmt(k.dueNow)}), in two jobs ${k.dupBreach}; promise.remind jobs ${k.remindJobs} holding ${fmt(k.remindIds)} ids ` +
      `(${fmt(k.remindDistinct)} distinct, ${fmt(k.remindDue)} due for a reminder; expected ${fmt(k.remindNow)}), in two jobs ${k.dupRemind}; ` +
      `promises no longer open: ${k.notOpen}`);

    // steady state: the worker sweeps every minute, so once the backlog is gone each sweep finds one minute's promises
    await restore(c);
    await sweepPromises(db, { now: NOW });
    const steady: number[] = [];
    const steadyN = { breached: 0, reminded: 0 };
    for (let m = 1; m <= 5; m++) {
      const t0 = process.hrtime.bigint();
      const r = await sweepPromises(db, { now: new Date(NOW.getTime() + m * 60_000) });
      steady.push(elapsed(t0));
      steadyN.breached += r.breached;
      steadyN.reminded += r.reminded;
    }
    console.log(`steady state, 5 sweeps one minute apart after the backlog: median ${ms(median(steady))} (${list(steady)}), ` +
      `${(steadyN.breached / 5).toFixed(0)} breaches and ${(steadyN.reminded / 5).toFixed(0)} reminders handed out per sweep on average`);

    // the sweep's statements are named prepared statements (db.ts): after 5 runs on a connection PostgreSQL may
    // switch to a generic plan, chosen without knowing the parameters (now, the mark, the accounts)
    console.log(`the sweeps ran on ${backends.size} different connection(s) (warm-up included) over ${ROUNDS} rounds` +
      (backends.size > 1 ? ' (pg.Pool closes a connection idle for 10 s; a restore between rounds may take longer)' : ''));
    for (const p of plans) {
      console.log(`  plan cache of that connection after the last sweep, ${passOf(p.statement)} hand-out: ` +
        `${p.custom_plans} custom plans, ${p.generic_plans} generic`);
    }
    const handOut = (pass: 'breach' | 'remind') => lastSweep.stmts[lab.findIndex((l) => l.pass === pass && l.role === 'hand-out')];
    const breach = handOut('breach');
    const literal = (v: unknown) =>
      v === null || v === undefined ? 'NULL' : v instanceof Date ? `'${v.toISOString()}'` : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
    await c.query(`PREPARE bench_breach AS ${breach.sql}`); // parameter types inferred, as for the app's own statement
    const planOf = async (mode: string) => {
      await c.query(`SET plan_cache_mode = ${mode}`);
      const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE bench_breach (${breach.params.map(literal).join(', ')})`);
      const text = rows.map((x) => x['QUERY PLAN']).join('\n');
      const scan = /(Seq Scan|Bitmap Index Scan|Index Only Scan|Index Scan) (?:using |on )(\w+)/.exec(text);
      return { cost: Number(/cost=[\d.]+\.\.([\d.]+)/.exec(text)?.[1]), scan: scan ? `${scan[1]} on ${scan[2]}` : '?' };
    };
    const custom = await planOf('force_custom_plan');
    const generic = await planOf('force_generic_plan');
    await c.query('RESET plan_cache_mode');
    await c.query('DEALLOCATE bench_breach');
    console.log(`breach hand-out, estimated cost from '-infinity': custom plan ${fmt(custom.cost)} (${custom.scan}), ` +
      `generic plan ${fmt(generic.cost)} (${generic.scan})`);

    // plans, in a transaction that is rolled back (EXPLAIN ANALYZE runs the statement)
    await restore(c);
    console.log('\nEXPLAIN (ANALYZE, BUFFERS, WAL), raw SELECT:');
    console.log(await explain(c, RAW_SQL, [NOW]));
    for (const pass of ['breach', 'remind'] as const) {
      const s = handOut(pass);
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS, WAL), the sweep's ${pass} hand-out (from '-infinity', custom plan, as for a fresh connection):`);
      console.log(await explain(c, s.sql, s.params));
    }

    // ------------------------------------------------------------------------ two sweepers at once, then the follow-up
    console.log('');
    // a fresh set of due promises: the old ones are kept (kept_by 'bench'), DUE new ones are due (reminded an hour
    // before); the reminders due are the same as before
    await restore(c, false);
    await c.query(`UPDATE promises SET state = 'kept', kept_at = $1, kept_by = 'bench' WHERE state = 'open' AND due_at <= $1`, [NOW]);
    await c.query(
      `INSERT INTO promises (account_id, case_id, customer_id, owner_id, kind, description, due_at, remind_at, reminded_at)
       SELECT account_id, case_id, customer_id, owner_id, 'callback', 'Fresh due promise ' || g, d, d - interval '60 minutes', d - interval '60 minutes'
       FROM (SELECT *, $1::timestamptz - random() * interval '2 hours' AS d FROM generate_series(1, $2::int) g
             JOIN bench_map m ON m.k = g % $3::int) x`,
      [NOW, DUE, ACCOUNTS * CUSTOMERS * CASES_PER_CUSTOMER],
    );
    await c.query('VACUUM ANALYZE promises');
    const db1 = await openDb({ databaseUrl: url, poolSize: 1 });
    const db2 = await openDb({ databaseUrl: url, poolSize: 1 });
    try {
      let race!: Check;
      const handed: number[] = [];
      for (let i = 1; i <= RACES; i++) {
        await restore(c, false);
        const t0 = process.hrtime.bigint();
        const [a, b] = await Promise.all([sweepPromises(db1, { now: NOW }), sweepPromises(db2, { now: NOW })]);
        const took = elapsed(t0);
        race = await check(c);
        handed.push(a.breached + b.breached);
        console.log(`  two sweepers at once, ${i}/${RACES}: handed out ${fmt(a.breached + b.breached)} (A ${fmt(a.breached)} + B ${fmt(b.breached)}; ` +
          `${race.breachJobs} jobs, ${fmt(race.breachIds)} ids, ${fmt(race.breachDue)} due of ${fmt(race.dueNow)}), duplicates ${race.dupBreach}; ` +
          `reminders ${fmt(a.reminded)} + ${fmt(b.reminded)} of ${fmt(race.remindNow)}, duplicates ${race.dupRemind}; ${checkOk(race) ? 'OK' : 'WRONG'}; ${ms(took)}`);
      }

      // the follow-up on the jobs of the last race: every job twice, two runners at once
      const { rows: queued } = await c.query<JobRow>(
        `SELECT id, account_id, kind, payload, attempts, max_attempts FROM jobs WHERE kind = 'promise.breached' ORDER BY id`);
      // --follow-up N: the first N promises only (the jobs cut to them)
      let left = FOLLOW_UP;
      const originals: JobRow[] = [];
      for (const j of queued) {
        const ids = (j.payload.promise_ids as string[]).slice(0, left);
        if (!ids.length) break;
        left -= ids.length;
        originals.push({ ...j, payload: { ...j.payload, promise_ids: ids } });
      }
      const inFollowUp = originals.reduce((n, j) => n + (j.payload.promise_ids as string[]).length, 0);
      // the second copy of every job, queued as the hourly reconciliation would (a new row, same payload)
      const { rows: copies } = await c.query<JobRow>(
        `INSERT INTO jobs (account_id, kind, payload)
         SELECT account_id, kind, payload FROM jsonb_to_recordset($1::jsonb) AS x(ord int, account_id uuid, kind text, payload jsonb)
         ORDER BY ord RETURNING id, account_id, kind, payload, attempts, max_attempts`,
        [JSON.stringify(originals.map((j, ord) => ({ ord, account_id: j.account_id, kind: j.kind, payload: j.payload })))],
      );
      // a job and its copy on different runners at about the same moment
      const runnerA = originals.map((j, i) => (i % 2 ? copies[i] : j));
      const runnerB = originals.map((j, i) => (i % 2 ? j : copies[i]));
      const t0 = process.hrtime.bigint();
      await Promise.all([
        (async () => { for (const j of runnerA) await handleBreach(db1, j); })(),
        (async () => { for (const j of runnerB) await handleBreach(db2, j); })(),
      ]);
      const followMs = elapsed(t0);
      const { rows: [f] } = await c.query<{ breached: number; audits: number; twice: number; notes: number; notesTwice: number; drafts: number; draftsTwice: number }>(
        `SELECT (SELECT count(*) FROM promises WHERE state = 'breached')::int AS breached,
                (SELECT count(*) FROM audit_log WHERE action = 'promise.breached')::int AS audits,
                (SELECT count(*) FROM (SELECT entity_id FROM audit_log WHERE action = 'promise.breached'
                                       GROUP BY entity_id HAVING count(*) > 1) x)::int AS twice,
                (SELECT count(*) FROM notifications WHERE kind = 'promise.breached')::int AS notes,
                (SELECT count(*) FROM (SELECT promise_id FROM notifications WHERE kind = 'promise.breached'
                                       GROUP BY promise_id HAVING count(*) > 1) x)::int AS "notesTwice",
                (SELECT count(*) FROM drafts WHERE status = 'pending')::int AS drafts,
                (SELECT count(*) FROM (SELECT promise_id FROM drafts WHERE status = 'pending'
                                       GROUP BY promise_id HAVING count(*) > 1) x)::int AS "draftsTwice"`,
      );
      console.log(`  follow-up: ${originals.length} promise.breached jobs (${fmt(inFollowUp)} promises${inFollowUp < DUE ? `, the first ${fmt(FOLLOW_UP)} of ${fmt(DUE)} (--follow-up)` : ''}) ` +
        `and a second copy of each, run by handleBreach on two runners at once: ${(followMs / 1000).toFixed(1)} s ` +
        `(${(followMs / inFollowUp).toFixed(2)} ms per promise, both copies); breached ${fmt(f.breached)}, audit rows ${fmt(f.audits)}, ` +
        `breached twice ${f.twice}; breach notifications ${fmt(f.notes)} (promises with two: ${f.notesTwice}); ` +
        `pending apology drafts ${fmt(f.drafts)} (promises with two: ${f.draftsTwice})`);
      const allHanded = handed.every((n) => n === DUE) && race.dupBreach === 0;
      console.log(`two sweepers: handed out ${fmt(handed[handed.length - 1])}, duplicates ${race.dupBreach}; ` +
        `follow-up with every job twice: breached ${fmt(f.breached)}, breached twice ${f.twice}` +
        `   [expected ${fmt(DUE)} / 0 / ${fmt(inFollowUp)} / 0: ${allHanded && f.breached === inFollowUp && f.twice === 0 && f.audits === inFollowUp ? 'OK' : 'WRONG'}]`);
    } finally {
      await db1.close();
      await db2.close();
    }

    result = `RESULT promise-sweep ${sweepMs.toFixed(1)} ms baseline=${rawMs.toFixed(1)} ratio=${ratio.toFixed(2)}`;
  } finally {
    await db.close();
    await c.end();
  }
} finally {
  if (KEEP_DB) console.log(`kept the database ${DB_NAME} (BENCH_KEEP_DB=1)`);
  else await admin(`DROP DATABASE IF EXISTS ${DB_NAME} WITH (FORCE)`);
}
console.log('');
console.log(result);
