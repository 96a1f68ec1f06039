import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { assignCase } from '../../src/cases/assign-case.ts';
import { loadCase } from '../../src/cases/store.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { createField } from '../../src/custom-fields/manage-fields.ts';
import { buildApp } from '../../src/http/app.ts';
import { createOrganisation } from '../../src/organisations/save-organisation.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, signIn, watch } from './browser.ts';

/** A company with its own domain, one of its people with a case, and two case fields (one needed to solve). */
async function seed(db: Db) {
  const created = await createAccount(db, { name: 'Glasvezel Klantenservice', adminEmail: uniqueEmail('admin'), adminPassword: PASSWORD });
  const accountId = created.account.account_id;
  const sys = systemActor(accountId);
  const piet = await createAgent(db, sys, { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent', password: PASSWORD });
  await createField(db, sys, { entity: 'case', key: 'oorzaak', label_nl: 'Oorzaak', label_en: 'Cause', type: 'one_of', options: ['storing', 'factuur', 'verhuizing'], required_on_solve: true });
  await createField(db, sys, { entity: 'case', key: 'bedrag', label_nl: 'Bedrag', label_en: 'Amount', type: 'number' });
  await createField(db, sys, { entity: 'organisation', key: 'kvk', label_nl: 'KvK-nummer', label_en: 'Chamber of Commerce no.', type: 'text' });
  await createField(db, sys, { entity: 'customer', key: 'klantnummer', label_nl: 'Klantnummer', label_en: 'Customer number', type: 'text' });
  const domain = `bakkerij-jansen-${process.pid}.nl`;
  const org = await createOrganisation(db, sys, { name: 'Bakkerij Jansen', segment: 'zakelijk', notes: 'Drie vestigingen in Utrecht', domains: [domain] });
  const c = await receiveMessage(db, sys, { customer: { email: `anna.visser@${domain}`, name: 'Anna Visser' }, subject: 'Factuur klopt niet', body: 'Op de factuur van december staat een bedrag dat ik niet herken.', channel: 'email' });
  await assignCase(db, sys, c.case.id, piet.id);
  return { accountId, piet, org, caseId: c.case.id, caseRef: c.case.ref };
}

const skip = chromiumMissing();

describe('organisations and custom fields in Chromium', { skip }, () => {
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
    browser = await launch();
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1360, height: 900 } });
    await signIn(context, base, data.piet.email);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('the organisation page lists its people and their cases; a case field is edited on the case, a wrong value named', async () => {
    const page: Page = await context.newPage();
    watch(page, problems);
    await page.goto(`${base}/app/organisations`);
    await page.getByRole('heading', { name: 'Organisaties', level: 1 }).waitFor();
    const link = page.getByRole('link', { name: 'Bakkerij Jansen' });
    await link.waitFor();
    await assertAccessible(page, 'organisations');

    // by keyboard: the link, Enter
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bakkerij Jansen', level: 1 }).waitFor();
    const people = page.locator('section', { has: page.getByRole('heading', { name: /Mensen/ }) });
    await people.getByText('Anna Visser').waitFor();
    const cases = page.locator('section', { has: page.getByRole('heading', { name: 'Hun zaken' }) });
    await cases.getByRole('link', { name: data.caseRef }).waitFor();
    assert.equal(await page.getByLabel('Notities').inputValue(), 'Drie vestigingen in Utrecht');
    await assertAccessible(page, 'organisation page');
    await page.screenshot({ path: `${SCREENSHOTS}/organisation.png`, fullPage: true });

    // a free-mail domain is refused with the server's reason
    await page.getByLabel('E-maildomeinen').fill('gmail.com');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').getByText(/gmail\.com/).waitFor();

    // to the case; its customer card links back to the organisation
    await cases.getByRole('link', { name: data.caseRef }).click();
    await page.getByRole('heading', { name: /Factuur klopt niet/ }).waitFor();
    await page.locator('.customer-organisation').getByRole('link', { name: 'Bakkerij Jansen' }).waitFor();
    const fields = page.locator('form.custom-fields[aria-labelledby^="case-"]');
    await fields.getByLabel(/Oorzaak/).selectOption('factuur');
    await fields.getByLabel('Bedrag').fill('veel');
    await fields.getByRole('button', { name: 'Velden opslaan' }).click();
    await page.getByRole('status').getByText(/"bedrag"/).waitFor();
    assert.deepEqual((await loadCase(db, data.accountId, data.caseId)).custom_fields, {}, 'nothing written');

    await fields.getByLabel('Bedrag').fill('12,50');
    await fields.getByLabel('Bedrag').press('Enter');
    await page.getByRole('status').getByText('Velden opgeslagen').waitFor();
    assert.deepEqual((await loadCase(db, data.accountId, data.caseId)).custom_fields, { oorzaak: 'factuur', bedrag: 12.5 });
    await assertAccessible(page, 'case with custom fields');
    await page.screenshot({ path: `${SCREENSHOTS}/case-fields.png`, fullPage: true });
    // the two refusals above, and nothing else
    assert.equal(problems.filter((x) => x.startsWith('400 ')).length, 2, problems.join('\n'));
    assert.deepEqual(problems.filter((x) => !x.startsWith('400 ')), []);
  });

  test('the organisation\'s segment, its own field and portal sharing are saved from its page; the customer card takes a tag and a field', async () => {
    const seen: string[] = [];
    const page: Page = await context.newPage();
    watch(page, seen);
    const org = async () => (await db.query<{ segment: string; custom_fields: Record<string, unknown>; portal_shares_cases: boolean }>(
      'SELECT segment, custom_fields, portal_shares_cases FROM organisations WHERE account_id = $1 AND id = $2', [data.accountId, data.org.id]))[0];
    assert.equal((await org()).portal_shares_cases, false);
    await page.goto(`${base}/app/organisations/${data.org.id}`);
    await page.getByRole('heading', { name: 'Bakkerij Jansen', level: 1 }).waitFor();
    // details by keyboard: segment, the sharing checkbox (space), Enter in the name saves the form
    await page.getByLabel('Segment').fill('mkb');
    await page.getByLabel(/Collega’s zien elkaars dossiers/).focus();
    await page.keyboard.press('Space');
    await page.getByLabel('Naam', { exact: true }).press('Enter');
    await page.getByRole('status').getByText('Opgeslagen').waitFor();
    // the organisation's own custom field
    const orgFields = page.locator('form.custom-fields[aria-labelledby^="organisation-"]');
    await orgFields.getByLabel('KvK-nummer').fill('30123456');
    await orgFields.getByLabel('KvK-nummer').press('Enter');
    await page.getByRole('status').getByText('Velden opgeslagen').waitFor();
    const after = await org();
    assert.equal(after.segment, 'mkb');
    assert.equal(after.portal_shares_cases, true);
    assert.deepEqual(after.custom_fields, { kvk: '30123456' });
    await assertAccessible(page, 'organisation page after saving');

    // the customer card on the case: a tag and the customer's own field, by keyboard
    await page.goto(`${base}/app/cases/${data.caseRef}`);
    await page.getByRole('heading', { name: /Factuur klopt niet/ }).waitFor();
    const tagInput = page.locator('#customer-tags-add');
    await tagInput.fill('Zakelijk Klant');
    await tagInput.press('Enter');
    await page.getByRole('status').getByText('Label toegevoegd').waitFor();
    await page.getByRole('group', { name: /Labels/ }).filter({ has: page.locator('#customer-tags-add') }).getByText('zakelijk-klant').waitFor();
    const custFields = page.locator('form.custom-fields[aria-labelledby^="customer-"]');
    await custFields.getByLabel('Klantnummer').fill('K-4711');
    await custFields.getByLabel('Klantnummer').press('Enter');
    await page.getByRole('status').getByText('Velden opgeslagen').waitFor();
    const cust = (await db.query<{ id: string; custom_fields: Record<string, unknown> }>(
      'SELECT c.id, c.custom_fields FROM customers c JOIN cases k ON k.account_id = c.account_id AND k.customer_id = c.id WHERE k.account_id = $1 AND k.id = $2', [data.accountId, data.caseId]))[0];
    const tags = await db.query<{ tag: string }>('SELECT tag FROM customer_tags WHERE account_id = $1 AND customer_id = $2', [data.accountId, cust.id]);
    assert.deepEqual(tags.map((x) => x.tag), ['zakelijk-klant']);
    assert.deepEqual(cust.custom_fields, { klantnummer: 'K-4711' });
    await assertAccessible(page, 'customer card with a tag and a field');
    assert.deepEqual(seen, []);
  });
});
