import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/http/app.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { signInAtProvider, startTestProvider, type TestProvider } from '../oidc-test-provider.ts';

// Single sign-on against a real OpenID Connect provider (oidc-provider) on a local port: the whole
// code flow over HTTP, and every way the answer can be wrong.
const BASE = 'http://luister.test';
let ctx: TestContext;
let idp: TestProvider;
let otherIdp: TestProvider;
let acc: TestAccount;
const redirect = (accountId: string) => `${BASE}/sso/${accountId}/callback`;
const accounts: TestAccount[] = [];
const SECRETS_KEY = randomBytes(32).toString('hex');

before(async () => {
  ctx = await testApp({ PUBLIC_URL: BASE, SECRETS_KEY });
  for (let i = 0; i < 4; i++) accounts.push(await newAccount(ctx.db, 'SSO'));
  acc = accounts[0];
  const uris = accounts.map((a) => redirect(a.accountId));
  const clients = [
    { client_id: 'luister', client_secret: 'geheim-van-de-client-0123456789', redirect_uris: uris },
    { client_id: 'another-app', client_secret: 'geheim-van-een-andere-app-98765', redirect_uris: uris },
    { client_id: 'slow-codes', client_secret: 'geheim-met-korte-codes-13579', redirect_uris: uris, codeTtl: 1 },
  ];
  idp = await startTestProvider(clients);
  otherIdp = await startTestProvider(clients);
});
after(async () => {
  await ctx.close();
  await idp.close();
  await otherIdp.close();
});

const setUp = (a: TestAccount, body: Record<string, unknown>) =>
  ctx.app.inject({ method: 'PUT', url: '/api/v1/sso', headers: a.auth, payload: { label: 'Testprovider', discovery_url: idp.issuer, client_id: 'luister', client_secret: 'geheim-van-de-client-0123456789', ...body } });

/** The browser's first step at Luister: the redirect to the provider and the cookie that binds the flow. */
async function start(accountId: string) {
  const res = await ctx.app.inject({ method: 'GET', url: `/sso/${accountId}/start` });
  assert.equal(res.statusCode, 302, res.body);
  const cookie = res.cookies.find((c) => c.name === 'luister_sso');
  assert.ok(cookie?.httpOnly, 'the flow cookie is HTTP-only');
  return { location: res.headers.location as string, cookie: `luister_sso=${cookie!.value}` };
}

const callback = (callbackUrl: string, cookie: string) =>
  ctx.app.inject({ method: 'GET', url: callbackUrl.slice(BASE.length), headers: { cookie } });

function refused(res: Awaited<ReturnType<typeof callback>>, code: string, message?: RegExp) {
  assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${res.statusCode}: ${res.body.slice(0, 300)}`);
  assert.match(res.headers['content-type'] as string, /text\/html/);
  assert.match(res.body, new RegExp(`data-code="${code}"`), res.body);
  if (message) assert.match(res.body, message);
  assert.ok(!res.cookies.some((c) => c.name === 'luister_session' && c.value), 'no session cookie');
}

async function sessionCount(accountId: string) {
  const [{ n }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE account_id = $1', [accountId]);
  return n;
}

test('an agent signs in through the provider: the same session cookie as a password sign-in', async () => {
  const email = uniqueEmail('sso');
  const agent = await createAgent(ctx.db, systemActor(acc.accountId), { email, name: 'Sanne', role: 'agent' });
  idp.users.set('sanne', { email: email.toUpperCase(), email_verified: true, name: 'Sanne SSO' });
  const set = await setUp(acc, {});
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json().redirect_uri, redirect(acc.accountId));
  assert.ok(!set.body.includes('geheim'), 'the secret is never returned');

  const buttons = (await ctx.app.inject({ method: 'GET', url: '/api/v1/auth/sso' })).json().data;
  assert.ok(buttons.some((b: { account_id: string; label: string; start_url: string }) => b.account_id === acc.accountId && b.label === 'Testprovider' && b.start_url === `/sso/${acc.accountId}/start`));

  const { location, cookie } = await start(acc.accountId);
  const auth = new URL(location);
  assert.equal(auth.origin, idp.issuer);
  assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(auth.searchParams.get('state') && auth.searchParams.get('nonce') && auth.searchParams.get('code_challenge'));

  const back = await signInAtProvider(location, 'sanne', BASE);
  const res = await callback(back, cookie);
  assert.equal(res.statusCode, 302, res.body);
  assert.equal(res.headers.location, '/app/');
  const session = res.cookies.find((c) => c.name === 'luister_session');
  assert.ok(session?.httpOnly && session.sameSite === 'Lax' && session.path === '/', 'same cookie as password sign-in');
  const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `luister_session=${session!.value}` } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().agent.id, agent.id);
  // the same CSRF rules as any session: a cross-site POST with this cookie is refused
  const forged = await ctx.app.inject({ method: 'POST', url: '/api/v1/teams', payload: { name: 'x' }, headers: { cookie: `luister_session=${session!.value}`, 'sec-fetch-site': 'cross-site' } });
  assert.equal(forged.statusCode, 403);
  assert.equal(forged.json().error.code, 'cross_site_request');
  const audit = await ctx.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE account_id = $1 AND entity_id = $2 ORDER BY id`, [acc.accountId, agent.id]);
  assert.ok(audit.some((a) => a.action === 'sso.signed_in') && audit.some((a) => a.action === 'agent.signed_in'));

  // the same callback again (a replay): its flow was used once, nothing more
  const sessions = await sessionCount(acc.accountId);
  refused(await callback(back, cookie), 'sso_not_started', /already used/);
  assert.equal(await sessionCount(acc.accountId), sessions);

  // the used code with a fresh flow's state: the provider refuses a code that was already redeemed
  const fresh = await start(acc.accountId);
  const reused = new URL(back);
  reused.searchParams.set('state', new URL(fresh.location).searchParams.get('state')!);
  refused(await callback(reused.href, fresh.cookie), 'sso_refused', /invalid_grant/);
  assert.equal(await sessionCount(acc.accountId), sessions);
});

