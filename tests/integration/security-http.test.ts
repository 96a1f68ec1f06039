import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import type { Config } from '../../src/config.ts';

/**
 * Security review (issue 13), the HTTP side: CSRF on cookie sessions, trusted proxies, security
 * headers on every kind of response, lone surrogates and out-of-range numbers as clear 400s.
 */

let ctx: TestContext;
let app: FastifyInstance;
let a: TestAccount;
const password = 'een lang en geheim wachtwoord';
let agentEmail: string;
let cookie: { cookie: string };

const inject = (o: InjectOptions) => app.inject(o);

async function signIn(email = agentEmail, headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' }) {
  const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
  assert.equal(res.statusCode, 200, res.body);
  const c = res.cookies.find((x) => x.name === 'luister_session')!;
  return { cookie: `luister_session=${c.value}` };
}

before(async () => {
  ctx = await testApp();
  app = ctx.app;
  a = await newAccount(ctx.db, 'Veilig');
  agentEmail = uniqueEmail('sanne');
  const res = await inject({ method: 'POST', url: '/api/v1/agents', headers: a.auth, payload: { email: agentEmail, name: 'Sanne', role: 'supervisor', password } });
  assert.equal(res.statusCode, 201, res.body);
  cookie = await signIn();
});

after(() => ctx.close());

// ---------------------------------------------------------------- 1. CSRF

const CROSS_SITE = [
  { name: 'Sec-Fetch-Site: cross-site', headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } },
  { name: 'Sec-Fetch-Site: same-site (a sibling subdomain)', headers: { 'sec-fetch-site': 'same-site', origin: 'https://blog.localhost' } },
  { name: 'an older browser: Origin elsewhere', headers: { origin: 'https://evil.example' } },
  { name: 'an older browser: Origin null (sandboxed frame)', headers: { origin: 'null' } },
  { name: 'an older browser: only a Referer elsewhere', headers: { referer: 'https://evil.example/page' } },
];

const COOKIE_ROUTES: { method: InjectOptions['method']; url: string; payload?: unknown }[] = [
  // bodiless POSTs: JSON-only bodies never stopped these
  { method: 'POST', url: '/api/v1/routing/queue' },
  { method: 'POST', url: '/api/v1/auth/logout' },
  { method: 'POST', url: '/api/v1/cases', payload: { customer: { email: 'csrf@example.test' }, message: { body: 'Vervalst verzoek' } } },
  { method: 'PATCH', url: '/api/v1/agents/00000000-0000-0000-0000-000000000000', payload: { name: 'Gekaapt' } },
  { method: 'PUT', url: '/api/v1/settings/insight', payload: { hourly_cost_eur: 1 } },
  { method: 'PATCH', url: '/api/v1/settings/autoclose', payload: { enabled: true } },
  { method: 'DELETE', url: '/api/v1/tokens/00000000-0000-0000-0000-000000000000' },
  { method: 'PUT', url: '/api/v1/channels/phone', payload: { rotate_secret: true } },
  { method: 'PUT', url: '/api/v1/channels/whatsapp', payload: { access_token: 'EAAG-forged-token-123' } },
  { method: 'PUT', url: '/api/v1/sso', payload: { label: 'Kaper', discovery_url: 'https://evil.example', client_id: 'x', client_secret: 'y' } },
  { method: 'DELETE', url: '/api/v1/sso' },
  // two-factor: a forged page must not switch it off, set it up, or change who must use it
  { method: 'POST', url: '/api/v1/two-factor/disable', payload: { code: '123456' } },
  { method: 'POST', url: '/api/v1/two-factor/enrolment', payload: {} },
  { method: 'PUT', url: '/api/v1/two-factor/policy', payload: { required_roles: [] } },
  { method: 'DELETE', url: '/api/v1/agents/00000000-0000-0000-0000-000000000000/two-factor' },
  { method: 'PUT', url: '/api/v1/channels/messaging', payload: { rotate_secret: true } },
];

