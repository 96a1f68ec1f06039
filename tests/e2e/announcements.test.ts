import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { openIncident } from '../../src/announcements/open-incident.ts';
import { openProblem } from '../../src/problems/open-problem.ts';
import { scheduleAnnouncement } from '../../src/announcements/schedule-announcement.ts';
import { sendAnnouncementJob } from '../../src/announcements/send-announcement.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import type { JobRow } from '../../src/storage/jobs.ts';
import { startMailbox } from '../email.ts';
import { updateAnnouncementSettings } from '../../src/announcements/settings.ts';
import { createCustomer } from '../../src/customers/create-customer.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb, uniqueEmail } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, signIn, watch } from './browser.ts';

/** Announcements and the status page in Chromium: the notice check as you type, and a public page that passes axe without script. */
describe('announcements and the public status page in Chromium', { skip: chromiumMissing() }, () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let adminEmail: string;
  let slug: string;
  let accountId: string;
  let admin: { accountId: string; type: 'agent'; id: string; role: 'admin'; agentId: string };
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;

  before(async () => {
    mailbox = await startMailbox();
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await testDb();
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    adminEmail = uniqueEmail('beheer');
    const created = await createAccount(db, { name: 'Telecom Blauw', adminEmail, adminPassword: PASSWORD });
    accountId = created.account.account_id;
    admin = { accountId, type: 'agent' as const, id: created.admin.id, role: 'admin' as const, agentId: created.admin.id };
    await createInbox(db, systemActor(accountId), { address: uniqueEmail('service'), name: 'Klantenservice Blauw' });
    const owner = await createAgent(db, systemActor(accountId), { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent', password: PASSWORD });
    slug = `blauw-${process.pid}-${Date.now() % 100000}`;
    await updateAnnouncementSettings(db, admin, { status_slug: slug, contact_route: 'storing@blauw.example', status_name: 'Telecom Blauw' });
    await createCustomer(db, systemActor(accountId), { name: 'Cor', vulnerable: true, identities: [{ kind: 'email', value: uniqueEmail('cor') }] });
    await openIncident(db, admin, {
      title: { nl: 'Storing internet Utrecht', en: 'Internet outage Utrecht' }, impact: 'major', componentIds: [], ownerId: owner.id,
      update: { status: 'investigating', parts: { nl: { happened: 'Een kabel is geraakt', doing: 'Monteurs zijn onderweg', means: 'U heeft mogelijk geen internet' } }, nextUpdateAt: new Date(Date.now() + 3_600_000) },
    });
    browser = await launch();
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 900 } });
  });
  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
    await mailbox?.close();
  });

  test('composing a rebranding shows the notice check as you type: too short, naming the earliest date', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(`${base}/app/announcements`);
    await page.getByRole('heading', { name: 'Aankondigingen', level: 1 }).waitFor();
    await page.getByLabel('Soort verandering').selectOption('rebranding');
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Gaat in op').fill(soon);
    // one vulnerable customer in "all customers": 14 + 7 days
    await page.getByText(/Te kort: 21 dagen nodig\. De vroegst toegestane ingangsdatum is \d{4}-\d{2}-\d{2}/).waitFor();
    await page.getByText(/1 ontvanger, van wie 1 kwetsbaar/).waitFor();
    await assertAccessible(page, 'announcements');
    await page.screenshot({ path: `${SCREENSHOTS}/announcements.png`, fullPage: true });
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the status page settings: add a component by keyboard, in Dutch; the screen passes axe', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(`${base}/app/status`);
    await page.getByRole('heading', { name: 'Statuspagina', level: 1 }).waitFor();
    await page.getByRole('link', { name: new RegExp(`/status/${slug}`) }).waitFor();
    await page.getByLabel('Naam (Nederlands)').fill('Glasvezel');
    await page.getByLabel('Naam (Engels, mag leeg)').fill('Fibre');
    await page.getByLabel('Naam (Engels, mag leeg)').press('Enter');
    await page.getByText('Onderdeel toegevoegd.').waitFor();
    await page.getByText('Glasvezel · Fibre').waitFor();
    await page.getByLabel('Naam (Nederlands)').fill('Televisie');
    await page.getByLabel('Naam (Nederlands)').press('Enter');
    await page.getByRole('button', { name: 'Omhoog Televisie' }).waitFor();

    // reorder by keyboard: the focus stays on the component that moved
    await page.getByRole('button', { name: 'Omhoog Televisie' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Televisie staat nu op plaats 1 van 2.').waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.move?.endsWith('-down') === true);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), '↓ Omlaag Televisie');
    const names = await page.locator('.status-components li strong').allTextContents();
    assert.deepEqual(names, ['Televisie', 'Glasvezel']);

    // rename and describe by keyboard
    await page.getByRole('button', { name: 'Wijzigen Glasvezel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Omschrijving (Nederlands, mag leeg)').waitFor();
    await assertAccessible(page, 'status page settings, a component being changed');
    await page.getByLabel('Omschrijving (Nederlands, mag leeg)').fill('Internet via glasvezel');
    await page.getByRole('button', { name: 'Opslaan' }).last().press('Enter');
    await page.getByText('Onderdeel gewijzigd.').waitFor();
    await page.getByText('— Internet via glasvezel').waitFor();
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.edit !== undefined);
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Wijzigen Glasvezel', 'the focus goes back to the button that opened the form');
    await assertAccessible(page, 'status page settings');
    await page.screenshot({ path: `${SCREENSHOTS}/status-settings.png`, fullPage: true });
    const pub = await (await fetch(`${base}/status/${slug}`)).text();
    assert.ok(pub.indexOf('<span>Televisie') < pub.indexOf('<span>Glasvezel'), 'the public page follows the order');
    assert.match(pub, /Glasvezel<br><small>Internet via glasvezel<\/small>/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the status page settings: a component put in a group and a group removed, by keyboard; the screen passes axe', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(`${base}/app/status`);
    await page.getByRole('heading', { name: 'Statuspagina', level: 1 }).waitFor();
    for (const name of ['Mobiel', '5G']) {
      await page.getByLabel('Naam (Nederlands)').fill(name);
      await page.getByLabel('Naam (Nederlands)').press('Enter');
      await page.getByRole('button', { name: `Wijzigen ${name}` }).waitFor();
    }
    // 5G into the group Mobiel: the edit form's group field, by keyboard
    await page.getByRole('button', { name: 'Wijzigen 5G' }).focus();
    await page.keyboard.press('Enter');
    const group = page.getByLabel('Groep', { exact: true });
    await group.waitFor();
    await group.focus();
    await group.selectOption({ label: 'Mobiel' });
    await assertAccessible(page, 'status page settings, a component put in a group');
    await page.getByRole('button', { name: 'Opslaan' }).last().press('Enter');
    await page.getByText('Onderdeel gewijzigd.').waitFor();
    await page.getByText('in Mobiel').waitFor();
    await page.locator('.status-components .badge', { hasText: /^groep$/ }).waitFor();
    let pub = await (await fetch(`${base}/status/${slug}`)).text();
    assert.match(pub, /<span>Mobiel<\/span><span>Werkt<\/span><ul class="c g"><li><span>5G<\/span>/, 'the public page nests 5G under Mobiel');
    // a group cannot go into a group: its field is disabled
    await page.getByRole('button', { name: 'Wijzigen Mobiel' }).press('Enter');
    assert.equal(await page.getByLabel('Groep', { exact: true }).isDisabled(), true);
    await page.getByRole('button', { name: 'Annuleren' }).last().press('Enter');

    // remove the group: asked twice, the focus on the confirming button, then on the next component
    await page.getByRole('button', { name: 'Verwijderen Mobiel' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Mobiel van de statuspagina verwijderen?').waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Ja, verwijderen');
    await assertAccessible(page, 'status page settings, removing a component');
    await page.keyboard.press('Enter');
    await page.getByText('Mobiel is verwijderd.').waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Wijzigen 5G');
    assert.deepEqual(await page.locator('.status-components li strong').allTextContents(), ['Televisie', 'Glasvezel', '5G']);
    assert.equal(await page.getByText('in Mobiel').count(), 0);
    await assertAccessible(page, 'status page settings after a removal');
    pub = await (await fetch(`${base}/status/${slug}`)).text();
    assert.doesNotMatch(pub, /Mobiel/);
    assert.match(pub, /<li><span>5G<\/span><span>Werkt<\/span><\/li>/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('the public status page works without JavaScript and passes axe, in Dutch and English', async () => {
    // no script on the page, and its CSP (default-src 'none') would not run one: what you see works without JavaScript
    const plain = await browser.newContext({ locale: 'nl-NL' });
    const page = await plain.newPage();
    const res = await page.goto(`${base}/status/${slug}`);
    assert.match(res?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
    assert.equal(await page.locator('script').count(), 0);
    await page.getByRole('heading', { name: 'Storing internet Utrecht' }).waitFor();
    await page.getByText('Volgende update uiterlijk', { exact: false }).first().waitFor();
    await assertAccessible(page, 'status page');
    await page.screenshot({ path: `${SCREENSHOTS}/status-page.png`, fullPage: true });
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Internet outage Utrecht' }).waitFor();
    await assertAccessible(page, 'status page (English)');
    await plain.close();
  });

  test('send progress on the announcements screen, live as each batch goes out; the override reason and who gave it are shown', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    const a = await scheduleAnnouncement(db, admin, {
      kind: 'price_change', content: { nl: { subject: 'Uw prijs gaat omlaag', body: 'Vanaf de ingangsdatum betaalt u minder.', plain: 'U gaat minder betalen.' } },
      effectiveAt: new Date(Date.now() + 10 * 86_400_000), audience: { kind: 'all' }, overrideReason: 'Prijsverlaging: klanten gaan er alleen op vooruit',
    });
    await page.goto(`${base}/app/announcements`);
    const row = page.locator(`tr[data-announcement="${a.id}"]`);
    await row.getByText('0 van 1 verstuurd').waitFor();
    await row.getByText(/Termijn overschreven door .+: Prijsverlaging/).waitFor();
    // the sender's batch goes out while the screen is open: it follows without a reload
    await sendAnnouncementJob(mailbox.url)(db, { id: 0, account_id: accountId, kind: 'announcement.send', payload: { announcement_id: a.id }, attempts: 1, max_attempts: 10 } as JobRow);
    await row.getByText('1 van 1 verstuurd').waitFor();
    await row.getByText('Verstuurd', { exact: true }).waitFor();
    await row.getByText('1 kwetsbare klant kreeg het eerder, in eenvoudige taal').waitFor();
    await assertAccessible(page, 'announcements with send progress');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('incidents: the countdown, an update with its four parts by keyboard, an overdue one shown as overdue, live', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    await page.goto(`${base}/app/incidents`);
    await page.getByRole('heading', { name: 'Storingen', level: 1 }).waitFor();
    const open = page.getByRole('region', { name: 'Storing internet Utrecht' });
    await open.getByText(/Volgende update uiterlijk .+ \(nog (\d+:\d{2}|\d+ min)\)/).waitFor();

    // an incident whose promised update passed, opened elsewhere: it arrives live, shown overdue
    const t0 = Date.now() - 2 * 3_600_000;
    await openIncident(db, admin, {
      title: { nl: 'Storing tv Amersfoort' }, impact: 'minor', componentIds: [],
      update: { status: 'investigating', parts: { nl: { happened: 'Geen beeld', doing: 'We zoeken het uit', means: 'U kunt geen tv kijken' } }, nextUpdateAt: new Date(t0 + 3_600_000), now: new Date(t0) },
    });
    const late = page.getByRole('region', { name: 'Storing tv Amersfoort' });
    await late.getByText(/Te laat: de update was beloofd vóór/).waitFor();

    // post an update by keyboard: every part is required
    const next = new Date(Date.now() + 2 * 3_600_000);
    const local = new Date(next.getTime() - next.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await open.getByLabel('Status').selectOption('identified');
    await open.getByLabel('Wat er is gebeurd').fill('Een graafmachine raakte een kabel');
    await open.getByLabel('Wat wij doen').fill('Monteurs lassen de kabel');
    await open.getByLabel('Wat dit voor u betekent').fill('Tot vanavond mogelijk geen internet');
    await open.getByLabel('Volgende update uiterlijk').fill(local);
    await open.getByLabel('Contact met een medewerker').fill('088 123 45 67');
    await assertAccessible(page, 'incidents');
    await page.screenshot({ path: `${SCREENSHOTS}/incidents.png`, fullPage: true });
    await open.getByRole('button', { name: 'Update plaatsen' }).press('Enter');
    await page.getByText('Update geplaatst.').waitFor();
    await open.getByText(/^Oorzaak gevonden · Groot/).waitFor();
    const pub = await (await fetch(`${base}/status/${slug}`)).text();
    assert.match(pub, /Een graafmachine raakte een kabel/, 'on the public page at once');
    assert.match(pub, /Te laat: de volgende update was beloofd vóór/, 'the overdue one is overdue in public too');
    assert.deepEqual(problems, []);
    await page.close();
  });

  test('a problem shows its incidents and reports one linked to it', async () => {
    await signIn(context, base, adminEmail);
    const page = await context.newPage();
    const problems: string[] = [];
    watch(page, problems);
    const problem = await openProblem(db, admin, { title: 'Glasvezel Utrecht valt weg', ownerId: admin.agentId });
    await page.goto(`${base}/app/problems/${problem.id}`);
    const section = page.getByRole('region', { name: 'Storingen op de statuspagina' });
    await section.getByText('Geen storing gemeld voor dit probleem.').waitFor();
    await section.getByRole('link', { name: 'Storing melden voor dit probleem' }).click();
    await page.getByText('Deze storing wordt gekoppeld aan het probleem waar u vandaan kwam.').waitFor();
    const form = page.getByRole('region', { name: 'Storing melden' });
    const next = new Date(Date.now() + 3_600_000);
    await form.getByLabel('Titel').fill('Glasvezel Utrecht');
    await form.getByLabel('Wat er is gebeurd').fill('Een verdeelkast is uitgevallen');
    await form.getByLabel('Wat wij doen').fill('Een monteur is onderweg');
    await form.getByLabel('Wat dit voor u betekent').fill('U heeft mogelijk geen internet');
    await form.getByLabel('Volgende update uiterlijk').fill(new Date(next.getTime() - next.getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
    await form.getByLabel('Contact met een medewerker').fill('storing@blauw.example');
    await form.getByRole('button', { name: 'Storing melden' }).press('Enter');
    await page.getByText('Storing gemeld.').waitFor();
    const opened = page.getByRole('region', { name: 'Glasvezel Utrecht', exact: true });
    await opened.getByRole('link', { name: 'Het probleem achter deze storing' }).waitFor();
    await page.goto(`${base}/app/problems/${problem.id}`);
    await page.getByRole('region', { name: 'Storingen op de statuspagina' }).getByRole('link', { name: 'Glasvezel Utrecht' }).waitFor();
    await assertAccessible(page, 'problem with its incident');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
