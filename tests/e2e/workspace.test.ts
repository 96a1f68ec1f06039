import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { buildApp } from '../../src/http/app.ts';
import { webRoutes } from '../../src/http/routes/web.ts';
import { ANALYSE_JOB, analyseStoredMessage } from '../../src/listening/analyse-stored-message.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import type { JobRow } from '../../src/storage/jobs.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, watch as watchPage } from './browser.ts';

/**
 * The agent workspace in a real browser: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), against the real server on a test database. axe-core checks every screen.
 * The problems board, promises, transfers and notifications have their own file (problems.test.ts).
 */
async function seed(db: Db) {
  const agentEmail = uniqueEmail('sanne');
  const created = await createAccount(db, { name: 'Parkeren Amsterdam', adminEmail: uniqueEmail('admin'), adminPassword: PASSWORD });
  const actor = systemActor(created.account.account_id);
  const agent = await createAgent(db, actor, { email: agentEmail, name: 'Sanne de Wit', role: 'agent', password: PASSWORD });
  // customers belong to one account, so readable addresses cannot collide on a shared PostgreSQL
  const receive = (name: string, subject: string, body: string) =>
    receiveMessage(db, actor, { customer: { email: `${name.toLowerCase().replace(/ /g, '.')}@example.nl`, name }, subject, body, channel: 'email' });
  await receive('Fatima el Amrani', 'Factuur klopt niet', 'Op mijn factuur van oktober staat een parkeersessie die ik niet heb gemaakt. Kunt u dat nakijken?');
  await receive('Joost Bakker', 'Parkeerpas werkt niet', 'Mijn parkeerpas wordt sinds gisteren niet meer herkend bij de slagboom in de Bijlmer.');
  const henk = await receive(
    'Henk de Vries',
    'Twee keer betaald voor parkeren',
    'De app heeft mijn parkeersessie van zaterdag twee keer afgeschreven, €12,50 te veel. Dit is de derde keer dit jaar. Ik wil mijn geld terug!',
  );
  // the worker analyses inbound messages; the test has no worker, so it runs those jobs itself
  const jobs = await db.query<JobRow>('SELECT * FROM jobs WHERE account_id = $1 AND kind = $2', [created.account.account_id, ANALYSE_JOB]);
  for (const job of jobs) await analyseStoredMessage(db, job);
  return { agentEmail, agent, token: created.token, henk };
}

describe('serving the workspace (no browser needed)', () => {
  const serve = async (dist: string) => {
    const app = Fastify({ logger: false });
    webRoutes(app, dist);
    await app.ready();
    return app;
  };

  test('without web/dist, /app/ answers 503 and says to build', async () => {
    const app = await serve(join(tmpdir(), `luister-no-dist-${process.pid}/`));
    const page = await app.inject({ url: '/app/cases/LU-1', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 503);
    assert.match(page.body, /npm run build/);
    const api = await app.inject({ url: '/app/' });
    assert.equal(api.statusCode, 503);
    assert.equal(api.json().error.code, 'workspace_not_built');
    await app.close();
  });

  test('hashed assets are cached for a year, the page never; both only allow this origin', async () => {
    const root = mkdtempSync(join(tmpdir(), 'luister-dist-'));
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(root, 'secret.txt'), 'not for the web');
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Luister</title>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    const app = await serve(`${dist}/`);
    const page = await app.inject({ url: '/app/cases/LU-1042', headers: { accept: 'text/html' } });
    assert.equal(page.statusCode, 200);
    assert.equal(page.headers['cache-control'], 'no-cache');
    assert.match(String(page.headers['content-security-policy']), /^default-src 'self'/);
    const js = await app.inject({ url: '/app/assets/index-abc123.js' });
    assert.equal(js.statusCode, 200);
    assert.match(String(js.headers['cache-control']), /max-age=31536000.*immutable/);
    for (const url of ['/app/assets/..%2F..%2Fsecret.txt', '/app/assets/%2e%2e/%2e%2e/secret.txt']) {
      assert.doesNotMatch((await app.inject({ url })).body, /not for the web/, url);
    }
    assert.equal((await app.inject({ url: '/', headers: { accept: 'text/html,*/*' } })).headers.location, '/app/');
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });
});