test('a cookie-authenticated POST/PUT/PATCH/DELETE from another site is refused with 403 cross_site_request, and nothing happens', async () => {
  const [{ n: before }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1', [a.accountId]);
  for (const route of COOKIE_ROUTES) {
    for (const c of CROSS_SITE) {
      const res = await inject({ method: route.method, url: route.url, payload: route.payload as object, headers: { ...cookie, ...c.headers } });
      assert.equal(res.statusCode, 403, `${route.method} ${route.url}, ${c.name}: ${res.statusCode} ${res.body}`);
      assert.equal(res.json().error.code, 'cross_site_request');
      assert.match(res.json().error.message, /Bearer/);
    }
  }
  const [{ n: after }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1', [a.accountId]);
  assert.equal(after, before, 'no case was opened');
  const me = await inject({ method: 'GET', url: '/api/v1/me', headers: cookie });
  assert.equal(me.statusCode, 200, 'the forged logout did not end the session');
});

test('the same requests from the workspace itself (same origin) pass', async () => {
  const same = [
    { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' },
    { origin: 'http://localhost' },
    { referer: 'http://localhost/app/cases' },
    {}, // no browser headers at all: curl with a cookie
  ];
  for (const h of same) {
    const res = await inject({ method: 'POST', url: '/api/v1/routing/queue', headers: { ...cookie, ...h } });
    assert.equal(res.statusCode, 200, `${JSON.stringify(h)}: ${res.body}`);
  }
});

test('Bearer-token requests are not affected by the Origin they come with', async () => {
  const res = await inject({ method: 'POST', url: '/api/v1/routing/queue', headers: { ...a.auth, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
  assert.equal(res.statusCode, 200, res.body);
  // a token and a cookie together: the token is the credential
  const both = await inject({ method: 'POST', url: '/api/v1/routing/queue', headers: { ...a.auth, ...cookie, origin: 'https://evil.example' } });
  assert.equal(both.statusCode, 200, both.body);
});

test('GET stays open to links from elsewhere (it changes nothing)', async () => {
  const res = await inject({ method: 'GET', url: '/api/v1/me', headers: { ...cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
  assert.equal(res.statusCode, 200);
});

test('login CSRF: signing in from another site is refused even without a cookie; from this site it works', async () => {
  for (const c of CROSS_SITE) {
    const res = await inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agentEmail, password }, headers: c.headers });
    assert.equal(res.statusCode, 403, `${c.name}: ${res.body}`);
    assert.equal(res.json().error.code, 'cross_site_request');
    assert.equal(res.cookies.length, 0, 'no session cookie was set');
  }
  await signIn(agentEmail, { 'sec-fetch-site': 'same-origin' });
  await signIn(agentEmail, { origin: 'http://localhost' });
  await signIn(agentEmail, {}); // a script without browser headers
});

test('TRUSTED_ORIGINS and PUBLIC_URL name other origins that may send cookie requests', async () => {
  const app2 = await buildApp({ db: ctx.db, config: testConfig({ TRUSTED_ORIGINS: ['https://intranet.example.nl'], PUBLIC_URL: 'https://luister.example.nl' }), logger: false });
  try {
    for (const origin of ['https://intranet.example.nl', 'https://luister.example.nl']) {
      const res = await app2.inject({ method: 'POST', url: '/api/v1/routing/queue', headers: { ...cookie, 'sec-fetch-site': 'cross-site', origin } });
      assert.equal(res.statusCode, 200, `${origin}: ${res.body}`);
    }
    const evil = await app2.inject({ method: 'POST', url: '/api/v1/routing/queue', headers: { ...cookie, 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } });
    assert.equal(evil.statusCode, 403);
  } finally {
    await app2.close();
  }
});

// ---------------------------------------------------------------- 3. TRUST_PROXY

async function withApp(config: Partial<Config>, fn: (app: FastifyInstance) => Promise<void>) {
  const other = await buildApp({ db: ctx.db, config: testConfig(config), logger: false });
  try {
    await fn(other);
  } finally {
    await other.close();
  }
}

const behindProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7', 'x-forwarded-host': 'luister.example.nl' };

test('TRUST_PROXY off (default): X-Forwarded-* is ignored, so COOKIE_SECURE=auto sets no Secure flag over plain HTTP', async () => {
  await withApp({}, async (app2) => {
    const res = await app2.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agentEmail, password }, headers: behindProxy, remoteAddress: '10.0.0.2' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.cookies[0].secure, undefined);
  });
});

test('TRUST_PROXY names the proxy (address, CIDR, hop count or true): the cookie is Secure behind a TLS proxy', async () => {
  for (const TRUST_PROXY of [['10.0.0.2'], ['10.0.0.0/8'], 1, true] as Config['TRUST_PROXY'][]) {
    await withApp({ TRUST_PROXY }, async (app2) => {
      const res = await app2.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agentEmail, password }, headers: behindProxy, remoteAddress: '10.0.0.2' });
      assert.equal(res.statusCode, 200, `${JSON.stringify(TRUST_PROXY)}: ${res.body}`);
      assert.equal(res.cookies[0].secure, true, `TRUST_PROXY=${JSON.stringify(TRUST_PROXY)}`);
    });
  }
  // a client that is not the named proxy cannot claim HTTPS
  await withApp({ TRUST_PROXY: ['10.0.0.2'] }, async (app2) => {
    const res = await app2.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: agentEmail, password }, headers: behindProxy, remoteAddress: '198.51.100.9' });
    assert.equal(res.cookies[0].secure, undefined);
  });
});

