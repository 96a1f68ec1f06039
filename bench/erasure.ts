/**
 * Erasure among many: `node bin/run-ts.mjs bench/erasure.ts`
 *
 * On a fresh PostgreSQL database: BENCH_ERASURE_MESSAGES (1,000,000) messages of 1,000 other customers
 * (plain SQL), and one customer written through the API's own functions (case, replies, a note, a promise,
 * audit rows). Then eraseCustomer is timed, and every text/JSON/array/tsvector column of every table is
 * scanned for the customer's name, address and a phrase of theirs: the hit count must be zero.
 * Env: BENCH_DATABASE_URL (postgres://postgres@127.0.0.1:5432/postgres). Prints one RESULT line; never asserts.
 */
import pg from 'pg';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { systemActor } from '../src/shared/actor.ts';
import { receiveMessage } from '../src/cases/receive-message.ts';
import { addMessage } from '../src/cases/add-message.ts';
import { eraseCustomer } from '../src/rights/erase-customer.ts';

const NOISE = Number(process.env.BENCH_ERASURE_MESSAGES ?? 1_000_000);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `luister_bench_erasure_${process.pid}`;
const admin = new pg.Client({ connectionString: ADMIN_URL });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const url = new URL(ADMIN_URL);
url.pathname = `/${name}`;
const db = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
try {
  await migrate(db);
  const { account, admin: adm } = await createAccount(db, { name: 'Groot', adminEmail: 'groot@example.test', adminPassword: 'correct horse battery staple' });
  const accountId = account.account_id;
  const t0 = performance.now();
  await db.query(`INSERT INTO customers (account_id, id, name) SELECT $1, gen_random_uuid(), 'Klant ' || g FROM generate_series(1, 1000) g`, [accountId]);
  await db.query(
    `INSERT INTO cases (account_id, number, customer_id, subject, subject_key, channel)
     SELECT $1, 10000000 + row_number() OVER (), id, 'Vraag', 'vraag', 'email' FROM customers WHERE account_id = $1`, [accountId]);
  await db.query(
    `INSERT INTO messages (account_id, case_id, type, channel, customer_id, body)
     SELECT $1, c.id, 'inbound', 'email', c.customer_id, 'Bericht ' || g || ' over mijn rekening en de storing van gisteren'
     FROM cases c, generate_series(1, $2::int / 1000) g WHERE c.account_id = $1`, [accountId, NOISE]);
  console.log(`seeded ${NOISE} messages in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const actor = { ...systemActor(accountId), type: 'agent' as const, id: adm.id, agentId: adm.id };
  const phrase = `oranje olifant ${process.pid}`;
  const r = await receiveMessage(db, systemActor(accountId), { customer: { email: 'wis.mij@example.test', name: 'Wilma Wisbaar' }, subject: `Lek ${phrase}`, body: `De ${phrase} lekt.`, channel: 'web' });
  for (let i = 0; i < 20; i++) await addMessage(db, actor, r.case.id, { type: i % 2 ? 'note' : 'outbound', body: `Beste Wilma Wisbaar, over de ${phrase} (${i}). Groet, Piet` });
  const t1 = performance.now();
  const summary = await eraseCustomer(db, actor, { customerId: r.case.customer_id, reason: 'bench', override: true });
  const seconds = (performance.now() - t1) / 1000;
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'tsvector') OR c.data_type = 'ARRAY')`);
  let hits = 0;
  for (const { table_name, column_name } of columns) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE EXISTS (SELECT 1 FROM unnest($1::text[]) v WHERE strpos(lower("${column_name}"::text), lower(v)) > 0)`,
      [['Wilma Wisbaar', 'wis.mij@example.test', phrase]]);
    hits += row.n;
  }
  console.log(`erased ${summary.messages} messages of 1 customer among ${NOISE} in ${seconds.toFixed(2)} s; scan hits after: ${hits}`);
  console.log(`RESULT erasure_seconds ${seconds.toFixed(2)} s baseline=${NOISE} ratio=${hits}`);
} finally {
  await db.close();
  await admin.query(`DROP DATABASE ${name}`);
  await admin.end();
}
