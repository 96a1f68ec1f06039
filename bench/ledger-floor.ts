/**
 * How near a bare COPY can the charge-ledger import come on PostgreSQL at all (issue 16)? A measurement,
 * not a path of the product: `node bin/run-ts.mjs bench/ledger-floor.ts [--rows N] [--rounds R]`
 *
 * On the file bench/ledger-import.ts writes (the same rows), interleaved, R rounds (default 200,000 rows, 3):
 * - `bare`: the baseline of bench/ledger-import.ts, `COPY … FROM STDIN (FORMAT csv)` of the file into 9 text
 *   columns without any index;
 * - `node`: `importLedger`'s reading and checking alone (a dry run: no database work);
 * - `charges`: the database's part alone: the import's own binary batches (10,000 rows, formatted before the
 *   clock starts) COPYed into `charges` in one transaction, a savepoint per batch as the import does;
 * - `no-checks`: the same into a copy of `charges` with its key and without its CHECK constraints;
 * - `no-key`: the same into a copy of `charges` with its CHECK constraints and without its key;
 * - `import`: `importLedger` as it is.
 * Wall clock and CPU (Node + the backend, from /proc) of each. The CPU of `charges` against `bare` is the
 * import's ceiling by CPU if Node's part cost nothing. Never asserts.
 */
import { createReadStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createAccount } from '../src/accounts/create-account.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { systemActor } from '../src/shared/actor.ts';
import { importLedger } from '../src/refunds/import-ledger.ts';
import { parseMapping } from '../src/refunds/ledger-mapping.ts';
import { emptyReadReport, readLedger } from '../src/refunds/read-ledger.ts';
import { ChargeWriter } from '../src/refunds/store-charges.ts';
import { admin, urlFor } from './lib/pg-admin.ts';
import { writeLedger } from './lib/ledger-file.ts';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const ROWS = Number(arg('rows', '200000'));
const ROUNDS = Number(arg('rounds', '3'));
const dir = mkdtempSync(join(tmpdir(), 'luister-bench-floor-'));
const file = join(dir, 'ledger.csv');
const COLUMNS = 'account_id, import_id, charge_ref, customer_ref, amount_cents, currency, charged_at, merchant_ref, description, product, quantity, cancelled_at';

const cpuOf = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(f[11]) + Number(f[12])) / 100;
};

/** The import's batches in COPY's binary format, as `importLedger` would send them. */
async function formatBatches(accountId: string): Promise<Buffer[]> {
  const w = new ChargeWriter(null as never, accountId, '01900000-0000-7000-8000-000000000000', 10_000, 100_000, 1_000);
  const out: Buffer[] = [];
  for await (const charges of readLedger(createReadStream(file), parseMapping(undefined), emptyReadReport())) {
    for (const c of charges) {
      const b = w.add(c);
      if (b) out.push(Buffer.from(b.data));
    }
  }
  const last = w.finish();
  if (last) out.push(Buffer.from(last.data));
  return out;
}

async function main() {
  await writeLedger(file, ROWS);
  const name = 'luister_bench_floor';
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = urlFor(name);
  const db = await openDb({ databaseUrl: url, poolSize: 2 });
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await migrate(db);
    const { account } = await createAccount(db, { name: 'Floor', adminEmail: 'beheer@floor.bench.example' });
    const actor = systemActor(account.account_id);
    const batches = await formatBatches(account.account_id);
    await c.query('CREATE TABLE bare_copy (a text, b text, c text, d text, e text, f text, g text, h text, i text)');
    await c.query('CREATE TABLE charges_no_checks (LIKE charges INCLUDING DEFAULTS INCLUDING INDEXES)');
    await c.query('CREATE TABLE charges_no_key (LIKE charges INCLUDING DEFAULTS INCLUDING CONSTRAINTS)');
    const mine = (await c.query<{ p: number }>('SELECT pg_backend_pid() AS p')).rows[0].p;
    // the pool closes a connection idle for 10 s: its two backends are asked for again before each way
    const pids = async () => [mine, ...(await Promise.all([0, 1].map(() => db.query<{ p: number }>('SELECT pg_backend_pid() AS p, pg_sleep(0.05)')))).map((r) => r[0].p)];
    const copyBatches = async (table: string) => {
      await c.query('BEGIN');
      for (const b of batches) {
        await c.query('SAVEPOINT b');
        await pipeline(Readable.from([b]), c.query(copyFrom(`COPY ${table} (${COLUMNS}) FROM STDIN (FORMAT binary)`)));
        await c.query('RELEASE SAVEPOINT b');
      }
      await c.query('COMMIT');
    };
    const ways: Record<string, () => Promise<unknown>> = {
      bare: () => pipeline(createReadStream(file), c.query(copyFrom('COPY bare_copy FROM STDIN (FORMAT csv, HEADER true)'))),
      node: () => importLedger(db, actor, createReadStream(file), { dryRun: true }),
      charges: () => copyBatches('charges'),
      'no-checks': () => copyBatches('charges_no_checks'),
      'no-key': () => copyBatches('charges_no_key'),
      import: () => importLedger(db, actor, createReadStream(file), {}),
    };
    const cpu: Record<string, number[]> = {};
    for (let r = 1; r <= ROUNDS; r++) {
      for (const [way, run] of Object.entries(ways)) {
        await c.query('TRUNCATE bare_copy, charges_no_checks, charges_no_key, charges CASCADE');
        const ps = await pids();
        const n0 = process.cpuUsage();
        const b0 = ps.map(cpuOf);
        const t0 = performance.now();
        await run();
        const wall = (performance.now() - t0) / 1000;
        const u = process.cpuUsage(n0);
        const node = (u.user + u.system) / 1e6;
        const backend = ps.reduce((s, p, i) => s + cpuOf(p) - b0[i], 0);
        (cpu[way] ??= []).push(node + backend);
        console.log(`round ${r} ${way.padEnd(9)} ${Math.round(ROWS / wall).toLocaleString('en').padStart(9)} rows/s (${wall.toFixed(2)} s); CPU Node ${node.toFixed(2)} + backend ${backend.toFixed(2)} = ${(node + backend).toFixed(2)} s`);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const bare = median(cpu.bare);
    for (const way of Object.keys(ways)) console.log(`median CPU ${way.padEnd(9)} ${median(cpu[way]).toFixed(2)} s: bare COPY / this = ${(bare / median(cpu[way])).toFixed(2)}`);
    console.log(`RESULT ledger_floor_pg ceiling_by_cpu=${(bare / median(cpu.charges)).toFixed(2)} import_by_cpu=${(bare / median(cpu.import)).toFixed(2)}`);
  } finally {
    await c.end();
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name}`);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit();
