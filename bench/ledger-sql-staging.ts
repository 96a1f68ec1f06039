/**
 * A measurement, not a path of the product (issue 16): would the charge-ledger import come nearer a
 * bare COPY if PostgreSQL did the parsing? `node bin/run-ts.mjs bench/ledger-sql-staging.ts [--rows N] [--rounds R]`
 *
 * On the same generated file as bench/ledger-import.ts, each round runs, on PostgreSQL, one after the other:
 * - `bare`: a bare `COPY … FROM STDIN (FORMAT csv)` into an unindexed table of text columns (the baseline);
 * - `import`: `importLedger` as it is (Node reads and checks every row, binary COPY batches into `charges`);
 * - `sql-insert`: the raw bytes streamed through `COPY … FROM STDIN (FORMAT csv)` into a temporary staging
 *   table of text columns with each record's line number (Node only puts the number in front of each line),
 *   then per 100,000 lines one `INSERT INTO charges … SELECT <checks and conversions in SQL> … ON CONFLICT DO
 *   NOTHING`, and the bad rows (line, field, reason) read from the staging table in SQL;
 * - `sql-pipe`: the same staging on a second connection, then the converted rows sent as
 *   `COPY (SELECT …) TO STDOUT (FORMAT binary)` and piped by Node into `COPY charges FROM STDIN (FORMAT binary)`
 *   on the import's transaction: two backends, one parsing and converting while the other writes `charges`.
 * - `import-2tx`: `importLedger`'s reading and checking in Node, the rows split by charge id between two
 *   connections, each writing its share as `importLedger` does in its own transaction; both commit only when
 *   both have written (two backends writing `charges`; not one atomic transaction).
 * The SQL checks are those of the sample format's plain values (amount "12.50", time "2026-01-01 10:15:00",
 * an e-mail customer): enough to measure the cost, not the importer's full rules (Dutch dates, phone numbers,
 * amounts with thousands, a record over several lines). Each run rolls back. Prints wall clock and CPU
 * (Node + backends, from /proc) per run and ends with one RESULT line: the best SQL way's rate against the
 * bare COPY of its round. `--engine pglite`: the bare COPY, `importLedger` and `sql-insert` on PGlite (a data
 * folder on disk), the staging COPY fed from PGlite's /dev/blob a megabyte of numbered lines at a time.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { createAccount } from '../src/accounts/create-account.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { systemActor } from '../src/shared/actor.ts';
import { importLedger } from '../src/refunds/import-ledger.ts';
import { parseMapping } from '../src/refunds/ledger-mapping.ts';
import { emptyReadReport, readLedger } from '../src/refunds/read-ledger.ts';
import { type ChargeBatch, ChargeWriter } from '../src/refunds/store-charges.ts';
import type { Db } from '../src/storage/db.ts';
import { admin, urlFor } from './lib/pg-admin.ts';
import { writeLedger } from './lib/ledger-file.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg('rows', '1000000'));
const ROUNDS = Number(arg('rounds', '2'));
const ENGINE = arg('engine', 'pg');
const dir = mkdtempSync(join(tmpdir(), 'luister-bench-ledger-sql-'));
const file = join(dir, 'ledger.csv');

function cpuOf(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
}
const nodeCpu = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
};

/** Puts each line's number (the file's physical line) and a comma in front of it; drops the header line. */
class NumberLines extends Transform {
  private line = 1;
  private rest: Buffer = Buffer.alloc(0);
  override _transform(chunk: Buffer, _e: BufferEncoding, done: TransformCallback): void {
    const all = this.rest.length ? Buffer.concat([this.rest, chunk]) : chunk;
    const out = Buffer.allocUnsafe(all.length + 8 * 20_000 + 64);
    let o = 0, p = 0;
    for (;;) {
      const nl = all.indexOf(10, p);
      if (nl < 0) break;
      if (this.line > 1) {
        if (out.length - o < nl - p + 16) break;
        o += out.write(String(this.line), o, 'latin1');
        out[o++] = 44;
        o += all.copy(out, o, p, nl + 1);
      }
      this.line++;
      p = nl + 1;
    }
    this.rest = all.subarray(p);
    this.push(out.subarray(0, o));
    done();
  }
  override _flush(done: TransformCallback): void {
    if (this.rest.length) this.push(Buffer.concat([Buffer.from(`${this.line},`), this.rest, Buffer.from('\n')]));
    done();
  }
}

