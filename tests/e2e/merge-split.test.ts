import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { buildApp } from '../../src/http/app.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { mkdirSync } from 'node:fs';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, SCREENSHOTS, signedInPage, watch } from './browser.ts';

/**
 * Follow, split and merge from the case view (issue 19), in Chromium, in Dutch: following with `f`,
 * choosing messages in the timeline to split them off, merging with the customer's other case —
 * and a colleague's open view of the merged case shows where it went without a reload. Axe-clean.
 */
describe('follow, split and merge in the workspace, in Chromium', { skip: chromiumMissing() }, () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accountId: string;
  let adminId: string;
  const problems: string[] = [];

  before(async () => {
    await buildWorkspace();
    db = await testDb();
    const adminEmail = uniqueEmail('ilse');
    const created = await createAccount(db, { name: 'Samenvoegen BV', adminEmail, adminPassword: 'lang en veilig wachtwoord 42', adminName: 'Ilse Bakker' });
    accountId = created.account.account_id;
    adminId = created.admin.id;
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launch();
    ({ context, page } = await signedInPage(browser, base, adminEmail, problems));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('follow with f, split the second question off, merge the other case in; the merged case points on, live', async () => {
    const actor = systemActor(accountId);
    const customer = { email: uniqueEmail('henk'), name: 'Henk de Vries' };
    const first = await receiveMessage(db, actor, { customer, subject: 'Parkeerkosten te hoog', body: 'De app rekende drie uur af.', channel: 'api' });
    const second = await receiveMessage(db, actor, { customer, caseRef: first.case.ref, body: 'Andere vraag: hoe vraag ik een bewonersvergunning aan?', channel: 'api' });
    const other = await receiveMessage(db, actor, { customer, subject: 'Dubbel betaald', body: 'Ik heb ook twee keer betaald voor dezelfde sessie.', channel: 'api' });
    await db.query(`UPDATE cases SET owner_id = $2, status = 'open' WHERE account_id = $1 AND id = ANY($3::uuid[])`, [accountId, adminId, [first.case.id, other.case.id]]);

    await page.goto(`${base}/app/cases/${first.case.ref}`);
    await page.getByRole('heading', { name: /Parkeerkosten te hoog/ }).waitFor();
    // follow from the keyboard
    await page.keyboard.press('f');
    await page.getByText('Volgers: Ilse Bakker').waitFor();
    await page.getByRole('button', { name: /Niet meer volgen/ }).waitFor();

    // split: choose the second message in the timeline
    await page.getByRole('button', { name: 'Splitsen' }).focus();
    await page.keyboard.press('Enter');
    const pick = page.getByRole('checkbox', { name: /Afsplitsen/ }).nth(1);
    await pick.focus();
    await page.keyboard.press('Space');
    await page.getByText('1 bericht gekozen').waitFor();
    await assertAccessible(page, 'case while choosing messages to split off');
    await page.getByLabel('Onderwerp van de nieuwe zaak').fill('Bewonersvergunning');
    await page.getByRole('button', { name: '1 bericht afsplitsen' }).click();
    await page.getByRole('heading', { name: /Bewonersvergunning/ }).waitFor();
    await page.getByText('Volgers: Ilse Bakker').waitFor();
    const [moved] = await db.query<{ ref: string; subject: string }>(
      'SELECT c.ref, c.subject FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id WHERE m.account_id = $1 AND m.id = $2', [accountId, second.message.id]);
    assert.equal(moved.subject, 'Bewonersvergunning');
    assert.notEqual(moved.ref, first.case.ref);

    // a colleague's view of the other case stays open while it is merged
    const watcher = await context.newPage();
    watch(watcher, problems);
    await watcher.goto(`${base}/app/cases/${other.case.ref}`);
    await watcher.getByRole('heading', { name: /Dubbel betaald/ }).waitFor();

    // merge: the other case of this customer goes into the first
    await page.goto(`${base}/app/cases/${first.case.ref}`);
    await page.getByRole('heading', { name: /Parkeerkosten te hoog/ }).waitFor();
    await page.getByText('Samenvoegen', { exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('radio', { name: new RegExp(`${other.case.ref} Dubbel betaald`) }).check();
    await page.getByRole('radio', { name: `Deze zaak (${first.case.ref})` }).check();
    await assertAccessible(page, 'case with the merge form open');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOTS}/case-merge.png` });
    await page.getByRole('button', { name: 'Samenvoegen', exact: true }).click();
    await page.getByText(`${other.case.ref} is samengevoegd met ${first.case.ref}.`).waitFor();
    await page.getByText('Ik heb ook twee keer betaald').waitFor();

    // live: the colleague sees where the merged case went, and follows the link
    await watcher.getByText('Deze zaak is samengevoegd met').waitFor();
    await assertAccessible(watcher, 'a merged case');
    await watcher.getByRole('status').getByRole('link', { name: new RegExp(`${first.case.ref} Parkeerkosten te hoog`) }).click();
    await watcher.getByRole('heading', { name: /Parkeerkosten te hoog/ }).waitFor();
    const [c] = await db.query<{ status: string; merged_into_id: string }>('SELECT status, merged_into_id FROM cases WHERE account_id = $1 AND id = $2', [accountId, other.case.id]);
    assert.deepEqual(c, { status: 'closed', merged_into_id: first.case.id });

    // the cases one follows have a queue of their own
    await page.goto(`${base}/app/?queue=following`);
    await page.getByRole('link', { name: 'Volg ik' }).waitFor();
    await page.getByText('Parkeerkosten te hoog').first().waitFor();
    await page.getByText('Bewonersvergunning').first().waitFor();
    await assertAccessible(page, 'the following queue');
    assert.deepEqual(problems, []);
  });
});
