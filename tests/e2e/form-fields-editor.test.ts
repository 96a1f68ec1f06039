import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { buildApp } from '../../src/http/app.ts';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { PASSWORD, SCREENSHOTS, assertAccessible, buildWorkspace, chromiumMissing, launch, signedInPage } from './browser.ts';

/**
 * The contact form's fields edited in the workspace (issue 17), in Debian's Chromium, by keyboard
 * only: an admin adds two fields of their own, sees what is wrong per field before anything is
 * sent, puts them in order with buttons, asks for the phone number, saves; the public form has them
 * in that order; a field removed is gone from the form.
 */
const skip = chromiumMissing();

describe('the contact form\'s fields on the channels screen, in Chromium', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accountId: string;
  const slug = `velden-${process.pid}-${Date.now() % 100000}`;
  const problems: string[] = [];
  const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
  const stored = async () =>
    (await db.query<{ form_fields: unknown }>('SELECT form_fields FROM channel_settings WHERE account_id = $1', [accountId]))[0].form_fields;
  const publicKeys = async (lang = 'nl') => {
    const html = await (await context.request.get(`${base}/contact/${slug}?lang=${lang}`)).text();
    return [...html.matchAll(/<(?:input|textarea)[^>]* name="([a-z_]+)"/g)].map((m) => m[1]).filter((k) => !['website', 't', 'lang'].includes(k));
  };

  before(async () => {
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await testDb();
    const adminEmail = uniqueEmail('femke');
    const created = await createAccount(db, { name: 'Energie Noord', adminEmail, adminPassword: PASSWORD, adminName: 'Femke de Vries' });
    accountId = created.account.account_id;
    await setChannelSettings(db, systemActor(accountId), { slug });
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

  test('add, check, order and save fields by keyboard; the public form follows', async () => {
    await page.goto(`${base}/app/channels`);
    const section = page.locator('section[aria-labelledby="ff-title"]');
    await page.getByRole('heading', { name: 'Velden van het contactformulier' }).waitFor();
    assert.deepEqual(await publicKeys(), ['name', 'email', 'subject', 'message']);
    await assertAccessible(page, 'form fields, standard only');

    // a field of one's own: Enter on "add" lands in its Dutch label
    await page.getByRole('button', { name: 'Veld toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'ff-nl-4');
    await page.keyboard.type('Klantnummer');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Customer number');
    await page.keyboard.press('Tab'); // kind: one line
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('12');
    await page.keyboard.press('Tab'); // key: left empty, made from the English label
    assert.equal(await page.locator('#ff-key-4').getAttribute('placeholder'), 'customer_number');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space'); // required
    assert.equal(await page.locator('#ff-required-4').isChecked(), true);

    // a second one, a long text, with two mistakes
    await page.getByRole('button', { name: 'Veld toevoegen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'ff-nl-5');
    await page.keyboard.type('Wat is er gebeurd?');
    await page.keyboard.press('Tab'); // English label left empty
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // long text
    assert.equal(await page.locator('#ff-kind-5').inputValue(), 'textarea');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5000');
    await page.getByRole('button', { name: 'Velden opslaan' }).focus();
    await page.keyboard.press('Enter');
    await section.getByRole('status').getByText('2 velden kloppen nog niet; zie hieronder.').waitFor();
    await section.getByText('Vul een Engels label in van 1 tot 100 tekens.').waitFor();
    await section.getByText('Vul een heel getal in van 1 tot en met 2000.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'ff-en-5');
    assert.equal(await page.locator('#ff-en-5').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#ff-max-5').getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'form fields with errors');
    assert.deepEqual(await stored(), [], 'nothing saved while a field is wrong');

    // fixed by keyboard from the focused field
    await page.keyboard.type('What happened?');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2000');

    // "up" moves the long text above the customer number; the focus stays with it
    await page.getByRole('button', { name: 'Omhoog (Wat is er gebeurd?)' }).focus();
    await page.keyboard.press('Enter');
    await section.getByRole('status').getByText('Wat is er gebeurd? staat nu op plaats 5 van 7.').waitFor();
    assert.equal(await focused(), 'ff-down-4');
    assert.equal(await page.locator('#ff-nl-4').inputValue(), 'Wat is er gebeurd?');

    // the phone number asked for, and required
    await page.getByLabel('Telefoonnummer vragen').focus();
    await page.keyboard.press('Space');
    await page.locator('#ff-required-2').focus();
    await page.keyboard.press('Space');
    const preview = await section.getByTestId('form-preview').innerText();
    assert.match(preview, /Uw telefoonnummer \(telefoonnummer, verplicht\)\n.*Onderwerp.*\nWat is er gebeurd\? \(lange tekst, niet verplicht\)\nKlantnummer \(één regel, verplicht\)/);

    await page.getByRole('button', { name: 'Velden opslaan' }).focus();
    await page.keyboard.press('Enter');
    await section.getByRole('status').getByText('Velden van het formulier opgeslagen.').waitFor();
    assert.deepEqual(await stored(), [
      { key: 'phone', required: true },
      { key: 'what_happened', label: { nl: 'Wat is er gebeurd?', en: 'What happened?' }, required: false, max: 2000, multiline: true },
      { key: 'customer_number', label: { nl: 'Klantnummer', en: 'Customer number' }, required: true, max: 12 },
    ]);
    assert.deepEqual(await publicKeys(), ['name', 'email', 'phone', 'subject', 'what_happened', 'customer_number', 'message']);
    const english = await (await context.request.get(`${base}/contact/${slug}?lang=en`)).text();
    assert.match(english, /What happened\?/);
    assert.match(english, /<textarea[^>]* name="what_happened"[^>]*maxlength="2000"|<textarea[^>]*maxlength="2000"[^>]* name="what_happened"/);
    assert.equal(await section.getByRole('link', { name: 'Opgeslagen formulier openen (Engels)' }).getAttribute('href'), `${base}/contact/${slug}?lang=en`);
    await assertAccessible(page, 'form fields saved');
    await section.screenshot({ path: `${SCREENSHOTS}/contact-form-fields.png` });

    // after a reload the screen shows what is stored; a field removed is gone from the form
    await page.reload();
    await page.getByRole('button', { name: 'Verwijderen (Klantnummer)' }).focus();
    await page.keyboard.press('Enter');
    await section.getByRole('status').getByText('Klantnummer is weggehaald; sla op om het formulier te veranderen.').waitFor();
    assert.equal(await focused(), 'ff-add');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // "save fields" follows "add"
    await section.getByRole('status').getByText('Velden van het formulier opgeslagen.').waitFor();
    assert.deepEqual(await publicKeys(), ['name', 'email', 'phone', 'subject', 'what_happened', 'message']);
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });
});