const STAGING = `CREATE TEMP TABLE ledger_raw (line bigint, c0 text, c1 text, c2 text, c3 text, c4 text, c5 text, c6 text, c7 text, c8 text)`;
// the first failing check of a row, as readChargeRow orders them (the plain forms only)
const BAD = `CASE
  WHEN coalesce(btrim(c0), '') = '' THEN 'charge_id|empty'
  WHEN length(btrim(c0)) > 200 THEN 'charge_id|longer than 200 characters'
  WHEN coalesce(btrim(c1), '') = '' THEN 'customer|empty'
  WHEN length(btrim(c1)) > 320 THEN 'customer|longer than 320 characters'
  WHEN c2 !~ '^\\d{1,13}([.,]\\d{1,2})?$' THEN 'amount|"' || coalesce(btrim(c2), '') || '" is not an amount'
  WHEN upper(btrim(c3)) !~ '^[A-Z]{3}$' THEN 'currency|"' || upper(btrim(c3)) || '" is not an ISO 4217 currency code'
  WHEN c4 !~ '^\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d(:\\d\\d)?$' THEN 'charged_at|"' || coalesce(btrim(c4), '') || '" is not a date and time'
  WHEN coalesce(c8, '') <> '' AND replace(c8, ',', '.') !~ '^\\d{1,12}(\\.\\d{1,6})?$' THEN 'quantity|"' || c8 || '" is not a number'
  END`;
const CONVERTED = (account: string, imp: string) => `
  '${account}'::uuid, '${imp}'::uuid, btrim(c0), lower(btrim(c1)),
  CASE WHEN c2 ~ '[.,]' THEN split_part(translate(c2, ',', '.'), '.', 1)::bigint * 100 + rpad(split_part(translate(c2, ',', '.'), '.', 2), 2, '0')::int ELSE c2::bigint * 100 END,
  upper(btrim(c3)), btrim(c4)::timestamp AT TIME ZONE 'Europe/Amsterdam',
  nullif(btrim(c5), ''), nullif(btrim(c6), ''), nullif(btrim(c7), ''), nullif(replace(btrim(c8), ',', '.'), '')::numeric, NULL::timestamptz`;
const COLUMNS = 'account_id, import_id, charge_ref, customer_ref, amount_cents, currency, charged_at, merchant_ref, description, product, quantity, cancelled_at';

/** importLedger's reading, its writing split by charge id over two transactions that commit when both are done. */
async function importTwoTx(db: Db, accountId: string, path: string): Promise<number> {
  const m = parseMapping(undefined);
  const report = emptyReadReport();
  const batches = readLedger(createReadStream(path), m, report);
  const ready: Promise<ChargeWriter>[] = [];
  const opened: ((w: ChargeWriter) => void)[] = [];
  for (let i = 0; i < 2; i++) ready.push(new Promise((r) => opened.push(r)));
  let sent!: () => void, failed!: (e: unknown) => void;
  const allSent = new Promise<void>((res, rej) => { sent = res; failed = rej; });
  allSent.catch(() => {});
  let written = 0;
  let bothWritten!: () => void, oneFailed!: (e: unknown) => void;
  const barrier = new Promise<void>((res, rej) => { bothWritten = res; oneFailed = rej; });
  barrier.catch(() => {});
  const txs = [0, 1].map((i) => db.transaction(async (tx) => {
    let importId = '00000000-0000-7000-8000-000000000002';
    if (i === 0) {
      const [imp] = await tx.query<{ id: string }>(`INSERT INTO ledger_imports (account_id, file_name) VALUES ($1, $2) RETURNING id`, [accountId, path]);
      importId = imp.id;
    }
    const w = new ChargeWriter(tx, accountId, importId);
    opened[i](w);
    try {
      await allSent;
      const n = await w.end();
      if (++written === 2) bothWritten();
      await barrier;
      return n;
    } catch (e) {
      oneFailed(e);
      await w.settle();
      throw e;
    }
  }));
  const writers = await Promise.all(ready);
  const out: Promise<void>[][] = [[], []];
  const send = async (i: number, batch: ChargeBatch | null) => {
    if (!batch) return;
    const p = writers[i].write(batch);
    p.catch(() => {});
    out[i].push(p);
    if (out[i].length >= writers[i].maxInFlight) await out[i].shift();
  };
  try {
    for await (const charges of batches) {
      for (const c of charges) {
        const ref = c.charge_ref;
        const i = (ref.charCodeAt(ref.length - 1) ^ ref.length) & 1;
        const full = writers[i].add(c);
        if (full) await send(i, full);
      }
    }
    for (const i of [0, 1]) await send(i, writers[i].finish());
    for (const q of out) for (const p of q) await p;
    sent();
  } catch (e) {
    failed(e);
  }
  const ns = await Promise.all(txs);
  return ns[0] + ns[1];
}

