/**
 * The customer portal's first page for a customer with 200 cases: `node bin/run-ts.mjs bench/portal.ts [--runs N] [--others M]`
 *
 * 1. The real app (buildApp; embedded PGlite, or PostgreSQL with DATABASE_URL) with one account whose portal is on,
 *    one customer with 200 cases (30 open, 170 solved or closed; two messages each, a promise on 20) and, around
 *    them, M other customers' cases (default 20,000) so every query has to find this customer's among many.
 * 2. Signed in through a real sign-in link (useLink), the first page (GET /portal/<slug>: the session, the portal,
 *    the contact ways, the open cases and the first 20 past ones, HTML) is asked N times (default 300) in process
 *    (app.inject: no network, no load generator), after 30 warm-up requests. Server time per page: p50 and p95;
 *    bytes of the HTML (and gzip-compressed, what a proxy that compresses would send).
 * 3. Baseline, in the same run, alternating with the page: the raw SQL of the same list — the two statements
 *    listPortalCases runs (open cases; one page of past ones), with the same parameters, on the same indexes,
 *    straight through db.query. The page cannot be faster than its data; the ratio says what the portal adds on
 *    top of it (the session check, five more small lookups, rendering, the HTTP layer). A static file would say
 *    nothing about the data and is no fair baseline for a page that must be per customer.
 *
 * RESULT portal_first_page_p50 <page ms> ms baseline=<raw SQL ms> ratio. Prints figures; never asserts.
 */
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { buildApp } from '../src/http/app.ts';
import { createInbox } from '../src/intake/inboxes/save-inbox.ts';
import { setChannelSettings } from '../src/intake/doors/channel-settings.ts';
import { hashSecret, newSecret } from '../src/accounts/secrets.ts';
import { receiveMessage } from '../src/cases/receive-message.ts';
import { systemActor } from '../src/shared/actor.ts';
import { findPortal, setPortalSettings } from '../src/portal/settings.ts';
import { useLink, findPortalUser } from '../src/portal/session.ts';
import { portalListStatements, PAST_PER_PAGE } from '../src/portal/list-cases.ts';
import { newAccount, testConfig, testDb } from '../tests/helpers.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Number(option('runs') ?? 300);
const OTHERS = Number(option('others') ?? 20_000);
const CASES = 200;
const OPEN = 30;

