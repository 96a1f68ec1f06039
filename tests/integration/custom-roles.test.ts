import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Custom roles (issue 20): composed from named permissions, given to an agent on top of the built-in
 * role. A change counts from the next request of every open session; deleting a role takes its grants
 * away at once; nothing that does not exist can be granted; every change is in the audit log.
 */

const PASSWORD = 'een lang wachtwoord voor rollen';
let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;

const inject = (o: InjectOptions) => ctx.app.inject(o);
async function as(headers: Record<string, string>, method: InjectOptions['method'], url: string, payload?: unknown) {
  const res = await inject({ method, url, headers: { 'sec-fetch-site': 'same-origin', ...headers }, payload: payload as InjectOptions['payload'] });
  return { status: res.statusCode, body: res.statusCode === 204 ? null : res.json() };
}
const admin = (method: InjectOptions['method'], url: string, payload?: unknown) => as(acc.auth, method, url, payload);

async function agent(role: 'agent' | 'supervisor' = 'agent') {
  const email = uniqueEmail('rol');
  const created = await admin('POST', '/api/v1/agents', { email, name: 'Rolf', role, password: PASSWORD });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD }, headers: { 'sec-fetch-site': 'same-origin' } });
  assert.equal(res.statusCode, 200, res.body);
  return { id: created.body.id as string, session: { cookie: `luister_session=${res.cookies.find((c) => c.name === 'luister_session')!.value}` } };
}

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db, 'Rollen');
  other = await newAccount(ctx.db, 'Anderen');
});
after(() => ctx.close());

test('the permission names are listed with what they allow and the lowest built-in role that holds them', async () => {
  const res = await admin('GET', '/api/v1/permissions');
  assert.equal(res.status, 200);
  type P = { name: string; role: string; description: string };
  const byName = new Map<string, P>(res.body.data.map((p: P) => [p.name, p]));
  assert.equal(byName.get('customers.erase')?.role, 'admin');
  assert.match(byName.get('customers.erase')?.description ?? '', /erase/);
  for (const p of ['refunds.approve_above_limit', 'articles.publish', 'webhooks.manage', 'roles.manage', 'cases.read']) assert.ok(byName.has(p), p);
});

test('compose, rename, grant and revoke, list and delete a role; an unknown name is refused and nothing is stored', async () => {
  const made = await admin('POST', '/api/v1/roles', { name: 'Privacy officer', description: 'AVG-verzoeken', permissions: ['customers.erase', 'customers.export', 'customers.erase'] });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  assert.deepEqual(made.body.permissions, ['customers.export', 'customers.erase']);
  const unknown = await admin('POST', '/api/v1/roles', { name: 'Fantasie', permissions: ['customers.erase', 'customers.fly'] });
  assert.equal(unknown.status, 422);
  assert.equal(unknown.body.error.code, 'unknown_permission');
  assert.match(unknown.body.error.message, /customers\.fly/);
  assert.equal((await admin('PATCH', `/api/v1/roles/${made.body.id}`, { grant: ['nope.nope'] })).body.error.code, 'unknown_permission');
  assert.equal((await admin('POST', '/api/v1/roles', { name: 'privacy OFFICER', permissions: [] })).status, 409, 'names are unique per account, whatever the case');
  const changed = await admin('PATCH', `/api/v1/roles/${made.body.id}`, { name: 'Privacy', grant: ['webhooks.manage'], revoke: ['customers.export'] });
  assert.equal(changed.status, 200);
  assert.equal(changed.body.name, 'Privacy');
  assert.deepEqual(changed.body.permissions, ['customers.erase', 'webhooks.manage']);
  const list = await admin('GET', '/api/v1/roles');
  assert.deepEqual(list.body.data.map((r: { name: string }) => r.name), ['Privacy']);
  assert.equal((await admin('DELETE', `/api/v1/roles/${made.body.id}`)).status, 200);
  assert.equal((await admin('GET', `/api/v1/roles/${made.body.id}`)).status, 404);
  const audit = await admin('GET', `/api/v1/audit?entity_id=${made.body.id}`);
  assert.deepEqual(audit.body.data.map((e: { action: string }) => e.action), ['custom_role.deleted', 'custom_role.updated', 'custom_role.created']);
});

test('a grant counts from the next request of an open session, and so does its removal: revoked, unassigned or the role deleted', async () => {
  const a = await agent();
  const audit = () => as(a.session, 'GET', '/api/v1/audit?limit=1');
  assert.equal((await audit()).status, 403);
  const role = (await admin('POST', '/api/v1/roles', { name: 'Meekijker', permissions: ['audit.read'] })).body;
  assert.equal((await admin('PUT', `/api/v1/agents/${a.id}/custom-role`, { custom_role_id: role.id })).body.custom_role_id, role.id);
  assert.equal((await audit()).status, 200, 'granted: the same session may now');
  const me = await as(a.session, 'GET', '/api/v1/me');
  assert.equal(me.body.actor.role, 'agent');
  assert.ok(me.body.actor.permissions.includes('audit.read'));
  assert.equal(me.body.agent.custom_role, 'Meekijker');

  await admin('PATCH', `/api/v1/roles/${role.id}`, { revoke: ['audit.read'] });
  assert.equal((await audit()).status, 403, 'revoked: refused at once');
  await admin('PATCH', `/api/v1/roles/${role.id}`, { grant: ['audit.read'] });
  assert.equal((await audit()).status, 200);
  await admin('PUT', `/api/v1/agents/${a.id}/custom-role`, { custom_role_id: null });
  assert.equal((await audit()).status, 403, 'the role taken away: refused at once');
  await admin('PUT', `/api/v1/agents/${a.id}/custom-role`, { custom_role_id: role.id });
  assert.equal((await audit()).status, 200);
  const deleted = await admin('DELETE', `/api/v1/roles/${role.id}`);
  assert.deepEqual(deleted.body.agent_ids, []);
  assert.equal((await audit()).status, 403, 'the role deleted: refused at once');
  const agentRow = (await admin('GET', '/api/v1/agents')).body.data.find((x: { id: string }) => x.id === a.id);
  assert.equal(agentRow.custom_role_id, null);
  const trail = (await admin('GET', `/api/v1/audit?entity_id=${a.id}`)).body.data.map((e: { action: string; after: { reason?: string } }) => `${e.action}${e.after?.reason ? ` (${e.after.reason})` : ''}`);
  assert.deepEqual(trail.slice(0, 4), ['agent.custom_role_changed (role deleted)', 'agent.custom_role_changed', 'agent.custom_role_changed', 'agent.custom_role_changed']);
});