interface Figures { wall: number; node: number; backend: number; rows: number }

async function main() {
  const name = 'luister_bench_ledger_sql';
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = urlFor(name);
  const db = await openDb({ databaseUrl: url, poolSize: 3 });
  await migrate(db);
  const { account } = await createAccount(db, { name: 'Bench sql', adminEmail: 'beheer.sql@bench.example' });
  const actor = systemActor(account.account_id);
  const a = new pg.Client({ connectionString: url });
  const b = new pg.Client({ connectionString: url });
  await a.connect();
  await b.connect();
  const pidA = (await a.query<{ p: number }>('SELECT pg_backend_pid() AS p')).rows[0].p;
  const pidB = (await b.query<{ p: number }>('SELECT pg_backend_pid() AS p')).rows[0].p;
  await a.query('CREATE TABLE bare_copy (a text, b text, c text, d text, e text, f text, g text, h text, i text)');
  const imp = '00000000-0000-7000-8000-000000000001';

  const measure = async (label: string, pids: () => number[], fn: () => Promise<number>): Promise<Figures> => {
    const ps = pids();
    const b0 = ps.map(cpuOf);
    // the pool ends a connection idle for 10 s: each backend's CPU as last seen
    const last = [...b0];
    const seen = () => ps.forEach((p, i) => {
      try { last[i] = cpuOf(p); } catch { /* gone: it had been idle */ }
    });
    const sampler = setInterval(seen, 500);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const rows = await fn();
    const wall = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    seen();
    const f = { wall, node: nodeCpu(c0), backend: ps.reduce((s, _p, i) => s + last[i] - b0[i], 0), rows };
    console.log(`${label}: ${rows.toLocaleString('en')} rows in ${wall.toFixed(1)} s = ${Math.round(ROWS / wall).toLocaleString('en')} rows/s; CPU Node ${f.node.toFixed(2)} s + backend ${f.backend.toFixed(2)} s`);
    return f;
  };

  const bare = () => measure('bare COPY', () => [pidA], async () => {
    await a.query('TRUNCATE bare_copy');
    await pipeline(createReadStream(file), a.query(copyFrom('COPY bare_copy FROM STDIN (FORMAT csv, HEADER true)')));
    return ROWS;
  });

  const current = async () => {
    // the pool's connections: their backends' CPU
    const pids = (await Promise.all([0, 1, 2].map(() => db.query<{ p: number }>('SELECT pg_backend_pid() AS p, pg_sleep(0.05)')))).map((r) => r[0].p);
    let rows = 0;
    const f = await measure('import (as it is)', () => pids, async () => {
      await db.exec('TRUNCATE charges CASCADE');
      const r = await importLedger(db, actor, createReadStream(file), { fileName: file });
      rows = r.rows_imported;
      return rows;
    });
    return f;
  };

  const twoTx = async () => {
    const pids = (await Promise.all([0, 1, 2].map(() => db.query<{ p: number }>('SELECT pg_backend_pid() AS p, pg_sleep(0.05)')))).map((r) => r[0].p);
    return measure('import-2tx (two writing transactions)', () => pids, async () => {
      await db.exec('TRUNCATE charges CASCADE');
      return importTwoTx(db, account.account_id, file);
    });
  };

  const stage = async (c: pg.Client) => {
    await c.query(STAGING);
    await pipeline(createReadStream(file), new NumberLines(), c.query(copyFrom('COPY ledger_raw FROM STDIN (FORMAT csv)')));
  };
  const badRows = async (c: pg.Client) => {
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM (SELECT line, ${BAD} AS bad FROM ledger_raw) x WHERE bad IS NOT NULL`);
    return Number(r.rows[0].n);
  };

  const sqlInsert = () => measure('sql-insert (staging, INSERT … SELECT … ON CONFLICT per 100,000 lines)', () => [pidA], async () => {
    await a.query('TRUNCATE charges CASCADE');
    await a.query('BEGIN');
    try {
      await stage(a);
      let n = 0;
      for (let from = 0; from <= ROWS + 1; from += 100_000) {
        const r = await a.query(
          `INSERT INTO charges (${COLUMNS}) SELECT ${CONVERTED(account.account_id, imp)} FROM ledger_raw
           WHERE line >= $1 AND line < $2 AND ${BAD} IS NULL ORDER BY line ON CONFLICT (account_id, charge_ref) DO NOTHING`,
          [from, from + 100_000],
        );
        n += r.rowCount ?? 0;
      }
      await badRows(a);
      return n;
    } finally {
      await a.query('ROLLBACK');
    }
  });

  const sqlPipe = () => measure('sql-pipe (staging on a 2nd connection, COPY TO → COPY FROM charges)', () => [pidA, pidB], async () => {
    await a.query('TRUNCATE charges CASCADE');
    await a.query('BEGIN');
    await b.query('BEGIN');
    try {
      await stage(b);
      const into = a.query(copyFrom(`COPY charges (${COLUMNS}) FROM STDIN (FORMAT binary)`));
      await pipeline(b.query(copyTo(`COPY (SELECT ${CONVERTED(account.account_id, imp)} FROM ledger_raw WHERE ${BAD} IS NULL) TO STDOUT (FORMAT binary)`)), into);
      await badRows(b);
      return into.rowCount ?? 0;
    } finally {
      await b.query('ROLLBACK');
      await a.query('ROLLBACK');
    }
  });

  const results: Record<string, Figures[]> = {};
  const keep = (k: string, f: Figures) => (results[k] ??= []).push(f);
  try {
    for (let r = 1; r <= ROUNDS; r++) {
      console.log(`round ${r}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
      keep('bare', await bare());
      keep('import', await current());
      keep('import-2tx', await twoTx());
      keep('sql-pipe', await sqlPipe());
      keep('sql-insert', await sqlInsert());
      keep('bare', await bare());
    }
  } finally {
    await a.end();
    await b.end();
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
  }
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const bareWall = med(results.bare.map((f) => f.wall));
  const bareCpu = med(results.bare.map((f) => f.node + f.backend));
  for (const k of ['import', 'import-2tx', 'sql-pipe', 'sql-insert']) {
    const w = med(results[k].map((f) => f.wall)), c = med(results[k].map((f) => f.node + f.backend));
    console.log(`${k}: median ratio to the bare COPY ${(bareWall / w).toFixed(2)} by wall clock, ${(bareCpu / c).toFixed(2)} by CPU`);
  }
  const best = Math.min(med(results['sql-pipe'].map((f) => f.wall)), med(results['sql-insert'].map((f) => f.wall)));
  console.log(`RESULT ledger_sql_staging_pg ${Math.round(ROWS / best)} rows/s baseline=${Math.round(ROWS / bareWall)} ratio=${(bareWall / best).toFixed(2)}`);
}

