import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createCustomer } from '../../src/customers/create-customer.ts';
import { setCustomerTags } from '../../src/customers/set-customer-tags.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { scheduleAnnouncement } from '../../src/announcements/schedule-announcement.ts';
import { sendAnnouncementJob } from '../../src/announcements/send-announcement.ts';
import { postIncidentUpdate } from '../../src/announcements/post-incident-update.ts';
import { bumpStatusVersion } from '../../src/announcements/status-changes.ts';
import { sweepIncidents } from '../../src/announcements/sweep-incidents.ts';
import { listNotifications } from '../../src/promises/notifications.ts';
import type { JobRow } from '../../src/storage/jobs.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { startMailbox } from '../email.ts';
import { parseAtomFeed } from 'feedsmith';

const DAY = 86_400_000;
const content = {
  nl: { subject: 'Wij krijgen een nieuwe naam', body: 'Beste klant, vanaf de ingangsdatum heten wij Blauw. Uw abonnement, nummer en prijs blijven gelijk.', plain: 'Wij krijgen een nieuwe naam: Blauw. Voor u verandert er niets. U hoeft niets te doen.' },
  en: { subject: 'We are getting a new name', body: 'Dear customer, from the effective date we are called Blauw. Your plan, number and price stay the same.', plain: 'We get a new name: Blauw. Nothing changes for you. You do not need to do anything.' },
};
const parts = { nl: { happened: 'Storing op internet in Utrecht', doing: 'Monteurs vervangen een kabel', means: 'U heeft mogelijk geen internet' } };