test('the client secret is stored encrypted, never logged or returned; leaving it out keeps it', async () => {
  const [row] = await ctx.db.query<{ client_secret_enc: string }>('SELECT client_secret_enc FROM sso_settings WHERE account_id = $1', [acc.accountId]);
  assert.ok(row.client_secret_enc.startsWith('v1.') && !row.client_secret_enc.includes('geheim'));
  const shown = await ctx.app.inject({ method: 'GET', url: '/api/v1/sso', headers: acc.auth });
  assert.equal(shown.json().client_secret_set, true);
  assert.ok(!shown.body.includes('geheim'));
  const kept = await ctx.app.inject({ method: 'PUT', url: '/api/v1/sso', headers: acc.auth, payload: { label: 'Testprovider', discovery_url: idp.issuer, client_id: 'luister' } });
  assert.equal(kept.statusCode, 200, kept.body);
  const [after] = await ctx.db.query<{ client_secret_enc: string }>('SELECT client_secret_enc FROM sso_settings WHERE account_id = $1', [acc.accountId]);
  assert.equal(after.client_secret_enc, row.client_secret_enc);
  const audit = await ctx.db.query<{ after: unknown }>(`SELECT after FROM audit_log WHERE account_id = $1 AND action LIKE 'sso.%'`, [acc.accountId]);
  assert.ok(!JSON.stringify(audit).includes('geheim'));
});

test('a wrong state, a wrong nonce, or a callback without the flow cookie: refused, no session', async () => {
  idp.users.set('sanne2', { email: (await createAgent(ctx.db, systemActor(acc.accountId), { email: uniqueEmail('s2'), name: 'S2', role: 'agent' })).email, email_verified: true });
  const sessions = await sessionCount(acc.accountId);

  const a = await start(acc.accountId);
  const backA = new URL(await signInAtProvider(a.location, 'sanne2', BASE));
  backA.searchParams.set('state', 'not-the-state-luister-sent');
  refused(await callback(backA.href, a.cookie), 'sso_refused', /state/);

  const b = await start(acc.accountId);
  const backB = await signInAtProvider(b.location, 'sanne2', BASE);
  await ctx.db.query(`UPDATE sso_logins SET nonce = 'another-nonce' WHERE account_id = $1 AND id = $2`, [acc.accountId, decodeURIComponent(b.cookie.split('=')[1]).split('.')[0]]);
  refused(await callback(backB, b.cookie), 'sso_refused', /nonce/);

  const c = await start(acc.accountId);
  const backC = await signInAtProvider(c.location, 'sanne2', BASE);
  refused(await callback(backC, ''), 'sso_not_started');
  const stranger = await start(acc.accountId); // another browser's flow cookie
  refused(await callback(backC, stranger.cookie), 'sso_refused', /state/);
  assert.equal(await sessionCount(acc.accountId), sessions);
});