test('TRUST_PROXY: the per-client rate limit counts the client behind the proxy, not the proxy', async () => {
  await withApp({ TRUST_PROXY: ['10.0.0.2'], RATE_LIMIT_MAX: 2 }, async (app2) => {
    // an anonymous page: limited per address
    const hit = (client: string) => app2.inject({ method: 'GET', url: '/openapi.json', headers: { 'x-forwarded-for': client }, remoteAddress: '10.0.0.2' });
    assert.equal((await hit('203.0.113.1')).statusCode, 200);
    assert.equal((await hit('203.0.113.1')).statusCode, 200);
    assert.equal((await hit('203.0.113.1')).statusCode, 429, 'the third request of one client is limited');
    assert.equal((await hit('203.0.113.2')).statusCode, 200, 'another client behind the same proxy is not');
  });
});

test('TRUST_PROXY in the environment: false, true, a hop count or addresses; nonsense is a configuration error', async () => {
  const { loadConfig } = await import('../../src/config.ts');
  assert.equal(loadConfig({}).TRUST_PROXY, false);
  assert.equal(loadConfig({ TRUST_PROXY: 'true' }).TRUST_PROXY, true);
  assert.equal(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY, 2);
  assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.1,192.168.0.0/16' }).TRUST_PROXY, ['10.0.0.1', '192.168.0.0/16']);
  assert.throws(() => loadConfig({ TRUST_PROXY: 'proxy.example.nl' }), /TRUST_PROXY/);
  assert.throws(() => loadConfig({ TRUSTED_ORIGINS: 'evil' }), /TRUSTED_ORIGINS/);
});

// ---------------------------------------------------------------- 4. security headers

function assertCommonHeaders(res: { headers: Record<string, unknown> }, what: string) {
  assert.equal(res.headers['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.equal(res.headers['x-frame-options'], 'DENY', `${what}: X-Frame-Options`);
  assert.equal(res.headers['referrer-policy'], 'same-origin', `${what}: Referrer-Policy`);
  assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin', `${what}: COOP`);
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/, `${what}: CSP frame-ancestors`);
  assert.equal(res.headers['strict-transport-security'], undefined, `${what}: no HSTS unless asked for`);
}

test('every kind of response carries security headers and a CSP that fits it', async () => {
  const json = await inject({ method: 'GET', url: '/api/v1/me', headers: a.auth });
  assertCommonHeaders(json, 'JSON');
  assert.match(String(json.headers['content-security-policy']), /^default-src 'none'/);

  const error = await inject({ method: 'GET', url: '/api/v1/nope' });
  assertCommonHeaders(error, '404');

  const root = await inject({ method: 'GET', url: '/' });
  assertCommonHeaders(root, '/');
  assert.match(String(root.headers['content-security-policy']), /style-src 'unsafe-inline'/);
  assert.doesNotMatch(String(root.headers['content-security-policy']), /script-src/);

  const docs = await inject({ method: 'GET', url: '/docs/' });
  assert.equal(docs.statusCode, 200);
  assertCommonHeaders(docs, '/docs');
  assert.match(String(docs.headers['content-security-policy']), /script-src 'self'/);
  const docsJs = await inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
  assert.equal(docsJs.statusCode, 200);
  assert.equal(docsJs.headers['x-content-type-options'], 'nosniff');

  const openapi = await inject({ method: 'GET', url: '/openapi.json' });
  assertCommonHeaders(openapi, '/openapi.json');

  const workspace = await inject({ method: 'GET', url: '/app/', headers: { accept: 'text/html' } });
  assertCommonHeaders(workspace, '/app/');
  assert.match(String(workspace.headers['content-security-policy']), /script-src 'self'/);

  const help = await inject({ method: 'GET', url: '/help/no-such-centre', headers: { accept: 'text/html' } });
  assertCommonHeaders(help, 'help centre');
  assert.match(String(help.headers['content-security-policy']), /style-src 'unsafe-inline'/, 'the public pages keep their own policy');

  const health = await inject({ method: 'GET', url: '/healthz' });
  assertCommonHeaders(health, '/healthz');

  // single sign-on's pages (a refusal here: no such account) keep the plain page's policy
  const sso = await inject({ method: 'GET', url: '/sso/00000000-0000-0000-0000-000000000000/start' });
  assert.equal(sso.statusCode, 404);
  assertCommonHeaders(sso, 'single sign-on page');
  assert.match(String(sso.headers['content-security-policy']), /^default-src 'none'/);
  assert.doesNotMatch(String(sso.headers['content-security-policy']), /script-src/);
});

test('HSTS_MAX_AGE turns on Strict-Transport-Security', async () => {
  await withApp({ HSTS_MAX_AGE: 31_536_000 }, async (app2) => {
    const res = await app2.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.headers['strict-transport-security'], 'max-age=31536000');
  });
  await withApp({ HSTS_MAX_AGE: 600, HSTS_INCLUDE_SUBDOMAINS: true }, async (app2) => {
    const res = await app2.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.headers['strict-transport-security'], 'max-age=600; includeSubDomains');
  });
});

