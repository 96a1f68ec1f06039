// Issue 13, section 1: the review's findings on identity, replay, sign-in throttling, deactivation,
// publishing, import and what each role may do. Each test failed on the code before the fix.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { systemActor, type Role } from '../../src/shared/actor.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let app: FastifyInstance;
let acc: TestAccount;
const PASSWORD = 'een lang wachtwoord';

before(async () => {
  ctx = await testApp();
  app = ctx.app;
  acc = await newAccount(ctx.db);
});
after(() => ctx.close());

type Auth = Record<string, string>;
const call = (auth: Auth, method: InjectOptions['method'], url: string, payload?: unknown, headers: Auth = {}) =>
  app.inject({ method, url, payload: payload as InjectOptions['payload'], headers: { ...auth, ...headers } });
const bearer = (token: string): Auth => ({ authorization: `Bearer ${token}` });

async function agent(role: Role, a: TestAccount = acc, db = ctx.db) {
  const email = uniqueEmail(role);
  const row = await createAgent(db, systemActor(a.accountId), { email, name: `${role} ${email.slice(0, 12)}`, role, password: PASSWORD });
  return { id: row.id, email };
}

async function session(email: string, password = PASSWORD): Promise<Auth> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, remoteAddress: randomIp() });
  assert.equal(res.statusCode, 200, res.body);
  return { cookie: String(res.headers['set-cookie']).split(';')[0] };
}

async function token(creator: Auth, body: Record<string, unknown>) {
  const res = await call(creator, 'POST', '/api/v1/tokens', { name: 't', ...body });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; token: string; agent_id: string | null; created_by: string | null; role: Role };
}

