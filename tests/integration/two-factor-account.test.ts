import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InjectOptions } from 'fastify';
import { codeAt } from '../../src/accounts/two-factor/totp.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Two-factor sign-in required of a whole account (issue 20: "required per account or per role"):
 * the policy names all three roles, so admins, supervisors and agents — with a custom role on top or
 * not — are each led to enrolment after the password; the account's API token and another account's
 * agents go on as before; once enrolled, the password alone gives no session, the code does.
 */
let ctx: TestContext;
let a: TestAccount;
let other: TestAccount;
const password = 'een lang en geheim wachtwoord';
const SAME = { 'sec-fetch-site': 'same-origin' };
const inject = (o: InjectOptions) => ctx.app.inject(o);

before(async () => {
  ctx = await testApp();
  a = await newAccount(ctx.db, 'Heel het account');
  other = await newAccount(ctx.db, 'Een ander account');
});
after(() => ctx.close());

async function newAgent(acc: TestAccount, role: string) {
  const email = uniqueEmail(role);
  const res = await inject({ method: 'POST', url: '/api/v1/agents', headers: acc.auth, payload: { email, name: `Iemand ${role}`, role, password } });
  assert.equal(res.statusCode, 201, res.body);
  return { email, id: res.json().id as string };
}

async function passwordStep(email: string) {
  const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: SAME });
  assert.equal(res.statusCode, 200, res.body);
  const c = res.cookies.find((x) => x.name === 'luister_session');
  return { body: res.json(), cookie: c ? { ...SAME, cookie: `luister_session=${c.value}` } : null };
}

test('required of the whole account: every role, a custom role too, must enrol; API tokens and other accounts are unaffected', async () => {
  const admin = await newAgent(a, 'admin');
  const supervisor = await newAgent(a, 'supervisor');
  const agent = await newAgent(a, 'agent');
  const auditor = await newAgent(a, 'agent');
  const role = await inject({ method: 'POST', url: '/api/v1/roles', headers: a.auth, payload: { name: 'Meekijker', permissions: ['audit.read'] } });
  assert.equal(role.statusCode, 201, role.body);
  await inject({ method: 'PUT', url: `/api/v1/agents/${auditor.id}/custom-role`, headers: a.auth, payload: { custom_role_id: role.json().id } });
  const elsewhere = await newAgent(other, 'admin');

  const policy = await inject({ method: 'PUT', url: '/api/v1/two-factor/policy', headers: a.auth, payload: { required_roles: ['agent', 'admin', 'supervisor'] } });
  assert.equal(policy.statusCode, 200, policy.body);
  assert.deepEqual([...policy.json().required_roles].sort(), ['admin', 'agent', 'supervisor'], 'all three, each once');
  try {
    for (const [who, url] of [[admin, '/api/v1/agents'], [supervisor, '/api/v1/cases'], [agent, '/api/v1/cases'], [auditor, '/api/v1/audit?limit=1']] as const) {
      const { cookie } = await passwordStep(who.email);
      assert.ok(cookie, 'a session that may only enrol');
      const blocked = await inject({ method: 'GET', url, headers: cookie });
      assert.equal(blocked.statusCode, 403, `${who.email} ${url}`);
      assert.equal(blocked.json().error.code, 'two_factor_enrolment_required');
    }
    assert.equal((await inject({ method: 'GET', url: '/api/v1/cases', headers: a.auth })).statusCode, 200, "the account's API token goes on");
    const { cookie: there } = await passwordStep(elsewhere.email);
    assert.equal((await inject({ method: 'GET', url: '/api/v1/cases', headers: there! })).statusCode, 200, "another account's policy is its own");

    // the admin enrols; from then on the password alone is no session, the code makes one
    const { cookie } = await passwordStep(admin.email);
    const start = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment', headers: cookie!, payload: {} });
    const { secret } = start.json();
    const done = await inject({ method: 'POST', url: '/api/v1/two-factor/enrolment/confirm', headers: cookie!, payload: { code: codeAt(secret, Date.now()) } });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal(done.json().recovery_codes.length, 10);
    assert.equal((await inject({ method: 'GET', url: '/api/v1/agents', headers: cookie! })).statusCode, 200, 'enrolled: all is open');
    const again = await passwordStep(admin.email);
    assert.equal(again.cookie, null, 'no session from the password alone');
    const second = await inject({ method: 'POST', url: '/api/v1/auth/two-factor', headers: SAME, payload: { challenge_token: again.body.challenge_token, code: codeAt(secret, Date.now() + 30_000) } });
    assert.equal(second.statusCode, 200, second.body);
    assert.ok(second.cookies.some((c) => c.name === 'luister_session' && c.value));
  } finally {
    await inject({ method: 'PUT', url: '/api/v1/two-factor/policy', headers: a.auth, payload: { required_roles: [] } });
  }
});