test('the live stream (server-sent events, written by hand) carries the headers too', async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const ac = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/live`, { headers: a.auth, signal: ac.signal });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
  ac.abort();
});

// ---------------------------------------------------------------- 5. lone surrogates, numbers out of range

test('a lone UTF-16 surrogate anywhere in a body is a 400 validation_failed on every route, and nothing is written', async () => {
  const c = await inject({ method: 'POST', url: '/api/v1/cases', headers: a.auth, payload: { customer: { email: uniqueEmail() }, message: { body: 'Mijn pas werkt niet' } } });
  assert.equal(c.statusCode, 201, c.body);
  const { id: caseId, customer_id: customerId } = c.json();
  const raw = (s: string) => s; // JSON text with a \ud800 escape, as a client would send it
  const cases = [
    { name: 'a case message', method: 'POST', url: '/api/v1/cases', body: raw(`{"customer":{"email":"${uniqueEmail()}"},"message":{"body":"kapot \\ud800 teken"}}`), path: 'message.body' },
    { name: 'a customer name on a new case', method: 'POST', url: '/api/v1/cases', body: raw(`{"customer":{"email":"${uniqueEmail()}","name":"Jan \\udc00"},"message":{"body":"hallo"}}`), path: 'customer.name' },
    { name: 'a reply', method: 'POST', url: `/api/v1/cases/${caseId}/messages`, body: raw('{"body":"\\ud83d"}'), path: 'body' },
    { name: 'a note', method: 'POST', url: `/api/v1/cases/${caseId}/notes`, body: raw('{"body":"notitie \\udfff"}'), path: 'body' },
    { name: 'a new customer', method: 'POST', url: '/api/v1/customers', body: raw(`{"name":"\\ud800","email":"${uniqueEmail()}"}`), path: 'name' },
    { name: 'a customer rename', method: 'PATCH', url: `/api/v1/customers/${customerId}`, body: raw('{"name":"Piet\\ud800"}'), path: 'name' },
    { name: 'a case subject', method: 'PATCH', url: `/api/v1/cases/${caseId}`, body: raw('{"subject":"\\ud800"}'), path: 'subject' },
    { name: 'a template', method: 'POST', url: '/api/v1/templates', body: raw('{"name":"t","body":"\\ud800"}'), path: 'body' },
    { name: 'a problem', method: 'POST', url: '/api/v1/problems', body: raw('{"title":"storing \\ud800"}'), path: 'title' },
    { name: 'a reply check', method: 'POST', url: '/api/v1/replies/check', body: raw(`{"case_id":"${caseId}","body":"\\ud800"}`), path: 'body' },
  ];
  const count = async () => (await ctx.db.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM messages WHERE account_id = $1) + (SELECT count(*) FROM customers WHERE account_id = $1) AS n`, [a.accountId]))[0].n;
  const before = await count();
  for (const x of cases) {
    const res = await inject({ method: x.method as 'POST', url: x.url, headers: { ...a.auth, 'content-type': 'application/json' }, payload: x.body });
    assert.equal(res.statusCode, 400, `${x.name}: ${res.statusCode} ${res.body}`);
    const e = res.json().error;
    assert.equal(e.code, 'validation_failed', x.name);
    assert.match(e.message, /surrogate/, x.name);
    assert.equal(e.details[0].path, x.path, x.name);
  }
  assert.equal(await count(), before, 'nothing was written');
  // a proper pair (an emoji) is fine
  const ok = await inject({ method: 'POST', url: `/api/v1/cases/${caseId}/notes`, headers: { ...a.auth, 'content-type': 'application/json' }, payload: '{"body":"top \\ud83d\\ude00"}' });
  assert.equal(ok.statusCode, 201, ok.body);
});

