import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { startTestProvider, type TestProvider } from '../oidc-test-provider.ts';
import { PASSWORD, assertAccessible, buildWorkspace, chromiumMissing, launch, signedInPage, watch } from './browser.ts';

/**
 * Single sign-on in Debian's Chromium against a real OpenID Connect provider (oidc-provider) on a
 * local port: an admin sets it up on the settings screen by keyboard (password sign-in off), then
 * an agent clicks "Aanmelden met …", signs in at the provider's own pages and lands in the workspace.
 */
const skip = chromiumMissing();

describe('single sign-on in the workspace, in Chromium', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let idp: TestProvider;
  let base: string;
  let browser: Browser;
  let admin: { context: BrowserContext; page: Page };
  let accountId: string;
  const agentEmail = uniqueEmail('joost');
  const problems: string[] = [];

  before(async () => {
    await buildWorkspace();
    db = await testDb();
    const adminEmail = uniqueEmail('ilse');
    const created = await createAccount(db, { name: 'Fietsenwinkel De Ketting', adminEmail, adminPassword: PASSWORD, adminName: 'Ilse Bakker' });
    accountId = created.account.account_id;
    await createAgent(db, systemActor(accountId), { email: agentEmail, name: 'Joost Visser', role: 'agent', password: PASSWORD });
    app = await buildApp({ db, config: testConfig({ SECRETS_KEY: randomBytes(32).toString('hex') }), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    idp = await startTestProvider([{ client_id: 'luister', client_secret: 'geheim-van-de-client-0123456789', redirect_uris: [`${base}/sso/${accountId}/callback`] }]);
    idp.users.set('joost', { email: agentEmail, email_verified: true, name: 'Joost Visser' });
    browser = await launch();
    admin = await signedInPage(browser, base, adminEmail, problems);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await idp?.close();
    await db?.close();
  });

  test('an admin sets up single sign-on by keyboard; the screen is accessible', async () => {
    const { page } = admin;
    await page.goto(`${base}/app/`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Single sign-on' }).click();
    await page.getByRole('heading', { name: 'Single sign-on (OpenID Connect)', level: 1 }).waitFor();
    await page.getByTestId('sso-status').getByText('Single sign-on staat uit.').waitFor();
    assert.equal(await page.getByTestId('sso-redirect-uri').textContent(), `${base}/sso/${accountId}/callback`);
    await assertAccessible(page, 'sso settings before set-up');

    // an empty form says which fields are missing and puts the focus on the first
    await page.getByRole('button', { name: 'Opslaan' }).press('Enter');
    await page.getByText('Vul dit veld in.').first().waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sso-label');
    await assertAccessible(page, 'sso settings with errors');

    await page.keyboard.type('Testprovider');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'sso-discovery_url', 'Tab goes to the next field');
    await page.keyboard.type(idp.issuer);
    await page.getByLabel('Client-ID').fill('luister');
    await page.getByLabel('Client-secret').fill('geheim-van-de-client-0123456789');
    await page.getByLabel('Nieuwe medewerkers bij eerste aanmelding').selectOption({ label: 'Niet aanmaken: alleen bestaande medewerkers' });
    await page.getByLabel('Aanmelden met wachtwoord toestaan').press('Space');
    assert.equal(await page.getByLabel('Aanmelden met wachtwoord toestaan').isChecked(), false);
    await page.getByRole('button', { name: 'Opslaan' }).press('Enter');
    await page.getByRole('status').getByText('Opgeslagen.').waitFor();
    await page.getByTestId('sso-status').getByText('Single sign-on staat aan.').waitFor();
    assert.match(await page.getByText('Er is een secret opgeslagen').textContent() ?? '', /versleuteld/);
    assert.equal(await page.getByLabel('Client-secret').inputValue(), '', 'the secret is never shown again');
    await assertAccessible(page, 'sso settings after set-up');
    assert.deepEqual(problems, []);
  });

  test('an agent signs in through the provider: "Aanmelden met Testprovider", the provider\'s pages, back in the workspace', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1360, height: 900 } });
    const page = await context.newPage();
    const mine: string[] = [];
    watch(page, mine);
    await page.goto(`${base}/app/`);
    const button = page.getByRole('link', { name: 'Aanmelden met Testprovider' });
    await button.waitFor();
    await assertAccessible(page, 'sign-in page with single sign-on');

    // password sign-in is off for this account: the right password is refused with a clear message
    await page.getByLabel('E-mailadres').fill(agentEmail);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden', exact: true }).click();
    await page.getByRole('alert').getByText('alleen aan via single sign-on').waitFor();
    mine.splice(0); // the 403 of that refused sign-in is expected

    await button.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await page.locator('input[name="login"]').fill('joost');
    await page.locator('input[name="password"]').fill('wachtwoord bij de provider');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL(`${base}/app/`);
    await page.getByText('Joost Visser · Fietsenwinkel De Ketting').waitFor();
    const cookies = await context.cookies(base);
    const session = cookies.find((c) => c.name === 'luister_session');
    assert.ok(session?.httpOnly, 'an HTTP-only session cookie, as after a password sign-in');
    assert.deepEqual(mine.filter((p) => !p.includes(idp.issuer)), []);
    await context.close();
  });
});
