import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { buildApp } from '../../src/http/app.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { setWhatsApp } from '../../src/intake/doors/connections.ts';
import { updateServiceSettings } from '../../src/promises/settings.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { formatLocal } from '../../src/promises/zoned-time.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { SCREENSHOTS, assertAccessible, buildWorkspace, chromiumMissing, launch, signedInPage } from './browser.ts';

/**
 * The doors from the workspace's side (issue 17), in Debian's Chromium: an admin sets up the contact
 * form, callbacks and chat on the channels screen (by keyboard, with the errors each field shows),
 * pastes the snippet it shows into a website of another origin; a visitor writes in the widget
 * there, the chat case appears live in the agent's inbox, the agent answers in the case's normal
 * reply box and the visitor sees the answer live.
 */
const skip = chromiumMissing();

describe('the doors in the workspace, in Chromium', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let site: Server;
  let siteHtml = '';
  let base: string;
  let shop: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let accountId: string;
  const slug = `fietsen-${process.pid}-${Date.now() % 100000}`;
  const problems: string[] = [];

  before(async () => {
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await testDb();
    const adminEmail = uniqueEmail('ilse');
    const created = await createAccount(db, { name: 'Fietsenwinkel De Ketting', adminEmail, adminPassword: 'lang en veilig wachtwoord 42', adminName: 'Ilse Bakker' });
    accountId = created.account.account_id;
    // open day and night, so "someone is available" does not depend on when the test runs
    const allDay = [{ start: '00:00', end: '24:00' }];
    await updateServiceSettings(db, systemActor(accountId), { calendar: { weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay }, holidays: null } });
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    // the company's website on another origin: it serves whatever snippet the admin pasted
    site = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>De Ketting</title></head><body><main><h1>Fietsen</h1></main>${siteHtml}</body></html>`);
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
    shop = `http://localhost:${(site.address() as AddressInfo).port}`;
    browser = await launch();
    ({ context, page } = await signedInPage(browser, base, adminEmail, problems));
  });

  after(async () => {
    await browser?.close();
    site?.close();
    await app?.close();
    await db?.close();
  });

  test('the channels screen: errors per field, by keyboard; saved, it shows the snippet and the public pages', async () => {
    await page.goto(`${base}/app/`);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Instellingen' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Kanalen' }).click();
    await page.getByRole('heading', { name: 'Contactformulier, terugbellen en chat' }).waitFor();
    await assertAccessible(page, 'channels screen before set-up');

    // wrong values: each field says what is wrong, the first one gets the focus
    await page.getByLabel('Adres', { exact: true }).fill('Fietsen Winkel!');
    await page.getByLabel('Websites die de chat en het formulier mogen gebruiken').fill('https://www.deketting.nl/winkel');
    await page.getByLabel('Afspraken per tijdvak').fill('0');
    await page.getByRole('button', { name: 'Kanalen aanmaken' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('3 velden kloppen nog niet; zie hieronder.').waitFor();
    await page.getByText('Alleen kleine letters, cijfers en - (niet aan het begin of eind), hoogstens 63 tekens.').waitFor();
    await page.getByText('"https://www.deketting.nl/winkel" is geen website-adres').waitFor();
    await page.getByText('Vul een heel getal in van 1 tot en met 100.').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'channels-slug');
    assert.equal(await page.getByLabel('Adres', { exact: true }).getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'channels screen with errors');
    const [none] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM channel_settings WHERE account_id = $1', [accountId]);
    assert.equal(none.n, 0, 'nothing saved while a field is wrong');

    // fixed by keyboard: type over the focused field, tab on
    await page.keyboard.press('Control+A');
    await page.keyboard.type(slug);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type(shop);
    await page.getByLabel('Afspraken per tijdvak').fill('2');
    await page.getByLabel('Lengte van een tijdvak').selectOption({ label: '15 minuten' });
    await page.getByRole('button', { name: 'Kanalen aanmaken' }).click();
    await page.getByRole('status').getByText('Opgeslagen.').waitFor();
    const [saved] = await db.query<{ slug: string; allowed_origins: string[]; callback_capacity: number; callback_slot_minutes: number }>(
      'SELECT slug, allowed_origins, callback_capacity, callback_slot_minutes FROM channel_settings WHERE account_id = $1', [accountId]);
    assert.deepEqual(saved, { slug, allowed_origins: [shop], callback_capacity: 2, callback_slot_minutes: 15 });

    const code = await page.getByTestId('widget-snippet').innerText();
    assert.equal(code, `<script src="${base}/widget.js" data-luister="${slug}" async></script>`);
    assert.equal(await page.getByRole('link', { name: 'Contactformulier openen' }).getAttribute('href'), `${base}/contact/${slug}`);
    assert.equal(await page.getByRole('link', { name: 'Terugbelpagina openen' }).getAttribute('href'), `${base}/contact/${slug}/callback`);
    const form = await context.request.get(`${base}/contact/${slug}`);
    assert.equal(form.status(), 200);
    // phone and WhatsApp: the webhook addresses, the signing secret shown once
    await page.getByRole('heading', { name: 'Telefoon en WhatsApp' }).waitFor();
    await page.getByLabel('Telefoongebeurtenissen aannemen').check();
    await page.getByRole('button', { name: 'Telefoon opslaan' }).click();
    await page.getByText('Telefoon en WhatsApp opgeslagen.').waitFor();
    assert.match(await page.getByTestId('phone-secret').innerText(), /lph_[A-Za-z0-9_-]{43}/);
    assert.ok(await page.getByText(`${base}/api/public/v1/phone/${slug}/events`).isVisible());
    await assertAccessible(page, 'channels screen, set up');
    await page.screenshot({ path: `${SCREENSHOTS}/channels.png`, fullPage: true });

    // a taken address is refused by the server and said at the field
    const other = await createAccount(db, { name: 'Ander', adminEmail: uniqueEmail('ander'), adminPassword: 'lang en veilig wachtwoord 42', adminName: 'Ander' });
    await db.query(`INSERT INTO channel_settings (account_id, slug, form_secret) VALUES ($1, $2, 'x')`, [other.account.account_id, `${slug}-b`]);
    await page.getByLabel('Adres', { exact: true }).fill(`${slug}-b`);
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByText(`Het adres "${slug}-b" is al in gebruik; kies een ander.`).waitFor();
    await page.getByLabel('Adres', { exact: true }).fill(slug);
    problems.splice(0); // the refused save was a 409, on purpose

    siteHtml = code; // the admin pastes the snippet into the website
  });

  test('the callback rota: hours by keyboard, a wrong line says what is wrong, and the callback page offers only slots the rota covers', async () => {
    await page.goto(`${base}/app/channels`);
    await page.getByRole('heading', { name: 'Terugbelrooster' }).waitFor();
    await page.getByText('Nog niemand heeft terugbeluren').waitFor();
    const hours = page.getByLabel('Uren Ilse Bakker');
    await hours.fill('ma 17:00-09:00');
    await hours.press('Enter');
    await page.getByText('Een blok eindigt voordat het begint.').waitFor();
    await page.getByText('De uren van Ilse Bakker zijn niet opgeslagen; zie de regel.').waitFor();
    assert.equal(await hours.getAttribute('aria-invalid'), 'true');
    await page.waitForFunction(() => document.activeElement?.id.startsWith('rota-hours-') === true);
    await assertAccessible(page, 'callback rota with an error');
    problems.splice(0); // the refused save was a 422, on purpose

    await page.keyboard.press('Control+A');
    await page.keyboard.type('ma-zo 09:00-10:00');
    await page.keyboard.press('Tab');
    await page.keyboard.type('2099-01-01');
    await page.keyboard.press('Enter');
    await page.getByText('Terugbeluren van Ilse Bakker opgeslagen.').waitFor();
    await page.getByText('Eén medewerker staat op het rooster').waitFor();
    assert.equal(await hours.inputValue(), 'ma-zo 09:00-10:00');
    await assertAccessible(page, 'callback rota saved');
    await page.screenshot({ path: `${SCREENSHOTS}/callback-rota.png`, fullPage: true });

    // the public callback page now offers only 09:00-10:00 (Amsterdam) slots
    const booking = await (await context.request.get(`${base}/contact/${slug}/callback`)).text();
    const starts = [...booking.matchAll(/name="slot" id="slot-\d+" value="([^"]+)"/g)].map((m) => formatLocal('Europe/Amsterdam', new Date(m[1]).getTime()).slice(11));
    assert.ok(starts.length > 0, 'some slots are offered');
    assert.deepEqual([...new Set(starts)].sort(), ['09:00', '09:15', '09:30', '09:45'].filter((x) => starts.includes(x)));
    assert.ok(starts.every((x) => x >= '09:00' && x < '10:00'), starts.join(' '));

    await page.getByRole('button', { name: 'Van het rooster halen Ilse Bakker' }).click();
    await page.getByText('Ilse Bakker staat niet meer op het terugbelrooster.').waitFor();
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });

  test('a visitor writes in the widget on the website; the case appears live in the inbox; the agent answers in the case; the visitor sees it', async () => {
    await page.goto(`${base}/app/`);
    await page.locator('.live-live').waitFor(); // the workspace's live stream is up
    const visitorContext = await browser.newContext({ locale: 'nl-NL' });
    const visitor = await visitorContext.newPage();
    await visitor.goto(shop);
    await visitor.getByRole('button', { name: 'Chat met ons' }).click();
    await visitor.getByLabel('Uw bericht').fill('Is mijn fiets al klaar? Ordernummer 4471.');
    await visitor.getByRole('button', { name: 'Versturen' }).click();
    await visitor.getByRole('log').getByText('Ordernummer 4471.').waitFor();
    await visitor.getByRole('button', { name: 'Praat met een medewerker' }).click();
    await visitor.getByRole('status').getByText('Een medewerker komt zo bij u.').waitFor();

    // live in the agent's inbox, without a reload
    const [c] = await db.query<{ ref: string }>(`SELECT ref FROM cases WHERE account_id = $1 AND channel = 'chat'`, [accountId]);
    const row = page.locator('table.cases tbody tr', { hasText: c.ref });
    await row.waitFor({ timeout: 10_000 });
    await row.getByText('zojuist').waitFor();
    await assertAccessible(page, 'inbox with a chat that arrived live');
    const ref = (await row.locator('a[data-row]').innerText()).trim();
    assert.equal(ref, c.ref);
    await row.locator('a[data-row]').click();
    await page.waitForURL(`**/app/cases/${ref}`);
    await page.locator('ol.timeline').getByText('Ordernummer 4471.').waitFor();
    await page.getByRole('textbox', { name: 'Je antwoord' }).fill('Hallo, uw fiets staat klaar. U kunt hem vanaf 14:00 ophalen.');
    await page.getByRole('button', { name: 'Versturen' }).click();
    await page.getByText('Verstuurd.').waitFor();

    // the visitor sees it in the widget, live
    await visitor.getByRole('log').getByText('U kunt hem vanaf 14:00 ophalen.').waitFor({ timeout: 10_000 });
    // and writes again: it lands live in the agent's open case
    await visitor.getByLabel('Uw bericht').fill('Top, dank u!');
    await visitor.getByRole('button', { name: 'Versturen' }).click();
    await page.locator('ol.timeline').getByText('Top, dank u!').waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SCREENSHOTS}/chat-in-workspace.png`, fullPage: true });
    await visitorContext.close();
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });

  test('a WhatsApp case whose 24-hour window closed: the timeline shows the channel, the composer says only an approved template may go and offers them', async () => {
    const actor = systemActor(accountId);
    await setWhatsApp(db, actor, { enabled: true, app_secret: 'app-secret-e2e-1', verify_token: 'verify-e2e-1', access_token: 'access-token-e2e-1',
      phone_number_id: '106540352242922', templates: [{ name: 'case_update', language: 'nl' }] });
    const stored = await receiveMessage(db, actor, { customer: { phone: '+31612340099', name: 'Fatima' }, body: 'Mijn pas werkt niet bij de slagboom.',
      channel: 'whatsapp', language: 'nl', email: { from: '31612340099', messageId: `wamid.e2e-${Date.now()}` } });
    await db.query(`UPDATE messages SET created_at = now() - interval '25 hours' WHERE account_id = $1 AND case_id = $2`, [accountId, stored.case.id]);
    await page.goto(`${base}/app/cases/${stored.case.ref}`);
    await page.locator('ol.timeline').getByText('Mijn pas werkt niet bij de slagboom.').waitFor();
    assert.match(await page.locator('ol.timeline').innerText(), /WhatsApp/);
    const notice = page.getByTestId('whatsapp-window');
    await notice.getByText(/De klant schreef meer dan 24 uur geleden op WhatsApp .*alleen een goedgekeurd sjabloon toe/).waitFor();
    const choice = page.getByLabel('WhatsApp-sjabloon');
    assert.deepEqual(await choice.locator('option').allInnerTexts(), ['Kies een goedgekeurd sjabloon', 'case_update (nl)']);
    await assertAccessible(page, 'case view, WhatsApp window closed');
    await page.screenshot({ path: `${SCREENSHOTS}/whatsapp-window.png`, fullPage: true });
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });
});