console.log(`Customer portal, first page for a customer with ${CASES} cases, ${new Date().toISOString()}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const db = await testDb();
const app = await buildApp({ db, config: testConfig({ PUBLIC_URL: 'https://klant.example' }), logger: false });
await app.ready();
const acc = await newAccount(db, 'Blauw Energie');
const sys = systemActor(acc.accountId);
const slug = `blauw-${process.pid}-${Date.now().toString(36)}`;
await createInbox(db, sys, { address: `service.${acc.accountId.slice(0, 8)}@blauw.example`, name: 'Klantenservice Blauw' });
await setChannelSettings(db, sys, { slug });
await setPortalSettings(db, sys, { enabled: true });

// --- the customer's 200 cases, through the case road (distinct subjects: each opens a case) ---------------------------
const email = `henk.${process.pid}@klant.example`;
let t0 = performance.now();
const ids: string[] = [];
for (let i = 0; i < CASES; i++) {
  const r = await receiveMessage(db, sys, { customer: { email, name: 'Henk de Vries' }, subject: `Vraag ${i + 1} over factuur ${100_000 + i}`, body: `Ik heb een vraag over factuur ${100_000 + i}. Kunt u mij helpen?`, channel: 'email', analyse: false });
  ids.push(r.case.id);
}
const [{ customer_id }] = await db.query<{ customer_id: string }>('SELECT customer_id FROM cases WHERE account_id = $1 AND id = $2', [acc.accountId, ids[0]]);
await db.query(
  `UPDATE cases SET owner_id = $2, status = CASE WHEN n % 3 = 0 THEN 'closed' ELSE 'solved' END, updated_at = now() - make_interval(days => n::int)
   FROM (SELECT id, row_number() OVER (ORDER BY created_at) AS n FROM cases WHERE account_id = $1 AND id = ANY($3::uuid[])) o
   WHERE cases.account_id = $1 AND cases.id = o.id AND o.n > $4`,
  [acc.accountId, acc.adminId, ids, OPEN],
);
await db.query(
  `INSERT INTO messages (account_id, case_id, type, channel, author_agent_id, body, language)
   SELECT $1, id, 'outbound', 'email', $2, 'Beste Henk, dank voor uw bericht. We hebben het uitgezocht: de factuur klopt, en we lichten hem toe.', 'nl'
   FROM cases WHERE account_id = $1 AND id = ANY($3::uuid[])`,
  [acc.accountId, acc.adminId, ids],
);
await db.query(
  `INSERT INTO promises (account_id, case_id, customer_id, owner_id, kind, description, window_start, due_at)
   SELECT $1, id, customer_id, $2, 'callback', 'bellen', now() + interval '2 days', now() + interval '2 days 30 minutes'
   FROM cases WHERE account_id = $1 AND id = ANY($3::uuid[]) AND status NOT IN ('solved', 'closed') LIMIT 20`,
  [acc.accountId, acc.adminId, ids],
);
console.log(`  ${CASES} cases of one customer through receiveMessage in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// --- everyone else's cases around them ----------------------------------------------------------------------------------
t0 = performance.now();
const PEOPLE = Math.max(1, Math.round(OTHERS / 10));
await db.query(`INSERT INTO customers (account_id, name) SELECT $1, 'Klant ' || g FROM generate_series(1, $2::int) g`, [acc.accountId, PEOPLE]);
await db.query(
  `INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, status, owner_id, updated_at)
   SELECT $1, c.id, 'Andere vraag ' || g, 'andere vraag ' || g, 'email', CASE WHEN g % 4 = 0 THEN 'open' ELSE 'closed' END, $2, now() - make_interval(mins => g::int)
   FROM (SELECT id, row_number() OVER () AS r FROM customers WHERE account_id = $1 AND name LIKE 'Klant %') c
   CROSS JOIN LATERAL generate_series((c.r - 1) * 10 + 1, c.r * 10) g`,
  [acc.accountId, acc.adminId],
);
for (const table of ['cases', 'customers', 'promises', 'messages']) await db.query(`ANALYZE ${table}`);
console.log(`  ${OTHERS.toLocaleString('en')} other cases of ${PEOPLE.toLocaleString('en')} customers in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// --- signed in through a real link ----------------------------------------------------------------------------------------
const portal = (await findPortal(db, slug))!;
const secret = newSecret();
await db.query(`INSERT INTO portal_links (account_id, customer_id, email, token_hash, language, expires_at) VALUES ($1, $2, $3, $4, 'nl', now() + interval '10 minutes')`,
  [acc.accountId, customer_id, email, hashSecret(secret)]);
const used = await useLink(db, portal, secret);
if (!used.ok) throw new Error(`sign-in failed: ${used.state}`);
const headers = { cookie: `luister_portal=${used.cookie}`, 'accept-language': 'nl-NL' };
const user = (await findPortalUser(db, portal, used.cookie))!;

// --- the page and the raw SQL, alternating --------------------------------------------------------------------------------
const statements = portalListStatements(user, 1);
async function rawSql() {
  const [open, past] = await Promise.all([db.query(...statements.open), db.query(...statements.past)]);
  return open.length + past.length;
}
let html = '';
async function page() {
  const res = await app.inject({ method: 'GET', url: `/portal/${slug}`, headers });
  if (res.statusCode !== 200) throw new Error(`page: ${res.statusCode}`);
  html = res.body;
}
const timed = async (f: () => Promise<unknown>) => {
  const s = performance.now();
  await f();
  return performance.now() - s;
};
for (let i = 0; i < 30; i++) {
  await page();
  await rawSql();
}
const pageMs: number[] = [];
const sqlMs: number[] = [];
for (let i = 0; i < RUNS; i++) {
  pageMs.push(await timed(page));
  sqlMs.push(await timed(rawSql));
}
// where the page's time goes: its two other statements, measured alone
const portalMs: number[] = [];
const sessionMs: number[] = [];
for (let i = 0; i < 100; i++) {
  portalMs.push(await timed(() => findPortal(db, slug)));
  sessionMs.push(await timed(() => findPortalUser(db, portal, used.cookie)));
}
const rows = await rawSql();
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];
const bytes = Buffer.byteLength(html);
const gz = gzipSync(html).length;
const listed = (html.match(/<li><a href="\/portal\//g) ?? []).length;
console.log(`  on ${db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${RUNS} requests each, alternating; load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`  first page: p50 ${q(pageMs, 0.5).toFixed(2)} ms, p95 ${q(pageMs, 0.95).toFixed(2)} ms; ${listed} cases listed (${OPEN} open + ${PAST_PER_PAGE} past, "older cases" for the rest)`);
console.log(`  raw SQL of the same list (${rows} rows): p50 ${q(sqlMs, 0.5).toFixed(2)} ms, p95 ${q(sqlMs, 0.95).toFixed(2)} ms`);
console.log(`  of which the portal lookup (door, clocks, contact ways, time zone: one statement) p50 ${q(portalMs, 0.5).toFixed(2)} ms, the session check p50 ${q(sessionMs, 0.5).toFixed(2)} ms`);
console.log(`  bytes: ${bytes.toLocaleString('en')} HTML, ${gz.toLocaleString('en')} gzipped (${(bytes / listed).toFixed(0)} bytes a listed case, page frame included)`);
console.log(`RESULT portal_first_page_p50 ${q(pageMs, 0.5).toFixed(2)} ms baseline=${q(sqlMs, 0.5).toFixed(2)} ratio=${(q(pageMs, 0.5) / q(sqlMs, 0.5)).toFixed(2)}`);
await app.close();
await db.close();