const randomIp = () => `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

async function openCase(auth: Auth) {
  const res = await call(auth, 'POST', '/api/v1/cases', { customer: { email: uniqueEmail() }, subject: 'Te veel betaald', message: { body: 'Ik heb te veel betaald.' } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; ref: string; customer_id: string };
}

test("a lower-role token an admin makes is a service identity: it cannot take over the admin's account", async () => {
  const t = await token(acc.auth, { role: 'agent' });
  assert.equal(t.agent_id, null);
  assert.equal(t.created_by, acc.adminId, 'who made it is kept');
  const low = bearer(t.token);
  const me = (await call(low, 'GET', '/api/v1/me')).json();
  assert.equal(me.agent, null, '/me is not the admin');
  assert.deepEqual({ type: me.actor.type, role: me.actor.role }, { type: 'token', role: 'agent' });
  const takeover = await call(low, 'PATCH', `/api/v1/agents/${acc.adminId}`, { password: 'overgenomen wachtwoord', current_password: 'x' });
  assert.equal(takeover.statusCode, 403, takeover.body);
  const rename = await call(low, 'PATCH', `/api/v1/agents/${acc.adminId}`, { name: 'Overgenomen' });
  assert.equal(rename.statusCode, 403);
  // the admin's own problem cannot be edited by it either
  const problem = await call(acc.auth, 'POST', '/api/v1/problems', { title: 'Parkeerapp rekent te veel' });
  assert.equal(problem.statusCode, 201, problem.body);
  const edit = await call(low, 'PATCH', `/api/v1/problems/${problem.json().id}`, { title: 'weg ermee' });
  assert.equal(edit.statusCode, 403);
  // the audit says who made the token
  const audit = (await call(acc.auth, 'GET', `/api/v1/audit?entity_id=${t.id}`)).json().data;
  assert.equal(audit[0].action, 'api_token.created');
  assert.equal(audit[0].after.created_by, acc.adminId);
});

test('a token issued to an agent acts as that agent, never above their role', async () => {
  const sanne = await agent('agent');
  const t = await token(acc.auth, { role: 'agent', agent_id: sanne.id });
  const me = (await call(bearer(t.token), 'GET', '/api/v1/me')).json();
  assert.equal(me.agent.id, sanne.id);
  const above = await call(acc.auth, 'POST', '/api/v1/tokens', { name: 'te veel', role: 'admin', agent_id: sanne.id });
  assert.equal(above.statusCode, 422);
  assert.equal(above.json().error.code, 'role_above_agent');
  // demoting the agent lowers what their token may do at once
  const sup = await agent('supervisor');
  const supToken = await token(acc.auth, { role: 'supervisor', agent_id: sup.id });
  assert.equal((await call(bearer(supToken.token), 'GET', '/api/v1/me')).json().actor.role, 'supervisor');
  await call(acc.auth, 'PATCH', `/api/v1/agents/${sup.id}`, { role: 'agent' });
  const after = await call(bearer(supToken.token), 'GET', '/api/v1/me');
  assert.ok(after.statusCode === 401 || after.json().actor.role === 'agent', after.body);
});

test("an Idempotency-Key replay is the sender's own: another credential never gets the stored response, secrets are never stored", async () => {
  const key = `k-${randomBytes(6).toString('hex')}`;
  const body = { name: 'integratie', role: 'admin' };
  const first = await call(acc.auth, 'POST', '/api/v1/tokens', body, { 'idempotency-key': key });
  assert.equal(first.statusCode, 201);
  const stored = await ctx.db.query<{ response_body: string | null }>('SELECT response_body FROM idempotency_keys WHERE account_id = $1 AND key = $2', [acc.accountId, key]);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].response_body, null, 'the new token is not kept in the replay cache');
  // an agent in the same account with the same key and body: runs its own request, and is refused
  const bram = await agent('agent');
  const asAgent = await call(await session(bram.email), 'POST', '/api/v1/tokens', body, { 'idempotency-key': key });
  assert.equal(asAgent.statusCode, 403, asAgent.body);
  assert.ok(!asAgent.body.includes(first.json().token));
  const agentToken = await token(acc.auth, { role: 'agent' });
  const viaToken = await call(bearer(agentToken.token), 'POST', '/api/v1/tokens', body, { 'idempotency-key': key });
  assert.equal(viaToken.statusCode, 403);
  // the admin's own retry is told the request was done, without the secret
  const again = await call(acc.auth, 'POST', '/api/v1/tokens', body, { 'idempotency-key': key });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'idempotency_secret_withheld');
  assert.ok(!again.body.includes(first.json().token));
  // a webhook's signing secret likewise
  const hookKey = `h-${randomBytes(6).toString('hex')}`;
  const hook = await call(acc.auth, 'POST', '/api/v1/webhooks', { url: 'https://example.test/hook', events: ['case.created'] }, { 'idempotency-key': hookKey });
  assert.equal(hook.statusCode, 201);
  const hookAgain = await call(acc.auth, 'POST', '/api/v1/webhooks', { url: 'https://example.test/hook', events: ['case.created'] }, { 'idempotency-key': hookKey });
  assert.equal(hookAgain.statusCode, 409);
  assert.ok(!hookAgain.body.includes(hook.json().secret));
  // responses without secrets still replay, for the same credential
  const caseKey = `c-${randomBytes(6).toString('hex')}`;
  const payload = { customer: { email: uniqueEmail() }, message: { body: 'Mijn factuur klopt niet.' } };
  const c1 = await call(acc.auth, 'POST', '/api/v1/cases', payload, { 'idempotency-key': caseKey });
  const c2 = await call(acc.auth, 'POST', '/api/v1/cases', payload, { 'idempotency-key': caseKey });
  assert.equal(c2.headers['idempotent-replayed'], 'true');
  assert.equal(c2.json().id, c1.json().id);
});

test('sign-in is throttled per account and per client address, whatever headers a guesser adds', async () => {
  const { app: limited, db, close } = await testApp({ RATE_LIMIT_MAX: 10_000 });
  try {
    const there = await newAccount(db);
    const victim = await agent('admin', there, db);
    const ip = randomIp();
    const guess = (email: string, password: string, from = ip) =>
      limited.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password },
        remoteAddress: from,
        // the old bypass: any credential-looking header bought a fresh allowance
        headers: { authorization: `Bearer lst_${randomBytes(12).toString('hex')}`, cookie: `luister_session=${randomBytes(12).toString('hex')}` },
      });
    const codes: number[] = [];
    for (let i = 0; i < 8; i++) codes.push((await guess(victim.email, `fout ${i} wachtwoord`)).statusCode);
    assert.deepEqual(codes.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.ok(codes.slice(5).every((c) => c === 429), codes.join(','));
    const waiting = await guess(victim.email, PASSWORD);
    assert.equal(waiting.statusCode, 429, 'during the wait even the right password is refused');
    assert.ok(Number(waiting.headers['retry-after']) >= 1);
    assert.equal(waiting.json().error.code, 'too_many_attempts');
    // from another address the account is throttled too (per account, not only per address)
    assert.equal((await guess(victim.email, 'nog een gok', randomIp())).statusCode, 429);
    // a colleague behind the same address still signs in: one guesser does not lock out the office
    const colleague = await agent('agent', there, db);
    assert.equal((await guess(colleague.email, PASSWORD)).statusCode, 200);
    // one address guessing across many accounts is slowed down, with a wait of at most a minute
    const sprayer = randomIp();
    let last = 0;
    for (let i = 0; i < 52; i++) last = (await guess(uniqueEmail('spray'), 'welkom01welkom', sprayer)).statusCode;
    assert.equal(last, 429);
    const wait = Number((await guess(uniqueEmail('spray'), 'welkom01welkom', sprayer)).headers['retry-after']);
    assert.ok(wait >= 1 && wait <= 60, `wait ${wait}`);
  } finally {
    await close();
  }
});

test("a deactivated admin's tokens stop working and cannot mint new ones", async () => {
  const other = await agent('admin');
  const own = await token(acc.auth, { role: 'admin', agent_id: other.id });
  // a service token the other admin made, with their own token
  const made = await token(bearer(own.token), { role: 'admin' });
  assert.equal(made.created_by, other.id);
  assert.equal((await call(acc.auth, 'PATCH', `/api/v1/agents/${other.id}`, { active: false })).statusCode, 200);
  for (const t of [own.token, made.token]) {
    assert.equal((await call(bearer(t), 'GET', '/api/v1/me')).statusCode, 401);
    assert.equal((await call(bearer(t), 'POST', '/api/v1/tokens', { name: 'nieuw', role: 'admin' })).statusCode, 401);
  }
  const listed = (await call(acc.auth, 'GET', '/api/v1/tokens')).json().data as { id: string; revoked_at: string | null }[];
  assert.ok(listed.filter((t) => t.id === own.id || t.id === made.id).every((t) => t.revoked_at), 'revoked, visibly');
});

test('changing your own password asks for the current one', async () => {
  const me = await agent('agent');
  const auth = await session(me.email);
  const without = await call(auth, 'PATCH', `/api/v1/agents/${me.id}`, { password: 'een nieuw wachtwoord' });
  assert.equal(without.statusCode, 403);
  assert.equal(without.json().error.code, 'current_password_wrong');
  const wrong = await call(auth, 'PATCH', `/api/v1/agents/${me.id}`, { password: 'een nieuw wachtwoord', current_password: 'niet het mijne' });
  assert.equal(wrong.statusCode, 403);
  const right = await call(auth, 'PATCH', `/api/v1/agents/${me.id}`, { password: 'een nieuw wachtwoord', current_password: PASSWORD });
  assert.equal(right.statusCode, 200, right.body);
  // an admin resetting someone else's password does not need theirs
  const reset = await call(acc.auth, 'PATCH', `/api/v1/agents/${me.id}`, { password: 'door de admin gezet' });
  assert.equal(reset.statusCode, 200);
});

test("an agent's edit of a published article waits for someone who may publish", async () => {
  const slug = `help-${randomBytes(4).toString('hex')}`;
  assert.equal((await call(acc.auth, 'PUT', '/api/v1/help-centre', { slug, contact: { email: 'hulp@example.test' } })).statusCode, 200);
  const created = await call(acc.auth, 'POST', '/api/v1/articles', { translations: { nl: { title: 'Retourneren', body: 'Stuur het pakket binnen 30 dagen terug.' } } });
  const article = created.json();
  assert.equal((await call(acc.auth, 'POST', `/api/v1/articles/${article.id}/publish`)).statusCode, 200);
  const page = () => app.inject({ method: 'GET', url: `/help/${slug}/articles/${article.slug}?lang=nl` });
  const search = (q: string) => app.inject({ method: 'GET', url: `/help/${slug}/search?lang=nl&q=${encodeURIComponent(q)}` });
  assert.match((await page()).body, /binnen 30 dagen/);

  const agentAuth = await session((await agent('agent')).email);
  const edit0 = await call(agentAuth, 'PATCH', `/api/v1/articles/${article.id}`, { translations: { nl: { body: 'Bel 0900-OPLICHTER voor een gratis iPhone.' } } });
  const edit = edit0; assert.equal(edit.statusCode, 200, edit.body);
  assert.equal(edit.json().version, 2);
  assert.equal(edit.json().published_version, 1, 'the edit waits');
  assert.doesNotMatch((await page()).body, /OPLICHTER/, 'the help centre still shows the published text');
  assert.match((await page()).body, /binnen 30 dagen/);
  assert.doesNotMatch((await search('iPhone')).body, /OPLICHTER/);
  // the agent cannot publish it
  assert.equal((await call(agentAuth, 'POST', `/api/v1/articles/${article.id}/publish`)).statusCode, 403);
  // a supervisor's edit goes live; publishing again publishes the latest edit
  const sup = await session((await agent('supervisor')).email);
  const fixed = await call(sup, 'PATCH', `/api/v1/articles/${article.id}`, { translations: { nl: { body: 'Stuur het pakket binnen 14 dagen terug.' } } });
  assert.equal(fixed.json().published_version, 3);
  assert.match((await page()).body, /binnen 14 dagen/);
  await call(agentAuth, 'PATCH', `/api/v1/articles/${article.id}`, { translations: { nl: { body: 'Stuur het pakket binnen 21 dagen terug.' } } });
  assert.match((await page()).body, /binnen 14 dagen/);
  const published = await call(sup, 'POST', `/api/v1/articles/${article.id}/publish`);
  assert.equal(published.json().published_version, 4);
  assert.match((await page()).body, /binnen 21 dagen/);
});

test('customer import needs a supervisor, and is set-based: updates, new identities, conflicts, dry run', async () => {
  const csvOf = (lines: string[]) => ['name,email,phone,segment,vulnerable', ...lines].join('\n');
  const agentAuth = await session((await agent('agent')).email);
  const refused = await call(agentAuth, 'POST', '/api/v1/customers/import', { csv: csvOf([`A,${uniqueEmail()},,,`]) });
  assert.equal(refused.statusCode, 403);
  const sup = await session((await agent('supervisor')).email);
  const known = uniqueEmail('bekend');
  const existing = await call(acc.auth, 'POST', '/api/v1/customers', { name: 'Oude naam', identities: [{ kind: 'email', value: known }] });
  assert.equal(existing.statusCode, 201, existing.body);
  const fresh = Array.from({ length: 1200 }, (_, i) => `Klant ${i},${uniqueEmail(`imp${i}`)},,gold,${i % 2 ? 'ja' : 'nee'}`);
  const csv = csvOf([...fresh, `Nieuwe naam,${known},+31612345678,,ja`]);
  const dry = (await call(sup, 'POST', '/api/v1/customers/import', { csv, dry_run: true })).json();
  assert.deepEqual(dry, { dry_run: true, rows: 1201, created: 1200, updated: 1 });
  const [{ n: before }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE account_id = $1', [acc.accountId]);
  const real = await call(sup, 'POST', '/api/v1/customers/import', { csv });
  assert.equal(real.statusCode, 200, real.body);
  assert.deepEqual(real.json(), { dry_run: false, rows: 1201, created: 1200, updated: 1 });
  const [{ n: afterCount }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE account_id = $1', [acc.accountId]);
  assert.equal(afterCount - before, 1200);
  const updated = (await call(sup, 'GET', `/api/v1/customers/${existing.json().id}`)).json();
  assert.equal(updated.name, 'Nieuwe naam');
  assert.equal(updated.vulnerable, true);
  assert.ok(updated.identities.some((i: { kind: string }) => i.kind === 'phone'), 'the new phone number was added');
  const found = (await call(sup, 'GET', `/api/v1/search?q=${encodeURIComponent('Klant 17')}&type=customer`)).json();
  assert.ok(found.data.length >= 1, 'imported customers are searchable');
  // a row whose identities belong to two customers changes nothing
  const other = await call(acc.auth, 'POST', '/api/v1/customers', { name: 'Ander', identities: [{ kind: 'email', value: uniqueEmail('ander') }] });
  const conflict = csvOf([`X,${other.json().identities[0].value},+31612345678,,`]);
  const res = await call(sup, 'POST', '/api/v1/customers/import', { csv: conflict });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'import_conflict');
});

test('what an agent may do to colleagues\' work: merge customers, promises, solving and closing cases', async () => {
  const bram = await agent('agent');
  const sanne = await agent('agent');
  const bramAuth = await session(bram.email);
  const sanneAuth = await session(sanne.email);
  const supAuth = await session((await agent('supervisor')).email);

  // merging customers: supervisors and admins
  const c1 = await openCase(acc.auth);
  const c2 = await openCase(acc.auth);
  const merge = (auth: Auth) => call(auth, 'POST', `/api/v1/customers/${c1.customer_id}/merge`, { customer_id: c2.customer_id });
  assert.equal((await merge(bramAuth)).statusCode, 403);
  assert.equal((await merge(supAuth)).statusCode, 200);

  // Bram's case, with Bram's promise
  const own = await openCase(acc.auth);
  assert.equal((await call(acc.auth, 'POST', `/api/v1/cases/${own.id}/assign`, { agent_id: bram.id })).statusCode, 200);
  const promise = async () => {
    const res = await call(bramAuth, 'POST', `/api/v1/cases/${own.id}/promises`, { kind: 'callback', description: 'Terugbellen', due_at: new Date(Date.now() + 86_400_000).toISOString() });
    assert.equal(res.statusCode, 201, res.body);
    return res.json().id as string;
  };
  const p1 = await promise();
  assert.equal((await call(sanneAuth, 'POST', `/api/v1/promises/${p1}/keep`, { action: 'callback_logged' })).statusCode, 403);
  assert.equal((await call(sanneAuth, 'POST', `/api/v1/promises/${p1}/cancel`, { reason: 'weg' })).statusCode, 403);
  assert.equal(
    (await call(sanneAuth, 'POST', `/api/v1/promises/${p1}/renegotiate`, { due_at: new Date(Date.now() + 2 * 86_400_000).toISOString() })).statusCode,
    403,
  );
  assert.equal((await call(bramAuth, 'POST', `/api/v1/promises/${p1}/keep`, { action: 'callback_logged' })).statusCode, 200);
  const p2 = await promise();
  assert.equal((await call(supAuth, 'POST', `/api/v1/promises/${p2}/cancel`, { reason: 'Klant belde zelf' })).statusCode, 200);

  // solving or closing a colleague's case: its owner or a supervisor; other changes stay open to colleagues
  assert.equal((await call(sanneAuth, 'PATCH', `/api/v1/cases/${own.id}`, { status: 'solved' })).statusCode, 403);
  assert.equal((await call(sanneAuth, 'PATCH', `/api/v1/cases/${own.id}`, { status: 'closed' })).statusCode, 403);
  assert.equal((await call(sanneAuth, 'PATCH', `/api/v1/cases/${own.id}`, { priority: 'high' })).statusCode, 200);
  assert.equal((await call(bramAuth, 'PATCH', `/api/v1/cases/${own.id}`, { status: 'solved' })).statusCode, 200);
  const other = await openCase(acc.auth);
  await call(acc.auth, 'POST', `/api/v1/cases/${other.id}/assign`, { agent_id: bram.id });
  assert.equal((await call(supAuth, 'PATCH', `/api/v1/cases/${other.id}`, { status: 'solved' })).statusCode, 200);
});

test('signing out needs the session itself: a cookie with the right session id and a wrong secret ends nothing', async () => {
  const me = await agent('agent');
  const auth = await session(me.email);
  const real = auth.cookie.split('=')[1];
  const forged = `${real.slice(0, -4)}${real.slice(-4) === 'AAAA' ? 'BBBB' : 'AAAA'}`;
  await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: `luister_session=${forged}` } });
  assert.equal((await call(auth, 'GET', '/api/v1/me')).statusCode, 200, 'the real session still works');
  await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: auth });
  assert.equal((await call(auth, 'GET', '/api/v1/me')).statusCode, 401);
});
