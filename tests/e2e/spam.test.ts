import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { buildApp } from '../../src/http/app.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, signedInPage, SCREENSHOTS } from './browser.ts';

/** Spam from the workspace (issue 19), in Chromium: the Spam button on a case by keyboard, then the block list (axe-clean), unblock. */
describe('spam and the block list in the workspace, in Chromium', { skip: chromiumMissing() }, () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let page: Page;
  let accountId: string;
  const problems: string[] = [];
  const spammer = `aanbieding@spam${process.pid}.example`;

  before(async () => {
    await buildWorkspace();
    db = await testDb();
    const adminEmail = uniqueEmail('ilse');
    const created = await createAccount(db, { name: 'Spamvrij BV', adminEmail, adminPassword: 'lang en veilig wachtwoord 42', adminName: 'Ilse Bakker' });
    accountId = created.account.account_id;
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launch();
    ({ page } = await signedInPage(browser, base, adminEmail, problems));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('Spam on a case blocks the sender and closes it; the block list shows it and unblocks', async () => {
    const r = await receiveMessage(db, systemActor(accountId), { customer: { email: spammer }, subject: 'Gratis iPhone', body: 'Klik hier!', channel: 'email' });
    await page.goto(`${base}/app/cases/${r.case.ref}`);
    await page.getByText('Gratis iPhone').first().waitFor();
    await page.getByText('Spam', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('het hele domein').check();
    await assertAccessible(page, 'case with the spam form open');
    await page.getByRole('button', { name: 'Markeren als spam en blokkeren' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Gemarkeerd als spam').first().waitFor();
    const [c] = await db.query<{ status: string; spam: boolean }>('SELECT status, spam_at IS NOT NULL AS spam FROM cases WHERE account_id = $1 AND id = $2', [accountId, r.case.id]);
    assert.deepEqual(c, { status: 'closed', spam: true });

    await page.goto(`${base}/app/channels`);
    await page.getByRole('heading', { name: 'Blokkeerlijst' }).waitFor();
    await page.getByRole('cell', { name: `spam${process.pid}.example`, exact: true }).waitFor();
    await assertAccessible(page, 'block list');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator('section[aria-labelledby="blocklist-title"]').screenshot({ path: `${SCREENSHOTS}/block-list.png` });
    await page.getByRole('button', { name: `Deblokkeren spam${process.pid}.example` }).click();
    await page.getByText('Er is niets geblokkeerd.').waitFor();
    assert.deepEqual(problems, []);
  });
});
