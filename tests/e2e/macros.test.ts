import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createTeam } from '../../src/accounts/create-team.ts';
import { assignCase } from '../../src/cases/assign-case.ts';
import { getCase } from '../../src/cases/get-case.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { buildApp } from '../../src/http/app.ts';
import { createMacro } from '../../src/macros/manage-macros.ts';
import { createTemplate } from '../../src/replies/manage-templates.ts';
import { type Actor, systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { changeCaseTags } from '../../src/tags/change-case-tags.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, signIn, watch } from './browser.ts';

/** A supervisor's shared macro, applied by an agent from the keyboard on a case: preview, apply, the reply in the composer. */
async function seed(db: Db) {
  const created = await createAccount(db, { name: 'Parkeren Klantenservice', adminEmail: uniqueEmail('admin'), adminPassword: PASSWORD });
  const accountId = created.account.account_id;
  const sys = systemActor(accountId);
  const mila = await createAgent(db, sys, { email: uniqueEmail('mila'), name: 'Mila Jansen', role: 'supervisor', password: PASSWORD });
  const piet = await createAgent(db, sys, { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent', password: PASSWORD });
  const milaActor: Actor = { accountId, type: 'agent', id: mila.id, role: 'supervisor', agentId: mila.id };
  const team = await createTeam(db, sys, { name: 'Betalingen' });
  const template = await createTemplate(db, milaActor, {
    name: 'Terugstorting',
    body: 'Beste {{customer.first_name}},\n\nHet spijt me dat u twee keer heeft betaald. Ik heb de tweede betaling vandaag teruggestort; uiterlijk vrijdag staat het op uw rekening.\n\nMet vriendelijke groet,\n{{agent.name}}',
  });
  await createMacro(db, milaActor, {
    name: 'Dubbel betaald', shared: true,
    actions: { status: 'pending_customer', priority: 'high', team_id: team.id, tags_add: ['terugbetaling'], tags_remove: ['nieuw'], note: 'Tweede betaling teruggestort.', template_id: template.id },
  });
  const c = await receiveMessage(db, sys, { customer: { email: 'anna.visser@example.nl', name: 'Anna Visser' }, subject: 'Twee keer betaald', body: 'De app heeft mijn parkeersessie twee keer afgeschreven.', channel: 'email' });
  await assignCase(db, sys, c.case.id, piet.id);
  await changeCaseTags(db, sys, c.case.id, { add: ['nieuw'] });
  return { accountId, piet, caseId: c.case.id, caseRef: c.case.ref };
}

const skip = chromiumMissing();

describe('macros in Chromium', { skip }, () => {
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

  test('an agent applies a shared macro by keyboard: m, choose, see the preview, Enter; the reply waits in the composer', async () => {
    const page: Page = await context.newPage();
    watch(page, problems);
    await page.goto(`${base}/app/cases/${data.caseRef}`);
    await page.getByRole('heading', { name: /Twee keer betaald/ }).waitFor();
    await page.getByRole('group', { name: 'Labels' }).first().getByText('nieuw').waitFor();

    await page.keyboard.press('m');
    const choice = page.getByLabel('Kies een macro');
    await choice.waitFor();
    assert.ok(await choice.evaluate((el) => el === document.activeElement), 'm puts the focus on the macro choice');
    await page.getByRole('option', { name: /Dubbel betaald/ }).waitFor({ state: 'attached' });
    await page.keyboard.press('ArrowDown');
    const preview = page.locator('.macro-preview');
    await preview.getByText('Status: van Open naar Wacht op klant', { exact: false }).or(preview.getByText(/Status: van/)).first().waitFor();
    const text = await preview.innerText();
    assert.match(text, /Prioriteit: van Normaal naar Hoog/i);
    assert.match(text, /Team: van — naar Betalingen/);
    assert.match(text, /Labels: van nieuw naar terugbetaling/);
    assert.match(text, /Interne notitie: Tweede betaling teruggestort\./);
    assert.match(text, /Beste Anna,/);
    await assertAccessible(page, 'case with the macro preview');
    await page.screenshot({ path: `${SCREENSHOTS}/macro-preview.png`, fullPage: true });

    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Toepassen');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Macro “Dubbel betaald” toegepast').waitFor();
    const composer = page.locator('textarea').first();
    await page.waitForFunction(() => /Beste Anna,/.test((document.querySelector('textarea') as HTMLTextAreaElement | null)?.value ?? ''));
    assert.match(await composer.inputValue(), /Piet de Jong$/);

    const after = await getCase(db, data.accountId, data.caseId);
    assert.equal(after.status, 'pending_customer');
    assert.equal(after.priority, 'high');
    assert.deepEqual(after.tags, ['terugbetaling']);
    assert.ok(after.timeline.some((e) => e.kind === 'message' && e.type === 'note' && e.body === 'Tweede betaling teruggestort.'));
    assert.ok(!after.timeline.some((e) => e.kind === 'message' && e.type === 'outbound'), 'the reply is not sent');
    await page.getByRole('group', { name: 'Labels' }).first().getByText('terugbetaling').waitFor();

    // a tag by keyboard on the case
    await page.getByLabel('Label toevoegen').first().focus();
    await page.keyboard.type('Terugbellen');
    await page.keyboard.press('Enter');
    await page.getByRole('group', { name: 'Labels' }).first().getByText('terugbellen').waitFor();
    await assertAccessible(page, 'case after the macro');

    // the macros screen
    await page.goto(`${base}/app/macros`);
    await page.getByRole('heading', { name: 'Macro’s', level: 1 }).waitFor();
    await page.locator('tr', { hasText: 'Dubbel betaald' }).waitFor();
    await assertAccessible(page, 'macros screen');

    // the inbox filtered by a tag: the case with its tags
    await page.goto(`${base}/app/`);
    await page.getByLabel('Label', { exact: true }).fill('terugbetaling');
    await page.keyboard.press('Enter');
    await page.waitForURL(/tag=terugbetaling/);
    const row = page.locator('tr', { hasText: data.caseRef });
    await row.waitFor();
    assert.match(await row.innerText(), /terugbetaling/);
    await page.getByLabel('Label', { exact: true }).fill('bestaat-niet');
    await page.keyboard.press('Enter');
    await row.waitFor({ state: 'detached' });
    await assertAccessible(page, 'inbox filtered by a tag');
    assert.deepEqual(problems, []);
  });
});
