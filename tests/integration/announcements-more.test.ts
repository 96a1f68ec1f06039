import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createCustomer } from '../../src/customers/create-customer.ts';
import { setCustomerTags } from '../../src/customers/set-customer-tags.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { openProblem } from '../../src/problems/open-problem.ts';
import { scheduleAnnouncement } from '../../src/announcements/schedule-announcement.ts';
import { sendAnnouncementJob } from '../../src/announcements/send-announcement.ts';
import { openIncident } from '../../src/announcements/open-incident.ts';
import { postIncidentUpdate } from '../../src/announcements/post-incident-update.ts';
import { sweepIncidents } from '../../src/announcements/sweep-incidents.ts';
import { loadStatusPage } from '../../src/announcements/status-page-data.ts';
import { statuspageV2 } from '../../src/http/public/status-feeds.ts';
import type { JobRow } from '../../src/storage/jobs.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { startMailbox } from '../email.ts';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const content = {
  nl: { subject: 'Nieuwe bundel', body: 'Beste klant, vanaf de ingangsdatum is er een nieuwe bundel.', plain: 'Er is een nieuwe bundel. U hoeft niets te doen.' },
  en: { subject: 'New bundle', body: 'Dear customer, from the effective date there is a new bundle.', plain: 'There is a new bundle. You do not need to do anything.' },
};
const parts = { nl: { happened: 'Storing op het netwerk', doing: 'Monteurs zijn onderweg', means: 'U heeft mogelijk geen internet' } };
const C4_EVENTS = ['announcement.scheduled', 'announcement.sent', 'incident.opened', 'incident.updated', 'incident.update_overdue'];

