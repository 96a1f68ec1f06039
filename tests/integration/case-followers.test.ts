import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { unfollowCase } from '../../src/cases/follow-case.ts';
import { sweepSla } from '../../src/promises/sweep-sla.ts';
import { LIVE_CHANNEL } from '../../src/live/notice.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/** Followers: agents who get a case's notifications without owning it (issue 19). */

let ctx: TestContext;
let a: TestAccount;
let b: TestAccount;
let piet: Actor;
let sanne: Actor;
let joris: Actor;

before(async () => {
  ctx = await testApp();
  a = await newAccount(ctx.db, 'Volgers');
  b = await newAccount(ctx.db, 'Ander');
  const admin: Actor = { accountId: a.accountId, type: 'agent', id: a.adminId, role: 'admin', agentId: a.adminId };
  const make = async (name: string, role: 'agent' | 'supervisor'): Promise<Actor> => {
    const p = await createAgent(ctx.db, admin, { email: uniqueEmail(name.toLowerCase()), name, role });
    return { accountId: a.accountId, type: 'agent', id: p.id, role, agentId: p.id };
  };
  piet = await make('Piet', 'agent');
  sanne = await make('Sanne', 'agent');
  joris = await make('Joris', 'supervisor');
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, who = a) =>
  ctx.app.inject({ method, url, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
  const res = await req(method, url, payload);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const kinds = async (agentId: string, caseId: string) =>
  (await ctx.db.query<{ kind: string }>('SELECT kind FROM notifications WHERE account_id = $1 AND agent_id = $2 AND case_id = $3 ORDER BY created_at, kind', [a.accountId, agentId, caseId])).map((r) => r.kind);
const openCase = async (email = uniqueEmail('klant'), who = a) => {
  const res = await req('POST', '/api/v1/cases', { customer: { email, name: 'Henk' }, subject: `Parkeren ${Math.random()}`, message: { body: 'De app rekende te veel af.' } }, who);
  assert.equal(res.statusCode, 201, res.body);
  return { ...(res.json() as { id: string; ref: string; message: { id: string } }), email };
};

test('a follower hears what happens on the case — customer messages, replies and notes by others, escalation, service levels — never of their own doing, and live', async () => {
  const c = await openCase();
  await ok('POST', `/api/v1/cases/${c.id}/assign`, { agent_id: piet.agentId });
  const first = await req('PUT', `/api/v1/cases/${c.ref}/followers/${sanne.agentId}`);
  assert.equal(first.statusCode, 200, first.body);
  assert.equal(first.json().changed, true);
  assert.deepEqual(first.json().followers.map((f: { name: string; added_by: string }) => [f.name, f.added_by]), [['Sanne', a.adminId]]);
  assert.equal((await req('PUT', `/api/v1/cases/${c.id}/followers/${sanne.agentId}`)).json().changed, false, 'following twice changes nothing');
  assert.deepEqual((await ok('GET', `/api/v1/cases/${c.id}/followers`)).data.map((f: { agent_id: string }) => f.agent_id), [sanne.agentId]);
  // her "following" queue
  assert.deepEqual((await ok('GET', `/api/v1/cases?followed_by=${sanne.agentId}`)).data.map((x: { id: string }) => x.id), [c.id]);
  assert.deepEqual((await ok('GET', `/api/v1/cases?followed_by=${piet.agentId}`)).data, []);

  const heard: { event: string; agent_id?: string; case_id?: string }[] = [];
  const stop = await ctx.db.listen(LIVE_CHANNEL, (p) => p && heard.push(JSON.parse(p)));
  try {
    // the customer writes again on the case
    const again = await req('POST', '/api/v1/cases', { customer: { email: c.email }, case_ref: c.ref, message: { body: 'Nog iets: ook gisteren.' } });
    assert.equal(again.json().repeat_contact, true);
    await ok('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Beste Henk, we kijken ernaar. Met vriendelijke groet' });
    await ok('POST', `/api/v1/cases/${c.id}/notes`, { body: 'Intern: lijkt op de storing van gisteren' });
    // her own note: not told of it
    const own = await ctx.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/notes`, headers: await sessionOf(sanne), payload: { body: 'Ik kijk mee' } });
    assert.equal(own.statusCode, 201, own.body);
    await ok('POST', `/api/v1/cases/${c.id}/escalate`, { to: 'L2', reason: 'Betaalsysteem' });
    await new Promise((r) => setTimeout(r, 150));
  } finally {
    await stop();
  }
  assert.deepEqual(await kinds(sanne.agentId!, c.id), ['case.customer_message', 'case.reply', 'case.note', 'case.escalated']);
  assert.ok(heard.some((n) => n.event === 'notification.created' && n.agent_id === sanne.agentId && n.case_id === c.id), 'her bell rang live');
  assert.deepEqual(await kinds(piet.agentId!, c.id), ['case.escalated'], 'the owner keeps what the owner got');

  // a service level at risk or broken: the owner and the follower
  await ok('POST', '/api/v1/sla-policies', { name: 'Snel', first_response_minutes: 1 });
  const late = await openCase();
  await ok('POST', `/api/v1/cases/${late.id}/assign`, { agent_id: piet.agentId });
  await ok('PUT', `/api/v1/cases/${late.id}/followers/${sanne.agentId}`);
  await sweepSla(ctx.db, { now: new Date(Date.now() + 30 * 86_400_000), accountIds: [a.accountId] });
  assert.ok((await kinds(sanne.agentId!, late.id)).includes('sla.breached'));
  assert.ok((await kinds(piet.agentId!, late.id)).includes('sla.breached'));
  const timeline = (await ok('GET', `/api/v1/cases/${c.id}`)).timeline as { action?: string }[];
  assert.ok(timeline.some((e) => e.action === 'case.follower_added'));
});

test('unfollowing: yourself, or a colleague with cases.assign_others; audited', async () => {
  const c = await openCase();
  await ok('PUT', `/api/v1/cases/${c.id}/followers/${sanne.agentId}`);
  await ok('PUT', `/api/v1/cases/${c.id}/followers/${piet.agentId}`);
  await assert.rejects(unfollowCase(ctx.db, piet, c.id, sanne.agentId!), (e: Error & { status?: number }) => e.status === 403 && /cases\.assign_others/.test(e.message));
  assert.equal((await unfollowCase(ctx.db, piet, c.id, piet.agentId!)).changed, true, 'himself');
  assert.equal((await unfollowCase(ctx.db, joris, c.id, sanne.agentId!)).changed, true, 'a supervisor takes a colleague off');
  const res = await req('DELETE', `/api/v1/cases/${c.id}/followers/${sanne.agentId}`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().changed, false);
  assert.deepEqual(res.json().followers, []);
  // no longer told
  await req('POST', '/api/v1/cases', { customer: { email: c.email }, case_ref: c.ref, message: { body: 'Hallo?' } });
  assert.deepEqual(await kinds(sanne.agentId!, c.id), []);
  const timeline = (await ok('GET', `/api/v1/cases/${c.id}`)).timeline as { action?: string }[];
  assert.equal(timeline.filter((e) => e.action === 'case.follower_removed').length, 2);
});

test('refused with nothing written: an unknown agent, another account\'s agent or case, a deactivated agent, a merged case', async () => {
  const c = await openCase();
  const theirs = await openCase(uniqueEmail('ander'), b);
  const refuse = async (method: 'PUT' | 'DELETE' | 'GET', url: string, status: number, code: string) => {
    const res = await req(method, url);
    assert.equal(res.statusCode, status, `${url}: ${res.body}`);
    assert.equal(res.json().error.code, code);
  };
  await refuse('PUT', `/api/v1/cases/${c.id}/followers/00000000-0000-4000-8000-000000000000`, 404, 'agent_not_found');
  await refuse('PUT', `/api/v1/cases/${c.id}/followers/${b.adminId}`, 404, 'agent_not_found');
  await refuse('PUT', `/api/v1/cases/${c.id}/followers/not-an-id`, 400, 'validation_failed');
  await refuse('PUT', `/api/v1/cases/${theirs.id}/followers/${sanne.agentId}`, 404, 'case_not_found');
  await refuse('GET', `/api/v1/cases/${theirs.id}/followers`, 404, 'case_not_found');
  const gone = await createAgent(ctx.db, { accountId: a.accountId, type: 'agent', id: a.adminId, role: 'admin', agentId: a.adminId }, { email: uniqueEmail('weg'), name: 'Weg', role: 'agent' });
  await ok('PATCH', `/api/v1/agents/${gone.id}`, { active: false });
  await refuse('PUT', `/api/v1/cases/${c.id}/followers/${gone.id}`, 409, 'agent_inactive');
  const other = await openCase(c.email);
  await ok('POST', `/api/v1/cases/${other.id}/merge`, { into: c.id });
  await refuse('PUT', `/api/v1/cases/${other.id}/followers/${sanne.agentId}`, 409, 'case_merged');
  const [{ n }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_followers WHERE account_id = $1 AND case_id = ANY($2::uuid[])', [a.accountId, [c.id, other.id]]);
  assert.equal(n, 0);
});

async function sessionOf(agent: Actor): Promise<Record<string, string>> {
  const res = await req('POST', `/api/v1/tokens`, { name: 'volger', role: 'agent', agent_id: agent.agentId });
  assert.equal(res.statusCode, 201, res.body);
  return { authorization: `Bearer ${res.json().token}` };
}
