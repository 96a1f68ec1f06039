import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { openIncident } from '../../src/announcements/open-incident.ts';
import { postIncidentUpdate } from '../../src/announcements/post-incident-update.ts';
import { sweepIncidents } from '../../src/announcements/sweep-incidents.ts';
import { sweepPromises } from '../../src/promises/sweep-promises.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

const HOUR = 3_600_000;
const parts = { nl: { happened: 'Storing op internet in Utrecht', doing: 'Monteurs vervangen een kabel', means: 'U heeft mogelijk geen internet' } };

/** Issue 15: an open incident's "next update by" is a promise in the C5 sense. */
describe('an incident\'s next update is a promise (C5)', () => {
  let ctx: TestContext;
  let acc: TestAccount;
  let agent: Actor;
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) => ctx.app.inject({ method, url, payload: payload as never, headers: acc.auth });
  const promisesOf = async (incidentId: string) => ctx.db.query<{ id: string; state: string; due_at: Date; kept_by: string | null; breached_at: Date | null; replaced_by: string | null; case_id: string | null }>(
    'SELECT id, state, due_at, kept_by, breached_at, replaced_by, case_id FROM promises WHERE account_id = $1 AND incident_id = $2 ORDER BY created_at, due_at', [acc.accountId, incidentId]);

  before(async () => {
    ctx = await testApp();
    acc = await newAccount(ctx.db, 'Storingen');
    const admin: Actor = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
    const a = await createAgent(ctx.db, admin, { email: uniqueEmail('ruud'), name: 'Ruud Bakker', role: 'agent' });
    agent = { accountId: acc.accountId, type: 'agent', id: a.id, role: 'agent', agentId: a.id };
    await inject('PATCH', '/api/v1/settings/announcements', { contact_route: '088 123 45 67' });
  });
  after(() => ctx.close());

  test('made on opening, kept in time, replaced by the next, broken when overdue, closed on resolving; in "promises due" and the kept rate', async () => {
    const t0 = Date.now() - 5 * HOUR;
    const { incident } = await openIncident(ctx.db, agent, {
      title: { nl: 'Storing internet Utrecht' }, impact: 'major', componentIds: [],
      update: { status: 'investigating', parts, contactRoute: '088 123 45 67', nextUpdateAt: new Date(t0 + HOUR), now: new Date(t0) },
    });
    let ps = await promisesOf(incident.id);
    assert.equal(ps.length, 1);
    assert.deepEqual([ps[0].state, ps[0].due_at.getTime(), ps[0].case_id], ['open', t0 + HOUR, null]);

    // shown among the promises, with the incident it belongs to; a hand may not keep it
    const listed = (await inject('GET', `/api/v1/promises?state=open&owner_id=${agent.agentId}`)).json();
    assert.equal(listed.data.length, 1);
    assert.equal(listed.data[0].incident_id, incident.id);
    assert.equal(listed.data[0].kind, 'next_update_by');
    const keep = await inject('POST', `/api/v1/promises/${ps[0].id}/keep`, { action: 'done' });
    assert.equal(keep.statusCode, 409, keep.body);
    assert.equal(keep.json().error.code, 'incident_promise');

    // an update in time keeps it; the time it promises is the new promise, which replaces the old
    const u1 = await postIncidentUpdate(ctx.db, agent, incident.id, { status: 'identified', parts, nextUpdateAt: new Date(t0 + 2 * HOUR), now: new Date(t0 + 30 * 60_000) });
    ps = await promisesOf(incident.id);
    assert.deepEqual(ps.map((p) => p.state), ['kept', 'open']);
    assert.equal(ps[0].kept_by, `incident_update:${u1.update.id}`);
    assert.equal(ps[0].replaced_by, ps[1].id);
    assert.equal(ps[1].due_at.getTime(), t0 + 2 * HOUR);

    // the promise sweep leaves it to the incident sweep, which breaks it once it is overdue
    assert.deepEqual(await sweepPromises(ctx.db, { now: new Date(t0 + 2 * HOUR + 60_000), accountIds: [acc.accountId] }), { breached: 0, reminded: 0 });
    const swept = await sweepIncidents(ctx.db, { now: new Date(t0 + 2 * HOUR + 60_000), accountIds: [acc.accountId] });
    assert.equal(swept.overdue, 1);
    ps = await promisesOf(incident.id);
    assert.deepEqual(ps.map((p) => p.state), ['kept', 'breached']);
    const broken = (await inject('GET', '/api/v1/promises?state=breached')).json();
    assert.deepEqual(broken.data.map((p: { incident_id: string }) => p.incident_id), [incident.id]);

    // the late update leaves it broken and makes a new one; resolving in time keeps that and makes none
    const late = await postIncidentUpdate(ctx.db, agent, incident.id, { status: 'monitoring', parts, nextUpdateAt: new Date(Date.now() + HOUR), now: new Date(t0 + 3 * HOUR) });
    assert.equal(late.late, true);
    ps = await promisesOf(incident.id);
    assert.deepEqual(ps.map((p) => p.state), ['kept', 'breached', 'open']);
    assert.equal(ps[1].replaced_by, ps[2].id);
    await postIncidentUpdate(ctx.db, agent, incident.id, { status: 'resolved', parts });
    ps = await promisesOf(incident.id);
    assert.deepEqual(ps.map((p) => p.state), ['kept', 'breached', 'kept']);
    assert.equal((await ctx.db.query('SELECT 1 FROM promises WHERE account_id = $1 AND state = $2', [acc.accountId, 'open'])).length, 0);

    // the kept rate counts them like any promise: two kept, one broken
    const d = (await inject('GET', '/api/v1/insight/dashboard?days=2')).json();
    assert.equal(d.promises.kept_on_time, 2);
    assert.equal(d.promises.broken, 1);
    assert.equal(d.promises.kept_rate, 0.667);
  });

  test('a late update whose promise the sweep has not yet broken still counts as broken', async () => {
    const t0 = Date.now() - 3 * HOUR;
    const { incident } = await openIncident(ctx.db, agent, {
      title: { nl: 'Storing tv' }, impact: 'minor', componentIds: [],
      update: { status: 'investigating', parts, contactRoute: '088 123 45 67', nextUpdateAt: new Date(t0 + HOUR), now: new Date(t0) },
    });
    await postIncidentUpdate(ctx.db, agent, incident.id, { status: 'resolved', parts, now: new Date(t0 + 2 * HOUR) });
    const ps = await promisesOf(incident.id);
    assert.deepEqual(ps.map((p) => p.state), ['breached']);
    assert.equal(ps[0].breached_at?.getTime(), t0 + HOUR);
  });
});
