import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createTeam } from '../../src/accounts/create-team.ts';
import { createField } from '../../src/custom-fields/manage-fields.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { updateCase } from '../../src/cases/update-case.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, signedInPage, signIn } from './browser.ts';

/** An admin sets up routing rules and service levels on custom fields, an inbox's sender name and signature, and a macro that fills fields. */
async function seed(db: Db) {
  const adminEmail = uniqueEmail('admin');
  const created = await createAccount(db, { name: 'Glasvezel Klantenservice', adminEmail, adminPassword: PASSWORD });
  const accountId = created.account.account_id;
  const sys = systemActor(accountId);
  await createTeam(db, sys, { name: 'Zakelijk' });
  await createField(db, sys, { entity: 'case', key: 'contract', label_nl: 'Contract', label_en: 'Contract', type: 'one_of', options: ['basis', 'zakelijk'] });
  await createField(db, sys, { entity: 'case', key: 'bedrag', label_nl: 'Bedrag', label_en: 'Amount', type: 'number' });
  await createField(db, sys, { entity: 'customer', key: 'vip', label_nl: 'VIP', label_en: 'VIP', type: 'yes_no' });
  const cases: string[] = [];
  for (const [name, contract] of [['Bakkerij Smit', 'zakelijk'], ['Henk Visser', 'basis']] as const) {
    const c = await receiveMessage(db, sys, { customer: { email: uniqueEmail('klant'), name }, subject: `Storing bij ${name}`, body: 'Het internet valt steeds weg.', channel: 'email' });
    await updateCase(db, sys, c.case.id, { custom_fields: { contract } });
    cases.push(c.case.ref);
  }
  const address = uniqueEmail('support').replace('@example.test', '@glasvezel.example');
  await createInbox(db, sys, { address, name: 'Klantenservice' });
  return { accountId, adminEmail, address, cases };
}

const skip = chromiumMissing();