test('a code for another client (audience), from another issuer, or expired: refused', async () => {
  const sessions = await sessionCount(acc.accountId);
  idp.users.set('sanne3', { email: (await createAgent(ctx.db, systemActor(acc.accountId), { email: uniqueEmail('s3'), name: 'S3', role: 'agent' })).email, email_verified: true });
  otherIdp.users.set('sanne3', idp.users.get('sanne3')!);

  // the provider issues the code to another client; Luister redeems it as its own
  const a = await start(acc.accountId);
  const forOther = new URL(a.location);
  forOther.searchParams.set('client_id', 'another-app');
  refused(await callback(await signInAtProvider(forOther.href, 'sanne3', BASE), a.cookie), 'sso_refused', /invalid_grant/);

  // another provider answers (its iss in the response is not the configured issuer)
  const b = await start(acc.accountId);
  const atOther = new URL(b.location);
  const otherOrigin = new URL(otherIdp.issuer);
  atOther.host = otherOrigin.host;
  refused(await callback(await signInAtProvider(atOther.href, 'sanne3', BASE), b.cookie), 'sso_refused', /iss/);

  // a code older than its lifetime
  const slow = accounts[3];
  await createAgent(ctx.db, systemActor(slow.accountId), { email: idp.users.get('sanne3')!.email!, name: 'S3', role: 'agent' });
  assert.equal((await setUp(slow, { client_id: 'slow-codes', client_secret: 'geheim-met-korte-codes-13579' })).statusCode, 200);
  const c = await start(slow.accountId);
  const backC = await signInAtProvider(c.location, 'sanne3', BASE);
  await new Promise((r) => setTimeout(r, 2100));
  refused(await callback(backC, c.cookie), 'sso_refused', /invalid_grant/);
  assert.equal(await sessionCount(acc.accountId), sessions);
  assert.equal(await sessionCount(slow.accountId), 0);
});

test('an unknown e-mail is refused without auto-create, an unverified one always; auto-create gives the default role', async () => {
  const b = accounts[1];
  assert.equal((await setUp(b, { auto_create_role: null })).statusCode, 200);
  const email = uniqueEmail('nieuw');
  idp.users.set('nieuw', { email, email_verified: true, name: 'Nieuwe Collega' });
  idp.users.set('onbevestigd', { email: uniqueEmail('onbevestigd'), email_verified: false });

  const s1 = await start(b.accountId);
  refused(await callback(await signInAtProvider(s1.location, 'nieuw', BASE), s1.cookie), 'sso_unknown_agent', /not an agent/);
  const [{ n }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM agents WHERE account_id = $1 AND email = $2', [b.accountId, email]);
  assert.equal(n, 0);

  assert.equal((await setUp(b, { auto_create_role: 'supervisor' })).statusCode, 200);
  const s2 = await start(b.accountId);
  refused(await callback(await signInAtProvider(s2.location, 'onbevestigd', BASE), s2.cookie), 'sso_email_unverified');

  const s3 = await start(b.accountId);
  const res = await callback(await signInAtProvider(s3.location, 'nieuw', BASE), s3.cookie);
  assert.equal(res.statusCode, 302, res.body);
  const session = res.cookies.find((c) => c.name === 'luister_session')!;
  const me = (await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: `luister_session=${session.value}` } })).json();
  assert.equal(me.agent.email, email);
  assert.equal(me.agent.role, 'supervisor');
  assert.equal(me.agent.name, 'Nieuwe Collega');
});

test('password sign-in switched off refuses the right password for that account only; sso off brings it back', async () => {
  const c = accounts[2];
  const email = uniqueEmail('wachtwoord');
  await createAgent(ctx.db, systemActor(c.accountId), { email, name: 'P', role: 'agent', password: 'een lang wachtwoord hier' });
  const login = () => ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'een lang wachtwoord hier' } });
  assert.equal((await login()).statusCode, 200);
  assert.equal((await setUp(c, { password_sign_in: false })).statusCode, 200);
  const off = await login();
  assert.equal(off.statusCode, 403);
  assert.equal(off.json().error.code, 'password_sign_in_off');
  assert.ok(!off.cookies.some((k) => k.name === 'luister_session'));
  // a wrong password still says only "not correct"
  const wrong = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'fout' } });
  assert.equal(wrong.json().error.code, 'invalid_credentials');
  const gone = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/sso', headers: c.auth });
  assert.equal(gone.statusCode, 200);
  assert.equal(gone.json().enabled, false);
  assert.equal((await login()).statusCode, 200);
  refused(await ctx.app.inject({ method: 'GET', url: `/sso/${c.accountId}/start` }), 'sso_not_set_up');
});