/** Issue 15, the parts the first test file leaves: opt-outs, the send rate, problems both ways, maintenance, 90 days, webhooks. */
describe('announcements and incidents (C4), continued', () => {
  let ctx: TestContext;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let acc: TestAccount;
  let slug: string;
  let admin: Actor;
  let supervisor: Actor;
  let agent: Actor;
  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => ctx.app.inject({ method, url, payload: payload as never, headers: acc.auth });
  const send = (at: Date, id: string) => sendAnnouncementJob(mailbox.url, () => at, 'https://luister.example.nl')(ctx.db, { id: 0, account_id: acc.accountId, kind: 'announcement.send', payload: { announcement_id: id }, attempts: 1, max_attempts: 10 } as JobRow);
  const customer = async (name: string, o: { vulnerable?: boolean; sales_opt_out?: boolean; segment?: string; tags?: string[] } = {}) => {
    const email = uniqueEmail(name.toLowerCase());
    const c = await createCustomer(ctx.db, systemActor(acc.accountId), { name, language: 'nl', vulnerable: o.vulnerable, sales_opt_out: o.sales_opt_out, segment: o.segment, identities: [{ kind: 'email', value: email }] });
    if (o.tags) await setCustomerTags(ctx.db, admin, c.id, o.tags);
    return { id: c.id, email };
  };

  before(async () => {
    mailbox = await startMailbox();
    ctx = await testApp({ SMTP_RELAY_URL: mailbox.url });
    acc = await newAccount(ctx.db, 'Bundel');
    admin = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
    const s = await createAgent(ctx.db, admin, { email: uniqueEmail('sanne'), name: 'Sanne Visser', role: 'supervisor' });
    const a = await createAgent(ctx.db, admin, { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent' });
    supervisor = { accountId: acc.accountId, type: 'agent', id: s.id, role: 'supervisor', agentId: s.id };
    agent = { accountId: acc.accountId, type: 'agent', id: a.id, role: 'agent', agentId: a.id };
    await createInbox(ctx.db, admin, { address: `service.${process.pid}.${Date.now()}@bundel.example`, name: 'Klantenservice Bundel' });
    slug = `bundel-${process.pid}-${Date.now() % 100000}`;
    assert.equal((await inject('PATCH', '/api/v1/settings/announcements', { contact_route: '088 222 33 44', status_slug: slug, status_name: 'Bundel' })).statusCode, 200);
    const hook = await inject('POST', '/api/v1/webhooks', { url: 'https://example.test/c4', events: C4_EVENTS });
    assert.equal(hook.statusCode, 201, hook.body);
  });
  after(async () => {
    await ctx.close();
    await mailbox.close();
  });

  test('marketing respects every opt-out (sales, announcements), each counted with its reason; a service message reaches them all', async () => {
    const tag = `product:bundel-${process.pid}`;
    const anna = await customer('Anna', { tags: [tag] });
    const eva = await customer('Eva', { vulnerable: true, tags: [tag] });
    const bram = await customer('Bram', { sales_opt_out: true, tags: [tag] });
    const cor = await customer('Cor', { tags: [tag] });
    const dirk = await customer('Dirk', { tags: [tag] });
    assert.equal((await inject('PUT', `/api/v1/customers/${cor.id}/contact-preferences/announcements`, { allowed: false })).statusCode, 200);
    assert.equal((await inject('PUT', `/api/v1/customers/${dirk.id}/contact-preferences/sales`, { allowed: false })).statusCode, 200);
    const effective = new Date(Date.now() + 30 * DAY).toISOString();
    const check = (purpose: string) => inject('POST', '/api/v1/announcements/check', { kind: 'other', effective_at: effective, audience: { kind: 'tag', value: tag }, purpose });
    assert.deepEqual((await check('marketing')).json().audience, { total: 2, vulnerable: 1, skipped: 3, skipped_by_reason: { sales_opt_out: 2, announcements_opt_out: 1 } });
    assert.deepEqual((await check('service')).json().audience, { total: 5, vulnerable: 1, skipped: 0, skipped_by_reason: {} });

    const r = await inject('POST', '/api/v1/announcements', { kind: 'other', purpose: 'marketing', content, effective_at: effective, audience: { kind: 'tag', value: tag } });
    assert.equal(r.statusCode, 201, r.body);
    const start = Date.now();
    const before = mailbox.received.length;
    await send(new Date(start + 1000), r.json().id);
    await send(new Date(start + 8 * DAY), r.json().id);
    assert.deepEqual(mailbox.received.slice(before).map((m) => m.envelope.to[0]).sort(), [anna.email, eva.email].sort());
    for (const m of mailbox.received.slice(before)) assert.ok(![bram.email, cor.email, dirk.email].includes(m.envelope.to[0]));
    const shown = (await inject('GET', `/api/v1/announcements/${r.json().id}`)).json();
    assert.deepEqual([shown.status, shown.delivery.total, shown.delivery.sent], ['sent', 2, 2]);
  });

  test('issue 18: a marketing mail carries one-click unsubscribe; a customer who writes "bel me niet meer" after it was scheduled is skipped without anyone touching a flag', async () => {
    const { runJobs } = await import('../email.ts');
    const { jobHandlers } = await import('../../src/worker/handlers.ts');
    const { testConfig } = await import('../helpers.ts');
    const tag = `product:glas-${process.pid}`;
    const gert = await customer('Gert', { tags: [tag] });
    const fien = await customer('Fien', { tags: [tag] });
    const effective = new Date(Date.now() + 30 * DAY).toISOString();
    const marketing = await inject('POST', '/api/v1/announcements', { kind: 'other', purpose: 'marketing', content, effective_at: effective, audience: { kind: 'tag', value: tag } });
    assert.equal(marketing.statusCode, 201, marketing.body);
    const service = await inject('POST', '/api/v1/announcements', { kind: 'other', purpose: 'service', content, effective_at: effective, audience: { kind: 'tag', value: tag } });
    assert.equal(service.statusCode, 201, service.body);
    // both had Fien in their audience; then she writes in, and listening reads the opt-out (nobody sets a flag)
    await receiveMessage(ctx.db, systemActor(acc.accountId), { customer: { email: fien.email }, subject: 'Aanbiedingen', body: 'Ik heb geen interesse in uw glasvezelpakket, bel me niet meer!', channel: 'email' });
    assert.ok(await runJobs(ctx.db, jobHandlers(testConfig()), acc.accountId, ['message.analyse']) >= 1);
    assert.equal((await inject('GET', `/api/v1/customers/${fien.id}/may-contact?purpose=marketing_announcement`)).json().allowed, false);

    const before = mailbox.received.length;
    for (const at of [Date.now() + 1000, Date.now() + 8 * DAY]) {
      await send(new Date(at), marketing.json().id);
      await send(new Date(at), service.json().id);
    }
    const mails = mailbox.received.slice(before);
    const to = (m: (typeof mails)[number]) => m.envelope.to[0];
    const sale = mails.filter((m) => m.mail.headers.get('x-luister-announcement') === marketing.json().id);
    assert.deepEqual(sale.map(to), [gert.email], 'the marketing mail skips Fien');
    const raw = sale[0].raw.toString();
    assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    const link = /^List-Unsubscribe:\s+<https:\/\/luister\.example\.nl(\/u\/lsr_[A-Za-z0-9_-]+)>\r$/m.exec(raw);
    assert.ok(link, raw.slice(0, 2000));
    assert.ok(sale[0].mail.text?.includes(`https://luister.example.nl${link[1]}`), 'the link is in the text too');
    const notice = mails.filter((m) => m.mail.headers.get('x-luister-announcement') === service.json().id);
    assert.deepEqual(notice.map(to).sort(), [fien.email, gert.email].sort(), 'a service announcement still reaches her');
    assert.ok(!notice[0].raw.toString().includes('List-Unsubscribe'), 'service messages have nothing to unsubscribe from');
    const shown = (await inject('GET', `/api/v1/announcements/${marketing.json().id}`)).json();
    assert.deepEqual([shown.delivery.sent, shown.delivery.skipped], [1, 1], JSON.stringify(shown.delivery));
    const [skip] = await ctx.db.query<{ skip_reason: string }>('SELECT skip_reason FROM announcement_recipients WHERE account_id = $1 AND announcement_id = $2 AND customer_id = $3', [acc.accountId, marketing.json().id, fien.id]);
    assert.equal(skip.skip_reason, 'sales_opt_out');

    // Gert clicks unsubscribe in his mail client (a POST, no sign-in): the next marketing announcement skips him too
    const post = await ctx.app.inject({ method: 'POST', url: link[1], headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(post.statusCode, 200, post.body);
    const again = await inject('POST', '/api/v1/announcements/check', { kind: 'other', purpose: 'marketing', effective_at: effective, audience: { kind: 'tag', value: tag } });
    assert.deepEqual(again.json().audience.skipped_by_reason, { sales_opt_out: 1, announcements_opt_out: 1 });
  });

  test('a segment is an audience; a problem\'s audience is the customers of its linked cases', async () => {
    const z1 = await customer('Zakelijk1', { segment: 'zakelijk' });
    await customer('Zakelijk2', { segment: 'zakelijk', vulnerable: true });
    await customer('Particulier', { segment: 'particulier' });
    const effective = new Date(Date.now() + 40 * DAY).toISOString();
    const seg = await inject('POST', '/api/v1/announcements/check', { kind: 'price_change', effective_at: effective, audience: { kind: 'segment', value: 'zakelijk' } });
    assert.deepEqual(seg.json().audience, { total: 2, vulnerable: 1, skipped: 0, skipped_by_reason: {} });

    const received = await receiveMessage(ctx.db, systemActor(acc.accountId), { customer: { email: z1.email }, subject: 'Geen internet', body: 'Mijn internet doet het niet sinds vanochtend.', channel: 'email' });
    const problem = await openProblem(ctx.db, supervisor, { title: 'Storing glasvezel Utrecht', ownerId: agent.agentId!, caseIds: [received.case.id] });
    const pr = await inject('POST', '/api/v1/announcements/check', { kind: 'service_change', effective_at: effective, audience: { kind: 'problem', value: problem.id } });
    assert.deepEqual(pr.json().audience, { total: 1, vulnerable: 0, skipped: 0, skipped_by_reason: {} });
  });

  test('an incident opened from a problem: the incident names the problem, the problem shows the incident; its owner is the problem\'s', async () => {
    const problem = await openProblem(ctx.db, supervisor, { title: 'Storing tv Amersfoort', ownerId: agent.agentId! });
    const r = await inject('POST', '/api/v1/incidents', {
      title: { nl: 'Storing tv Amersfoort' }, impact: 'minor', problem_id: problem.id,
      update: { status: 'investigating', parts, next_update_at: new Date(Date.now() + 2 * HOUR).toISOString() },
    });
    assert.equal(r.statusCode, 201, r.body);
    const incident = r.json().incident;
    assert.equal(incident.problem_id, problem.id);
    assert.equal(incident.owner_id, agent.agentId, 'the problem\'s owner posts its updates');
    const byProblem = (await inject('GET', `/api/v1/incidents?problem_id=${problem.id}`)).json();
    assert.deepEqual(byProblem.data.map((i: { id: string }) => i.id), [incident.id]);
    const p = await inject('GET', `/api/v1/problems/${problem.id}`);
    assert.equal(p.statusCode, 200, p.body);
    assert.deepEqual(p.json().incidents.map((i: { id: string; status: string }) => [i.id, i.status]), [[incident.id, 'investigating']]);
    const other = await newAccount(ctx.db, 'Ander');
    const foreign = await ctx.app.inject({ method: 'POST', url: '/api/v1/incidents', headers: other.auth, payload: {
      title: { nl: 'x' }, impact: 'minor', problem_id: problem.id, update: { status: 'investigating', parts, contact_route: '088 111 22 33', next_update_at: new Date(Date.now() + HOUR).toISOString() } } });
    assert.equal(foreign.statusCode, 404, 'another account\'s problem is not there');
    await postIncidentUpdate(ctx.db, agent, incident.id, { status: 'resolved', parts });
  });

  test('sending keeps to the account\'s rate: a batch a minute, the next batch queued a minute on', async () => {
    assert.equal((await inject('PATCH', '/api/v1/settings/announcements', { send_per_minute: 2 })).statusCode, 200);
    const people = await Promise.all(['R1', 'R2', 'R3', 'R4', 'R5'].map((n) => customer(n)));
    const a = await scheduleAnnouncement(ctx.db, admin, { kind: 'other', content, effectiveAt: new Date(Date.now() + 10 * DAY), audience: { kind: 'list', csv: `email\n${people.map((p) => p.email).join('\n')}` } });
    const t0 = Date.now() + 1000;
    const before = mailbox.received.length;
    const queued = async () => (await ctx.db.query<{ run_at: Date }>(
      `SELECT run_at FROM jobs WHERE account_id = $1 AND kind = 'announcement.send' AND payload->>'announcement_id' = $2 ORDER BY run_at DESC LIMIT 1`, [acc.accountId, a.id]))[0].run_at.getTime();
    await send(new Date(t0), a.id);
    assert.equal(mailbox.received.length - before, 2);
    assert.equal(await queued(), t0 + 60_000, 'the next batch a minute after this one started');
    await send(new Date(t0 + 60_000), a.id);
    assert.equal(mailbox.received.length - before, 4);
    await send(new Date(t0 + 120_000), a.id);
    assert.equal(mailbox.received.length - before, 5);
    assert.equal(new Set(mailbox.received.slice(before).map((m) => m.envelope.to[0])).size, 5, 'each once');
    assert.equal((await inject('GET', `/api/v1/announcements/${a.id}`)).json().status, 'sent');
    assert.equal((await inject('PATCH', '/api/v1/settings/announcements', { send_per_minute: 600 })).statusCode, 200);
  });

  test('planned maintenance is on the page and in the Statuspage JSON (scheduled, then in progress); 90 days of history, not more', async () => {
    const comp = (await inject('POST', '/api/v1/status-components', { name_nl: 'Glasvezel', name_en: 'Fibre' })).json();
    const target = await customer('Onderhoud');
    const starts = new Date(Date.now() + 10 * DAY);
    const ends = new Date(starts.getTime() + 4 * HOUR);
    const m = await scheduleAnnouncement(ctx.db, admin, {
      kind: 'planned_maintenance', content: { nl: { subject: 'Onderhoud <glasvezel>', body: 'Wij werken aan het netwerk.', plain: 'Wij werken aan het netwerk.' }, en: { subject: 'Fibre maintenance', body: 'We work on the network.', plain: 'We work on the network.' } },
      effectiveAt: starts, endsAt: ends, audience: { kind: 'list', csv: `email\n${target.email}` },
    });
    const page = await ctx.app.inject({ method: 'GET', url: `/status/${slug}` });
    assert.match(page.body, /<h2 id="maintenance">Gepland onderhoud<\/h2>/);
    assert.match(page.body, /Onderhoud &lt;glasvezel&gt;/);
    const json = async (path: string) => (await ctx.app.inject({ method: 'GET', url: `/status/${slug}/api/v2/${path}` })).json();
    const sm = (await json('scheduled-maintenances.json')).scheduled_maintenances.find((x: { id: string }) => x.id === m.id);
    for (const k of ['id', 'name', 'status', 'created_at', 'updated_at', 'monitoring_at', 'resolved_at', 'impact', 'shortlink', 'started_at', 'page_id', 'incident_updates', 'components', 'scheduled_for', 'scheduled_until']) assert.ok(k in sm, k);
    assert.deepEqual([sm.name, sm.status, sm.impact, sm.scheduled_for, sm.scheduled_until], ['Fibre maintenance', 'scheduled', 'maintenance', starts.toISOString(), ends.toISOString()]);
    assert.ok((await json('scheduled-maintenances/upcoming.json')).scheduled_maintenances.some((x: { id: string }) => x.id === m.id));
    assert.ok(!(await json('scheduled-maintenances/active.json')).scheduled_maintenances.some((x: { id: string }) => x.id === m.id));
    assert.ok((await json('summary.json')).scheduled_maintenances.some((x: { id: string }) => x.id === m.id));
    // while the work is on: in progress, and the components under maintenance
    const during = (await loadStatusPage(ctx.db, slug, new Date(starts.getTime() + HOUR)))!;
    const v2 = statuspageV2(during, 'https://status.example');
    assert.equal(v2['scheduled-maintenances/active.json'].scheduled_maintenances.find((x) => x.id === m.id)?.status, 'in_progress');
    assert.equal(v2['components.json'].components.find((c) => c.id === comp.id)?.status, 'under_maintenance');

    // history: an incident resolved 80 days ago is shown, one resolved 100 days ago is not
    const old = async (daysAgo: number, name: string) => {
      const t = Date.now() - daysAgo * DAY;
      const { incident } = await openIncident(ctx.db, agent, { title: { nl: name }, impact: 'minor', componentIds: [comp.id],
        update: { status: 'investigating', parts, contactRoute: '088 222 33 44', nextUpdateAt: new Date(t + HOUR), now: new Date(t) } });
      await postIncidentUpdate(ctx.db, agent, incident.id, { status: 'resolved', parts, now: new Date(t + 30 * 60_000) });
      return incident.id;
    };
    const recent = await old(80, 'Storing van tachtig dagen geleden');
    const ancient = await old(100, 'Storing van honderd dagen geleden');
    const html = (await ctx.app.inject({ method: 'GET', url: `/status/${slug}` })).body;
    const history = html.slice(html.indexOf('<h2 id="history">'));
    assert.match(history, /Storing van tachtig dagen geleden/);
    assert.doesNotMatch(html, /Storing van honderd dagen geleden/);
    const incidents = (await json('incidents.json')).incidents.map((i: { id: string }) => i.id);
    assert.ok(incidents.includes(recent) && !incidents.includes(ancient));
    assert.ok(!(await json('summary.json')).incidents.some((i: { id: string }) => i.id === recent), 'summary.json lists only unresolved incidents, as Statuspage does');
  });

  test('webhooks: announcement.scheduled and .sent, incident.opened, .updated and .update_overdue, each with its data', async () => {
    const r = await inject('POST', '/api/v1/incidents', {
      title: { nl: 'Storing mail' }, impact: 'major', owner_id: agent.agentId,
      update: { status: 'investigating', parts, next_update_at: new Date(Date.now() + HOUR).toISOString() },
    });
    const id = r.json().incident.id;
    await postIncidentUpdate(ctx.db, agent, id, { status: 'identified', parts, nextUpdateAt: new Date(Date.now() + 2 * HOUR) });
    await sweepIncidents(ctx.db, { now: new Date(Date.now() + 2 * HOUR + 60_000), accountIds: [acc.accountId] });
    const rows = await ctx.db.query<{ event: string; payload: { event: string; data: { id: string; delivery?: { sent: number }; recipients?: { total: number } } } }>(
      'SELECT event, payload FROM webhook_deliveries WHERE account_id = $1 ORDER BY id', [acc.accountId]);
    const seen = new Set(rows.map((x) => x.event));
    for (const e of C4_EVENTS) assert.ok(seen.has(e), `${e} was delivered`);
    const scheduled = rows.filter((x) => x.event === 'announcement.scheduled');
    const sent = rows.filter((x) => x.event === 'announcement.sent');
    assert.ok(scheduled.every((x) => typeof x.payload.data.recipients?.total === 'number'));
    assert.ok(sent.every((x) => typeof x.payload.data.delivery?.sent === 'number'));
    assert.ok(sent.every((x) => scheduled.some((s) => s.payload.data.id === x.payload.data.id)), 'every sent one was scheduled');
    assert.ok(rows.some((x) => x.event === 'incident.opened' && x.payload.data.id === id));
    assert.ok(rows.some((x) => x.event === 'incident.updated' && JSON.stringify(x.payload.data).includes(id)));
    assert.ok(rows.some((x) => x.event === 'incident.update_overdue' && x.payload.data.id === id));
  });
});
