import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { codeAt } from '../../src/accounts/two-factor/totp.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Two-factor sign-in (issue 20) through the HTTP API, on PGlite and PostgreSQL: enrolment with a
 * first code, sign-in with a code after the password, a wrong and a replayed code refused, a
 * recovery code used once, required by role (a session can only enrol; API tokens go on), throttled,
 * audited, reset by an admin.
 */
let ctx: TestContext;
let app: FastifyInstance;
let a: TestAccount;
const password = 'een lang en geheim wachtwoord';
const SAME = { 'sec-fetch-site': 'same-origin' };
const inject = (o: InjectOptions) => app.inject(o);

before(async () => {
  ctx = await testApp();
  app = ctx.app;
  a = await newAccount(ctx.db, 'Tweestaps');
});
after(() => ctx.close());

async function newAgent(role = 'agent') {
  const email = uniqueEmail('agent');
  const res = await inject({ method: 'POST', url: '/api/v1/agents', headers: a.auth, payload: { email, name: `Agent ${email.slice(6, 14)}`, role, password } });
  assert.equal(res.statusCode, 201, res.body);
  return { email, id: res.json().id as string };
}

async function passwordStep(email: string) {
  const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: SAME });
  assert.equal(res.statusCode, 200, res.body);
  const c = res.cookies.find((x) => x.name === 'luister_session');
  return { body: res.json(), cookie: c ? { ...SAME, cookie: `luister_session=${c.value}` } : null };
}

async function signIn(email: string) {
  const { cookie } = await passwordStep(email);
  assert.ok(cookie, 'a session without two-factor');
  return cookie;
}

const secondStep = (challenge_token: string, proof: { code?: string; recovery_code?: string }) =>
  inject({ method: 'POST', url: '/api/v1/auth/two-factor', payload: { challenge_token, ...proof }, headers: SAME });

/** Enrols a signed-in agent; returns the secret (as the phone keeps it) and the recovery codes. */
async function enrol(cookie: Record<string, string>) {
  const start = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment', headers: cookie, payload: {} });
  assert.equal(start.statusCode, 200, start.body);
  const { secret } = start.json();
  const done = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment/confirm', headers: cookie, payload: { code: codeAt(secret, Date.now()) } });
  assert.equal(done.statusCode, 200, done.body);
  return { secret: secret as string, recoveryCodes: done.json().recovery_codes as string[] };
}

const audit = (agentId: string) =>
  ctx.db.query<{ action: string; after: { reason?: string } | null }>(
    `SELECT action, after FROM audit_log WHERE account_id = $1 AND entity_id = $2 AND action LIKE 'two_factor.%' ORDER BY id`,
    [a.accountId, agentId],
  );

test('enrolment: a QR code and a key, a wrong first code refused, the right one turns it on with ten recovery codes', async () => {
  const agent = await newAgent();
  const cookie = await signIn(agent.email);
  const start = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment', headers: cookie, payload: {} });
  assert.equal(start.statusCode, 200, start.body);
  const e = start.json();
  assert.match(e.secret, /^[A-Z2-7]{32}$/);
  assert.match(e.qr_code, /^data:image\/svg\+xml;base64,/);
  assert.match(Buffer.from(e.qr_code.split(',')[1], 'base64').toString(), /<svg/);
  assert.match(e.otpauth_uri, new RegExp(`secret=${e.secret}`));

  const [stored] = await ctx.db.query<{ secret_sealed: string }>('SELECT secret_sealed FROM agent_two_factor WHERE account_id = $1 AND agent_id = $2', [a.accountId, agent.id]);
  assert.ok(!stored.secret_sealed.includes(e.secret), 'the secret is stored sealed, never in the clear');

  const wrong = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment/confirm', headers: cookie, payload: { code: codeAt(e.secret, Date.now() + 5 * 60_000) } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error.code, 'invalid_two_factor_code');
  assert.equal((await inject({ method: 'GET', url: '/api/v1/two-factor', headers: cookie })).json().enabled, false);

  const ok = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment/confirm', headers: cookie, payload: { code: codeAt(e.secret, Date.now()) } });
  assert.equal(ok.statusCode, 200, ok.body);
  const codes = ok.json().recovery_codes as string[];
  assert.equal(codes.length, 10);
  const hashes = await ctx.db.query<{ code_hash: string }>('SELECT code_hash FROM agent_recovery_codes WHERE account_id = $1 AND agent_id = $2', [a.accountId, agent.id]);
  assert.equal(hashes.length, 10);
  assert.ok(hashes.every((h) => /^[0-9a-f]{64}$/.test(h.code_hash) && !codes.includes(h.code_hash)), 'only hashes are kept');
  assert.deepEqual((await inject({ method: 'GET', url: '/api/v1/two-factor', headers: cookie })).json(), { enabled: true, pending: false, required: false, recovery_codes_left: 10 });

  const again = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment', headers: cookie, payload: {} });
  assert.equal(again.statusCode, 409);
  assert.deepEqual((await audit(agent.id)).map((r) => r.action), ['two_factor.failed', 'two_factor.enrolled']);
});