describe('custom fields in routing, service levels, macros; inbox signatures, in Chromium', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let base: string;
  let data: Awaited<ReturnType<typeof seed>>;
  let page: Page;
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
    ({ page } = await signedInPage(browser, base, data.adminEmail, problems));
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('routing rule and service level on a field, from the settings; a wrong value is the server\'s message and nothing is saved', async () => {
    await page.goto(`${base}/app/settings`);
    await page.getByRole('link', { name: 'Routering en serviceniveaus' }).click();
    await page.getByRole('heading', { name: 'Routering en serviceniveaus', level: 1 }).waitFor();

    const ruleForm = page.locator('form', { has: page.getByRole('heading', { name: 'Nieuwe routeringsregel' }) });
    await ruleForm.getByLabel('Naam', { exact: true }).fill('Zakelijke klanten');
    await ruleForm.getByLabel('Veld', { exact: true }).selectOption({ label: 'Bedrag' });
    await ruleForm.getByLabel('Waarde', { exact: true }).fill('tien');
    await ruleForm.getByLabel('Naar team').selectOption({ label: 'Zakelijk' });
    await ruleForm.getByRole('button', { name: 'Regel opslaan' }).click();
    await page.getByRole('status').getByText(/Bedrag|bedrag/).waitFor();
    assert.equal((await db.query('SELECT 1 FROM routing_rules WHERE account_id = $1', [data.accountId])).length, 0, 'nothing saved');

    // by keyboard: the field, its value, the team
    await ruleForm.getByLabel('Veld', { exact: true }).focus();
    await ruleForm.getByLabel('Veld', { exact: true }).selectOption({ label: 'Contract' });
    await ruleForm.getByLabel('Waarde', { exact: true }).selectOption('zakelijk');
    await ruleForm.getByRole('button', { name: 'Regel opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Routeringsregel opgeslagen').waitFor();
    const row = page.locator('tr', { hasText: 'Zakelijke klanten' });
    await row.waitFor();
    assert.match(await row.innerText(), /Zaak · Contract is zakelijk/);
    assert.match(await row.innerText(), /naar team Zakelijk/);

    const levelForm = page.locator('form', { has: page.getByRole('heading', { name: 'Nieuw serviceniveau' }) });
    await levelForm.getByLabel('Naam', { exact: true }).fill('VIP binnen het uur');
    await levelForm.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    const first = levelForm.getByRole('group', { name: 'Voorwaarde 1' });
    await first.getByLabel('Veld', { exact: true }).selectOption({ label: 'VIP' });
    await first.getByLabel('Waarde', { exact: true }).selectOption('yes');
    // "is ingevuld": any value, so no value to give
    await levelForm.getByRole('button', { name: 'Voorwaarde toevoegen' }).click();
    const second = levelForm.getByRole('group', { name: 'Voorwaarde 2' });
    await second.getByLabel('Veld', { exact: true }).selectOption({ label: 'Bedrag' });
    await second.getByLabel('Vergelijking').focus();
    await second.getByLabel('Vergelijking').selectOption({ label: 'is ingevuld' });
    assert.equal(await second.getByLabel('Waarde', { exact: true }).count(), 0, 'no value asked');
    await levelForm.getByLabel('Eerste reactie binnen (werkminuten)').fill('60');
    await levelForm.getByRole('button', { name: 'Serviceniveau opslaan' }).click();
    await page.getByRole('status').getByText('Serviceniveau opgeslagen').waitFor();
    const level = page.locator('tr', { hasText: 'VIP binnen het uur' });
    await level.waitFor();
    assert.match(await level.innerText(), /Klant · VIP is Ja en Zaak · Bedrag is ingevuld/);
    const [saved] = await db.query<{ field_conditions: unknown }>(`SELECT field_conditions FROM sla_policies WHERE account_id = $1 AND name = 'VIP binnen het uur'`, [data.accountId]);
    assert.deepEqual(saved.field_conditions, [{ entity: 'customer', key: 'vip', op: 'equals', value: true }, { entity: 'case', key: 'bedrag', op: 'is_set', value: null }]);
    assert.match(await level.innerText(), /eerste reactie 60 min/);
    await assertAccessible(page, 'routing rules and service levels');
    await page.screenshot({ path: `${SCREENSHOTS}/service-rules.png`, fullPage: true });
  });

  test('an inbox\'s sender name and Dutch and English signatures', async () => {
    await page.goto(`${base}/app/inboxes`);
    await page.getByRole('heading', { name: 'E-mailinboxen', level: 1 }).waitFor();
    const form = page.locator('form', { has: page.getByRole('heading', { name: data.address }) });
    await form.getByLabel('Afzendernaam').fill('Klantenservice Glasvezel');
    await form.getByLabel('Ondertekening (Nederlands)').fill('Team Glasvezel\nBereikbaar op werkdagen 8–20 uur');
    await form.getByLabel('Ondertekening (Engels en andere talen)').fill('Fibre team\nOpen weekdays 8 am–8 pm');
    await form.getByText('Klanten zien: Klantenservice Glasvezel').waitFor();
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').getByText(`${data.address} opgeslagen`).waitFor();
    const [row] = await db.query<{ name: string; signature_nl: string; signature_en: string }>('SELECT name, signature_nl, signature_en FROM inboxes WHERE account_id = $1', [data.accountId]);
    assert.deepEqual(row, { name: 'Klantenservice Glasvezel', signature_nl: 'Team Glasvezel\nBereikbaar op werkdagen 8–20 uur', signature_en: 'Fibre team\nOpen weekdays 8 am–8 pm' });
    // the form shows what was saved (not what it held before the save)
    assert.equal(await form.getByLabel('Ondertekening (Nederlands)').inputValue(), 'Team Glasvezel\nBereikbaar op werkdagen 8–20 uur');
    assert.equal(await form.getByLabel('Afzendernaam').inputValue(), 'Klantenservice Glasvezel');
    await assertAccessible(page, 'inbox senders');
    await page.screenshot({ path: `${SCREENSHOTS}/inbox-signatures.png`, fullPage: true });
  });

  test('the account\'s default sender name and signature, used by an inbox that leaves its own empty (nl, by keyboard; en)', async () => {
    await page.goto(`${base}/app/inboxes`);
    const defaults = page.locator('form', { has: page.getByRole('heading', { name: 'Standaard voor inboxen zonder eigen' }) });
    await defaults.getByLabel('Standaard-afzendernaam').fill('Glasvezel');
    await defaults.getByLabel('Standaardondertekening (Nederlands)').fill('Glasvezel BV\nBel 020 123 4567');
    await defaults.getByRole('button', { name: 'Standaard opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Standaard opgeslagen').waitFor();
    const [saved] = await db.query<{ sender_name: string; signature_nl: string }>('SELECT sender_name, signature_nl FROM mail_defaults WHERE account_id = $1', [data.accountId]);
    assert.deepEqual(saved, { sender_name: 'Glasvezel', signature_nl: 'Glasvezel BV\nBel 020 123 4567' });

    // the inbox's own name and signatures emptied: customers see the default
    const form = page.locator('form', { has: page.getByRole('heading', { name: data.address }) });
    await form.getByLabel('Afzendernaam').fill('');
    await form.getByLabel('Ondertekening (Nederlands)').fill('');
    await form.getByLabel('Ondertekening (Engels en andere talen)').fill('');
    await form.getByText('Klanten zien: Glasvezel').waitFor();
    await form.getByText('Deze inbox heeft geen eigen ondertekening en gebruikt de standaard.').waitFor();
    assert.match(await form.locator('figure').innerText(), /Glasvezel BV\nBel 020 123 4567/);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('status').getByText(`${data.address} opgeslagen`).waitFor();
    const [row] = await db.query<{ name: string; signature_nl: string }>('SELECT name, signature_nl FROM inboxes WHERE account_id = $1', [data.accountId]);
    assert.deepEqual(row, { name: '', signature_nl: '' });
    await assertAccessible(page, 'mail defaults (nl)');

    const en = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
    await signIn(en, base, data.adminEmail);
    const enPage = await en.newPage();
    await enPage.goto(`${base}/app/inboxes`);
    const enDefaults = enPage.locator('form', { has: enPage.getByRole('heading', { name: 'Default for inboxes without their own' }) });
    assert.equal(await enDefaults.getByLabel('Default sender name').inputValue(), 'Glasvezel');
    await enPage.getByText('Customers see: Glasvezel').waitFor();
    await assertAccessible(enPage, 'mail defaults (en)');
    await en.close();
  });

  test('custom fields defined from the settings: the list per kind, a new one, a refusal from the server', async () => {
    await page.goto(`${base}/app/settings`);
    await page.getByRole('link', { name: 'Eigen velden' }).click();
    await page.getByRole('heading', { name: 'Eigen velden', level: 1 }).waitFor();
    // the heading comes before the list: wait for the list itself (read at once, it was empty now and then)
    const caseFields = page.locator('section', { has: page.getByRole('heading', { name: 'Zaak' }) });
    await caseFields.getByText('basis, zakelijk').waitFor();
    assert.match(await caseFields.innerText(), /Contract[\s\S]*contract[\s\S]*Eén uit een lijst[\s\S]*basis, zakelijk/);
    const form = page.locator('form', { has: page.getByRole('heading', { name: 'Nieuw veld' }) });
    await form.getByLabel('Op', { exact: true }).selectOption('customer');
    await form.getByLabel('Sleutel').fill('klantnummer');
    await form.getByLabel('Naam (Nederlands)').fill('Klantnummer');
    await form.getByLabel('Naam (Engels)').fill('Customer number');
    await form.getByRole('button', { name: 'Veld opslaan' }).click();
    await page.getByRole('status').getByText('Veld opgeslagen').waitFor();
    await page.locator('section', { has: page.getByRole('heading', { name: 'Klant' }) }).getByText('klantnummer', { exact: true }).waitFor();
    // a key in use: the server's message, nothing new
    await form.getByLabel('Sleutel').fill('contract');
    await form.getByLabel('Naam (Nederlands)').fill('Nog een contract');
    await form.getByRole('button', { name: 'Veld opslaan' }).click();
    await page.getByRole('status').getByText(/already exists/).waitFor();
    assert.equal((await db.query('SELECT 1 FROM custom_fields WHERE account_id = $1', [data.accountId])).length, 4);
    await assertAccessible(page, 'custom fields');
  });

  test('the inbox filtered by a custom field', async () => {
    await page.goto(`${base}/app/`);
    await page.locator('tr', { hasText: data.cases[1] }).waitFor();
    await page.getByLabel('Veld', { exact: true }).selectOption({ label: 'Contract' });
    await page.getByLabel('Waarde', { exact: true }).selectOption('zakelijk');
    await page.waitForURL(/field\.contract=zakelijk/);
    await page.locator('tr', { hasText: data.cases[1] }).waitFor({ state: 'detached' });
    await page.locator('tr', { hasText: data.cases[0] }).waitFor();
    await assertAccessible(page, 'inbox filtered by a field');
    await page.getByRole('button', { name: 'Veldfilter wissen' }).click();
    await page.locator('tr', { hasText: data.cases[1] }).waitFor();
  });

  test('a macro that sets the tier and a custom field', async () => {
    await page.goto(`${base}/app/macros`);
    await page.getByRole('heading', { name: 'Macro’s', level: 1 }).waitFor();
    await page.getByLabel('Naam', { exact: true }).fill('Zakelijk contract');
    await page.getByLabel('Niveau zetten').selectOption('L2');
    await page.getByRole('group', { name: 'Velden van de zaak zetten' }).getByLabel('Contract').selectOption('zakelijk');
    await page.getByRole('button', { name: 'Macro opslaan' }).click();
    await page.getByRole('status').getByText('Macro opgeslagen').waitFor();
    const row = page.locator('tr', { hasText: 'Zakelijk contract' });
    await row.waitFor();
    assert.match(await row.innerText(), /Niveau: L2/);
    assert.match(await row.innerText(), /Contract: zakelijk/);
    await assertAccessible(page, 'macros with fields');

    // on a case: the preview names the field change, by keyboard; applied, the field is set
    await page.goto(`${base}/app/cases/${data.cases[1]}`);
    await page.getByRole('heading', { name: /Storing bij Henk Visser/ }).waitFor();
    await page.keyboard.press('m');
    await page.getByLabel('Kies een macro').waitFor();
    await page.getByRole('option', { name: /Zakelijk contract/ }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    const preview = page.locator('.macro-preview');
    await preview.getByText(/Contract: van basis naar zakelijk/).waitFor();
    await assertAccessible(page, 'macro preview with a field');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(/Zakelijk contract/).first().waitFor();
    const [c] = await db.query<{ custom_fields: Record<string, unknown>; tier: string }>('SELECT custom_fields, tier FROM cases WHERE account_id = $1 AND ref = $2', [data.accountId, data.cases[1]]);
    assert.equal(c.custom_fields.contract, 'zakelijk');
    assert.equal(c.tier, 'L2');
    // the refusals above (a number field given "tien", a field key in use) are the only failed calls
    assert.deepEqual(problems.filter((p) => !/^(400 .*\/api\/v1\/routing\/rules|409 .*\/api\/v1\/custom-fields)$/.test(p)), []);
  });
});
