import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/http/app.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { runJobs, startMailbox } from '../email.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, SCREENSHOTS, watch } from './browser.ts';
import { hashSecret, newSecret } from '../../src/accounts/secrets.ts';
import { findPortal } from '../../src/portal/settings.ts';
import { useLink } from '../../src/portal/session.ts';

/**
 * The customer portal as a customer walks it (issue 19), in Debian's Chromium without any script:
 * asks for a link, takes it from a real mailbox (the SMTP server the worker sends through), signs
 * in, finds the case and the promise made to them, replies, and reaches a person (the callback page)
 * from the portal's own footer. axe finds nothing serious, in Dutch and in English, and on a phone
 * nothing is wider than the screen.
 */
const skip = chromiumMissing();
let db: Db;
let app: FastifyInstance;
let browser: Browser;
let base: string;
let acc: TestAccount;
let slug: string;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
const henk = { email: uniqueEmail('henk'), name: 'Henk de Vries' };
let caseRef: string;

before(async () => {
  if (skip) return;
  await buildWorkspace();
  db = await testDb();
  mailbox = await startMailbox();
  acc = await newAccount(db, 'Energie');
  slug = `energie-${acc.accountId.slice(0, 8)}`;
  // the address customers are told (acknowledgements, the settings screen); the links in this test's mails point at the test server
  app = await buildApp({ db, config: testConfig({ PUBLIC_URL: 'http://klantenservice.energie.example' }), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const api = async (method: 'POST' | 'PUT' | 'PATCH', url: string, payload: Record<string, unknown>) => {
    const res = await app.inject({ method, url, headers: acc.auth, payload });
    assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  await createInbox(db, systemActor(acc.accountId), { address: `klantenservice.${acc.accountId.slice(0, 8)}@energie.example`, name: 'Klantenservice Energie' });
  await api('PUT', '/api/v1/channels', { slug });
  await api('PUT', '/api/v1/help-centre', { slug: `hulp-${acc.accountId.slice(0, 8)}`, contact: { phone: '+31 20 123 4567', hours: 'ma–vr 9–17 uur' } });
  await api('PATCH', '/api/v1/portal/settings', { enabled: true });
  const c = await api('POST', '/api/v1/cases', { customer: henk, subject: 'Voorschot verhoogd zonder bericht', message: { body: 'Mijn voorschot is verhoogd. Waarom?' } });
  caseRef = c.ref;
  await api('POST', `/api/v1/cases/${c.id}/assign`, { agent_id: acc.adminId });
  await api('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Beste Henk, dank voor uw vraag. Wij bellen u om het voorschot samen door te nemen.' });
  const start = new Date(Date.now() + 3 * 86_400_000);
  start.setUTCHours(9, 0, 0, 0);
  await api('POST', `/api/v1/cases/${c.id}/promises`, { kind: 'callback', description: 'bellen over voorschot', window_start: start.toISOString(), due_at: new Date(start.getTime() + 1_800_000).toISOString() });
  await api('POST', '/api/v1/cases', { customer: { email: uniqueEmail('els'), name: 'Els' }, subject: 'Storing bij de buren', message: { body: 'Niet van Henk.' } });
  browser = await launch();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await app?.close();
  await mailbox?.close();
  await db?.close();
});

/** The worker sends what is queued (through SMTP to the test mailbox); the newest link to the address, as the customer clicks it. */
async function linkFromMailbox(email: string): Promise<string> {
  const handlers = jobHandlers(testConfig({ SMTP_RELAY_URL: mailbox.url, PUBLIC_URL: base }));
  await runJobs(db, handlers, acc.accountId, ['portal.link']);
  const mail = [...mailbox.received].reverse().find((m) => m.envelope.to.includes(email));
  assert.ok(mail, `a mail to ${email}`);
  const link = new RegExp(`${base.replace(/[.]/g, '\\.')}/portal/[a-z0-9-]+/in/[A-Za-z0-9_-]{43}\\?lang=(nl|en)`).exec(mail.mail.text ?? '');
  assert.ok(link, mail.mail.text);
  return link[0];
}

async function noWiderThanScreen(page: Page, screen: string) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${screen}: the page is ${scroll}px wide on a ${client}px screen`);
}

test('a customer signs in with the link from their mailbox, sees their case and the promise, replies, and finds a person', { skip }, async () => {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  await page.goto(`${base}/portal/${slug}`);
  assert.equal(await page.locator('script').count(), 0, 'the portal needs no JavaScript');
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor();
  await assertAccessible(page, 'portal sign-in (Dutch, phone)');
  await noWiderThanScreen(page, 'sign-in');
  await page.getByLabel('Uw e-mailadres').fill(henk.email);
  await page.getByRole('button', { name: 'Stuur mij een inloglink' }).click();
  await page.getByRole('heading', { name: 'Kijk in uw mailbox' }).waitFor();
  assert.match(await page.getByRole('status').innerText(), /Als we dit adres kennen, is er een inloglink onderweg/);
  await assertAccessible(page, 'portal link sent');

  const link = await linkFromMailbox(henk.email);
  await page.goto(link);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('heading', { name: 'Uw dossiers' }).waitFor();
  await assertAccessible(page, 'portal case list (Dutch, phone)');
  await noWiderThanScreen(page, 'case list');
  assert.equal(await page.getByText('Storing bij de buren').count(), 0, "another customer's case is not there");
  await page.screenshot({ path: `${SCREENSHOTS}/portal-cases.png`, fullPage: true });

  await page.getByRole('link', { name: new RegExp(`${caseRef}: Voorschot verhoogd`) }).click();
  await page.getByRole('heading', { name: new RegExp(`Dossier ${caseRef}`) }).waitFor();
  assert.match(await page.locator('main').innerText(), /We bellen u \w+dag \d+ \w+ tussen \d\d:\d\d en \d\d:\d\d/);
  assert.match(await page.locator('main').innerText(), /Wij bellen u om het voorschot samen door te nemen/);
  await assertAccessible(page, 'portal case (Dutch, phone)');
  await noWiderThanScreen(page, 'case');

  await page.getByLabel('Uw reactie').fill('Dank u. Dinsdagochtend past mij goed, ik ben na 10 uur thuis.');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('status').filter({ hasText: 'Uw reactie staat bij dossier' }).waitFor();
  assert.match(await page.locator('main').innerText(), /Dinsdagochtend past mij goed/);
  await assertAccessible(page, 'portal case after a reply');
  await page.screenshot({ path: `${SCREENSHOTS}/portal-case.png`, fullPage: true });
  const [stored] = await db.query<{ channel: string }>(`SELECT channel FROM messages WHERE account_id = $1 AND body LIKE 'Dank u. Dinsdagochtend%'`, [acc.accountId]);
  assert.equal(stored?.channel, 'portal');

  // a person, from this page: the phone number, and a callback at a time the customer chooses
  const footer = page.getByRole('contentinfo');
  assert.match(await footer.innerText(), /Een mens spreken[\s\S]*\+31 20 123 4567/);
  assert.equal(await footer.getByRole('link', { name: '+31 20 123 4567' }).getAttribute('href'), 'tel:+31201234567');
  await footer.getByRole('link', { name: /Laat u terugbellen/ }).click();
  await page.getByRole('heading', { name: 'Bel mij terug' }).waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('in English, at desk size, by keyboard', { skip }, async () => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  await page.goto(`${base}/portal/${slug}`);
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await assertAccessible(page, 'portal sign-in (English)');
  await page.getByLabel('Your email address').fill(henk.email);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Check your mailbox' }).waitFor();
  const link = await linkFromMailbox(henk.email);
  assert.match(link, /\?lang=en$/, 'the link keeps the language the customer chose');
  await page.goto(link);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Your cases' }).waitFor();
  await assertAccessible(page, 'portal case list (English)');
  await page.getByRole('link', { name: new RegExp(caseRef) }).click();
  await page.getByRole('heading', { name: new RegExp(`Case ${caseRef}`) }).waitFor();
  assert.match(await page.locator('main').innerText(), /We will call you on \w+day \d+ \w+ between \d\d:\d\d and \d\d:\d\d/);
  await assertAccessible(page, 'portal case (English)');
  // the language switch keeps the visitor where they are
  await page.getByRole('link', { name: 'Nederlands' }).click();
  await page.getByRole('heading', { name: new RegExp(`Dossier ${caseRef}`) }).waitFor();
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await page.getByText('U bent uitgelogd.').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('the workspace: an admin finds the portal under Settings, by keyboard and axe-clean, and a portal reply shows live on the case with its channel', { skip }, async () => {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1360, height: 900 } });
  const [{ email }] = await db.query<{ email: string }>('SELECT email FROM agents WHERE account_id = $1 AND id = $2', [acc.accountId, acc.adminId]);
  const login = await context.request.post(`${base}/api/v1/auth/login`, { data: { email, password: 'correct horse battery staple' } });
  assert.equal(login.status(), 200, await login.text());
  const page = await context.newPage();
  const problems: string[] = [];
  watch(page, problems);
  await page.goto(`${base}/app/settings`);
  await page.getByRole('link', { name: 'Klantportaal' }).click();
  await page.getByRole('heading', { name: 'Klantportaal', level: 1 }).waitFor();
  await page.getByText(`http://klantenservice.energie.example/portal/${slug}`).first().waitFor();
  await assertAccessible(page, 'portal settings');
  const box = page.getByRole('checkbox', { name: 'Klantportaal aan' });
  assert.equal(await box.isChecked(), true);
  await box.focus();
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByText('Uit: niemand kan inloggen').waitFor();
  assert.equal((await app.inject({ method: 'GET', url: `/portal/${slug}` })).statusCode, 404);
  await page.getByRole('checkbox', { name: 'Klantportaal aan' }).check();
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.getByText('Aan: klanten loggen in op').waitFor();
  await page.screenshot({ path: `${SCREENSHOTS}/portal-settings.png` });

  // the case open in the workspace; the customer replies in the portal; the reply arrives live, marked "klantportaal"
  await page.goto(`${base}/app/cases/${caseRef}`);
  await page.getByRole('heading', { name: /Voorschot verhoogd/ }).first().waitFor();
  const portal = (await findPortal(db, slug))!;
  const secret = newSecret();
  const [{ customer_id }] = await db.query<{ customer_id: string }>('SELECT customer_id FROM cases WHERE account_id = $1 AND ref = $2', [acc.accountId, caseRef]);
  await db.query(`INSERT INTO portal_links (account_id, customer_id, email, token_hash, language, expires_at) VALUES ($1, $2, $3, $4, 'nl', now() + interval '5 minutes')`,
    [acc.accountId, customer_id, henk.email, hashSecret(secret)]);
  const used = await useLink(db, portal, secret);
  assert.ok(used.ok);
  const cookie = `luister_portal=${used.cookie}`;
  const [{ id }] = await db.query<{ id: string }>('SELECT id FROM cases WHERE account_id = $1 AND ref = $2', [acc.accountId, caseRef]);
  const casePage = await app.inject({ method: 'GET', url: `/portal/${slug}/cases/${id}`, headers: { cookie } });
  const token = /name="text"/.test(casePage.body) ? /action="[^"]*\/reply[^"]*"[^>]*>\s*<input type="hidden" name="t" value="([^"]+)"/.exec(casePage.body)?.[1] : undefined;
  assert.ok(token, 'the reply form and its token');
  const reply = await app.inject({
    method: 'POST', url: `/portal/${slug}/cases/${id}/reply`, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
    payload: new URLSearchParams({ t: token, text: 'Vanuit het portaal: ik ben vanmiddag ook bereikbaar.' }).toString(),
  });
  assert.equal(reply.statusCode, 200);
  const entry = page.locator('article').filter({ hasText: 'Vanuit het portaal: ik ben vanmiddag ook bereikbaar.' }).first();
  await entry.waitFor({ timeout: 15_000 });
  assert.match(await entry.innerText(), /klantportaal/);
  assert.deepEqual(problems, []);
  await context.close();
});
