import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Browser, Page } from 'playwright-core';
import { buildApp } from '../../src/http/app.ts';
import { addMessage } from '../../src/cases/add-message.ts';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { updateServiceSettings } from '../../src/promises/settings.ts';
import { systemActor, type Actor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { newAccount, testConfig, testDb, type TestAccount } from '../helpers.ts';
import { assertAccessible, chromiumMissing, launch } from './browser.ts';

/**
 * The chat widget on a company's page (issue 17), in Debian's Chromium: one script tag on a page of
 * another origin; the visitor chats, asks for a person, sees the agent's answers live; the connection
 * is cut and restored and nothing is lost or doubled; with nobody available a callback is offered.
 */
const skip = chromiumMissing();
let db: Db;
let app: FastifyInstance;
let site: Server;
let browser: Browser;
let base: string;
let shop: string;
let acc: TestAccount;
let agent: Actor;
const slug = `shop-${process.pid}-${Date.now() % 100000}`;

before(async () => {
  if (skip) return;
  db = await testDb();
  acc = await newAccount(db, 'Fietsenwinkel');
  agent = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
  // open day and night, so "someone is available" does not depend on when the test runs
  const allDay = [{ start: '00:00', end: '24:00' }];
  await updateServiceSettings(db, systemActor(acc.accountId), { calendar: { weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay }, holidays: null } });
  app = await buildApp({ db, config: testConfig(), logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  // the company's own website, on another origin, with the one script tag
  site = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fietsenwinkel</title></head><body><main><h1>Fietsen</h1><p>Welkom.</p></main>` +
      `<script src="${base}/widget.js" data-luister="${slug}" async></script></body></html>`);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
  shop = `http://localhost:${(site.address() as { port: number }).port}`;
  await setChannelSettings(db, systemActor(acc.accountId), { slug, allowed_origins: [shop] });
  browser = await launch();
});

after(async () => {
  if (skip) return;
  await browser?.close();
  site?.close();
  await app?.close();
  await db?.close();
});

const logText = (page: Page) => page.getByRole('log').innerText();

test('a visitor chats, asks for a person, sees the answers live, survives a cut connection with nothing lost or doubled', { skip }, async () => {
  // the agent has the workspace open (its live stream): someone is here to answer
  const here = new AbortController();
  assert.equal((await fetch(`${base}/api/v1/live`, { headers: acc.auth, signal: here.signal })).status, 200);
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(shop);
  await page.getByRole('button', { name: 'Chat met ons' }).click();
  const dialog = page.getByRole('dialog', { name: 'Chat' });
  await dialog.waitFor();
  await page.getByRole('button', { name: 'Praat met een medewerker' }).waitFor();
  await assertAccessible(page, 'chat widget');

  await page.getByLabel('Uw bericht').fill('Mijn e-bike laadt niet meer op.');
  await page.getByRole('button', { name: 'Versturen' }).click();
  await page.getByRole('log').getByText('Mijn e-bike laadt niet meer op.').waitFor();
  // acknowledged in Dutch: the case reference and when they hear from us at the latest
  await page.getByRole('status').getByText(/^Uw vraag heeft nummer \S+\. U hoort uiterlijk \w+dag \d+ \w+ om \d\d:\d\d van ons/).waitFor();
  await page.getByRole('button', { name: 'Praat met een medewerker' }).click();
  await page.getByRole('status').getByText('Een medewerker komt zo bij u.').waitFor();

  const [c] = await db.query<{ id: string }>(`SELECT id FROM cases WHERE account_id = $1 AND channel = 'chat'`, [acc.accountId]);
  await addMessage(db, agent, c.id, { type: 'outbound', body: 'Hallo, ik ben Anna. Brandt het lampje op de lader?' });
  await page.getByRole('log').getByText('Brandt het lampje op de lader?').waitFor();

  // the connection is cut mid-conversation; the agent answers twice meanwhile
  await context.setOffline(true);
  app.server.closeAllConnections();
  await addMessage(db, agent, c.id, { type: 'outbound', body: 'Probeer ook een ander stopcontact.' });
  await addMessage(db, agent, c.id, { type: 'outbound', body: 'En laat het me weten.' });
  await context.setOffline(false);
  await page.getByRole('log').getByText('En laat het me weten.').waitFor();
  const lines = (await logText(page)).split('\n').filter(Boolean);
  assert.deepEqual(lines.map((l) => l.replace(/^\S+:\s*/, '')), [
    'Hallo! Stel uw vraag, of praat meteen met een medewerker.',
    'Mijn e-bike laadt niet meer op.',
    'Hallo, ik ben Anna. Brandt het lampje op de lader?',
    'Probeer ook een ander stopcontact.',
    'En laat het me weten.',
  ]);

  // a reload keeps the conversation
  await page.reload();
  await page.getByRole('log').getByText('En laat het me weten.').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Chat met ons' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
  here.abort();
});

test('with nobody available the widget says so and offers a callback; the visitor books it and the promise is on the case and in promises due', { skip }, async () => {
  await db.query('UPDATE agents SET available = false WHERE account_id = $1', [acc.accountId]);
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await context.newPage();
  await page.goto(shop);
  await page.getByRole('button', { name: 'Chat met ons' }).click();
  await page.getByRole('button', { name: 'Praat met een medewerker' }).click();
  await page.getByRole('status').getByText('Er is nu niemand beschikbaar.').waitFor();
  const link = page.getByRole('link', { name: 'Plan een terugbelafspraak' });
  const href = (await link.getAttribute('href')) ?? '';
  assert.match(href, new RegExp(`/contact/${slug}/callback\\?lang=nl$`));
  await assertAccessible(page, 'chat widget, nobody available');

  // the link opens the booking page: the visitor picks the first free slot and books it
  await page.goto(href);
  await page.getByRole('radio').first().check();
  await page.getByLabel(/^Uw naam/).fill('Joost de Boer');
  await page.getByLabel(/^Uw telefoonnummer/).fill('06 98765432');
  await assertAccessible(page, 'callback booking page');
  await page.waitForTimeout(3200); // the page's minimum fill time (a signed timestamp keeps bots out)
  await page.getByRole('button', { name: 'Afspraak maken' }).click();
  await page.getByText(/We bellen u \w+dag \d+ \w+ tussen \d\d:\d\d en \d\d:\d\d/).waitFor();
  // the promise is on the case, with an owner, and in "promises due"
  const [p] = await db.query<{ id: string; kind: string; due_at: Date; case_id: string }>(
    `SELECT p.id, p.kind, p.due_at, p.case_id FROM promises p JOIN cases c ON c.account_id = p.account_id AND c.id = p.case_id
     WHERE p.account_id = $1 AND p.kind = 'callback' AND p.state = 'open'`, [acc.accountId]);
  assert.ok(p, 'a callback promise');
  const due = await app.inject({ method: 'GET', url: `/api/v1/promises?state=open&due_before=${encodeURIComponent(new Date(p.due_at.getTime() + 1000).toISOString())}`, headers: acc.auth });
  assert.ok(due.json().data.some((x: { id: string }) => x.id === p.id), 'in promises due');
  await context.close();
});
