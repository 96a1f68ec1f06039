import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import Fastify, { type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { isPermission, PERMISSIONS, type Permission } from '../../src/accounts/permissions.ts';
import { checkRoutePermission } from '../../src/http/auth.ts';
import { routesOf } from '../routes.ts';
import { OpenApiSampler } from '../openapi-sample.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Every route checks a permission, proven from the OpenAPI document (issue 20). Each operation declares
 * `x-permission` (a name from src/accounts/permissions.ts, or `public`); then each is called
 *   - without credentials: 401 (unless public);
 *   - by signed-in agents who lack the permission: a plain agent, an agent whose custom role grants
 *     something else, and a supervisor for an admin's permission: 403, naming the permission;
 *   - by an agent whose custom role grants exactly that permission: anything but 401/403 (and no 500).
 * The request is made from the operation's schemas (tests/openapi-sample.ts), so most calls reach the
 * use case: its own checks must agree with the route's declaration, or the last step fails.
 *
 * Deliberate exceptions, each with its reason:
 *   - GET /api/v1/live is called only without credentials and by agents lacking nothing: a granted call
 *     opens a server-sent event stream that does not end (it needs cases.read, which every agent holds).
 *   - Permissions every agent holds (role 'agent') cannot be lacked by a signed-in caller: custom roles
 *     only add to a built-in role. For them the test proves 401 without a session and not-403 for a plain agent.
 *   - Routes with a finer rule inside (one's own, or with a permission; nothing above one's own role) are
 *     called the way their own rule allows (SELF below): the caller's own id, a token with the role 'agent'.
 */

const STREAMS = new Set(['GET /api/v1/live']);
/** Requests that satisfy a route's own finer rule, for the caller `me` (an agent id). */
const SELF: Record<string, (me: string) => { url?: string; payload?: unknown }> = {
  'PATCH /api/v1/agents/:id': (me) => ({ url: `/api/v1/agents/${me}`, payload: { name: 'Proef' } }),
  'PUT /api/v1/agents/:id/routing': (me) => ({ url: `/api/v1/agents/${me}/routing`, payload: { available: true } }),
  'PUT /api/v1/agents/:id/callback-hours': (me) => ({ url: `/api/v1/agents/${me}/callback-hours`, payload: { hours_text: 'ma 09:00-12:00' } }),
  'DELETE /api/v1/agents/:id/callback-hours': (me) => ({ url: `/api/v1/agents/${me}/callback-hours` }),
  'POST /api/v1/cases/:id/assign': (me) => ({ payload: { agent_id: me } }),
  // anyone may stop following a case themselves; taking a colleague off needs cases.assign_others
  'DELETE /api/v1/cases/:id/followers/:agent_id': (me) => ({ url: `/api/v1/cases/LU-1001/followers/${me}` }),
  'POST /api/v1/tokens': () => ({ payload: { name: 'proef', role: 'agent' } }),
};
/** A 401 that is about the session (not, say, a wrong two-factor code). */
const SESSION_401 = new Set(['unauthenticated', 'invalid_token', 'invalid_authorization']);
const refused = (res: LightMyRequestResponse) =>
  res.statusCode === 403 || res.statusCode >= 500 || (res.statusCode === 401 && SESSION_401.has(res.json().error?.code));
const PASSWORD = 'een lang wachtwoord voor de rechtenproef';

let ctx: TestContext;
let acc: TestAccount;
let doc: { paths: Record<string, Record<string, Record<string, unknown>>> };
let sampler: OpenApiSampler;
type Who = 'agent' | 'supervisor' | 'other' | 'holder';
const cookies: Record<Who, string> = { agent: '', supervisor: '', other: '', holder: '' };
const agentIds: Record<Who, string> = { agent: '', supervisor: '', other: '', holder: '' };
let holderRoleId = '';

interface Operation { key: string; method: string; path: string; permission: string; op: Record<string, unknown> }
let ops: Operation[] = [];

const inject = (o: InjectOptions) => ctx.app.inject(o);
const asAdmin = async (method: InjectOptions['method'], url: string, payload?: unknown) => {
  const res = await inject({ method, url, headers: acc.auth, payload: payload as InjectOptions['payload'] });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};

async function agentWithSession(who: Who, role: 'agent' | 'supervisor', customRoleId?: string): Promise<string> {
  const email = uniqueEmail(role);
  const agent = await asAdmin('POST', '/api/v1/agents', { email, name: `Proef ${role}`, role, password: PASSWORD });
  agentIds[who] = agent.id;
  if (customRoleId) await asAdmin('PUT', `/api/v1/agents/${agent.id}/custom-role`, { custom_role_id: customRoleId });
  const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: PASSWORD }, headers: { 'sec-fetch-site': 'same-origin' } });
  assert.equal(res.statusCode, 200, res.body);
  return `luister_session=${res.cookies.find((c) => c.name === 'luister_session')!.value}`;
}

function call(o: Operation, who: Who | null): Promise<LightMyRequestResponse> {
  const cookie = who && cookies[who];
  const r = { ...sampler.request(o.path, o.op), ...(who && SELF[o.key] ? SELF[o.key](agentIds[who]) : {}) };
  const headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' };
  if (cookie) headers.cookie = cookie;
  if (r.contentType) headers['content-type'] = r.contentType;
  return inject({ method: o.method as InjectOptions['method'], url: r.url, headers, payload: r.payload as InjectOptions['payload'] });
}

