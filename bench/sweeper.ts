/**
 * Promise sweep: `node bin/run-ts.mjs bench/sweeper.ts [--count N] [--rounds R]`
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
 * Measured, --rounds times each (default 5, at least 3), in an order rotated per round, each after restoring the
 * state (breached promises back to open, reminders unset, jobs deleted, CLUSTER on the primary key so that the due
 * promises are scattered over the heap the same way every time, VACUUM ANALYZE, CHECKPOINT); medians:
 *   raw        SELECT account_id, id FROM promises WHERE state = 'open' AND due_at <= $1, all rows fetched (one pg.Client);
 *   sweep      sweepPromises(db, { now }) on its own Db (pool of 1, warmed up), timed per statement as well;
 *   raw write  for reference: the breach pass as one plain UPDATE … RETURNING + INSERT INTO jobs (no batches, no
 *              claiming, no reminders), the least a sweep that marks rows has to do.
 * WAL written is printed for the writes. Then: the plan cache of the sweep's connection and the estimated cost of the
 * breach statement's generic plan; EXPLAIN (ANALYZE, BUFFERS, WAL) of the raw SELECT and of the sweep's two statements
 * in rolled-back transactions; and a concurrency check: two sweepPromises at once, each on its own Db, over a fresh
 * set of due promises (default batch, then twice batch 500 so that they interleave): every due promise breached once,
 * no promise with two `promise.breached` (or `promise.remind`) jobs.
 *
 * Env: BENCH_DATABASE_URL (maintenance db of the server, default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_KEEP_DB=1 keeps the database (in the state after the concurrency check) for EXPLAIN and experiments.
 * Prints figures and ends with one `RESULT` line; never asserts.
 */
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { sweepPromises } from '../src/promises/sweep-promises.ts';
import { openDb, type Db } from '../src/storage/db.ts';
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
const GOAL_RATIO = 3;
const CONCURRENT_BATCH = 500;
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
 * Back to the loaded state: breached promises open again, reminders sent at NOW unset, no jobs. With `full`, also the
 * same physical layout every time: CLUSTER on the primary key (random uuids, so the due promises are scattered, about
 * one per heap page, as after months of inserts and updates; without it the restored rows would end up packed into a
 * few hundred pages and every round would be faster than the one before), VACUUM ANALYZE and a CHECKPOINT (so a
 * checkpoint never starts during a measurement, and every page a sweep writes first costs a full-page image in the WAL,
 * as for a backlog of old promises in production).
 */
