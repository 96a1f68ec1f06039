/**
 * The dashboard on a big account: `node bin/run-ts.mjs bench/dashboard.ts [--messages N]`
 *
 * A fresh PostgreSQL database with one account: N inbound messages (default 500,000) on N/2 cases over the
 * last 180 days, each analysed into one of 40 topics, plus promises and signals. Times getDashboard(days=14)
 * (everything the screen shows, one call), median of 7 after 2 warm-ups, beside the raw SQL baseline in the
 * same run: the one query a hand-written report needs at least (inbound contacts per day for 14 days).
 * `--keep` leaves the database for EXPLAIN. Ends with one RESULT line; never asserts.
 */
import { createAccount } from '../src/accounts/create-account.ts';
import { getDashboard } from '../src/insight/dashboard.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const MESSAGES = arg('messages', 500_000);
const ROUNDS = 7;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = async (fn: () => Promise<unknown>) => {
  for (let i = 0; i < 2; i++) await fn();
  const xs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    await fn();
    xs.push(performance.now() - t0);
  }
  return { p50: median(xs), all: xs };
};

const name = `luister_bench_dashboard_${process.pid}`;
await admin(`CREATE DATABASE ${name}`);
const db = await openDb({ databaseUrl: urlFor(name), poolSize: 4 });
try {
  await migrate(db);
  const { account, admin: owner } = await createAccount(db, { name: 'Parkeren Rotterdam', adminEmail: 'beheer@bench.example', adminPassword: 'een lang benchmark wachtwoord' });
  const a = account.account_id;
  const t0 = performance.now();
  const cases = Math.ceil(MESSAGES / 2);
  await db.query(`INSERT INTO customers (account_id, name, search_text) SELECT $1, 'Klant ' || g, 'Klant ' || g FROM generate_series(1, $2) g`, [a, cases]);
  // in statements of 10,000 cases: every case insert bumps the account's one case_counters row
  // (migration 0018), and within one statement each bump walks all earlier versions of that row
  // (quadratic: 250,000 cases in one statement did not finish in 25 minutes)
  for (let from = 0; from < cases; from += 10_000) {
    await db.query(
      `INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, status, owner_id, contact_count, transfer_count, created_at, last_contact_at)
       SELECT account_id, id, 'Parkeren', 'parkeren', 'email', (ARRAY['open', 'solved', 'closed', 'new'])[1 + r % 4], CASE WHEN r % 4 = 3 THEN NULL ELSE $2::uuid END, 1 + r % 3, r % 2,
              now() - (r % 180) * interval '1 day' - (r % 1440) * interval '1 minute', now() - (r % 180) * interval '1 day'
       FROM (SELECT account_id, id, row_number() OVER (ORDER BY id) AS r FROM customers WHERE account_id = $1) c WHERE r > $3 AND r <= $4`,
      [a, owner.id, from, from + 10_000],
    );
  }
  await db.query(
    `INSERT INTO topics (account_id, name, first_seq, last_seq, first_at, last_at, size)
     SELECT $1, 'Onderwerp ' || g, g, g, now(), now(), 1 FROM generate_series(1, 40) g`,
    [a],
  );
  // two inbound messages per case, the second a day later
  await db.query(
    `INSERT INTO messages (account_id, case_id, type, channel, customer_id, body, created_at)
     SELECT c.account_id, c.id, 'inbound', 'email', c.customer_id, 'Mijn parkeersessie is dubbel afgeschreven.', c.created_at + k * interval '1 day'
     FROM cases c CROSS JOIN generate_series(0, 1) k WHERE c.account_id = $1`,
    [a],
  );
  await db.query(
    `INSERT INTO message_analysis (account_id, message_id, topic_id, analysed_at, message_at)
     SELECT m.account_id, m.id, t.id, m.created_at, m.created_at
     FROM messages m JOIN LATERAL (SELECT id FROM topics WHERE account_id = m.account_id ORDER BY name OFFSET (abs(hashtext(m.id::text)) % 40) LIMIT 1) t ON true
     WHERE m.account_id = $1`,
    [a],
  );
  await db.query(
    `INSERT INTO signals (account_id, topic_id, title, raised_at)
     SELECT account_id, id, name, now() - (row_number() OVER ()) * interval '2 days' FROM topics WHERE account_id = $1`,
    [a],
  );
  await db.query('ANALYZE');
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE account_id = $1', [a]);
  console.log(`${n.toLocaleString('en')} inbound messages on ${cases.toLocaleString('en')} cases over 180 days, 40 topics: loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const dash = await time(() => getDashboard(db, a, { days: 14 }));
  const raw = await time(() =>
    db.query(
      `SELECT (created_at AT TIME ZONE 'Europe/Amsterdam')::date AS day, count(*) FROM messages
       WHERE account_id = $1 AND type = 'inbound' AND created_at >= now() - interval '14 days' GROUP BY 1`,
      [a],
    ),
  );
  const d = await getDashboard(db, a, { days: 14 });
  console.log(`dashboard, 14 days (${d.contacts.total.toLocaleString('en')} contacts in the period): p50 ${dash.p50.toFixed(1)} ms (${dash.all.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`raw SQL, contacts per day only:                p50 ${raw.p50.toFixed(1)} ms (${raw.all.map((x) => x.toFixed(0)).join(', ')})`);
  console.log(`RESULT dashboard_14d ${dash.p50.toFixed(1)} ms baseline=${raw.p50.toFixed(1)} ratio=${(dash.p50 / raw.p50).toFixed(2)}`);
} finally {
  await db.close();
  if (process.argv.includes('--keep')) console.log(`kept database ${name}`);
  else await admin(`DROP DATABASE IF EXISTS ${name}`);
}