const needsMoreThanAgent = (p: string) => p !== 'public' && isPermission(p) && PERMISSIONS[p].role !== 'agent';

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db, 'Rechten');
  doc = (await inject({ method: 'GET', url: '/openapi.json' })).json();
  sampler = new OpenApiSampler(doc);
  ops = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod).map(([method, op]) => ({
      key: `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`, method: method.toUpperCase(), path, permission: String(op['x-permission']), op,
    })));
  const other = await asAdmin('POST', '/api/v1/roles', { name: 'Webhooks', permissions: ['webhooks.manage'] });
  const holder = await asAdmin('POST', '/api/v1/roles', { name: 'Proefrol', permissions: [] });
  holderRoleId = holder.id;
  cookies.agent = await agentWithSession('agent', 'agent');
  cookies.supervisor = await agentWithSession('supervisor', 'supervisor');
  cookies.other = await agentWithSession('other', 'agent', other.id);
  cookies.holder = await agentWithSession('holder', 'agent', holderRoleId);
});

after(() => ctx.close());

test('every operation in the OpenAPI document declares a permission that exists, and every /api/ route is documented', () => {
  assert.ok(ops.length >= 200, `only ${ops.length} operations`);
  const bad = ops.filter((o) => o.permission !== 'public' && !isPermission(o.permission)).map((o) => `${o.key}: ${o.permission}`);
  assert.deepEqual(bad, [], 'operations without a known x-permission');
  // the router's /api/ routes are all in the document (the chat widget's CORS pre-flight is its only hidden one)
  const documented = new Set(ops.map((o) => o.key));
  const undocumented = routesOf(ctx.app).filter((r) => / \/api\//.test(r) && !r.startsWith('OPTIONS ') && !documented.has(r));
  assert.deepEqual(undocumented, []);
  // and a public operation asks for no credentials in the document either
  for (const o of ops.filter((x) => x.permission === 'public')) assert.deepEqual(o.op.security, [], o.key);
});

test('a route that declares no permission, or one that does not exist, cannot be registered', async () => {
  const app = Fastify();
  app.addHook('onRoute', checkRoutePermission);
  assert.throws(() => app.get('/api/v1/forgotten', async () => 'x'), /declares no permission/);
  assert.throws(() => app.get('/api/v1/made-up', { config: { permission: 'cases.fly' as Permission } }, async () => 'x'), /does not exist/);
  assert.throws(() => app.get('/pages/x', { config: { permission: 'cases.read' } }, async () => 'x'), /outside \/api\//);
  assert.doesNotThrow(() => app.get('/api/v1/fine', { config: { permission: 'cases.read' } }, async () => 'x'));
  await app.close();
});

test('without a session every operation that is not public answers 401', async () => {
  const wrong: string[] = [];
  for (const o of ops.filter((x) => x.permission !== 'public')) {
    const res = await call(o, null);
    if (res.statusCode !== 401) wrong.push(`${o.key}: ${res.statusCode} ${res.body.slice(0, 120)}`);
  }
  assert.deepEqual(wrong, []);
});

test('signed in without the permission: 403 naming it (a plain agent, an agent with another custom role, a supervisor for an admin permission)', async () => {
  const wrong: string[] = [];
  let checked = 0;
  for (const o of ops.filter((x) => needsMoreThanAgent(x.permission))) {
    const p = o.permission as Permission;
    const lacking: Who[] = ['agent'];
    if (p !== 'webhooks.manage') lacking.push('other');
    if (PERMISSIONS[p].role === 'admin') lacking.push('supervisor');
    for (const who of lacking) {
      const res = await call(o, who);
      checked++;
      if (res.statusCode !== 403 || res.json().error?.code !== 'forbidden' || !res.json().error.message.includes(p)) {
        wrong.push(`${o.key} as ${who}: ${res.statusCode} ${res.body.slice(0, 160)}`);
      }
    }
  }
  assert.ok(checked >= 150, `only ${checked} calls`);
  assert.deepEqual(wrong, []);
});

test('with a custom role that grants the permission, every operation lets the agent through (not 401/403, no 500)', async () => {
  const wrong: string[] = [];
  const byPermission = new Map<string, Operation[]>();
  for (const o of ops.filter((x) => needsMoreThanAgent(x.permission))) byPermission.set(o.permission, [...(byPermission.get(o.permission) ?? []), o]);
  for (const [p, group] of byPermission) {
    // the same session throughout: the role's new permission counts from the next request
    await asAdmin('PATCH', `/api/v1/roles/${holderRoleId}`, { permissions: [p] });
    for (const o of group) {
      const res = await call(o, 'holder');
      if (refused(res)) wrong.push(`${o.key} granted ${p}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
  }
  await asAdmin('PATCH', `/api/v1/roles/${holderRoleId}`, { permissions: [] });
  assert.deepEqual(wrong, []);
});

test("an operation every agent may do lets a plain agent through (not 401/403, no 500)", async () => {
  const wrong: string[] = [];
  for (const o of ops.filter((x) => x.permission !== 'public' && !needsMoreThanAgent(x.permission) && !STREAMS.has(x.key))) {
    const res = await call(o, 'agent');
    if (refused(res)) wrong.push(`${o.key}: ${res.statusCode} ${res.body.slice(0, 200)}`);
  }
  assert.deepEqual(wrong, []);
});