test('sign-in asks for the code after the password: no session until it is right; a wrong or replayed code is refused', async () => {
  const agent = await newAgent();
  const { secret } = await enrol(await signIn(agent.email));

  const first = await passwordStep(agent.email);
  assert.equal(first.cookie, null, 'the password alone opens no session');
  assert.equal(first.body.two_factor_required, true);
  assert.match(first.body.challenge_token, /^lsc_/);
  // the challenge is no session
  const asSession = await inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `luister_session=${first.body.challenge_token}` } });
  assert.equal(asSession.statusCode, 401);

  const wrong = await secondStep(first.body.challenge_token, { code: codeAt(secret, Date.now() + 10 * 60_000) });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error.code, 'invalid_two_factor_code');
  assert.equal(wrong.cookies.length, 0);

  // the enrolment used this step's code: the next step's code signs in
  const code = codeAt(secret, Date.now() + 30_000);
  const right = await secondStep(first.body.challenge_token, { code });
  assert.equal(right.statusCode, 200, right.body);
  const session = right.cookies.find((c) => c.name === 'luister_session')!;
  assert.equal((await inject({ method: 'GET', url: '/api/v1/cases', headers: { cookie: `luister_session=${session.value}` } })).statusCode, 200);

  // the challenge works once
  const reused = await secondStep(first.body.challenge_token, { code: codeAt(secret, Date.now() + 30_000) });
  assert.equal(reused.json().error.code, 'challenge_invalid');

  // the same code on a new sign-in: a replay
  const second = await passwordStep(agent.email);
  const replay = await secondStep(second.body.challenge_token, { code });
  assert.equal(replay.statusCode, 401);
  assert.equal(replay.json().error.code, 'two_factor_code_used');

  const failed = (await audit(agent.id)).filter((r) => r.action === 'two_factor.failed').map((r) => r.after?.reason);
  assert.deepEqual(failed, ['wrong', 'replayed']);
});

test('a recovery code signs in once; the second time it is refused', async () => {
  const agent = await newAgent();
  const { recoveryCodes } = await enrol(await signIn(agent.email));
  const c1 = await passwordStep(agent.email);
  const ok = await secondStep(c1.body.challenge_token, { recovery_code: recoveryCodes[3].toUpperCase() });
  assert.equal(ok.statusCode, 200, ok.body);
  const c2 = await passwordStep(agent.email);
  const again = await secondStep(c2.body.challenge_token, { recovery_code: recoveryCodes[3] });
  assert.equal(again.statusCode, 401);
  assert.equal(again.json().error.code, 'invalid_recovery_code');
  const rows = await audit(agent.id);
  assert.ok(rows.some((r) => r.action === 'two_factor.recovery_code_used' && (r.after as { recovery_codes_left: number }).recovery_codes_left === 9));
  const both = await secondStep(c2.body.challenge_token, { code: '123456', recovery_code: recoveryCodes[4] });
  assert.equal(both.statusCode, 400, 'either a code or a recovery code');
});

test('wrong codes are throttled per agent, and a challenge dies after five', async () => {
  const agent = await newAgent();
  const { secret } = await enrol(await signIn(agent.email));
  const c = await passwordStep(agent.email);
  const bad = codeAt(secret, Date.now() + 10 * 60_000);
  for (let i = 0; i < 5; i++) assert.equal((await secondStep(c.body.challenge_token, { code: bad })).json().error.code, 'invalid_two_factor_code');
  assert.equal((await secondStep(c.body.challenge_token, { code: codeAt(secret, Date.now() + 30_000) })).json().error.code, 'challenge_invalid');
  // the next try, even with the right code, waits
  const fresh = await passwordStep(agent.email);
  const waited = await secondStep(fresh.body.challenge_token, { code: codeAt(secret, Date.now() + 30_000) });
  assert.equal(waited.statusCode, 429);
  assert.equal(waited.json().error.code, 'too_many_attempts');
});