async function restore(c: pg.Client, full = true): Promise<void> {
  await c.query(`UPDATE promises SET state = 'open', breached_at = NULL, updated_at = created_at WHERE state = 'breached'`);
  await c.query('UPDATE promises SET reminded_at = NULL WHERE reminded_at >= $1', [NOW]); // the loaded ones are older
  await c.query('DELETE FROM jobs');
  if (full) {
    await c.query('CLUSTER promises USING promises_pkey');
    await c.query('VACUUM ANALYZE promises');
    await c.query('VACUUM ANALYZE jobs');
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
 * For reference, the least any sweep that marks rows has to do: the breach pass as one plain set-based statement,
 * without batches, without claiming rows first (FOR UPDATE SKIP LOCKED) and without the self-join; no reminders.
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

interface Stmt { sql: string; params: unknown[]; ms: number }
/** The Db with every query timed and recorded (for the per-statement figures and the EXPLAIN). */
function recording(db: Db, log: Stmt[]): Db {
  return {
    ...db,
    kind: db.kind,
    async query<T>(sql: string, params?: unknown[]) {
      const t0 = process.hrtime.bigint();
      const rows = await db.query<T>(sql, params);
      log.push({ sql, params: params ?? [], ms: elapsed(t0) });
      return rows;
    },
  };
}

/** Which pass of the sweep a statement belongs to (the breach pass sets state = 'breached'). */
const kindOf = (sql: string, params: unknown[] = []) =>
  /state = 'breached'/.test(sql) || params.includes('promise.breached') ? ('breach' as const) : ('remind' as const);

async function sweep(db: Db): Promise<{ ms: number; breached: number; reminded: number; stmts: Stmt[] }> {
  const stmts: Stmt[] = [];
  const t0 = process.hrtime.bigint();
  const r = await sweepPromises(recording(db, stmts), { now: NOW });
  return { ms: elapsed(t0), ...r, stmts };
}

async function check(c: pg.Client): Promise<{ breached: number; reminded: number; breachJobs: number; remindJobs: number; dupBreach: number; dupRemind: number }> {
  const { rows: [r] } = await c.query(
    `SELECT (SELECT count(*) FROM promises WHERE state = 'breached')::int AS breached,
            (SELECT count(*) FROM promises WHERE reminded_at = $1)::int AS reminded,
            (SELECT count(*) FROM jobs WHERE kind = 'promise.breached')::int AS "breachJobs",
            (SELECT count(*) FROM jobs WHERE kind = 'promise.remind')::int AS "remindJobs",
            (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE kind = 'promise.breached'
                                   GROUP BY payload->>'promise_id' HAVING count(*) > 1) x)::int AS "dupBreach",
            (SELECT count(*) FROM (SELECT 1 FROM jobs WHERE kind = 'promise.remind'
                                   GROUP BY payload->>'promise_id' HAVING count(*) > 1) x)::int AS "dupRemind"`,
    [NOW],
  );
  return r;
}

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

    // warm-up, not measured: prepares the sweep's statements on the Db's connection (nothing is due two days ago)
    await sweepPromises(db, { now: new Date(NOW.getTime() - 2 * 86_400_000) });

    const raws: number[] = [];
    const writes: number[] = [];
    const sweeps: number[] = [];
    const perStmt: number[][] = [];
    const wal = { sweep: [] as number[], write: [] as number[] };
    let lastSweep!: Awaited<ReturnType<typeof sweep>> & { walMb: number };
    let lastCheck!: Awaited<ReturnType<typeof check>>;
    let rawRows = 0;
    let writeRows = 0;
    const backends = new Set<number>();
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
          lastCheck = await check(c);
          // the connection the sweep just used (pool of 1): which backend, and its plan cache
          const [b] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
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
      console.log(`  round ${r + 1}/${ROUNDS}: raw ${ms(raws[r])} (${fmt(rawRows)} rows); sweep ${ms(sweeps[r])} ` +
        `(breached ${fmt(lastSweep.breached)}, reminded ${fmt(lastSweep.reminded)}; statements ${lastSweep.stmts.map((s) => s.ms.toFixed(1)).join(' + ')} ms; ` +
        `${wal.sweep[r].toFixed(1)} MB WAL); raw write ${ms(writes[r])} (${fmt(writeRows)} jobs; ${wal.write[r].toFixed(1)} MB WAL)`);
    }
    const rawMs = median(raws);
    const sweepMs = median(sweeps);
    const writeMs = median(writes);
    const ratio = sweepMs / rawMs;
    const kinds = lastSweep.stmts.map((s) => kindOf(s.sql, s.params));
    const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
    console.log('');
    console.log(`raw SELECT of the due promises (${fmt(rawRows)} rows to the client): median ${ms(rawMs)} (${list(raws)})`);
    console.log(`sweepPromises (breach + remind): median ${ms(sweepMs)} (${list(sweeps)})`);
    console.log(`  per statement, medians: ${perStmt.map((xs, i) => `${kinds[i]} ${ms(median(xs))}`).join(', ')}; ` +
      `WAL ${median(wal.sweep).toFixed(1)} MB (after a CHECKPOINT, so with full-page images)`);
    console.log(`raw write (one UPDATE … RETURNING + INSERT INTO jobs, breaches only, for reference): median ${ms(writeMs)} (${list(writes)}); ` +
      `WAL ${median(wal.write).toFixed(1)} MB`);
    console.log(`sweep/raw: ${ratio.toFixed(2)}× (goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'met' : 'NOT met'}); ` +
      `raw write/raw: ${(writeMs / rawMs).toFixed(2)}×; sweep/raw write: ${(sweepMs / writeMs).toFixed(2)}×`);
    const ok = lastCheck.breached === DUE && lastCheck.breachJobs === DUE && lastCheck.dupBreach === 0;
    console.log(`check after the last sweep: breached ${fmt(lastCheck.breached)} (expected ${fmt(DUE)}), promise.breached jobs ${fmt(lastCheck.breachJobs)}, ` +
      `reminded ${fmt(lastCheck.reminded)} (expected ${fmt(remindDue)}), promise.remind jobs ${fmt(lastCheck.remindJobs)}: ` +
      `${ok && lastCheck.reminded === remindDue && lastCheck.remindJobs === remindDue ? 'OK' : 'WRONG'}`);

    // steady state: the worker sweeps every minute, so once the backlog is gone each sweep finds one minute's promises
    await restore(c);
    await sweepPromises(db, { now: NOW });
    const steady: number[] = [];
    const steadyN = { breached: 0, reminded: 0 };
    for (let k = 1; k <= 5; k++) {
      const t0 = process.hrtime.bigint();
      const r = await sweepPromises(db, { now: new Date(NOW.getTime() + k * 60_000) });
      steady.push(elapsed(t0));
      steadyN.breached += r.breached;
      steadyN.reminded += r.reminded;
    }
    console.log(`steady state, 5 sweeps one minute apart after the backlog: median ${ms(median(steady))} (${list(steady)}), ` +
      `${(steadyN.breached / 5).toFixed(0)} breached and ${(steadyN.reminded / 5).toFixed(0)} reminded per sweep on average`);

    // the sweep's statements are named prepared statements (db.ts): after 5 runs on a connection PostgreSQL may
    // switch to a generic plan, chosen without knowing $1 and $2
    console.log(`the sweeps ran on ${backends.size} different connection(s) over ${ROUNDS} rounds` +
      (backends.size > 1 ? ' (pg.Pool closes a connection idle for 10 s; a restore between rounds takes longer)' : ''));
    for (const p of plans) {
      console.log(`  plan cache of that connection after the last sweep, ${kindOf(p.statement)} statement: ` +
        `${p.custom_plans} custom plans, ${p.generic_plans} generic`);
    }
    const breach = lastSweep.stmts[kinds.indexOf('breach')];
    const literal = (v: unknown) =>
      v === null || v === undefined ? 'NULL' : v instanceof Date ? `'${v.toISOString()}'` : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
    await c.query(`PREPARE bench_breach AS ${breach.sql}`); // parameter types inferred, as for the app's own statement
    const planOf = async (mode: string) => {
      await c.query(`SET plan_cache_mode = ${mode}`);
      const { rows } = await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN EXECUTE bench_breach (${breach.params.map(literal).join(', ')})`);
      const text = rows.map((x) => x['QUERY PLAN']).join('\n');
      return { cost: Number(/cost=[\d.]+\.\.([\d.]+)/.exec(text)?.[1]), seq: /Seq Scan on promises/.test(text) };
    };
    const custom = await planOf('force_custom_plan');
    const generic = await planOf('force_generic_plan');
    await c.query('RESET plan_cache_mode');
    await c.query('DEALLOCATE bench_breach');
    console.log(`breach statement, estimated cost: custom plan ${fmt(custom.cost)}${custom.seq ? ' (reads all of promises)' : ''}, ` +
      `generic plan ${fmt(generic.cost)}${generic.seq ? ' (Seq Scan + Hash Join over all of promises)' : ''}`);

    // plans, in a transaction that is rolled back (EXPLAIN ANALYZE runs the statement)
    await restore(c);
    console.log('\nEXPLAIN (ANALYZE, BUFFERS, WAL), raw SELECT:');
    console.log(await explain(c, RAW_SQL, [NOW]));
    for (const kind of ['breach', 'remind'] as const) {
      const s = lastSweep.stmts[kinds.indexOf(kind)];
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS, WAL), the sweep's ${kind} statement (custom plan, as for a fresh connection):`);
      console.log(await explain(c, s.sql, s.params));
    }

    // ------------------------------------------------------------------------ two sweepers at once
    console.log('');
    // a fresh set of due promises: the old ones are kept, DUE new ones are due (reminded an hour before), the reminders due again
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
      for (const batch of [undefined, CONCURRENT_BATCH, CONCURRENT_BATCH]) {
        await restore(c, false);
        const t0 = process.hrtime.bigint();
        const [a, b] = await Promise.all([sweepPromises(db1, { now: NOW }), sweepPromises(db2, { now: NOW })]);
        const took = elapsed(t0);
        const k = await check(c);
        const label = batch ? ` (batch ${batch})` : '';
        console.log(`two sweepers${label}: breached ${fmt(k.breached)}, duplicates ${k.dupBreach}` +
          `   [expected ${fmt(DUE)}; sweeper A ${fmt(a.breached)} + B ${fmt(b.breached)}; promise.breached jobs ${fmt(k.breachJobs)};` +
          ` reminded ${fmt(a.reminded)} + ${fmt(b.reminded)} of ${fmt(remindDue)}, remind duplicates ${k.dupRemind}; ${ms(took)}]`);
      }
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