describe('announcements and incidents (C4)', () => {
  let ctx: TestContext;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let acc: TestAccount;
  let slug: string;
  let admin: Actor;
  let supervisor: Actor;
  let agent: Actor;
  const customers: Record<string, { id: string; email: string }> = {};
  const tag = `product:glasvezel-${process.pid}`;
  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => ctx.app.inject({ method, url, payload: payload as never, headers: acc.auth });
  const count = async (table: string) => (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE account_id = $1`, [acc.accountId]))[0].n;
  const send = (at: Date, id: string) => sendAnnouncementJob(mailbox.url, () => at)(ctx.db, { id: 0, account_id: acc.accountId, kind: 'announcement.send', payload: { announcement_id: id }, attempts: 1, max_attempts: 10 } as JobRow);

  before(async () => {
    mailbox = await startMailbox();
    ctx = await testApp({ SMTP_RELAY_URL: mailbox.url });
    acc = await newAccount(ctx.db, 'Telecom');
    admin = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
    const s = await createAgent(ctx.db, admin, { email: uniqueEmail('sanne'), name: 'Sanne Visser', role: 'supervisor' });
    const a = await createAgent(ctx.db, admin, { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent' });
    supervisor = { accountId: acc.accountId, type: 'agent', id: s.id, role: 'supervisor', agentId: s.id };
    agent = { accountId: acc.accountId, type: 'agent', id: a.id, role: 'agent', agentId: a.id };
    await createInbox(ctx.db, admin, { address: `klantenservice.${process.pid}.${Date.now()}@telecom.example`, name: 'Klantenservice Telecom' });
    const people: [string, { language?: string; vulnerable?: boolean; sales_opt_out?: boolean; email?: boolean }][] = [
      ['Anna', {}], ['Bram', { language: 'en' }], ['Cor', { vulnerable: true }], ['Dirk', { sales_opt_out: true }], ['Eva', { email: false }],
    ];
    for (const [name, o] of people) {
      const email = uniqueEmail(name.toLowerCase());
      const c = await createCustomer(ctx.db, systemActor(acc.accountId), {
        name, language: o.language ?? 'nl', vulnerable: o.vulnerable, sales_opt_out: o.sales_opt_out,
        identities: o.email === false ? [{ kind: 'phone', value: `+3161234${String(Object.keys(customers).length).padStart(4, '0')}` }] : [{ kind: 'email', value: email }],
      });
      customers[name] = { id: c.id, email };
      await setCustomerTags(ctx.db, admin, c.id, [tag]);
    }
    slug = `telecom-${process.pid}-${Date.now() % 100000}`;
    const r = await inject('PATCH', '/api/v1/settings/announcements', { contact_route: '088 123 45 67', status_slug: slug, status_name: 'Telecom <Blauw>' });
    assert.equal(r.statusCode, 200, r.body);
  });
  after(async () => {
    await ctx.close();
    await mailbox.close();
  });

  test('a rebranding with too little notice is refused, naming the earliest allowed date; nothing is written', async () => {
    const effective = new Date(Date.now() + 10 * DAY);
    const r = await inject('POST', '/api/v1/announcements', { kind: 'rebranding', content, effective_at: effective.toISOString(), audience: { kind: 'tag', value: tag } });
    assert.equal(r.statusCode, 422, r.body);
    const e = r.json().error;
    assert.equal(e.code, 'notice_too_short');
    // 14 days, plus 7 for the vulnerable customer in the audience
    assert.match(e.message, /needs 21 days' notice .*earliest allowed effective date is \d{4}-\d{2}-\d{2}/);
    assert.equal(await count('announcements'), 0);
    assert.equal(await count('announcement_recipients'), 0);

    // the check as you type says the same, before anything is sent
    const c = await inject('POST', '/api/v1/announcements/check', { kind: 'rebranding', effective_at: effective.toISOString(), audience: { kind: 'tag', value: tag } });
    assert.equal(c.statusCode, 200, c.body);
    assert.equal(c.json().applies, 'with_vulnerable');
    assert.equal(c.json().with_vulnerable.ok, false);
    assert.equal(c.json().with_vulnerable.required_days, 21);
    assert.deepEqual(c.json().audience, { total: 4, vulnerable: 1, skipped: 1, skipped_by_reason: { no_email: 1 } });
  });

  test('bad input is refused with a clear error and changes nothing', async () => {
    const ok = { kind: 'service_change', content, effective_at: new Date(Date.now() + 40 * DAY).toISOString(), audience: { kind: 'tag', value: tag } };
    const cases: [unknown, number, string][] = [
      [{ ...ok, audience: undefined }, 400, ''],
      [{ ...ok, audience: { kind: 'tag', value: 'niemand-heeft-dit' } }, 422, 'empty_audience'],
      [{ ...ok, audience: { kind: 'list', csv: 'naam\nJan' } }, 422, 'empty_audience'],
      [{ ...ok, effective_at: new Date(Date.now() - DAY).toISOString() }, 422, 'effective_in_past'],
      [{ ...ok, content: { nl: { subject: 'x', body: 'y' } } }, 400, ''],
      [{ ...ok, contact_route: 'bel ons' }, 400, ''],
      [{ ...ok, audience: { kind: 'problem', value: '00000000-0000-4000-8000-000000000000' } }, 404, 'problem_not_found'],
    ];
    for (const [body, status, code] of cases) {
      const r = await inject('POST', '/api/v1/announcements', body);
      assert.equal(r.statusCode, status, `${JSON.stringify(body).slice(0, 120)} → ${r.body}`);
      if (code) assert.equal(r.json().error.code, code);
    }
    assert.equal(await count('announcements'), 0);
  });

  test('only an admin overrides the minimum notice, with a written reason that is audited and shown', async () => {
    const o = { kind: 'price_change' as const, content, effectiveAt: new Date(Date.now() + 5 * DAY), audience: { kind: 'tag' as const, value: tag } };
    await assert.rejects(scheduleAnnouncement(ctx.db, agent, o), { code: 'forbidden' });
    await assert.rejects(scheduleAnnouncement(ctx.db, supervisor, { ...o, overrideReason: 'Storing bij de leverancier, prijs moet omlaag' }), { code: 'forbidden', message: /only an admin/ });
    await assert.rejects(scheduleAnnouncement(ctx.db, admin, { ...o, overrideReason: 'moet' }), { code: 'override_reason_too_short' });
    const a = await scheduleAnnouncement(ctx.db, admin, { ...o, overrideReason: 'Prijsverlaging: klanten gaan er alleen op vooruit' });
    assert.equal(a.override_reason, 'Prijsverlaging: klanten gaan er alleen op vooruit');
    const shown = (await inject('GET', `/api/v1/announcements/${a.id}`)).json();
    assert.equal(shown.override_by_name.length > 0, true);
    assert.equal(shown.delivery.total, 4);
    const [audit] = await ctx.db.query<{ after: { reason: string } }>(`SELECT after FROM audit_log WHERE account_id = $1 AND entity_id = $2 AND action = 'announcement.notice_overridden'`, [acc.accountId, a.id]);
    assert.equal(audit.after.reason, 'Prijsverlaging: klanten gaan er alleen op vooruit');
    const c = await inject('POST', `/api/v1/announcements/${a.id}/cancel`, { reason: 'test' });
    assert.equal(c.statusCode, 200, c.body);
    assert.equal(c.json().status, 'cancelled');
  });

  test('a proper announcement reaches everyone exactly once: vulnerable customers first and in plain language, always with a person to reach', async () => {
    const start = Date.now();
    const effective = new Date(start + 30 * DAY);
    const r = await inject('POST', '/api/v1/announcements', { kind: 'rebranding', content, effective_at: effective.toISOString(), audience: { kind: 'tag', value: tag } });
    assert.equal(r.statusCode, 201, r.body);
    const id = r.json().id;
    const before = mailbox.received.length;
    await send(new Date(start + 1000), id);
    let mails = mailbox.received.slice(before);
    assert.equal(mails.length, 1, 'only the vulnerable customer at first');
    assert.equal(mails[0].envelope.to[0], customers.Cor.email);
    assert.match(mails[0].mail.text ?? '', /Voor u verandert er niets/);
    // the others a week later (the vulnerable customer's head start), each once
    await send(new Date(start + 7 * DAY + 1000), id);
    await send(new Date(start + 8 * DAY), id);
    mails = mailbox.received.slice(before);
    assert.deepEqual(mails.map((m) => m.envelope.to[0]).sort(), [customers.Anna.email, customers.Bram.email, customers.Cor.email, customers.Dirk.email].sort());
    for (const m of mails) assert.match(m.mail.text ?? '', /088 123 45 67/, 'every message names a way to reach a person');
    const bram = mails.find((m) => m.envelope.to[0] === customers.Bram.email)!;
    assert.equal(bram.mail.subject, 'We are getting a new name');
    assert.match(bram.mail.text ?? '', /Your plan, number and price stay the same/);
    assert.equal(new Set(mails.map((m) => m.mail.messageId)).size, 4);
    const shown = (await inject('GET', `/api/v1/announcements/${id}`)).json();
    assert.equal(shown.status, 'sent');
    assert.equal(shown.delivery.sent, 4);
  });

  test('nobody is written to on or after the day the change takes effect', async () => {
    const start = Date.now();
    const a = await scheduleAnnouncement(ctx.db, admin, { kind: 'other', content, effectiveAt: new Date(start + 2 * DAY), audience: { kind: 'list', csv: `email\n${customers.Anna.email}\nonbekend@example.test` } });
    const before = mailbox.received.length;
    await send(new Date(start + 3 * DAY), a.id);
    assert.equal(mailbox.received.length, before);
    const shown = (await inject('GET', `/api/v1/announcements/${a.id}`)).json();
    assert.equal(shown.delivery.skipped, 1);
    assert.deepEqual(shown.audience, { kind: 'list', emails: 2 });
  });

  test('an incident needs all four parts and a contact; its promised update reminds, alerts the owner, then the supervisor, and counts when late', async () => {
    const comp = await inject('POST', '/api/v1/status-components', { name_nl: 'Internet', name_en: 'Internet' });
    assert.equal(comp.statusCode, 201, comp.body);
    const other = await newAccount(ctx.db, 'Ander');
    const foreign = await ctx.app.inject({ method: 'POST', url: '/api/v1/status-components', headers: other.auth, payload: { name_nl: 'TV' } });
    const now = Date.now();
    const base = { title: { nl: 'Storing internet Utrecht' }, impact: 'major', component_ids: [comp.json().id], owner_id: agent.agentId,
      update: { status: 'investigating', parts, next_update_at: new Date(now + 2 * 3_600_000).toISOString() } };
    const bad: [unknown, number][] = [
      [{ ...base, update: { ...base.update, parts: { nl: { happened: 'x', doing: 'y' } } } }, 400],
      [{ ...base, update: { ...base.update, next_update_at: undefined } }, 422],
      [{ ...base, component_ids: [foreign.json().id] }, 404],
    ];
    for (const [body, status] of bad) assert.equal((await inject('POST', '/api/v1/incidents', body)).statusCode, status);
    assert.equal(await count('incidents'), 0);

    const r = await inject('POST', '/api/v1/incidents', base);
    assert.equal(r.statusCode, 201, r.body);
    const id = r.json().incident.id;
    const due = new Date(r.json().incident.next_update_at).getTime();
    const scope = { accountIds: [acc.accountId] };
    assert.deepEqual(await sweepIncidents(ctx.db, { now: new Date(due - 61 * 60_000), ...scope }), { remind: 0, overdue: 0, escalate: 0 });
    assert.deepEqual(await sweepIncidents(ctx.db, { now: new Date(due - 30 * 60_000), ...scope }), { remind: 1, overdue: 0, escalate: 0 });
    assert.deepEqual(await sweepIncidents(ctx.db, { now: new Date(due + 60_000), ...scope }), { remind: 0, overdue: 1, escalate: 0 });
    assert.deepEqual(await sweepIncidents(ctx.db, { now: new Date(due + 16 * 60_000), ...scope }), { remind: 0, overdue: 0, escalate: 1 });
    assert.deepEqual(await sweepIncidents(ctx.db, { now: new Date(due + 30 * 60_000), ...scope }), { remind: 0, overdue: 0, escalate: 0 });
    const mine = (await listNotifications(ctx.db, agent, { limit: 20 })).data.map((n) => n.kind);
    assert.ok(mine.includes('incident.update_due_soon') && mine.includes('incident.update_overdue'));
    assert.ok((await listNotifications(ctx.db, supervisor, { limit: 20 })).data.some((n) => n.kind === 'incident.update_escalated'));

    // a colleague without the rights may not post; the owner's late update counts as a broken promise
    const other2 = await createAgent(ctx.db, admin, { email: uniqueEmail('kees'), name: 'Kees', role: 'agent' });
    await assert.rejects(postIncidentUpdate(ctx.db, { ...agent, id: other2.id, agentId: other2.id }, id, { status: 'identified', parts, nextUpdateAt: new Date(due + 3 * 3_600_000), now: new Date(due + 3_600_000) }), { code: 'forbidden' });
    const late = await postIncidentUpdate(ctx.db, agent, id, { status: 'identified', parts, nextUpdateAt: new Date(due + 3 * 3_600_000), now: new Date(due + 3_600_000) });
    assert.equal(late.late, true);
    assert.equal(late.incident.updates_late, 1);
    assert.equal(late.incident.overdue_at, null);
    const fixed = await postIncidentUpdate(ctx.db, agent, id, { status: 'resolved', parts, now: new Date(due + 2 * 3_600_000) });
    assert.equal(fixed.incident.updates_on_time, 1);
    assert.equal(fixed.incident.next_update_at, null);
    const shown = (await inject('GET', `/api/v1/incidents/${id}`)).json();
    assert.equal(shown.updates.length, 3);
    assert.equal(shown.updates[0].contact_route, '088 123 45 67');
  });

  test('the public status page: no script needed, escaped, overdue shown in public, correct the moment an update is posted; Atom and Statuspage JSON', async () => {
    const get = (url: string, headers: Record<string, string> = {}) => ctx.app.inject({ method: 'GET', url, headers });
    const comp = (await inject('GET', '/api/v1/status-components')).json().data[0];
    const now = Date.now();
    const r = await inject('POST', '/api/v1/incidents', {
      title: { nl: 'Storing <script>alert(1)</script> TV', en: 'TV outage' }, impact: 'critical', component_ids: [comp.id], owner_id: agent.agentId,
      update: { status: 'investigating', parts: { nl: { ...parts.nl, means: 'U kunt geen <b>TV</b> kijken' }, en: { happened: 'TV is down', doing: 'Engineers are on it', means: 'You cannot watch TV' } },
        next_update_at: new Date(now + 3_600_000).toISOString() },
    });
    assert.equal(r.statusCode, 201, r.body);
    const id = r.json().incident.id;

    const page = await get(`/status/${slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-security-policy'] as string, /default-src 'none'/);
    assert.doesNotMatch(page.body, /<script/i);
    assert.match(page.body, /Storing &lt;script&gt;alert\(1\)&lt;\/script&gt; TV/);
    assert.match(page.body, /U kunt geen &lt;b&gt;TV&lt;\/b&gt; kijken/);
    assert.match(page.body, /Volgende update uiterlijk/);
    assert.match(page.body, /href="tel:0881234567"/);
    assert.match(page.body, /Storing<\/span>/, 'the component is written out as down');
    const en = await get(`/status/${slug}?lang=en`);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /TV outage/);
    assert.equal((await get('/status/bestaat-niet')).statusCode, 404);

    // revalidation is free until something changes
    const etag = page.headers.etag as string;
    assert.equal((await get(`/status/${slug}`, { 'if-none-match': etag })).statusCode, 304);

    // the promise falls due: the page shows it overdue without anyone touching it
    await ctx.db.query(`UPDATE incidents SET next_update_at = now() - interval '1 minute' WHERE account_id = $1 AND id = $2`, [acc.accountId, id]);
    // (the page would expire at the promised time by itself; the edit above stands in for time passing, so it says so as a change does)
    await bumpStatusVersion(ctx.db, acc.accountId);
    assert.match((await get(`/status/${slug}`)).body, /Te laat: de volgende update was beloofd vóór/);
    const summary = (await get(`/status/${slug}/api/v2/summary.json`)).json();
    assert.deepEqual(Object.keys(summary).sort(), ['components', 'incidents', 'page', 'scheduled_maintenances', 'status']);
    assert.deepEqual(Object.keys(summary.page).sort(), ['id', 'name', 'time_zone', 'updated_at', 'url']);
    assert.deepEqual(summary.status, { indicator: 'critical', description: 'Major Service Outage' });
    assert.equal(summary.components[0].status, 'major_outage');
    for (const k of ['id', 'name', 'status', 'created_at', 'updated_at', 'position', 'description', 'showcase', 'start_date', 'group_id', 'page_id', 'group', 'only_show_if_degraded']) assert.ok(k in summary.components[0], k);
    const inc = summary.incidents.find((i: { id: string }) => i.id === id);
    for (const k of ['id', 'name', 'status', 'created_at', 'updated_at', 'monitoring_at', 'resolved_at', 'impact', 'shortlink', 'started_at', 'page_id', 'incident_updates', 'components']) assert.ok(k in inc, k);
    assert.equal(inc.name, 'TV outage');
    assert.equal(inc.next_update_overdue, true);
    for (const k of ['id', 'status', 'body', 'incident_id', 'created_at', 'updated_at', 'display_at']) assert.ok(k in inc.incident_updates[0], k);
    assert.equal((await get(`/status/${slug}/api/v2/status.json`)).json().status.indicator, 'critical');

    // an update is visible at once: the next request sees it
    await postIncidentUpdate(ctx.db, agent, id, { status: 'resolved', parts: { nl: { happened: 'Kabel vervangen', doing: 'Niets meer', means: 'U kunt weer <TV> kijken' } } });
    const after = await get(`/status/${slug}`);
    assert.notEqual(after.headers.etag, etag);
    assert.match(after.body, /Er zijn nu geen storingen/);
    assert.match(after.body, /U kunt weer &lt;TV&gt; kijken/);
    assert.equal((await get(`/status/${slug}/api/v2/summary.json`)).json().status.indicator, 'none');

    const atom = await get(`/status/${slug}/feed.atom`);
    assert.match(atom.headers['content-type'] as string, /application\/atom\+xml/);
    const feed = parseAtomFeed(atom.body);
    const text = (x: unknown) => (typeof x === 'string' ? x : (x as { value?: string } | undefined)?.value ?? '');
    assert.equal(text(feed.title), 'Status — Telecom <Blauw>');
    assert.ok(feed.entries!.some((e) => text(e.content).includes('U kunt weer <TV> kijken')));
  });
});