test('a granted permission works inside the use case too: an agent with refunds.approve_above_limit, articles.publish, webhooks.manage', async () => {
  const a = await agent();
  const role = (await admin('POST', '/api/v1/roles', { name: 'Teamleider light', permissions: ['articles.publish', 'webhooks.manage'] })).body;
  await admin('PUT', `/api/v1/agents/${a.id}/custom-role`, { custom_role_id: role.id });
  const article = await as(a.session, 'POST', '/api/v1/articles', { translations: { nl: { title: 'Parkeren', body: 'Zo betaal je.' } } });
  assert.equal(article.status, 201);
  assert.equal((await as(a.session, 'POST', `/api/v1/articles/${article.body.id}/publish`)).status, 200);
  const hook = await as(a.session, 'POST', '/api/v1/webhooks', { url: 'https://example.test/rol', events: ['case.created'] });
  assert.equal(hook.status, 201, JSON.stringify(hook.body));
  // an agent without the role may do neither
  const b = await agent();
  assert.equal((await as(b.session, 'POST', `/api/v1/articles/${article.body.id}/unpublish`)).status, 403);
  assert.equal((await as(b.session, 'GET', '/api/v1/webhooks')).status, 403);
});

test('nobody hands out more than they hold: roles.manage alone cannot grant customers.erase; agents.manage from a role cannot make an admin', async () => {
  const a = await agent();
  const role = (await admin('POST', '/api/v1/roles', { name: 'Rollenbeheer', permissions: ['roles.manage', 'agents.manage'] })).body;
  await admin('PUT', `/api/v1/agents/${a.id}/custom-role`, { custom_role_id: role.id });
  const escalate = await as(a.session, 'PATCH', `/api/v1/roles/${role.id}`, { grant: ['customers.erase'] });
  assert.equal(escalate.status, 403);
  assert.match(escalate.body.error.message, /customers\.erase/);
  assert.equal((await as(a.session, 'POST', '/api/v1/roles', { name: 'Wisser', permissions: ['customers.erase'] })).status, 403);
  const mine = await as(a.session, 'POST', '/api/v1/roles', { name: 'Kijker', permissions: ['roles.manage'] });
  assert.equal(mine.status, 201, 'what one holds may be handed out');
  assert.equal((await as(a.session, 'PATCH', `/api/v1/agents/${a.id}`, { role: 'admin' })).status, 403);
  assert.equal((await as(a.session, 'POST', '/api/v1/agents', { email: uniqueEmail(), name: 'Baas', role: 'admin' })).status, 403);
  assert.equal((await as(a.session, 'POST', '/api/v1/agents', { email: uniqueEmail(), name: 'Collega', role: 'agent' })).status, 201);
});

test("a role of another account cannot be given, seen or changed (404), and an API token carries no custom role", async () => {
  const theirs = (await as(other.auth, 'POST', '/api/v1/roles', { name: 'Van hen', permissions: ['audit.read'] })).body;
  const a = await agent();
  assert.equal((await admin('PUT', `/api/v1/agents/${a.id}/custom-role`, { custom_role_id: theirs.id })).status, 404);
  assert.equal((await admin('GET', `/api/v1/roles/${theirs.id}`)).status, 404);
  assert.equal((await admin('PATCH', `/api/v1/roles/${theirs.id}`, { name: 'Van ons' })).status, 404);
  assert.equal((await admin('DELETE', `/api/v1/roles/${theirs.id}`)).status, 404);
  assert.equal((await as(other.auth, 'GET', `/api/v1/roles/${theirs.id}`)).body.name, 'Van hen');

  const mine = (await admin('POST', '/api/v1/roles', { name: 'Auditlezer', permissions: ['audit.read'] })).body;
  await admin('PUT', `/api/v1/agents/${a.id}/custom-role`, { custom_role_id: mine.id });
  const token = (await admin('POST', '/api/v1/tokens', { name: 'voor rolf', role: 'agent', agent_id: a.id })).body.token;
  assert.equal((await as({ authorization: `Bearer ${token}` }, 'GET', '/api/v1/audit')).status, 403);
  assert.equal((await as(a.session, 'GET', '/api/v1/audit')).status, 200);
});

test('only who holds roles.manage composes or gives roles: a supervisor cannot', async () => {
  const s = await agent('supervisor');
  assert.equal((await as(s.session, 'GET', '/api/v1/roles')).status, 403);
  assert.equal((await as(s.session, 'POST', '/api/v1/roles', { name: 'X', permissions: [] })).status, 403);
  assert.equal((await as(s.session, 'PUT', `/api/v1/agents/${s.id}/custom-role`, { custom_role_id: null })).status, 403);
  assert.equal((await as(s.session, 'GET', '/api/v1/permissions')).status, 200, 'the names themselves are no secret');
});