test('a query string cannot carry one: percent-escapes of a surrogate decode to U+FFFD, no error', async () => {
  const res = await inject({ method: 'GET', url: '/api/v1/search?q=%ED%A0%80', headers: a.auth });
  assert.equal(res.statusCode, 200, res.body);
});

test('an article diff with a version number beyond the database integer is a 400, not a 500', async () => {
  const art = await inject({ method: 'POST', url: '/api/v1/articles', headers: a.auth, payload: { translations: { nl: { title: 'Retour', body: 'Zo stuur je een pakket terug.' } } } });
  assert.equal(art.statusCode, 201, art.body);
  const id = art.json().id;
  for (const q of ['from=99999999999&to=1', 'from=1&to=99999999999', 'from=1&to=2147483648']) {
    const res = await inject({ method: 'GET', url: `/api/v1/articles/${id}/diff?${q}`, headers: a.auth });
    assert.equal(res.statusCode, 400, `${q}: ${res.body}`);
    assert.equal(res.json().error.code, 'validation_failed');
    assert.match(res.json().error.message, /querystring (from|to)/);
  }
  const missing = await inject({ method: 'GET', url: `/api/v1/articles/${id}/diff?from=1&to=2147483647`, headers: a.auth });
  assert.equal(missing.statusCode, 404);
  assert.equal(missing.json().error.code, 'version_not_found');
  const versions = await inject({ method: 'GET', url: `/api/v1/articles/${id}/versions?before=99999999999`, headers: a.auth });
  assert.equal(versions.statusCode, 400, versions.body);
});

// ---------------------------------------------------------------- 6. signed webhooks (phone, WhatsApp)

test('the phone and WhatsApp webhooks are opened by their signature only: no token, cookie or secret in the URL will do', async () => {
  const slug = `veilig-${a.accountId.slice(0, 8)}`;
  assert.equal((await inject({ method: 'PUT', url: '/api/v1/channels', headers: a.auth, payload: { slug } })).statusCode, 200);
  const phone = await inject({ method: 'PUT', url: '/api/v1/channels/phone', headers: a.auth, payload: { enabled: true } });
  const secret = phone.json().secret as string;
  assert.equal((await inject({ method: 'PUT', url: '/api/v1/channels/whatsapp', headers: a.auth,
    payload: { enabled: true, app_secret: 'app-secret-veilig', verify_token: 'verify-veilig', access_token: 'EAAG-veilig-token', phone_number_id: '123456' } })).statusCode, 200);
  const event = JSON.stringify({ id: 'evt-veilig-1', type: 'call.missed', call_id: 'c1', direction: 'inbound', from: '+31612345678', to: '+31201234567' });
  const json = { 'content-type': 'application/json' };
  const [{ n: before }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE account_id = $1', [a.accountId]);
  for (const [name, headers, url] of [
    ['an admin token', a.auth, `/api/public/v1/phone/${slug}/events`],
    ['a session cookie', cookie, `/api/public/v1/phone/${slug}/events`],
    ['the secret in the URL', {}, `/api/public/v1/phone/${slug}/events?secret=${encodeURIComponent(secret)}`],
    ['the secret as the signature', { 'luister-signature': secret }, `/api/public/v1/phone/${slug}/events`],
  ] as const) {
    const res = await inject({ method: 'POST', url, headers: { ...json, ...headers }, payload: event });
    assert.equal(res.statusCode, 401, `${name}: ${res.statusCode} ${res.body}`);
  }
  const wa = await inject({ method: 'POST', url: `/api/public/v1/whatsapp/${slug}`, headers: { ...json, ...a.auth }, payload: '{"object":"whatsapp_business_account","entry":[]}' });
  assert.equal(wa.statusCode, 401);
  const [{ n: after }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE account_id = $1', [a.accountId]);
  assert.equal(after, before, 'nothing stored');
  // the handshake's echo is plain text that no browser will run
  const hs = await inject({ method: 'GET', url: `/api/public/v1/whatsapp/${slug}?hub.mode=subscribe&hub.verify_token=verify-veilig&hub.challenge=12345` });
  assert.equal(hs.body, '12345');
  assertCommonHeaders(hs, 'WhatsApp handshake');
  assert.match(String(hs.headers['content-type']), /^text\/plain/);
  // and the settings never hand a secret back
  const got = await inject({ method: 'GET', url: '/api/v1/channels/connections', headers: a.auth });
  for (const x of [secret, 'app-secret-veilig', 'verify-veilig', 'EAAG-veilig-token']) assert.ok(!got.body.includes(x));
});
