import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { openIncident } from '../../src/announcements/open-incident.ts';
import { updateAnnouncementSettings } from '../../src/announcements/settings.ts';
import { createCustomer } from '../../src/customers/create-customer.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, signIn, watch } from './browser.ts';

/** Announcements and the status page in Chromium: the notice check as you type, and a public page that passes axe without script. */
describe('announcements and the public status page in Chromium', { skip: chromiumMissing() }, () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let adminEmail: string;
  let slug: string;

  before(async () => {
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await testDb();
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    adminEmail = uniqueEmail('beheer');
    const created = await createAccount(db, { name: 'Telecom Blauw', adminEmail, adminPassword: PASSWORD });
    const accountId = created.account.account_id;
    const admin = { accountId, type: 'agent' as const, id: created.admin.id, role: 'admin' as const, agentId: created.admin.id };
    const owner = await createAgent(db, systemActor(accountId), { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent', password: PASSWORD });
    slug = `blauw-${process.pid}-${Date.now() % 100000}`;
    await updateAnnouncementSettings(db, admin, { status_slug: slug, contact_route: 'storing@blauw.example', status_name: 'Telecom Blauw' });
    await createCustomer(db, systemActor(accountId), { name: 'Cor', vulnerable: true, identities: [{ kind: 'email', value: uniqueEmail('cor') }] });
    await openIncident(db, admin, {
      title: { nl: 'Storing internet Utrecht', en: 'Internet outage Utrecht' }, impact: 'major', componentIds: [], ownerId: owner.id,
      update: { status: 'investigating', parts: { nl: { happened: 'Een kabel is geraakt', doing: 'Monteurs zijn onderweg', means: 'U heeft mogelijk geen internet' } }, nextUpdateAt: new Date(Date.now() + 3_600_000) },
    });
    browser = await launch();
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('composing a rebranding shows the notice check as you type: too short, naming the earliest date', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(`${base}/app/announcements`);
    await page.getByRole('heading', { name: 'Aankondigingen', level: 1 }).waitFor();
    await page.getByLabel('Soort verandering').selectOption('rebranding');
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Gaat in op').fill(soon);
    // one vulnerable customer in "all customers": 14 + 7 days
    await page.getByText(/Te kort: 21 dagen nodig\. De vroegst toegestane ingangsdatum is \d{4}-\d{2}-\d{2}/).waitFor();
    await page.getByText(/1 ontvangers, van wie 1 kwetsbaar/).waitFor();
    await assertAccessible(page, 'announcements');
    await page.screenshot({ path: `${SCREENSHOTS}/announcements.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the status page settings: add a component by keyboard, in Dutch; the screen passes axe', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(`${base}/app/status`);
    await page.getByRole('heading', { name: 'Statuspagina', level: 1 }).waitFor();
    await page.getByRole('link', { name: new RegExp(`/status/${slug}`) }).waitFor();
    await page.getByLabel('Naam (Nederlands)').fill('Glasvezel');
    await page.getByLabel('Naam (Engels, mag leeg)').fill('Fibre');
    await page.getByLabel('Naam (Engels, mag leeg)').press('Enter');
    await page.getByText('Onderdeel toegevoegd.').waitFor();
    await page.getByText('Glasvezel · Fibre').waitFor();
    await page.getByLabel('Naam (Nederlands)').fill('Televisie');
    await page.getByLabel('Naam (Nederlands)').press('Enter');
    await page.getByRole('button', { name: 'Omhoog Televisie' }).waitFor();

    // reorder by keyboard: the focus stays on the component that moved
    await page.getByRole('button', { name: 'Omhoog Televisie' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Televisie staat nu op plaats 1 van 2.').waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.move?.endsWith('-down') === true);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '↓ Omlaag Televisie');
    const names = await page.locator('.status-components li strong').allTextContents();
    assert.deepEqual(names, ['Televisie', 'Glasvezel']);

    // rename and describe by keyboard
    await page.getByRole('button', { name: 'Wijzigen Glasvezel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Omschrijving (Nederlands, mag leeg)').waitFor();
    await assertAccessible(page, 'status page settings, a component being changed');
    await page.getByLabel('Omschrijving (Nederlands, mag leeg)').fill('Internet via glasvezel');
    await page.getByRole('button', { name: 'Opslaan' }).last().press('Enter');
    await page.getByText('Onderdeel gewijzigd.').waitFor();
    await page.getByText('— Internet via glasvezel').waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.edit !== undefined);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Wijzigen Glasvezel', 'the focus goes back to the button that opened the form');
    await assertAccessible(page, 'status page settings');
    await page.screenshot({ path: `${SCREENSHOTS}/status-settings.png`, fullPage: true });
    const pub = await (await fetch(`${base}/status/${slug}`)).text();
    assert.ok(pub.indexOf('<span>Televisie') < pub.indexOf('<span>Glasvezel'), 'the public page follows the order');
    assert.match(pub, /Glasvezel<br><small>Internet via glasvezel<\/small>/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the public status page works without JavaScript and passes axe, in Dutch and English', async () => {
    // no script on the page, and its CSP (default-src 'none') would not run one: what you see works without JavaScript
    const plain = await browser.newContext({ locale: 'nl-NL' });
    const page = await plain.newPage();
    const res = await page.goto(`${base}/status/${slug}`);
    assert.match(res?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
    assert.equal(await page.locator('script').count(), 0);
    await page.getByRole('heading', { name: 'Storing internet Utrecht' }).waitFor();
    await page.getByText('Volgende update uiterlijk', { exact: false }).first().waitFor();
    await assertAccessible(page, 'status page');
    await page.screenshot({ path: `${SCREENSHOTS}/status-page.png`, fullPage: true });
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Internet outage Utrecht' }).waitFor();
    await assertAccessible(page, 'status page (English)');
    await plain.close();
  });
});