test('settings: admins only; bad discovery URLs refused', async () => {
  const agentEmail = uniqueEmail('gewoon');
  await createAgent(ctx.db, systemActor(acc.accountId), { email: agentEmail, name: 'G', role: 'supervisor', password: 'een lang wachtwoord hier' });
  const cookie = (await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agentEmail, password: 'een lang wachtwoord hier' } })).cookies.find((k) => k.name === 'luister_session')!;
  const as = { cookie: `luister_session=${cookie.value}` };
  for (const req of [
    { method: 'GET' as const, url: '/api/v1/sso' },
    { method: 'PUT' as const, url: '/api/v1/sso', payload: { label: 'x', discovery_url: idp.issuer, client_id: 'x', client_secret: 'y' } },
    { method: 'DELETE' as const, url: '/api/v1/sso' },
  ]) {
    const res = await ctx.app.inject({ ...req, headers: as });
    assert.equal(res.statusCode, 403, `${req.method} ${res.body}`);
  }
  const plain = await setUp(acc, { discovery_url: 'http://idp.example.nl' });
  assert.equal(plain.statusCode, 422);
  assert.equal(plain.json().error.code, 'invalid_discovery_url');
  const fresh = await newAccount(ctx.db, 'SSO');
  const noSecret = await ctx.app.inject({ method: 'PUT', url: '/api/v1/sso', headers: fresh.auth, payload: { label: 'x', discovery_url: idp.issuer, client_id: 'x' } });
  assert.equal(noSecret.statusCode, 422, 'the first set-up needs the secret');
  assert.equal(noSecret.json().error.code, 'client_secret_required');
});

test('across accounts: a flow begun for one account cannot finish at another; each admin sees only their own settings', async () => {
  const [a, b] = accounts;
  idp.users.set('grens', { email: (await createAgent(ctx.db, systemActor(b.accountId), { email: uniqueEmail('grens'), name: 'G', role: 'agent' })).email, email_verified: true });
  const sessions = await sessionCount(b.accountId);
  const flow = await start(a.accountId);
  const back = await signInAtProvider(flow.location, 'grens', BASE);
  const atB = back.replace(`/sso/${a.accountId}/`, `/sso/${b.accountId}/`);
  refused(await callback(atB, flow.cookie), 'sso_not_started');
  assert.equal(await sessionCount(b.accountId), sessions);
  const seenByA = (await ctx.app.inject({ method: 'GET', url: '/api/v1/sso', headers: a.auth })).json();
  assert.equal(seenByA.redirect_uri, redirect(a.accountId));
  refused(await ctx.app.inject({ method: 'GET', url: '/sso/not-an-account/start' }), 'sso_not_set_up');
});

test('logs never hold the client secret, the authorization code, the state or the session', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } });
  const app = await buildApp({ db: ctx.db, config: testConfig({ LOG_LEVEL: 'trace', PUBLIC_URL: BASE, SECRETS_KEY }), logStream: sink });
  try {
    // a client secret the provider does not know: refused with a clear page
    const wrong = 'een-verkeerd-geheim-voor-de-logs-77';
    assert.equal((await app.inject({ method: 'PUT', url: '/api/v1/sso', headers: acc.auth, payload: { label: 'Testprovider', discovery_url: idp.issuer, client_id: 'luister', client_secret: wrong } })).statusCode, 200);
    const tried = await app.inject({ method: 'GET', url: `/sso/${acc.accountId}/start` });
    const triedBack = await signInAtProvider(tried.headers.location as string, 'sanne', BASE);
    refused(await app.inject({ method: 'GET', url: triedBack.slice(BASE.length), headers: { cookie: `luister_sso=${tried.cookies.find((c) => c.name === 'luister_sso')!.value}` } }), 'sso_refused', /WWW-Authenticate|invalid_client/);

    const secret = 'geheim-van-de-client-0123456789';
    const put = await app.inject({ method: 'PUT', url: '/api/v1/sso', headers: acc.auth, payload: { label: 'Testprovider', discovery_url: idp.issuer, client_id: 'luister', client_secret: secret } });
    assert.equal(put.statusCode, 200, put.body);
    const begun = await app.inject({ method: 'GET', url: `/sso/${acc.accountId}/start` });
    const flowCookie = begun.cookies.find((c) => c.name === 'luister_sso')!.value;
    const back = new URL(await signInAtProvider(begun.headers.location as string, 'sanne', BASE));
    const done = await app.inject({ method: 'GET', url: back.href.slice(BASE.length), headers: { cookie: `luister_sso=${flowCookie}` } });
    assert.equal(done.statusCode, 302, done.body);
    const session = done.cookies.find((c) => c.name === 'luister_session')!.value;
    const out = lines.join('');
    assert.ok(out.includes('incoming request'), 'requests are logged');
    for (const [what, value] of [['client secret', secret], ['wrong client secret', wrong], ['code', back.searchParams.get('code')!], ['state', back.searchParams.get('state')!], ['flow cookie', flowCookie], ['session', session]]) {
      assert.ok(!out.includes(value), `the ${what} is not logged`);
    }
  } finally {
    await app.close();
  }
});