/** The same on PGlite: one connection, so only the single-connection ways. */
async function onPglite() {
  const pdir = join(dir, 'pglite');
  const db = await openDb({ dataDir: pdir });
  await migrate(db);
  const { account } = await createAccount(db, { name: 'Bench sql', adminEmail: 'beheer.sql@bench.example' });
  const actor = systemActor(account.account_id);
  await db.exec('CREATE TABLE bare_copy (a text, b text, c text, d text, e text, f text, g text, h text, i text)');
  const imp = '00000000-0000-7000-8000-000000000001';
  const run = async (label: string, fn: () => Promise<number>) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const rows = await fn();
    const wall = (performance.now() - t0) / 1000;
    console.log(`PGlite ${label}: ${rows.toLocaleString('en')} rows in ${wall.toFixed(1)} s = ${Math.round(ROWS / wall).toLocaleString('en')} rows/s; CPU ${nodeCpu(c0).toFixed(2)} s (engine included)`);
    return wall;
  };
  const walls: Record<string, number[]> = { bare: [], import: [], 'sql-insert': [] };
  for (let r = 1; r <= ROUNDS; r++) {
    console.log(`round ${r}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
    walls.bare.push(await run('bare COPY (whole file, one blob)', async () => {
      await db.exec('TRUNCATE bare_copy');
      const bytes = readFileSync(file);
      await db.transaction((tx) => tx.copyFrom('COPY bare_copy FROM STDIN WITH (FORMAT csv, HEADER true)', bytes));
      return ROWS;
    }));
    walls.import.push(await run('import (as it is)', async () => {
      await db.exec('TRUNCATE charges CASCADE');
      return (await importLedger(db, actor, createReadStream(file), { fileName: file })).rows_imported;
    }));
    walls['sql-insert'].push(await run('sql-insert (staging from blobs, INSERT … SELECT per 100,000 lines)', async () => {
      await db.exec('TRUNCATE charges CASCADE');
      return db.transaction(async (tx) => {
        await tx.exec(`${STAGING} ON COMMIT DROP`);
        const numbered = createReadStream(file).pipe(new NumberLines());
        let piece: Buffer[] = [], size = 0;
        for await (const chunk of numbered as AsyncIterable<Buffer>) {
          piece.push(chunk);
          size += chunk.length;
          if (size >= 1 << 20) {
            await tx.copyFrom('COPY ledger_raw FROM STDIN (FORMAT csv)', Buffer.concat(piece));
            piece = [];
            size = 0;
          }
        }
        if (size) await tx.copyFrom('COPY ledger_raw FROM STDIN (FORMAT csv)', Buffer.concat(piece));
        let n = 0;
        for (let from = 0; from <= ROWS + 1; from += 100_000) {
          const rows = await tx.query<{ n: number }>(
            `WITH ins AS (INSERT INTO charges (${COLUMNS}) SELECT ${CONVERTED(account.account_id, imp)} FROM ledger_raw
               WHERE line >= $1 AND line < $2 AND ${BAD} IS NULL ORDER BY line ON CONFLICT (account_id, charge_ref) DO NOTHING RETURNING 1)
             SELECT count(*)::int AS n FROM ins`,
            [from, from + 100_000],
          );
          n += rows[0].n;
        }
        await tx.query(`SELECT count(*) AS n FROM (SELECT line, ${BAD} AS bad FROM ledger_raw) x WHERE bad IS NOT NULL`);
        return n;
      });
    }));
  }
  await db.close();
  const med = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  for (const k of ['import', 'sql-insert']) console.log(`PGlite ${k}: median ratio to the bare COPY ${(med(walls.bare) / med(walls[k])).toFixed(2)} by wall clock`);
  console.log(`RESULT ledger_sql_staging_pglite ${Math.round(ROWS / med(walls['sql-insert']))} rows/s baseline=${Math.round(ROWS / med(walls.bare))} ratio=${(med(walls.bare) / med(walls['sql-insert'])).toFixed(2)}`);
}

try {
  await writeLedger(file, ROWS);
  if (ENGINE === 'pglite') await onPglite();
  else await main();
} catch (e) {
  console.error(e);
  process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
  process.exit();
}
