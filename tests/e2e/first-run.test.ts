import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser } from 'playwright-core';
import { buildApp } from '../../src/http/app.ts';
import { openDb, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { testConfig } from '../helpers.ts';
import { buildWorkspace, chromiumMissing, launch, SCREENSHOTS, watch } from './browser.ts';

/**
 * The first run on a new installation: the one-time setup link the server prints, the form, and
 * from there into the workspace with the account just made. Always on a new embedded database
 * (setup only opens while there is no account at all; a shared PostgreSQL has accounts).
 */
const skip = chromiumMissing();

describe('first run: the setup page leads into the workspace', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  const setupToken = { value: 'eenmalige-link-voor-de-test-0123456789abc' as string | null };

  before(async () => {
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await openDb({});
    await migrate(db);
    app = await buildApp({ db, config: testConfig(), logger: false, setupToken });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('create the first account, follow "Naar de werkplek", sign in, see the inbox', async () => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(`${base}/setup?token=${setupToken.value}`);
    await page.getByRole('heading', { name: 'Luister instellen' }).waitFor();
    assert.match(await page.locator('body').innerText(), /npx luister demo/, 'the page mentions the demo');
    await page.getByLabel('Naam van uw organisatie').fill('Bakkerij Jansen');
    await page.getByLabel('Uw naam').fill('Anne Jansen');
    await page.getByLabel('Uw e-mailadres').fill('anne@bakkerij.example');
    await page.getByLabel('Wachtwoord (minstens 10 tekens)').fill('een goed lang wachtwoord');
    await page.getByRole('button', { name: 'Aanmaken' }).click();
    const toWorkspace = page.getByRole('link', { name: 'Naar de werkplek' });
    await toWorkspace.waitFor();
    assert.match(await page.locator('#out').innerText(), /anne@bakkerij\.example/);
    assert.match(await page.locator('#out pre').innerText(), /^lst_/);
    await page.screenshot({ path: `${SCREENSHOTS}/setup-done.png` });
    assert.equal(setupToken.value, null, 'the link is closed');

    await toWorkspace.click();
    await page.getByRole('heading', { name: 'Aanmelden bij Luister' }).waitFor();
    await page.getByLabel('E-mailadres').fill('anne@bakkerij.example');
    await page.getByLabel('Wachtwoord').fill('een goed lang wachtwoord');
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    assert.deepEqual(problems.filter((p) => !p.includes('/setup')), []);
    await context.close();
  });
});
