import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { assignCase } from '../../src/cases/assign-case.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { buildApp } from '../../src/http/app.ts';
import { type Actor, systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { requestRefund } from '../../src/refunds/request-refund.ts';
import { importLedger } from '../../src/refunds/import-ledger.ts';
import { detectFindings } from '../../src/refunds/detect-findings.ts';
import { updateRefundSettings } from '../../src/refunds/settings.ts';
import { createCustomer } from '../../src/customers/create-customer.ts';
import { recordCancellation } from '../../src/refunds/cancellations.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, signIn, watch } from './browser.ts';

/**
 * The refunds queue in Chromium: a supervisor approves a large refund an agent asked for, refunds a
 * double charge found in the ledger and a charge after a cancellation (found by the customer's number
 * at billing), and makes the SEPA file; the case shows its refunds. Keyboard
 * and axe on each screen.
 */
async function seed(db: Db) {
  const created = await createAccount(db, { name: 'Sportschool Fit', adminEmail: uniqueEmail('admin'), adminPassword: PASSWORD });
  const accountId = created.account.account_id;
  const sys = systemActor(accountId);
  const mila = await createAgent(db, sys, { email: uniqueEmail('mila'), name: 'Mila Jansen', role: 'supervisor', password: PASSWORD });
  const piet = await createAgent(db, sys, { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent', password: PASSWORD });
  const pietActor: Actor = { accountId, type: 'agent', id: piet.id, role: 'agent', agentId: piet.id };
  const gym = await receiveMessage(db, sys, { customer: { email: 'anna.visser@example.nl', name: 'Anna Visser' }, subject: 'Jaarabonnement na opzegging', body: 'Ik had opgezegd en toch is het jaarabonnement van € 89 afgeschreven.', channel: 'email' });
  await assignCase(db, sys, gym.case.id, piet.id);
  await requestRefund(db, pietActor, { caseId: gym.case.id, amountCents: 8900, currency: 'EUR', reason: 'jaarabonnement na opzegging', destination: 'iban', iban: 'NL44RABO0123456789', accountHolder: 'A. Visser' });
  // Bram has not written: his double charge is found in the ledger
  await receiveMessage(db, sys, { customer: { email: 'bram.dekker@example.nl', name: 'Bram Dekker' }, subject: 'Rooster', body: 'Hoe laat opent de zaal op zondag?', channel: 'email' });
  // Cas is known to billing by his customer number; he cancelled in November and was charged in December
  const cas = await createCustomer(db, sys, { name: 'Cas Mulder', identities: [{ kind: 'email', value: 'cas.mulder@example.nl' }, { kind: 'external', value: 'K-000042' }] });
  await recordCancellation(db, sys, cas.id, { cancelled_at: new Date('2026-11-20T12:00:00+01:00') });
  await importLedger(db, sys, Readable.from([Buffer.from(
    'charge_id,customer,amount,currency,charged_at,merchant_ref,description,product,quantity\n' +
    'G-1,bram.dekker@example.nl,29.95,EUR,2026-12-01 06:00,ABO-2026-12,abonnement december,,\n' +
    'G-2,bram.dekker@example.nl,29.95,EUR,2026-12-01 06:02,ABO-2026-12,abonnement december,,\n' +
    'G-3,K-000042,19.95,EUR,2026-12-01 06:00,ABO-K-2026-12,abonnement december,,\n',
  )]));
  await detectFindings(db, sys);
  await updateRefundSettings(db, sys, { debtor_name: 'Sportschool Fit B.V.', debtor_iban: 'NL91ABNA0417164300' });
  return { mila, gymRef: gym.case.ref };
}

const skip = chromiumMissing();

describe('the refunds queue in Chromium', { skip }, () => {
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
    await signIn(context, base, data.mila.email);
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('a supervisor approves a large refund, refunds a found double charge, and makes the SEPA file — by keyboard', async () => {
    const page: Page = await context.newPage();
    watch(page, problems);
    await page.goto(`${base}/app/`);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor();
    // g r: the refunds queue, opening on what waits for a supervisor
    await page.keyboard.press('g');
    await page.keyboard.press('r');
    await page.waitForURL('**/app/refunds');
    await page.getByRole('heading', { name: 'Terugbetalingen', level: 1 }).waitFor();
    const row = page.locator('tr', { hasText: 'Anna Visser' });
    await row.waitFor();
    assert.match(await row.innerText(), /€\s89,00[\s\S]*jaarabonnement na opzegging[\s\S]*Aangevraagd/);
    await page.getByText('Dubbel afgeschreven').first().waitFor();
    await assertAccessible(page, 'refunds queue');
    await page.screenshot({ path: `${SCREENSHOTS}/refunds-queue.png`, fullPage: true });

    const approve = page.getByRole('button', { name: /^Goedkeuren: LU-\d+ Anna Visser$/ });
    await approve.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Goedgekeurd').waitFor();

    // charged after his cancellation, found by his customer number: refunded whole
    const found = page.locator('li', { hasText: 'Cas Mulder' });
    assert.match(await found.innerText(), /Afgeschreven na opzegging\s+€\s19,95[\s\S]*Charge G-3 takes 1995 cents on 2026-12-01 06:00, after the customer cancelled on 2026-11-20 12:00/);
    const refundCas = page.getByRole('button', { name: 'Terugbetalen: Cas Mulder' });
    await refundCas.focus();
    await page.keyboard.press('Enter');
    await found.waitFor({ state: 'detached' });

    // the double charge found in the ledger: refunded (an approved refund on a case opened for Bram)
    const refund = page.getByRole('button', { name: 'Terugbetalen: Bram Dekker' });
    await refund.focus();
    await page.keyboard.press('Enter');
    await page.getByText('Geen voorstellen.').waitFor();

    await page.getByRole('navigation', { name: 'Welke terugbetalingen' }).getByRole('button', { name: 'Goedgekeurd', exact: true }).click();
    await page.locator('tr', { hasText: 'Bram Dekker' }).waitFor();

    // the SEPA file: Anna's refund to her IBAN
    await page.getByRole('button', { name: /Maak SEPA-bestand/ }).click();
    const link = page.getByRole('link', { name: /^Download LU-/ });
    await link.waitFor();
    assert.match(await page.locator('#batches-title + button + ul').innerText(), /1 terugbetaling, totaal €\s89,00 · Klaar voor de bank/);
    await assertAccessible(page, 'refunds queue after the export');

    // the case shows its refund, in the batch
    await page.goto(`${base}/app/cases/${data.gymRef}`);
    const panel = page.locator('section', { has: page.getByRole('heading', { name: 'Terugbetalingen' }) });
    await panel.getByText('jaarabonnement na opzegging').waitFor();
    assert.match(await panel.innerText(), /Goedgekeurd\s+€\s89,00/);
    await assertAccessible(page, 'case with a refund');
    assert.deepEqual(problems, []);
  });
});
