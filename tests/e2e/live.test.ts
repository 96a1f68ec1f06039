import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAccount } from '../../src/accounts/create-account.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { buildApp } from '../../src/http/app.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { startWorker } from '../../src/worker/runner.ts';
import { smtpClient, startMailbox } from '../email.ts';
import { testConfig, testDb, uniqueEmail, verifyInbox } from '../helpers.ts';
import { assertAccessible, buildWorkspace, chromiumMissing, launch, PASSWORD, SCREENSHOTS, signIn, watch } from './browser.ts';

/**
 * The whole road, live, in a real browser: a customer mails in over real SMTP, the case appears
 * in the open inbox without a reload, two agents open it and each sees the other (viewing,
 * typing), one answers after the reply checker made her fix her draft, the other is told at
 * once, the customer's mailbox (a real SMTP server) receives the answer threaded, and an
 * @mention in a note rings the colleague's bell. The job worker runs as in production.
 */
const skip = chromiumMissing();
const log = pino({ level: 'silent' });

describe('live: mail in, collision notice, reply out, mention', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let base: string;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let worker: ReturnType<typeof startWorker>;
  let inbox: string;
  let sanne: { email: string; id: string };
  let bram: { email: string; id: string };
  const problems: string[] = [];
  const contexts: BrowserContext[] = [];

  before(async () => {
    await buildWorkspace();
    mkdirSync(SCREENSHOTS, { recursive: true });
    db = await testDb();
    mailbox = await startMailbox();
    const config = testConfig({ SMTP_RELAY_URL: mailbox.url });
    const created = await createAccount(db, { name: 'Parkeren Utrecht', adminEmail: uniqueEmail('admin'), adminPassword: PASSWORD });
    const actor = systemActor(created.account.account_id);
    const agent = async (name: string) => {
      const email = uniqueEmail(name.split(' ')[0].toLowerCase());
      const a = await createAgent(db, actor, { email, name, role: 'agent', password: PASSWORD });
      return { email, id: a.id };
    };
    sanne = await agent('Sanne de Wit');
    bram = await agent('Bram Visser');
    inbox = uniqueEmail('klantenservice').replace('@example.test', '@parkeren-utrecht.example');
    await createInbox(db, actor, { address: inbox, name: 'Klantenservice Parkeren Utrecht' });
    await verifyInbox(db, actor.accountId, inbox);
    app = await buildApp({ db, config, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    smtp = await startSmtpListener(db, config, log, { port: 0 });
    worker = startWorker(db, { handlers: jobHandlers(config), concurrency: 2, pollMs: 100, log, accountIds: [created.account.account_id] });
    browser = await launch();
  });

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await worker?.stop();
    await smtp?.close();
    await app?.close();
    await mailbox?.close();
    await db?.close();
  });

  const open = async (who: { email: string }): Promise<Page> => {
    const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1360, height: 900 } });
    contexts.push(context);
    await signIn(context, base, who.email);
    const page = await context.newPage();
    watch(page, problems);
    return page;
  };

  test('a mail appears live; two agents see each other; one answers; the customer gets it threaded; a mention rings', async () => {
    const ps = await open(sanne);
    await ps.goto(`${base}/app/`);
    await ps.getByRole('heading', { name: 'Inbox' }).waitFor();
    await ps.locator('.live-live').waitFor(); // the stream is up

    // the customer mails in over SMTP; the open inbox shows it without a reload
    const customer = uniqueEmail('marieke');
    const sent = await smtpClient(smtp.port).send({
      from: `"Marieke Jansen" <${customer}>`,
      to: inbox,
      subject: 'Parkeergeld twee keer afgeschreven',
      text: 'Beste klantenservice,\n\nVoor mijn parkeersessie van dinsdag is twee keer € 7,80 afgeschreven. Ik wil het teveel betaalde terug.\n\nGroet,\nMarieke Jansen',
    });
    assert.match(sent.response, /^250 /);
    const row = ps.locator('table.cases tbody tr', { hasText: 'Parkeergeld twee keer afgeschreven' });
    await row.waitFor({ timeout: 10_000 });
    await row.getByText('zojuist').waitFor();
    await row.getByRole('cell', { name: 'Marieke Jansen' }).waitFor();
    await assertAccessible(ps, 'inbox with a case that arrived live');
    await ps.screenshot({ path: `${SCREENSHOTS}/inbox-live.png` });
    const ref = (await row.locator('a[data-row]').innerText()).trim();

    // Sanne opens it; Bram opens it too; each sees the other
    await row.locator('a[data-row]').click();
    await ps.waitForURL(`**/app/cases/${ref}`);
    const pb = await open(bram);
    await pb.goto(`${base}/app/cases/${ref}`);
    await pb.getByText('Sanne de Wit bekijkt deze zaak ook.').waitFor();
    await ps.getByText('Bram Visser bekijkt deze zaak ook.').waitFor();

    // Sanne starts a reply that blames the customer: the checker flags it; Bram sees her typing
    await ps.keyboard.press('r');
    await ps.keyboard.type('U heeft zelf twee keer op betalen gedrukt, dat is uw eigen schuld.');
    await ps.locator('ul.findings [data-check="blame"]').first().waitFor();
    await pb.getByText('Sanne de Wit typt een antwoord aan deze klant…').waitFor();
    await assertAccessible(pb, 'case view with a colleague typing');
    await pb.screenshot({ path: `${SCREENSHOTS}/collision.png` });

    // she fixes it and sends; Bram is told at once and sees the reply in the timeline
    const reply =
      'Beste Marieke,\n\nDank u voor uw bericht, en excuses: de tweede afschrijving van € 7,80 had niet mogen gebeuren. ' +
      'Ik heb het bedrag vandaag teruggestort; u ziet het binnen drie werkdagen op uw rekening. Ik mail u vrijdag vóór 12:00 om te horen of het binnen is.\n\n' +
      'Met vriendelijke groet,\nSanne de Wit';
    await ps.getByRole('textbox', { name: 'Je antwoord' }).fill(reply);
    await ps.locator('ul.findings [data-check="blame"]').first().waitFor({ state: 'detached' });
    await ps.getByRole('button', { name: 'Versturen' }).click();
    await ps.getByText('Verstuurd.').waitFor();
    await pb.getByText('Sanne de Wit heeft deze klant net geantwoord.', { exact: false }).waitFor();
    await pb.locator('ol.timeline').getByText('de tweede afschrijving van € 7,80 had niet mogen gebeuren').waitFor();

    // the customer's mailbox: the acknowledgement, then the answer, threaded on her mail
    const answer = await waitForMail(mailbox, (m) => (m.mail.text ?? '').includes('teruggestort'));
    assert.deepEqual(answer.envelope.to, [customer]);
    assert.equal(answer.mail.inReplyTo, sent.messageId);
    assert.ok(String(answer.mail.references ?? '').includes(sent.messageId), 'References carries her message');
    assert.match(answer.mail.subject ?? '', new RegExp(`^Re: Parkeergeld twee keer afgeschreven \\[${ref}\\]$`));
    assert.match(String(answer.mail.replyTo?.value[0].address), /\+lu-\d+@parkeren-utrecht\.example$/);

    // Bram writes a note mentioning Sanne: her bell rings without a reload
    await pb.keyboard.press('n');
    await pb.getByLabel('Collega noemen').selectOption({ label: 'Sanne de Wit' });
    await pb.waitForFunction(() => document.activeElement?.id === 'composer-text');
    await pb.keyboard.type('kun jij vrijdag checken of de terugboeking binnen is?');
    assert.equal(await pb.getByRole('textbox', { name: /notitie/i }).inputValue(), '@Sanne de Wit kun jij vrijdag checken of de terugboeking binnen is?');
    await assertAccessible(pb, 'note with a mention');
    await pb.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await ps.getByRole('button', { name: '1 ongelezen melding' }).waitFor();
    await ps.locator('ol.timeline').getByText('kun jij vrijdag checken').waitFor(); // the note, live in her timeline too

    // Bram leaves: Sanne no longer sees him
    await pb.goto(`${base}/app/`);
    await ps.getByText('Bram Visser bekijkt deze zaak ook.').waitFor({ state: 'detached' });
    assert.deepEqual(problems, [], 'no script errors and no failed requests');
  });
});

async function waitForMail(mailbox: Awaited<ReturnType<typeof startMailbox>>, match: (m: Awaited<ReturnType<typeof startMailbox>>['received'][number]) => boolean, ms = 15_000) {
  const until = Date.now() + ms;
  for (;;) {
    const hit = mailbox.received.find(match);
    if (hit) return hit;
    if (Date.now() > until) throw new Error(`no such mail within ${ms} ms; got: ${mailbox.received.map((m) => m.mail.subject).join(' | ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
