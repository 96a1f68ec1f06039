/**
 * GDPR export in constant memory: `node bin/run-ts.mjs bench/export.ts`
 *
 * On a fresh PostgreSQL database: one customer with BENCH_EXPORT_MESSAGES (10,000) messages and
 * BENCH_EXPORT_MB (1,024) of attachments (1 MB each), written with plain SQL; then the ZIP is streamed
 * into a byte counter while the process's RSS is sampled. The same is done with a tenth of the
 * messages and attachments: if memory is flat, the peaks are about equal (ratio ≈ 1).
 * Run with `node --expose-gc --import tsx bench/export.ts` so the samples count live memory, not garbage.
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres). Prints one RESULT line; never asserts.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { systemActor } from '../src/shared/actor.ts';
import { exportCustomer } from '../src/rights/export-customer.ts';

const MESSAGES = Number(process.env.BENCH_EXPORT_MESSAGES ?? 10_000);
const MB = Number(process.env.BENCH_EXPORT_MB ?? 1024);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function seed(db: Db, accountId: string, messages: number, mb: number) {
  const [c] = await db.query<{ id: string }>(`INSERT INTO customers (account_id, name) VALUES ($1, 'Export Klant') RETURNING id`, [accountId]);
  const [k] = await db.query<{ id: string }>(
    `INSERT INTO cases (account_id, number, customer_id, subject, subject_key, channel) VALUES ($1, 1, $2, 'Export', 'export', 'email') RETURNING id`, [accountId, c.id]);
  await db.query(
    `INSERT INTO messages (account_id, case_id, type, channel, customer_id, body, original_body)
     SELECT $1, $2, 'inbound', 'email', $3, 'Bericht ' || g || ': ' || repeat('tekst ', 60), 'Origineel ' || g || repeat(' tekst', 80)
     FROM generate_series(1, $4) g`, [accountId, k.id, c.id, messages]);
  const [m] = await db.query<{ id: string }>('SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 LIMIT 1', [accountId, k.id]);
  const blob = randomBytes(1024 * 1024);
  for (let i = 0; i < mb; i++) {
    await db.query(`INSERT INTO attachments (account_id, message_id, filename, declared_type, size, sha256, content) VALUES ($1, $2, $3, 'application/octet-stream', $4, 'x', $5)`,
      [accountId, m.id, `bestand-${i}.bin`, blob.length, blob]);
  }
  return c.id;
}

async function measure(db: Db, accountId: string, customerId: string) {
  global.gc?.();
  const live = () => { const m = process.memoryUsage(); return m.heapUsed + m.external; };
  const base = live();
  let rssPeak = process.memoryUsage().rss;
  let peak = base;
  // with --expose-gc, garbage is collected before each sample: the peak is what the export holds, not what it left behind
  const timer = setInterval(() => {
    global.gc?.();
    peak = Math.max(peak, live());
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  let bytes = 0;
  const { stream } = await exportCustomer(db, systemActor(accountId), customerId);
  await pipeline(stream, new Writable({ write(chunk, _enc, cb) { bytes += chunk.length; cb(); } }));
  clearInterval(timer);
  return { seconds: (performance.now() - t0) / 1000, bytes, peakMb: (peak - base) / 1024 / 1024, rssMb: rssPeak / 1024 / 1024 };
}

const name = `luister_bench_export_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const db = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
try {
  await migrate(db);
  const small = await createAccount(db, { name: 'Klein', adminEmail: 'klein@example.test', adminPassword: 'correct horse battery staple' });
  const big = await createAccount(db, { name: 'Groot', adminEmail: 'groot@example.test', adminPassword: 'correct horse battery staple' });
  const smallId = await seed(db, small.account.account_id, Math.ceil(MESSAGES / 10), Math.ceil(MB / 10));
  const bigId = await seed(db, big.account.account_id, MESSAGES, MB);
  const s = await measure(db, small.account.account_id, smallId);
  const b = await measure(db, big.account.account_id, bigId);
  console.log(`small: ${Math.ceil(MESSAGES / 10)} messages, ${Math.ceil(MB / 10)} MB → ${(s.bytes / 1e6).toFixed(1)} MB zip in ${s.seconds.toFixed(1)} s, peak live heap+external +${s.peakMb.toFixed(1)} MB (RSS peak ${s.rssMb.toFixed(0)} MB)`);
  console.log(`big:   ${MESSAGES} messages, ${MB} MB → ${(b.bytes / 1e6).toFixed(1)} MB zip in ${b.seconds.toFixed(1)} s, peak live heap+external +${b.peakMb.toFixed(1)} MB (RSS peak ${b.rssMb.toFixed(0)} MB)`);
  console.log(`RESULT export_peak_live_mb ${b.peakMb.toFixed(1)} MB baseline=${s.peakMb.toFixed(1)} ratio=${(b.peakMb / Math.max(s.peakMb, 1)).toFixed(2)}`);
} finally {
  await db.close();
  await admin.query(`DROP DATABASE ${name}`);
  await admin.end();
}
