import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { buildApp } from '../../src/http/app.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { buildWorkspace, chromiumMissing, launch, PASSWORD, watch } from './browser.ts';

/**
 * Security review (issue 13): the security headers and Content-Security-Policies are on, and
 * every page still works in a real browser under them: the API docs (Swagger UI), the workspace's
 * sign-in (a same-origin POST that passes the CSRF check) and the first-run
 * setup page (inline script and style allowed by hash only).
 */
const skip = chromiumMissing();
let db: Db;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let email: string;
const setupToken = { value: null as string | null };

before(async () => {
  if (skip) return;
  await buildWorkspace();
  db = await testDb();
  email = uniqueEmail('beheer');
  await createAccount(db, { name: 'Veilige pagina', adminEmail: email, adminPassword: PASSWORD });
  app = await buildApp({ db, config: testConfig({ HSTS_MAX_AGE: 600 }), logger: false, setupToken });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  browser = await launch();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
  await db?.close();
});

async function open(path: string) {
  const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage();
  const problems: string[] = [];
  watch(page, problems);
  // a CSP violation is reported in the page even when the console stays quiet
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  const res = await page.goto(`${base}${path}`);
  return { page, problems, res };
}

test('the API docs (Swagger UI) render under their CSP', { skip }, async () => {
  const { page, problems, res } = await open('/docs/');
  assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.locator('.swagger-ui .info .title').filter({ hasText: 'Luister API' }).waitFor();
  await page.locator('.opblock-tag', { hasText: 'cases' }).first().waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('the workspace signs in through its form under its CSP and the CSRF check', { skip }, async () => {
  const { page, problems, res } = await open('/app/');
  const headers = res?.headers() ?? {};
  assert.equal(headers['x-frame-options'], 'DENY');
  assert.equal(headers['strict-transport-security'], 'max-age=600');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  // the browser sends Sec-Fetch-Site: same-origin with the cookie: the workspace's own POSTs pass
  const status = await page.evaluate(async () => (await fetch('/api/v1/routing/queue', { method: 'POST' })).status);
  assert.equal(status, 200);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the first-run setup page runs its inline script (allowed by hash)', { skip }, async () => {
  setupToken.value = 'e2e-setup-token-0123456789';
  const { page, problems } = await open(`/setup?token=${setupToken.value}`);
  await page.locator('#account_name').fill('X');
  await page.locator('#admin_name').fill('X');
  await page.locator('#admin_email').fill(uniqueEmail('x'));
  await page.locator('#admin_password').fill('0123456789');
  await page.getByRole('button', { name: 'Aanmaken' }).click();
  // an account exists already: the script shows the server's refusal, so it ran and could fetch
  await page.locator('#out', { hasText: /already set up|al ingesteld/i }).waitFor();
  assert.deepEqual(problems.filter((p) => !/403 .*\/setup/.test(p)), []);
  setupToken.value = null;
  await page.close();
});
