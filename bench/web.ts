/**
 * The agent workspace in a real browser: `node bin/run-ts.mjs bench/web.ts [--cases N]`
 *
 * 1. The built app's JavaScript for the first screen (the entry script and what it preloads), gzipped
 *    (goal ≤ 250 KB).
 * 2. Time to a usable inbox with 10,000 cases on PostgreSQL in Debian's Chromium (navigation → the first
 *    page of case rows on screen), beside the same page's raw API call for those cases (fetch in the page,
 *    same cookie), in the same run. Median of 7 after 2 warm-ups.
 * Ends with one RESULT line; never asserts.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { createAccount } from '../src/accounts/create-account.ts';
import { createAgent } from '../src/accounts/create-agent.ts';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/http/app.ts';
import { systemActor } from '../src/shared/actor.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CASES = arg('cases', 10_000);
const ROUNDS = 7;
const PASSWORD = 'een lang benchmark wachtwoord';
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// ---- 1. first-screen JavaScript
if (!existsSync('web/dist/index.html')) {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'web'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}
const html = readFileSync('web/dist/index.html', 'utf8');
const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => (m[1] ?? m[2]).replace(/^\/app\//, ''));
const sizes = scripts.map((s) => {
  const bytes = readFileSync(join('web/dist', s));
  return { s, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
});
const gz = sizes.reduce((n, x) => n + x.gz, 0);
console.log(`First screen JavaScript: ${sizes.map((x) => `${x.s} ${(x.raw / 1024).toFixed(1)} KB (${(x.gz / 1024).toFixed(1)} KB gzipped)`).join(', ')}`);
console.log(`  total ${(gz / 1024).toFixed(1)} KB gzipped (goal ≤ 250 KB: ${gz <= 250 * 1024 ? 'met' : 'NOT met'})`);

// ---- 2. a database with CASES cases
const dbName = `luister_bench_web_${process.pid}`;
await admin(`DROP DATABASE IF EXISTS ${dbName}`);
await admin(`CREATE DATABASE ${dbName}`);
const db = await openDb({ databaseUrl: urlFor(dbName), poolSize: 10 });
try {
  await migrate(db);
  const created = await createAccount(db, { name: 'Parkeren Amsterdam', adminEmail: 'beheer@bench.example', adminPassword: PASSWORD });
  const accountId = created.account.account_id;
  const agent = await createAgent(db, systemActor(accountId), { email: 'sanne@bench.example', name: 'Sanne de Wit', role: 'agent', password: PASSWORD });
  const t0 = performance.now();
  await db.query(
    `INSERT INTO customers (account_id, id, name, search_text)
     SELECT $1, gen_random_uuid(), 'Klant ' || g, 'Klant ' || g FROM generate_series(1, $2) g`,
    [accountId, CASES],
  );
  await db.query(
    `INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, status, owner_id, created_at, last_contact_at)
     SELECT c.account_id, c.id, s.subject, lower(s.subject), 'email',
            CASE WHEN row_number() OVER () % 3 = 0 THEN 'new' ELSE 'open' END,
            CASE WHEN row_number() OVER () % 3 = 0 THEN NULL ELSE $2::uuid END,
            now() - (row_number() OVER ()) * interval '1 minute', now() - (row_number() OVER ()) * interval '1 minute'
     FROM customers c
     CROSS JOIN LATERAL (SELECT (ARRAY['Te veel betaald voor parkeren', 'Parkeerpas werkt niet', 'Factuur klopt niet', 'Opzeggen abonnement'])[1 + (abs(hashtext(c.id::text)) % 4)] AS subject) s
     WHERE c.account_id = $1`,
    [accountId, agent.id],
  );
  await db.query(
    `INSERT INTO messages (account_id, case_id, type, channel, customer_id, body, language, search_config)
     SELECT account_id, id, 'inbound', 'email', customer_id, subject || ': graag een oplossing.', 'nl', 'dutch' FROM cases WHERE account_id = $1`,
    [accountId],
  );
  await db.query('ANALYZE');
  console.log(`\n${CASES.toLocaleString('en')} cases with customers and messages loaded on PostgreSQL in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const app = await buildApp({ db, config: { ...loadConfig({}), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: 0 }, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ locale: 'nl-NL' });
    const page = await context.newPage();
    await page.goto(`${base}/app/`);
    await page.getByLabel('E-mailadres').fill('sanne@bench.example');
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const rows = page.locator('table.cases tbody tr');
    await rows.first().waitFor();

    const inbox: number[] = [];
    const api: number[] = [];
    for (let round = 0; round < ROUNDS + 2; round++) {
      const start = performance.now();
      await page.goto(`${base}/app/`);
      await rows.nth(49).waitFor({ timeout: 30_000 });
      const ms = performance.now() - start;
      // the same data the inbox shows first, fetched raw in the same page with the same cookie
      const raw = await page.evaluate(async () => {
        const t = performance.now();
        const r = await fetch('/api/v1/cases?limit=50', { credentials: 'same-origin' });
        await r.json();
        return performance.now() - t;
      });
      if (round >= 2) {
        inbox.push(ms);
        api.push(raw);
      }
    }
    const n = await rows.count();
    const inboxMs = median(inbox);
    const apiMs = median(api);
    console.log(`Time to a usable inbox (navigation → ${n} case rows on screen), median of ${ROUNDS}: ${inboxMs.toFixed(0)} ms (${inbox.map((x) => x.toFixed(0)).join(', ')})`);
    console.log(`Raw API call for the first page of cases, in the same page: ${apiMs.toFixed(1)} ms (${api.map((x) => x.toFixed(1)).join(', ')})`);
    console.log(`RESULT web-inbox ${inboxMs.toFixed(0)} ms baseline=${apiMs.toFixed(1)} ratio=${(inboxMs / apiMs).toFixed(2)}`);
  } finally {
    await browser.close();
    await app.close();
  }
} finally {
  await db.close();
  await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
}
