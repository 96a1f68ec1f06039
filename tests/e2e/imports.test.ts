import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import type { Browser } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { PASSWORD, assertAccessible, buildWorkspace, chromiumMissing, launch, signedInPage, watch, signIn } from './browser.ts';

/**
 * The import screen in Debian's Chromium (issue 20): an admin finds it under Settings, picks
 * Freshdesk and uploads the sample export as a ZIP by keyboard, sees the dry-run summary (skipped
 * with reasons, mapped, not mapped) with nothing stored, starts the real import and sees the final
 * summary; axe-clean in Dutch and English; a wrong file is refused with the reason; an agent has no
 * import screen.
 */
const skip = chromiumMissing();
const SAMPLE = join(import.meta.dirname, '../fixtures/import/freshdesk');

function zipFolder(dir: string): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[`freshdesk-export/${relative(dir, p)}`] = readFileSync(p);
    }
  };
  walk(dir);
  return Buffer.from(zipSync(files));
}

describe('importing history in the workspace, in Chromium', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let accountId: string;
  const adminEmail = uniqueEmail('ilse');
  const agentEmail = uniqueEmail('joost');
  const problems: string[] = [];
  const cases = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1', [accountId]))[0].n;

  before(async () => {
    await buildWorkspace();
    db = await testDb();
    const created = await createAccount(db, { name: 'Fietsen Oost', adminEmail, adminPassword: PASSWORD, adminName: 'Ilse Mulder' });
    accountId = created.account.account_id;
    await createAgent(db, systemActor(accountId), { email: agentEmail, name: 'Joost Smit', role: 'agent', password: PASSWORD });
    await createAgent(db, systemActor(accountId), { email: 'sanne@helpdesk.example', name: 'Sanne Bakker', role: 'agent' });
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await launch();
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('an admin uploads a Freshdesk export by keyboard: dry run summary, then the real import and its summary', async () => {
    const { page, context } = await signedInPage(browser, base, adminEmail, problems);
    await page.goto(`${base}/app/settings`);
    await page.getByRole('main').getByRole('link', { name: 'Importeren' }).click();
    await page.getByRole('heading', { name: 'Geschiedenis importeren', level: 1 }).waitFor();
    await page.getByText('Nog geen imports.').waitFor();
    await assertAccessible(page, 'imports, empty');

    // checking without a file says so and puts the focus on the file field
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).press('Enter');
    await page.getByText('Kies eerst een bestand.').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-file');
    await page.getByLabel('Freshdesk-export (als zip)').press('Space');
    assert.equal(await page.getByLabel('Freshdesk-export (als zip)').isChecked(), true);
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'freshdesk-export.zip', mimeType: 'application/zip', buffer: zipFolder(SAMPLE) });
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).press('Enter');
    await page.getByText('Proefimport klaar: er is niets opgeslagen.', { exact: false }).waitFor();
    const summary = page.getByTestId('import-summary');
    assert.equal(await summary.getByTestId('import-imported').textContent(), '3');
    await summary.getByRole('cell', { name: 'requester not in the export' }).waitFor();
    await summary.getByRole('cell', { name: 'organisations created' }).waitFor();
    await summary.getByRole('cell', { name: /ticket custom field "cf_kleur"/ }).waitFor();
    assert.equal(await cases(), 0, 'a dry run stores nothing');
    await assertAccessible(page, 'imports, the dry run summary');

    await page.getByRole('button', { name: 'Nu echt importeren' }).press('Enter');
    await page.getByText('Import klaar.').waitFor();
    assert.equal(await page.getByTestId('import-summary').getByTestId('import-imported').textContent(), '3');
    assert.equal(await cases(), 3);
    await page.getByRole('row', { name: /Freshdesk-export \(als zip\) \(echt\)/ }).waitFor();
    await page.getByRole('row', { name: /Freshdesk-export \(als zip\) \(proef\)/ }).waitFor();
    await assertAccessible(page, 'imports, the final summary');

    // once more: nothing changes, and the summary says why
    await page.getByRole('button', { name: 'Een ander bestand kiezen' }).press('Enter');
    await page.getByLabel('Freshdesk-export (als zip)').check();
    await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name: 'freshdesk-export.zip', mimeType: 'application/zip', buffer: zipFolder(SAMPLE) });
    await page.getByRole('button', { name: 'Controleren (proefimport)' }).press('Enter');
    await page.getByText('Proefimport klaar', { exact: false }).waitFor();
    assert.equal(await page.getByTestId('import-imported').textContent(), '0');
    await page.getByRole('cell', { name: 'already imported (same Freshdesk ticket and conversations)' }).waitFor();
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('a mail archive in English: the progress bar counts while the dry run checks it, then the summary', async () => {
    // 3,000 short messages in 1,000 threads of three: long enough to be watched while it runs, also on a fast machine
    const mails: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const thread = i % 1000, step = Math.floor(i / 1000);
      const refs = step ? `In-Reply-To: <t${thread}-${step - 1}@voortgang.example>\n` : '';
      mails.push(`From klant${thread}@voortgang.example Mon Jan  6 10:0${step}:00 2025\nFrom: Klant ${thread} <klant${thread}@voortgang.example>\n` +
        `To: support@fietsen-oost.example\nSubject: ${step ? 'Re: ' : ''}Bestelling ${thread}\nDate: Mon, 6 Jan 2025 10:0${step}:00 +0100\n` +
        `Message-ID: <t${thread}-${step}@voortgang.example>\n${refs}\nBericht ${step} over bestelling ${thread}.\n`);
    }
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const seen: string[] = [];
    watch(page, seen);
    await page.goto(`${base}/app/imports`);
    await page.getByRole('heading', { name: 'Import history', level: 1 }).waitFor();
    await page.getByLabel('Mail archive (mbox)').check();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'archief.mbox', mimeType: 'application/mbox', buffer: Buffer.from(mails.join('\n')) });
    const before = await cases();
    await page.getByRole('button', { name: 'Check (dry run)' }).press('Enter');
    const bar = page.getByRole('progressbar', { name: /Checking the source|Importing|Checking/ });
    await bar.waitFor();
    // the bar moves: a count above nought of the 3,000 read from the job the server updates while it runs
    await page.getByTestId('import-status').getByText(/^([1-9][\d,.]*) (of 3,?000|read)$/).waitFor({ timeout: 60_000 });
    await assertAccessible(page, 'imports in English, the progress bar');
    await page.getByText('Dry run done: nothing was stored.', { exact: false }).waitFor({ timeout: 120_000 });
    assert.equal(await bar.count(), 0, 'the bar goes when the job is done');
    assert.match((await page.getByTestId('import-imported').textContent()) ?? '', /^3[,.]?000$/);
    assert.equal(await cases(), before, 'a dry run stores nothing');
    assert.deepEqual(seen, []);
    await context.close();
  });

  test('in English, a wrong file is refused with the reason; an agent has no import screen', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1360, height: 900 } });
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const seen: string[] = [];
    watch(page, seen);
    await page.goto(`${base}/app/imports`);
    await page.getByRole('heading', { name: 'Import history', level: 1 }).waitFor();
    await page.getByLabel('Mail archive (mbox)').check();
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Subject: no mbox\n\nhello\n') });
    await page.getByRole('button', { name: 'Check (dry run)' }).click();
    await page.getByRole('alert').getByText(/The import failed: Not an mbox/).waitFor();
    await assertAccessible(page, 'imports in English, a refused file');
    assert.deepEqual(seen.filter((s) => !/\/api\/v1\/imports\?source=mbox/.test(s)), [], 'only the refused upload answered 400');
    await context.close();

    const agent = await signedInPage(browser, base, agentEmail, []);
    await agent.page.goto(`${base}/app/settings`);
    await agent.page.getByRole('heading', { name: 'Instellingen', level: 1 }).waitFor();
    assert.equal(await agent.page.getByRole('link', { name: 'Importeren' }).count(), 0);
    await agent.page.goto(`${base}/app/imports`);
    await agent.page.getByText('Alleen beheerders kunnen geschiedenis importeren.').waitFor();
    await agent.context.close();
  });
});
