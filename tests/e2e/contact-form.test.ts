import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { buildApp } from '../../src/http/app.ts';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { issueFormToken } from '../../src/intake/form/form-token.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';
import { assertAccessible, chromiumMissing, launch, watch } from './browser.ts';

/**
 * The contact form as a visitor uses it (issue 17): in Debian's Chromium, without any script, by
 * keyboard; axe finds nothing serious on the form, on its error state, or on the thank-you page.
 */
const skip = chromiumMissing();
let db: Db;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let acc: TestAccount;
let slug: string;

before(async () => {
  if (skip) return;
  db = await testDb();
  acc = await newAccount(db, 'Energie');
  slug = `energie-${acc.accountId.slice(0, 8)}`;
  await setChannelSettings(db, systemActor(acc.accountId), { slug, form_fields: [{ key: 'customer_number', label: { nl: 'Klantnummer', en: 'Customer number' } }] });
  app = await buildApp({ db, config: testConfig(), logger: false });
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

/** The visitor took their time: the page's signed timestamp as if served ten seconds ago (no waiting in a test). */
async function tookTheirTime(page: import('playwright-core').Page) {
  const [{ form_secret }] = await db.query<{ form_secret: string }>('SELECT form_secret FROM channel_settings WHERE account_id = $1', [acc.accountId]);
  const t = issueFormToken(form_secret, acc.accountId, Date.now() - 10_000);
  await page.locator('input[name=t]').evaluate((el, v) => ((el as HTMLInputElement).value = v), t);
}

test('a visitor sends the form by keyboard (no script on the page: its CSP allows none) and sees the case reference and when they hear from us', { skip }, async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  const res = await page.goto(`${base}/contact/${slug}`);
  assert.match(res?.headers()['content-security-policy'] ?? '', /^default-src 'none'; style-src 'unsafe-inline'; form-action 'self'/);
  assert.equal(await page.locator('script').count(), 0, 'the form needs no JavaScript');
  await page.getByRole('heading', { name: 'Contact' }).waitFor();
  await assertAccessible(page, 'contact form');

  // sent empty: the errors are listed and each field says what is wrong
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('alert').waitFor();
  await assertAccessible(page, 'contact form with errors');
  assert.equal(await page.getByLabel('Uw e-mailadres').getAttribute('aria-invalid'), 'true');
  problems.splice(0); // the 422 of the empty form was the point

  await page.getByLabel('Uw naam').fill('Kees Jansen');
  await page.keyboard.press('Tab');
  await page.keyboard.type(uniqueEmail('kees'));
  await page.getByLabel('Klantnummer').fill('K-99812');
  await page.getByLabel('Uw vraag of bericht').fill('Mijn voorschot is verhoogd zonder bericht. Kunt u uitleggen waarom?');
  await tookTheirTime(page);
  await page.getByLabel('Uw vraag of bericht').press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Bedankt, we hebben uw bericht' }).waitFor();
  const status = await page.getByRole('status').innerText();
  assert.match(status, /Uw bericht is ontvangen onder nummer \S+/);
  assert.match(status, /U hoort uiterlijk \w+dag \d+ \w+ om \d\d:\d\d van ons/);
  await assertAccessible(page, 'contact form thank-you page');
  assert.deepEqual(problems, []);
  await context.close();
});

test('in English when the browser asks for it', { skip }, async () => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(`${base}/contact/${slug}`);
  await page.getByLabel('Your email address (required)').waitFor();
  await page.getByLabel('Customer number').waitFor();
  await assertAccessible(page, 'contact form (English)');
  await context.close();
});
