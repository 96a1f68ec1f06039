import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { buildApp } from '../../src/http/app.ts';
import { ANALYSE_JOB, analyseStoredMessage } from '../../src/listening/analyse-stored-message.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import type { JobRow } from '../../src/storage/jobs.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { PASSWORD, SCREENSHOTS, assertAccessible, buildWorkspace, chromiumMissing, launch, signIn, signedInPage, watch } from './browser.ts';

/**
 * Customer rights in Chromium (issue 18): the preferences on the customer card with the sentence
 * that set them and the agent's undo, export and erasure (admin, reason, second confirmation),
 * and the retention screen (admin only: rules, preview, switch on, run, the log), by keyboard
 * where a person would, Dutch and English, axe on every state.
 */
const skip = chromiumMissing();

describe('customer rights and retention in Chromium', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accountId: string;
  let adminEmail: string;
  let agentEmail: string;
  let optOutRef: string;
  let oldRef: string;
  const problems: string[] = [];

  before(async () => {
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await testDb();
    adminEmail = uniqueEmail('ilse');
    const created = await createAccount(db, { name: 'Kabel Utrecht', adminEmail, adminPassword: PASSWORD, adminName: 'Ilse Bakker' });
    accountId = created.account.account_id;
    const actor = systemActor(accountId);
    agentEmail = uniqueEmail('piet');
    await createAgent(db, actor, { email: agentEmail, name: 'Piet de Jong', role: 'agent', password: PASSWORD });
    const optOut = await receiveMessage(db, actor, {
      customer: { email: uniqueEmail('bram'), name: 'Bram Peters' }, subject: 'Mijn abonnement', channel: 'email',
      body: 'Mijn internet werkt weer, dank u. Ik heb geen interesse in een nieuw pakket, bel me niet meer.',
    });
    const old = await receiveMessage(db, actor, { customer: { email: uniqueEmail('oud'), name: 'Oud Klant' }, subject: 'Oude vraag', channel: 'email', body: 'Een vraag van lang geleden.' });
    const jobs = await db.query<JobRow>('SELECT * FROM jobs WHERE account_id = $1 AND kind = $2', [accountId, ANALYSE_JOB]);
    for (const job of jobs) await analyseStoredMessage(db, job);
    // the old case was closed three years ago
    await db.query(`UPDATE cases SET status = 'closed', owner_id = $3, closed_at = now() - interval '36 months', solved_at = now() - interval '36 months' WHERE account_id = $1 AND id = $2`,
      [accountId, old.case.id, created.admin.id]);
    // an open refund on their case: erasure warns and asks for an explicit override
    await db.query(`INSERT INTO refunds (account_id, case_id, customer_id, amount_cents, currency, reason, destination, state) VALUES ($1, $2, $3, 1250, 'EUR', 'Dubbel betaald', 'original_payment', 'requested')`,
      [accountId, optOut.case.id, optOut.case.customer_id]);
    optOutRef = optOut.case.ref;
    oldRef = old.case.ref;
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

  test('the customer card: the opt-out with its sentence, the agent\'s undo, export and erasure', async () => {
    await page.goto(`${base}/app/cases/${encodeURIComponent(optOutRef)}`);
    const prefs = page.getByRole('group', { name: 'Contactvoorkeuren' });
    await prefs.waitFor();
    const sales = prefs.getByTestId('pref-sales');
    assert.match(await sales.innerText(), /niet meer[\s\S]*gezegd door de klant in een bericht/);
    await sales.locator('blockquote').getByText(/bel me niet meer/).waitFor();
    await assertAccessible(page, 'customer card with an opt-out');
    await page.screenshot({ path: `${SCREENSHOTS}/customer-rights.png`, fullPage: true });

    // the agent undoes it (a wrongly read opt-out), by keyboard
    await sales.getByRole('button', { name: 'Aanbiedingen en verkoop: weer toestaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Voorkeur opgeslagen: weer toegestaan.').waitFor();
    await sales.getByText('ingesteld door een medewerker').waitFor();

    // the export is a ZIP, for this customer
    const gdpr = page.getByRole('group', { name: 'Gegevens van de klant (AVG)' });
    const href = await gdpr.getByRole('link', { name: 'Alle gegevens downloaden (ZIP)' }).getAttribute('href');
    const zip = await context.request.get(`${base}${href}`);
    assert.equal(zip.status(), 200);
    assert.equal((await zip.body()).subarray(0, 2).toString(), 'PK');

    // erasure: a reason and a second confirmation before the button works
    await gdpr.getByRole('button', { name: 'Klant wissen…' }).click();
    const eraseNow = gdpr.getByRole('button', { name: 'Definitief wissen' });
    assert.equal(await eraseNow.isDisabled(), true);
    await gdpr.getByLabel(/^Reden/).fill('Verzoek van de klant per brief');
    assert.equal(await eraseNow.isDisabled(), true, 'the reason alone is not enough');
    await gdpr.getByLabel('Ik begrijp dat dit niet ongedaan kan worden.').check();
    await assertAccessible(page, 'erasure confirmation');
    await eraseNow.click();
    // the open refund: a warning that names it, and the confirmation must be given again
    const override = gdpr.getByLabel(/0 open beloftes en 1 open terugbetaling\. Toch wissen/);
    await override.waitFor();
    assert.equal(await override.isChecked(), false);
    assert.equal(await eraseNow.isDisabled(), true, 'the first confirmation does not cover the override');
    const [still] = await db.query<{ erased_at: Date | null }>('SELECT erased_at FROM customers WHERE account_id = $1 AND id = (SELECT customer_id FROM cases WHERE account_id = $1 AND ref = $2)', [accountId, optOutRef]);
    assert.equal(still.erased_at, null, 'nothing erased without the override');
    await override.check();
    await assertAccessible(page, 'erasure override');
    await eraseNow.click();
    await page.getByText('De klant is gewist.').waitFor();
    const [refund] = await db.query<{ state: string }>('SELECT state FROM refunds WHERE account_id = $1', [accountId]);
    assert.equal(refund.state, 'rejected', 'the open refund lapsed with the erasure');
    // the refused first attempt was the expected 409
    const refusals = problems.filter((p) => /^409 .*\/erase$/.test(p));
    assert.equal(refusals.length, 1, problems.join('\n'));
    problems.splice(0, problems.length, ...problems.filter((p) => !refusals.includes(p)));
    const [c] = await db.query<{ erased_at: Date | null; name: string | null }>(
      'SELECT erased_at, name FROM customers WHERE account_id = $1 AND id = (SELECT customer_id FROM cases WHERE account_id = $1 AND ref = $2)', [accountId, optOutRef]);
    assert.ok(c.erased_at);
    assert.notEqual(c.name, 'Bram Peters');
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });

  test('retention: set the rules, preview what would go, switch them on, run, and see the log', async () => {
    await page.goto(`${base}/app/`);
    // settings that are set up once live behind Instellingen (g s), out of the daily top bar
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).waitFor();
    await page.keyboard.press('g');
    await page.keyboard.press('s');
    await page.getByRole('heading', { name: 'Instellingen', level: 1 }).waitFor();
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).getAttribute('aria-current'), 'page');
    await assertAccessible(page, 'settings index (admin)');
    await page.getByRole('main').getByRole('link', { name: 'Bewaartermijnen' }).click();
    await page.getByRole('heading', { name: 'Bewaartermijnen', level: 1 }).waitFor();
    await page.getByText('Nog geen runs.').waitFor();
    await assertAccessible(page, 'retention, empty');

    // by keyboard: type the term, Enter saves
    await page.getByLabel('Gesloten zaken anonimiseren na (maanden)').fill('24');
    await page.keyboard.press('Enter');
    await page.getByText('Regels opgeslagen.').waitFor();
    const rules = await (await context.request.get(`${base}/api/v1/settings/retention`)).json();
    assert.deepEqual(rules, { enabled: false, anonymise_closed_cases_after_months: 24, delete_attachments_after_months: null });
    // switching on needs a preview first: there is no button for it yet
    assert.equal(await page.getByRole('button', { name: 'Regels aanzetten' }).count(), 0);
    await page.getByRole('button', { name: 'Bekijk wat er nu zou gaan' }).focus();
    await page.keyboard.press('Enter');
    const preview = page.getByRole('region', { name: 'Wat er nu zou gaan' });
    await preview.getByText('1 gesloten zaak wordt geanonimiseerd').waitFor();
    await preview.getByText(oldRef, { exact: false }).waitFor();
    const [still] = await db.query<{ subject: string }>('SELECT subject FROM cases WHERE account_id = $1 AND ref = $2', [accountId, oldRef]);
    assert.equal(still.subject, 'Oude vraag', 'a preview changes nothing');
    await assertAccessible(page, 'retention preview');

    await preview.getByRole('button', { name: 'Regels aanzetten' }).click();
    await page.getByText('De regels staan aan.').waitFor();
    await page.getByRole('button', { name: 'Bekijk wat er nu zou gaan' }).click();
    await preview.getByRole('button', { name: 'Nu uitvoeren…' }).click();
    await preview.getByText('Dit verwijdert de gegevens hierboven en kan niet ongedaan worden gemaakt.').waitFor();
    await assertAccessible(page, 'retention run confirmation');
    await preview.getByRole('button', { name: 'Definitief uitvoeren' }).click();
    await page.getByText('Uitgevoerd. Zaken geanonimiseerd: 1; bijlagen verwijderd: 0.').waitFor();
    const log = page.getByRole('region', { name: 'Eerdere runs' });
    assert.match(await log.locator('tbody tr').first().innerText(), /\s1\s+\d+\s+0$/);
    const [gone] = await db.query<{ subject: string }>('SELECT subject FROM cases WHERE account_id = $1 AND ref = $2', [accountId, oldRef]);
    assert.notEqual(gone.subject, 'Oude vraag');
    await assertAccessible(page, 'retention after a run');
    await page.screenshot({ path: `${SCREENSHOTS}/retention.png`, fullPage: true });
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });

  test('retention is for admins: an agent has no link and the screen says so; English for an English browser', async () => {
    const agent = await browser.newContext({ locale: 'nl-NL' });
    try {
      await signIn(agent, base, agentEmail);
      const p = await agent.newPage();
      watch(p, problems);
      await p.goto(`${base}/app/`);
      await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inbox' }).waitFor();
      await p.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
      await p.getByRole('heading', { name: 'Instellingen', level: 1 }).waitFor();
      assert.equal(await p.getByRole('link', { name: 'Bewaartermijnen' }).count(), 0, 'an agent is not offered the retention settings');
      assert.equal(await p.getByRole('link', { name: 'Beveiliging' }).count(), 1, 'everyone sets up their own sign-in');
      await p.goto(`${base}/app/retention`);
      await p.getByText('Alleen beheerders stellen bewaartermijnen in.').waitFor();
      assert.equal((await agent.request.post(`${base}/api/v1/retention/run`, { data: {} })).status(), 403);
    } finally {
      await agent.close();
    }
    const en = await browser.newContext({ locale: 'en-GB' });
    try {
      await signIn(en, base, adminEmail);
      const p = await en.newPage();
      watch(p, problems);
      await p.goto(`${base}/app/retention`);
      await p.getByRole('heading', { name: 'Retention', level: 1 }).waitFor();
      await p.getByLabel('Anonymise closed cases after (months)').waitFor();
      await p.getByRole('region', { name: 'Earlier runs' }).getByRole('table').waitFor();
      await p.getByRole('button', { name: 'See what would go now' }).click();
      await p.getByRole('region', { name: 'What would go now' }).getByText('0 closed cases are anonymised').waitFor();
      await assertAccessible(p, 'retention, English');
    } finally {
      await en.close();
    }
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });
});
