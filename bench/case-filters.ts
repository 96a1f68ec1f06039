/**
 * The case list filtered by two custom fields and a tag, on PostgreSQL (issue 19):
 * `node bin/run-ts.mjs bench/case-filters.ts` (also `BENCH_FILTERS=1 node bin/run-ts.mjs bench/cases.ts`).
 *
 * One account with BENCH_FILTER_CASES (default 300,000) cases written set-based (bench/lib/fill-filter-cases.ts;
 * 1,000,000 in a few minutes): a one_of field `oorzaak` (5 options), a several_of field `producten` (3 options,
 * 7 combinations) and the tag `terugbetaling` on one case in ten (at random).
 * Then BENCH_FILTER_QUERIES (300) times, alternating, over the same indexes (cases_custom_fields GIN, case_tags_tag):
 *   API: GET /api/v1/cases?field.oorzaak=…&field.producten=…&tag=terugbetaling&limit=50 (buildApp, inject: token
 *        lookup, field definitions, the page, JSON out)
 *   raw: the same page as one parametrised SELECT through the same pool: the columns the API returns, the
 *        customer's name and the tags of each case (what the API needs, written by hand).
 * Prints p50/p95 of both, the statements one API request runs (with their mean time), EXPLAIN ANALYZE of the raw
 * page, the load average, and one RESULT line (ratio = API p95 / raw p95; goal ≤ 2). Never asserts.
 * Env: BENCH_DATABASE_URL (maintenance database, a superuser; default postgres://postgres@127.0.0.1:5432/postgres),
 * BENCH_FILTER_CASES, BENCH_FILTER_QUERIES.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { createAccount } from '../src/accounts/create-account.ts';
import { createField } from '../src/custom-fields/manage-fields.ts';
import { systemActor } from '../src/shared/actor.ts';
import { fillFilterCases } from './lib/fill-filter-cases.ts';

const N = Number(process.env.BENCH_FILTER_CASES ?? 300_000);
const Q = Number(process.env.BENCH_FILTER_QUERIES ?? 300);
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = 'luister_bench_case_filters';
const CAUSES = ['storing', 'factuur', 'verhuizing', 'levering', 'overig'];
const COMBOS = [['internet'], ['tv'], ['bellen'], ['internet', 'tv'], ['internet', 'bellen'], ['tv', 'bellen'], ['internet', 'tv', 'bellen']];

async function admin(sql: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

export async function benchCaseFilters() {
  await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${DB}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${DB}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
  try {
    await migrate(db);
    const created = await createAccount(db, { name: 'Filters', adminEmail: 'bench@example.test', adminPassword: 'lang en veilig wachtwoord 42' });
    const accountId = created.account.account_id;
    const sys = systemActor(accountId);
    await createField(db, sys, { entity: 'case', key: 'oorzaak', label_nl: 'Oorzaak', label_en: 'Cause', type: 'one_of', options: CAUSES });
    await createField(db, sys, { entity: 'case', key: 'producten', label_nl: 'Producten', label_en: 'Products', type: 'several_of', options: ['internet', 'tv', 'bellen'] });

    const t0 = performance.now();
    await fillFilterCases(db, accountId, N, CAUSES, COMBOS);
    console.log(`${N.toLocaleString('en')} cases written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const app = await buildApp({ db, config: loadConfig({ ...process.env, DATABASE_URL: url.toString() } as NodeJS.ProcessEnv), logger: false });
    const auth = { authorization: `Bearer ${created.token}` };
    const queries = Array.from({ length: Q }, (_, i) => ({ cause: CAUSES[i % 5], product: ['internet', 'tv', 'bellen'][i % 3] }));
    // everything the API returns for a case (src/cases/store.ts publicCase), its customer's name and its tags
    const RAW = `SELECT c.id, c.ref, c.subject, c.status, c.priority, c.tier, c.topic, c.language, c.channel, c.customer_id,
        c.owner_id, c.team_id, c.transfer_count, c.contact_count, c.created_at, c.updated_at, c.last_contact_at, c.solved_at,
        c.closed_at, c.custom_fields,
        (SELECT name FROM customers cu WHERE cu.account_id = c.account_id AND cu.id = c.customer_id) AS customer_name,
        ARRAY(SELECT t.tag FROM case_tags t WHERE t.account_id = c.account_id AND t.case_id = c.id ORDER BY t.tag) AS tags
      FROM cases c
      WHERE c.account_id = $1 AND c.spam_at IS NULL AND c.custom_fields @> $2::jsonb
        AND EXISTS (SELECT 1 FROM case_tags t WHERE t.account_id = $1 AND t.case_id = c.id AND t.tag = 'terugbetaling')
      ORDER BY c.created_at DESC, c.id DESC LIMIT 51`;
    // the statements an API request runs (db.query wrapped while the API is timed)
    const statements = new Map<string, { n: number; ms: number; sql: string; params?: unknown[] }>();
    let counting = false;
    const query = db.query.bind(db);
    (db as { query: typeof db.query }).query = async <T>(sql: string, params?: unknown[]) => {
      const t = performance.now();
      try {
        return await query<T>(sql, params);
      } finally {
        if (counting) {
          const key = sql.replace(/\s+/g, ' ').slice(0, 100);
          const s = statements.get(key) ?? { n: 0, ms: 0 };
          statements.set(key, { n: s.n + 1, ms: s.ms + performance.now() - t, sql, params });
        }
      }
    };
    const load0 = loadavg();
    const api: number[] = [];
    const raw: number[] = [];
    let rows = 0;
    // warm-up, then alternate so that machine load hits both alike
    for (const q of queries.slice(0, 10)) {
      await app.inject({ method: 'GET', url: `/api/v1/cases?field.oorzaak=${q.cause}&field.producten=${q.product}&tag=terugbetaling&limit=50`, headers: auth });
      await db.query(RAW, [accountId, JSON.stringify({ oorzaak: q.cause, producten: [q.product] })]);
    }
    for (const q of queries) {
      let t = performance.now();
      counting = true;
      const res = await app.inject({ method: 'GET', url: `/api/v1/cases?field.oorzaak=${q.cause}&field.producten=${q.product}&tag=terugbetaling&limit=50`, headers: auth });
      api.push(performance.now() - t);
      counting = false;
      if (res.statusCode !== 200) throw new Error(res.body);
      rows += (res.json() as { data: unknown[] }).data.length;
      t = performance.now();
      await db.query(RAW, [accountId, JSON.stringify({ oorzaak: q.cause, producten: [q.product] })]);
      raw.push(performance.now() - t);
    }
    const load1 = loadavg();
    const plan = await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) ${RAW.replaceAll('$1', `'${accountId}'`).replace('$2::jsonb', `'{"oorzaak":"factuur","producten":["tv"]}'::jsonb`)}`);
    console.log('raw plan:\n  ' + plan.map((p) => p['QUERY PLAN']).join('\n  '));
    console.log('statements per API request (mean time):');
    for (const [sql, s] of statements) console.log(`  ${(s.n / Q).toFixed(2)} × ${(s.ms / s.n).toFixed(1)} ms  ${sql}`);
    // the API's slowest statement, planned afresh with the last parameters it ran with
    const slowest = [...statements.values()].sort((a, b) => b.ms / b.n - a.ms / a.n)[0];
    const apiPlan = await query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE) ${slowest.sql}`, slowest.params);
    console.log('slowest API statement, plan:\n  ' + apiPlan.map((p) => p['QUERY PLAN']).join('\n  '));
    const fmt = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
    console.log(`load average ${fmt(load0)} before the queries, ${fmt(load1)} after (${cpus().length} cores)`);
    await app.close();
    const [a50, a95, r50, r95] = [pct(api, 50), pct(api, 95), pct(raw, 50), pct(raw, 95)];
    console.log(`API  p50 ${a50.toFixed(1)} ms  p95 ${a95.toFixed(1)} ms  (${(rows / Q).toFixed(0)} cases a page)`);
    console.log(`raw  p50 ${r50.toFixed(1)} ms  p95 ${r95.toFixed(1)} ms`);
    console.log(`RESULT case_list_two_fields_and_tag_p95 ${a95.toFixed(1)} ms baseline=${r95.toFixed(1)} ratio=${(a95 / r95).toFixed(2)}`);
  } finally {
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCaseFilters();