const skip = chromiumMissing();

describe('the agent workspace in Chromium', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let data: Awaited<ReturnType<typeof seed>>;
  const problems: string[] = [];

  before(async () => {
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await testDb();
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    data = await seed(db);
    // a service level and an article, so the case view shows clocks and a suggestion
    const auth = { authorization: `Bearer ${data.token}` };
    const sla = await app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: auth, payload: { name: 'Standaard', first_response_minutes: 480, resolution_minutes: 2400 } });
    assert.equal(sla.statusCode, 201, sla.body);
    const article = await app.inject({
      method: 'POST', url: '/api/v1/articles', headers: auth,
      payload: { translations: { nl: { title: 'Dubbele afschrijving van een parkeersessie', body: 'Is een parkeersessie twee keer afgeschreven? Wij storten het dubbel betaalde bedrag binnen drie werkdagen terug.' } } },
    });
    assert.equal(article.statusCode, 201, article.body);
    browser = await launch();
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1360, height: 900 } });
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  const watch = (page: Page) => watchPage(page, problems);

  test('sign in, open a case with the keyboard, fix a reply the checker flags, send it', async () => {
    const page = await context.newPage();
    watch(page);

    // / sends a browser to the workspace; without a session it shows the sign-in screen, in Dutch
    await page.goto(`${base}/`);
    assert.equal(new URL(page.url()).pathname, '/app/');
    await page.getByRole('heading', { name: 'Aanmelden bij Luister' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
    await assertAccessible(page, 'sign in');
    await page.screenshot({ path: `${SCREENSHOTS}/sign-in.png` });

    await page.getByLabel('E-mailadres').fill(data.agentEmail);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    // the inbox lists the open cases, newest first, with their customers
    const rows = page.locator('table.cases tbody tr');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await rows.first().waitFor();
    assert.equal(await rows.count(), 3);
    await page.getByRole('cell', { name: 'Henk de Vries' }).waitFor();
    assert.match(await rows.first().innerText(), /Twee keer betaald voor parkeren/);
    await assertAccessible(page, 'inbox');
    await page.screenshot({ path: `${SCREENSHOTS}/inbox.png` });

    // ? shows the shortcuts; Esc closes them
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Sneltoetsen' }).waitFor();
    await assertAccessible(page, 'shortcut overlay');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });

    // the unassigned queue holds all three new cases
    await page.getByRole('link', { name: 'Niet toegewezen' }).click();
    await page.waitForURL(/queue=unassigned/);
    await rows.nth(2).waitFor();

    // j selects the first row, Enter opens it
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), data.henk.case.ref);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/app/cases/${data.henk.case.ref}`);
    const timeline = page.locator('ol.timeline');
    await timeline.getByText('twee keer afgeschreven, €12,50 te veel').waitFor();
    await page.locator('.chips').getByText('klacht').waitFor(); // the message's analysis
    await page.getByRole('heading', { name: 'Klant' }).waitFor();
    await page.getByText('Geen andere zaken van deze klant.').waitFor(); // the customer card lists the others
    await page.locator('.suggestions').getByText('Dubbele afschrijving van een parkeersessie').waitFor();

    // assign to me with the button (a), then write a reply that shifts the blame and does not apologise
    await page.keyboard.press('a');
    await page.locator('.case-head').getByText('Sanne de Wit (jij)').waitFor();
    await page.keyboard.press('r');
    const text = page.getByRole('textbox', { name: 'Je antwoord' });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'composer-text');
    await page.keyboard.type('Dat is uw eigen schuld.');
    const findings = page.locator('ul.findings');
    await findings.locator('[data-check="blame"]').waitFor();
    await findings.locator('[data-check="apology"]').waitFor();
    // the blamed words are underlined in the mirror behind the text
    assert.match(await page.locator('.editor .mirror mark').first().innerText(), /uw eigen schuld/i);
    await assertAccessible(page, 'case view with findings');
    await page.screenshot({ path: `${SCREENSHOTS}/case-view.png`, fullPage: true });

    // fix it: an apology, thanks, what we do, when they hear from us, a name
    await text.fill(
      'Beste Henk,\n\nDank u voor uw bericht, en excuses voor de dubbele afschrijving: dat had niet mogen gebeuren. ' +
        'Ik heb de € 12,50 vandaag teruggestort; u ziet het binnen drie werkdagen op uw rekening. Ik bel u vrijdag vóór 12:00 om te horen of alles klopt.\n\n' +
        'Met vriendelijke groet,\nSanne de Wit',
    );
    await findings.locator('[data-check="blame"]').waitFor({ state: 'detached' });
    await page.locator('#composer-status').getByText(/Geen opmerkingen|opmerking/).waitFor();
    assert.equal(await findings.locator('[data-check="apology"]').count(), 0);

    // Ctrl+Enter sends; the reply joins the timeline
    await text.press('Control+Enter');
    await page.locator('#composer-status').getByText('Verstuurd.').waitFor();
    const outbound = timeline.locator('li.outbound');
    await outbound.getByText('excuses voor de dubbele afschrijving').waitFor();
    assert.equal(await text.inputValue(), '');
    await assertAccessible(page, 'case view after sending');
    await page.screenshot({ path: `${SCREENSHOTS}/case-view-sent.png`, fullPage: true });

    // the reply promised a call on Friday: it is on the case. Record another promise by hand and keep it
    const promises = page.getByRole('region', { name: 'Beloftes' });
    await page.getByText('Belofte vastleggen', { exact: true }).first().click();
    await page.getByLabel('Soort').selectOption({ label: 'Terugbellen' });
    await page.getByLabel('Wat beloof je?').fill('Henk bellen over de terugboeking');
    const soon = new Date(Date.now() + 2 * 3_600_000);
    const local = new Date(soon.getTime() - soon.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Uiterlijk').fill(local);
    await page.getByRole('button', { name: 'Belofte vastleggen' }).click();
    await page.getByText('Belofte vastgelegd;', { exact: false }).waitFor();
    await promises.getByText('Henk bellen over de terugboeking').waitFor();
    await assertAccessible(page, 'case view with a promise form');
    await promises.getByRole('button', { name: 'Teruggebeld: Henk bellen over de terugboeking' }).click();
    await page.getByText('Nagekomen: Henk bellen over de terugboeking').waitFor();
    await promises.locator('li', { hasText: 'Henk bellen over de terugboeking' }).getByText('Nagekomen').waitFor();

    // priority up, and escalate to the second line with a reason
    await page.getByLabel('Prioriteit').selectOption({ label: 'Hoog' });
    await page.getByRole('button', { name: 'Opslaan' }).first().click();
    await page.locator('.case-head .facts').getByText('Hoog').waitFor();
    await page.getByText('Escaleren', { exact: true }).click();
    await page.getByLabel('Naar', { exact: true }).selectOption('L2');
    await page.getByLabel('Waarom?').fill('Derde dubbele afschrijving dit jaar: de betaalkoppeling moet bekeken worden');
    await page.getByRole('button', { name: 'Escaleren met overdracht' }).click();
    await page.locator('p.ok', { hasText: 'Geëscaleerd naar L2' }).waitFor();
    await page.locator('.case-head .facts').getByText('L2', { exact: true }).waitFor();

    // Esc goes back to the inbox; / starts a search with highlighted hits
    await page.locator('h1').click();
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('slagboom');
    await page.keyboard.press('Enter');
    await page.locator('ol.hits mark').first().waitFor();
    assert.match(await page.locator('ol.hits').innerText(), /Parkeerpas werkt niet/);
    await assertAccessible(page, 'search results');

    assert.deepEqual(problems, [], 'no script errors and no CSP violations in the page');
    await page.close();
  });

  test('English for a browser that prefers English; the API stays where it was', async () => {
    const en = await browser.newContext({ locale: 'en-GB' });
    const page = await en.newPage();
    await page.goto(`${base}/app/`);
    await page.getByRole('heading', { name: 'Sign in to Luister' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await en.close();
    const res = await fetch(`${base}/api/v1/me`);
    assert.equal(res.status, 401);
    const root = await fetch(`${base}/`, { redirect: 'manual' });
    assert.equal(root.status, 200, 'a client that does not ask for HTML gets the plain page, not a redirect');
  });
});
