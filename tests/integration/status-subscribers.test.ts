import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createCustomer } from '../../src/customers/create-customer.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { scheduleAnnouncement } from '../../src/announcements/schedule-announcement.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { runJobs, startMailbox } from '../email.ts';

const PUBLIC = 'https://luister.test.example';
const DAY = 86_400_000;
const parts = { nl: { happened: 'Storing op internet', doing: 'Monteurs zijn onderweg', means: 'U heeft mogelijk geen internet' } };

/** Issue 15: subscribing to the status page — double opt-in, per component, one-click unsubscribe in every mail. */
describe('status page subscribers', () => {
  let ctx: TestContext;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let acc: TestAccount;
  let admin: Actor;
  let slug: string;
  let config: ReturnType<typeof testConfig>;
  const comps: Record<string, string> = {};
  const who: Record<string, string> = {};
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => ctx.app.inject({ method, url, payload: payload as never, headers: acc.auth });
  const form = (url: string, body: string) => ctx.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  const run = (kind: string) => runJobs(ctx.db, jobHandlers(config), acc.accountId, [kind]);
  const mailsTo = (email: string, since = 0) => mailbox.received.slice(since).filter((m) => m.envelope.to.includes(email));
  const state = async (email: string) => (await ctx.db.query<{ state: string }>('SELECT state FROM status_subscribers WHERE account_id = $1 AND email = $2', [acc.accountId, email]))[0]?.state;

  before(async () => {
    mailbox = await startMailbox();
    config = testConfig({ SMTP_RELAY_URL: mailbox.url, PUBLIC_URL: PUBLIC });
    ctx = await testApp(config);
    acc = await newAccount(ctx.db, 'Status');
    admin = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
    await createInbox(ctx.db, systemActor(acc.accountId), { address: uniqueEmail('status'), name: 'Telecom Status' });
    slug = `sub-${process.pid}-${Date.now() % 100000}`;
    assert.equal((await inject('PATCH', '/api/v1/settings/announcements', { contact_route: '088 123 45 67', status_slug: slug, status_name: 'Telecom' })).statusCode, 200);
    for (const name of ['Internet', 'TV']) comps[name] = (await inject('POST', '/api/v1/status-components', { name_nl: name, name_en: name })).json().id;
    for (const n of ['anna', 'bram', 'cor', 'dirk']) who[n] = uniqueEmail(n);
  });
  after(async () => {
    await ctx.close();
    await mailbox.close();
  });

  test('the page offers the form; subscribing asks for confirmation by mail, and only a POST on the link confirms', async () => {
    const page = await ctx.app.inject({ method: 'GET', url: `/status/${slug}` });
    assert.match(page.body, new RegExp(`<form method="post" action="/status/${slug}/subscribe">`));
    assert.match(page.body, new RegExp(`name="component" value="${comps.Internet}"`));

    const subs: [string, string[]][] = [['anna', [comps.Internet]], ['bram', []], ['cor', [comps.TV]], ['dirk', []]];
    for (const [n, cs] of subs) {
      const r = await form(`/status/${slug}/subscribe`, new URLSearchParams([['email', who[n]], ['lang', 'nl'], ...cs.map((c) => ['component', c])]).toString());
      assert.equal(r.statusCode, 202, r.body);
      assert.match(r.body, /Kijk in uw mail/);
    }
    // asking again soon sends no second mail (the form cannot be used to flood someone)
    assert.equal((await form(`/status/${slug}/subscribe`, `email=${encodeURIComponent(who.anna)}`)).statusCode, 202);
    assert.equal((await form(`/status/${slug}/subscribe`, 'email=geen-adres')).statusCode, 422);
    assert.equal((await form(`/status/nergens-${process.pid}/subscribe`, `email=${encodeURIComponent(who.anna)}`)).statusCode, 404);
    assert.equal((await form(`/status/${slug}/subscribe`, `email=${encodeURIComponent(uniqueEmail('x'))}&component=00000000-0000-4000-8000-000000000000`)).statusCode, 422);

    const before = mailbox.received.length;
    assert.equal(await run('status.confirm'), 4);
    for (const n of ['anna', 'bram', 'cor']) {
      const [mail] = mailsTo(who[n], before);
      assert.ok(mail, `${n} got the confirmation`);
      const link = new RegExp(`${PUBLIC}(/status/${slug}/confirm/\\S+)`).exec(mail.mail.text ?? '')![1];
      const get = await ctx.app.inject({ method: 'GET', url: link });
      assert.equal(get.statusCode, 200);
      assert.match(get.body, /<form method="post">/);
      assert.equal(await state(who[n]), 'pending', 'a GET (a link scanner) confirms nothing');
      const post = await form(link, '');
      assert.equal(post.statusCode, 200, post.body);
      assert.equal(await state(who[n]), 'confirmed');
      assert.equal((await form(link, '')).statusCode, 404, 'the link is used up');
    }
    assert.equal(await state(who.dirk), 'pending');
  });

  test('incident updates reach confirmed subscribers of its components (or all), once, with one-click unsubscribe', async () => {
    const before = mailbox.received.length;
    const r = await inject('POST', '/api/v1/incidents', {
      title: { nl: 'Storing <internet>' }, impact: 'major', component_ids: [comps.Internet], owner_id: acc.adminId,
      update: { status: 'investigating', parts, next_update_at: new Date(Date.now() + 3_600_000).toISOString() },
    });
    assert.equal(r.statusCode, 201, r.body);
    await run('status.notify');
    await run('status.notify');
    assert.deepEqual(mailbox.received.slice(before).map((m) => m.envelope.to[0]).sort(), [who.anna, who.bram].sort());
    const [mail] = mailsTo(who.anna, before);
    assert.match(mail.mail.subject ?? '', /\[Telecom\] .*Storing <internet>/);
    assert.match(mail.mail.text ?? '', /Storing op internet[\s\S]*Monteurs zijn onderweg[\s\S]*088 123 45 67/);
    const raw = mail.raw.toString().replace(/\r\n[ \t]+/g, ' ');
    const unsubscribe = /^List-Unsubscribe: <(.+)>\r?$/m.exec(raw)![1];
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    assert.ok((mail.mail.text ?? '').includes(unsubscribe), 'the link is in the text too');

    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click
    const out = await form(unsubscribe.slice(PUBLIC.length), 'List-Unsubscribe=One-Click');
    assert.equal(out.statusCode, 200, out.body);
    assert.equal(await state(who.anna), 'unsubscribed');
    assert.equal((await form(`${unsubscribe.slice(PUBLIC.length, -5)}AAAAA`, 'List-Unsubscribe=One-Click')).statusCode, 404);

    const next = mailbox.received.length;
    const u = await inject('POST', `/api/v1/incidents/${r.json().incident.id}/updates`, { status: 'resolved', parts });
    assert.equal(u.statusCode, 201, u.body);
    await run('status.notify');
    assert.deepEqual(mailbox.received.slice(next).map((m) => m.envelope.to[0]), [who.bram]);
  });

  test('the form is limited per client address and per e-mail address, with a clear answer and nothing sent', async () => {
    const from = (ip: string, body: string) => ctx.app.inject({ method: 'POST', url: `/status/${slug}/subscribe`, payload: body, remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'nl' } });
    // per client address: 20 an hour, whatever is asked
    const flood = '203.0.113.7';
    for (let k = 0; k < 20; k++) assert.equal((await from(flood, `email=${encodeURIComponent(uniqueEmail(`flood${k}`))}`)).statusCode, 202);
    const more = uniqueEmail('flood-more');
    const refused = await from(flood, `email=${encodeURIComponent(more)}`);
    assert.equal(refused.statusCode, 429);
    assert.match(refused.body, /Te veel aanmeldingen[\s\S]*Probeer het over \d+ minuten opnieuw/);
    assert.ok(Number(refused.headers['retry-after']) > 0);
    assert.equal(await state(more), undefined, 'nothing written');
    assert.equal((await from('203.0.113.8', `email=${encodeURIComponent(uniqueEmail('neighbour'))}`)).statusCode, 202, 'another address is not affected');

    // per e-mail address: a victim's address typed again and again, from many machines
    const victim = uniqueEmail('victim');
    const queued = async () => (await ctx.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE account_id = $1 AND kind = 'status.confirm' AND payload->>'subscriber_id' = (SELECT id::text FROM status_subscribers WHERE account_id = $1 AND email = $2)`,
      [acc.accountId, victim]))[0].n;
    const again = () => ctx.db.query(`UPDATE status_subscribers SET confirm_sent_at = confirm_sent_at - interval '11 minutes' WHERE account_id = $1 AND email = $2`, [acc.accountId, victim]);
    for (let k = 0; k < 3; k++) {
      assert.equal((await from(`198.51.100.${k}`, `email=${encodeURIComponent(victim)}`)).statusCode, 202);
      if (k < 2) assert.equal((await from(`198.51.100.${k + 10}`, `email=${encodeURIComponent(victim)}`)).statusCode, 202, 'within ten minutes: the usual answer, no mail');
      await again();
    }
    assert.equal(await queued(), 3);
    const enough = await from('198.51.100.99', `email=${encodeURIComponent(victim)}&lang=en`);
    assert.equal(enough.statusCode, 429);
    assert.match(enough.body, /Enough mails sent[\s\S]*three confirmation mails[\s\S]*try again in \d+ hours/);
    assert.equal(await queued(), 3, 'no fourth mail');
    // a day after the first, the address may be sent one again
    await ctx.db.query(`UPDATE status_subscribers SET confirm_window_start = confirm_window_start - interval '24 hours' WHERE account_id = $1 AND email = $2`, [acc.accountId, victim]);
    assert.equal((await from('198.51.100.99', `email=${encodeURIComponent(victim)}`)).statusCode, 202);
    assert.equal(await queued(), 4);
  });

  test('planned maintenance on the status page reaches every confirmed subscriber', async () => {
    const customer = uniqueEmail('klant');
    await createCustomer(ctx.db, systemActor(acc.accountId), { name: 'Klant', language: 'nl', identities: [{ kind: 'email', value: customer }] });
    const before = mailbox.received.length;
    await scheduleAnnouncement(ctx.db, admin, {
      kind: 'planned_maintenance', effectiveAt: new Date(Date.now() + 5 * DAY), endsAt: new Date(Date.now() + 5 * DAY + 4 * 3_600_000),
      content: { nl: { subject: 'Onderhoud aan het netwerk', body: 'Wij werken aan het netwerk.', plain: 'Werk aan het netwerk.' } },
      audience: { kind: 'list', csv: `email\n${customer}` },
    });
    await run('status.notify');
    const to = mailbox.received.slice(before).map((m) => m.envelope.to[0]).sort();
    assert.deepEqual(to, [who.bram, who.cor].sort());
    assert.match(mailsTo(who.cor, before)[0].mail.text ?? '', /Gepland onderhoud vanaf/);
  });

  test('a subscriber of a group hears of an incident on one of its components; one of a removed component is not widened to all', async () => {
    const mobiel = (await inject('POST', '/api/v1/status-components', { name_nl: 'Mobiel' })).json().id;
    const vijfG = (await inject('POST', '/api/v1/status-components', { name_nl: '5G' })).json().id;
    const fax = (await inject('POST', '/api/v1/status-components', { name_nl: 'Fax' })).json().id;
    assert.equal((await inject('PATCH', `/api/v1/status-components/${vijfG}`, { group_id: mobiel })).statusCode, 200);
    const erik = uniqueEmail('erik');
    const gijs = uniqueEmail('gijs');
    for (const [email, cs] of [[erik, [mobiel]], [gijs, [fax]]] as const) {
      await ctx.db.query(`INSERT INTO status_subscribers (account_id, email, component_ids, state, unsubscribe_secret, confirmed_at)
        VALUES ($1, $2, $3, 'confirmed', $4, now())`, [acc.accountId, email, cs, `t-${email}`]);
    }
    assert.equal((await ctx.app.inject({ method: 'DELETE', url: `/api/v1/status-components/${fax}`, headers: acc.auth })).statusCode, 200);
    const before = mailbox.received.length;
    const r = await inject('POST', '/api/v1/incidents', {
      title: { nl: 'Storing 5G' }, impact: 'major', component_ids: [vijfG], owner_id: acc.adminId,
      update: { status: 'investigating', parts, next_update_at: new Date(Date.now() + 3_600_000).toISOString() },
    });
    assert.equal(r.statusCode, 201, r.body);
    await run('status.notify');
    assert.deepEqual(mailbox.received.slice(before).map((m) => m.envelope.to[0]).sort(), [who.bram, erik].sort());
  });
});