test('required by role: the session can only enrol until it has; API tokens are unaffected; then all is open', async () => {
  const agent = await newAgent('supervisor');
  const policy = await inject({ method: 'PUT', url: '/api/v1/two-factor/policy', headers: a.auth, payload: { required_roles: ['supervisor'] } });
  assert.equal(policy.statusCode, 200, policy.body);
  assert.deepEqual(policy.json().required_roles, ['supervisor']);
  try {
    const cookie = await signIn(agent.email);
    const blocked = await inject({ method: 'GET', url: '/api/v1/cases', headers: cookie });
    assert.equal(blocked.statusCode, 403);
    assert.equal(blocked.json().error.code, 'two_factor_enrolment_required');
    const me = (await inject({ method: 'GET', url: '/api/v1/me', headers: cookie })).json();
    assert.deepEqual(me.two_factor, { enabled: false, required: true, must_enrol: true, recovery_codes_left: 0 });

    // a token issued to the same agent works as before
    const tok = await inject({ method: 'POST', url: '/api/v1/tokens', headers: a.auth, payload: { name: 'script', role: 'supervisor', agent_id: agent.id } });
    const bearer = { authorization: `Bearer ${tok.json().token}` };
    assert.equal((await inject({ method: 'GET', url: '/api/v1/cases', headers: bearer })).statusCode, 200);
    // …but cannot enrol the agent (only the agent, signed in, can)
    assert.equal((await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment', headers: bearer, payload: {} })).statusCode, 403);

    const { secret } = await enrol(cookie);
    assert.equal((await inject({ method: 'GET', url: '/api/v1/cases', headers: cookie })).statusCode, 200);
    // required: it cannot be switched off
    const off = await inject({ method: 'POST', url: '/api/v1/two-factor/disable', headers: cookie, payload: { code: codeAt(secret, Date.now() + 30_000) } });
    assert.equal(off.statusCode, 409);
    assert.equal(off.json().error.code, 'two_factor_required');
  } finally {
    await inject({ method: 'PUT', url: '/api/v1/two-factor/policy', headers: a.auth, payload: { required_roles: [] } });
  }
});

test('required by name: only that agent; switched off with a code when not required', async () => {
  const agent = await newAgent();
  const other = await newAgent();
  const req = await inject({ method: 'PUT', url: `/api/v1/agents/${agent.id}/two-factor`, headers: a.auth, payload: { required: true } });
  assert.equal(req.statusCode, 200, req.body);
  assert.equal(req.json().agents.find((x: { agent_id: string }) => x.agent_id === agent.id).required, true);
  assert.equal((await inject({ method: 'GET', url: '/api/v1/cases', headers: await signIn(agent.email) })).statusCode, 403);
  assert.equal((await inject({ method: 'GET', url: '/api/v1/cases', headers: await signIn(other.email) })).statusCode, 200);

  const cookie = await signIn(other.email);
  const { secret } = await enrol(cookie);
  const off = await inject({ method: 'POST', url: '/api/v1/two-factor/disable', headers: cookie, payload: { code: codeAt(secret, Date.now() + 30_000) } });
  assert.equal(off.statusCode, 200, off.body);
  assert.equal(off.json().enabled, false);
  assert.ok((await audit(other.id)).some((r) => r.action === 'two_factor.disabled'));
  assert.ok((await passwordStep(other.email)).cookie, 'a password alone signs in again');
});

test('an admin resets an agent’s two-factor: sessions end, the password signs in again, audited; other accounts cannot', async () => {
  const agent = await newAgent();
  const cookie = await signIn(agent.email);
  await enrol(cookie);
  const other = await newAccount(ctx.db, 'Ander');
  const foreign = await inject({ method: 'DELETE', url: `/api/v1/agents/${agent.id}/two-factor`, headers: other.auth });
  assert.equal(foreign.statusCode, 404);
  const asAgent = await inject({ method: 'DELETE', url: `/api/v1/agents/${agent.id}/two-factor`, headers: cookie });
  assert.equal(asAgent.statusCode, 403);

  const reset = await inject({ method: 'DELETE', url: `/api/v1/agents/${agent.id}/two-factor`, headers: a.auth });
  assert.equal(reset.statusCode, 200, reset.body);
  assert.deepEqual(reset.json(), { had_two_factor: true });
  assert.equal((await inject({ method: 'GET', url: '/api/v1/me', headers: cookie })).statusCode, 401, 'the sessions ended');
  assert.ok((await passwordStep(agent.email)).cookie, 'the password alone signs in again');
  const [row] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agent_recovery_codes WHERE account_id = $1 AND agent_id = $2', [a.accountId, agent.id]);
  assert.equal(row.n, 0);
  assert.ok((await audit(agent.id)).some((r) => r.action === 'two_factor.reset'));
});
