import { hubSignature } from '../../src/intake/channels/signatures.ts';
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { buildApp } from '../../src/http/app.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { Db } from '../../src/storage/db.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';

let db: Db;
let acc: TestAccount;

before(async () => {
  db = await testDb();
  acc = await newAccount(db);
});
after(() => db.close());

test('GET /healthz reports the database kind', async () => {
  const app = await buildApp({ db, config: testConfig(), logger: false });
  const res = await app.inject({ method: 'GET', url: '/healthz' });
  assert.deepEqual(res.json(), { status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  await app.close();
});

test('OpenAPI 3.1 is generated from the schemas, and the docs page is served', async () => {
  const app = await buildApp({ db, config: testConfig(), logger: false });
  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  assert.equal(spec.openapi, '3.1.0');
  assert.ok(spec.paths['/api/v1/cases'].post.requestBody, 'request bodies are documented');
  assert.ok(spec.paths['/api/v1/search'].get.parameters.some((p: { name: string }) => p.name === 'q'));
  assert.ok(!spec.paths['/setup'], 'the setup page is not part of the API');
  // the signed webhooks and the connection settings are documented from their zod schemas
  assert.ok(spec.paths['/api/public/v1/phone/{slug}/events'].post.requestBody, 'the telephony event is documented');
  assert.ok(spec.paths['/api/public/v1/whatsapp/{slug}'].get.parameters.some((p: { name: string }) => p.name === 'hub.challenge'));
  assert.ok(spec.paths['/api/public/v1/whatsapp/{slug}'].post.requestBody);
  assert.ok(spec.paths['/api/v1/channels/whatsapp'].put.requestBody);
  assert.ok(spec.paths['/api/v1/cases/{id}/reply-channel'].get);
  // single sign-on: settings in the API (the secret goes in, never out); the browser's pages are not API
  assert.ok(spec.paths['/api/v1/sso'].put.requestBody.content['application/json'].schema.properties.client_secret);
  assert.ok(!spec.paths['/api/v1/sso'].get.responses['200'].content['application/json'].schema.properties.client_secret);
  assert.ok(spec.paths['/api/v1/auth/sso'].get, 'the sign-in page\'s buttons');
  assert.ok(!spec.paths['/sso/{account}/start'] && !spec.paths['/sso/{account}/callback']);
  // two-factor sign-in: the second step, enrolment and the admin's routes are documented with their bodies
  assert.ok(spec.paths['/api/v1/auth/two-factor'].post.requestBody);
  assert.ok(spec.paths['/api/v1/two-factor/enrolment/confirm'].post.requestBody);
  assert.ok(spec.paths['/api/v1/two-factor/policy'].put.requestBody);
  assert.ok(spec.paths['/api/v1/agents/{id}/two-factor'].delete);
  const docs = await app.inject({ method: 'GET', url: '/docs/' });
  assert.equal(docs.statusCode, 200);
  assert.match(docs.body, /swagger/i);
  await app.close();
});

test('password sign-in sets an HTTP-only session cookie that authenticates; sign-out ends it', async () => {
  const app = await buildApp({ db, config: testConfig(), logger: false });
  const email = uniqueEmail('agent');
  await createAgent(db, systemActor(acc.accountId), { email, name: 'Sanne', role: 'agent', password: 'een lang wachtwoord' });
  const wrong = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'fout wachtwoord' } });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error.code, 'invalid_credentials');
  const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: email.toUpperCase(), password: 'een lang wachtwoord' } });
  assert.equal(ok.statusCode, 200, ok.body);
  const setCookie = String(ok.headers['set-cookie']);
  assert.match(setCookie, /luister_session=lss_/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  const cookie = setCookie.split(';')[0];
  const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
  assert.equal(me.statusCode, 200);
  assert.equal(me.json().agent.email, email);
  assert.equal(me.json().actor.role, 'agent');
  await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).statusCode, 401);
  await app.close();
});

test('API tokens: shown once, stored hashed, scoped to one account, revocable', async () => {
  const app = await buildApp({ db, config: testConfig(), logger: false });
  const created = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: acc.auth, payload: { name: 'integratie', role: 'agent' } });
  assert.equal(created.statusCode, 201);
  const { id, token } = created.json();
  assert.match(token, /^lst_/);
  const list = (await app.inject({ method: 'GET', url: '/api/v1/tokens', headers: acc.auth })).json().data;
  assert.ok(list.every((t: Record<string, unknown>) => !('token' in t) && !('secret_hash' in t)));
  const [stored] = await db.query<{ secret_hash: string }>('SELECT secret_hash FROM api_tokens WHERE account_id = $1 AND id = $2', [acc.accountId, id]);
  const secret = token.split('_').slice(3).join('_'); // lst_<account>_<id>_<secret>; the secret may contain "_"
  assert.equal(secret.length, 43);
  assert.ok(!stored.secret_hash.includes(secret) && stored.secret_hash !== secret, 'only a hash is stored');
  assert.match(stored.secret_hash, /^[0-9a-f]{64}$/);
  const auth = { authorization: `Bearer ${token}` };
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth })).statusCode, 200);
  assert.equal((await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: auth, payload: { name: 'x' } })).statusCode, 403, 'an agent token cannot mint tokens');
  await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: acc.auth });
  const revoked = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: auth });
  assert.equal(revoked.statusCode, 401);
  assert.equal(revoked.json().error.code, 'invalid_token');
  await app.close();
});

test('request ids are returned and taken from X-Request-Id; logs never contain secrets', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _e, cb) { lines.push(String(chunk)); cb(); } });
  const app = await buildApp({ db, config: testConfig({ LOG_LEVEL: 'trace' }), logStream: sink });
  const email = uniqueEmail('log');
  await createAgent(db, systemActor(acc.accountId), { email, name: 'Log', role: 'agent', password: 'geheim wachtwoord' });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password: 'geheim wachtwoord' } });
  const cookie = String(login.headers['set-cookie']).split(';')[0];
  await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
  await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: acc.auth, payload: { name: 'x' } });
  await app.inject({ method: 'GET', url: '/api/v1/cases', headers: { authorization: 'Bearer lst_not_a_real_token' } });
  // phone and WhatsApp secrets: set through the API, used in a signed webhook request; never in a log line
  await app.inject({ method: 'PUT', url: '/api/v1/channels', headers: acc.auth, payload: { slug: `log-${acc.accountId.slice(0, 8)}` } });
  const phone = await app.inject({ method: 'PUT', url: '/api/v1/channels/phone', headers: acc.auth, payload: { enabled: true } });
  const phoneSecret = phone.json().secret as string;
  await app.inject({ method: 'PUT', url: '/api/v1/channels/whatsapp', headers: acc.auth, payload: { app_secret: 'wa-app-secret-log', verify_token: 'wa-verify-log', access_token: 'EAAG-wa-token-log' } });
  const sig = hubSignature('wa-app-secret-log', '{}');
  await app.inject({ method: 'POST', url: `/api/public/v1/whatsapp/log-${acc.accountId.slice(0, 8)}`, headers: { 'content-type': 'application/json', 'x-hub-signature-256': sig }, payload: '{}' });
  await app.inject({ method: 'GET', url: `/api/public/v1/whatsapp/log-${acc.accountId.slice(0, 8)}?hub.mode=subscribe&hub.verify_token=wa-verify-log&hub.challenge=1` });
  app.log.info({ req: { headers: { authorization: `Bearer ${acc.token}`, cookie } }, body: { password: 'geheim wachtwoord', token: acc.token } }, 'explicit');
  await app.close();
  const out = lines.join('');
  assert.ok(out.includes('incoming request'), 'requests are logged');
  assert.ok(!out.includes(acc.token), 'tokens never logged');
  assert.ok(!out.includes('geheim wachtwoord'), 'passwords never logged');
  assert.ok(!out.includes(cookie.split('=')[1]), 'session cookies never logged');
  assert.ok(!out.includes('lst_not_a_real_token'));
  for (const secret of [phoneSecret, 'wa-app-secret-log', 'EAAG-wa-token-log', sig.slice(7)]) assert.ok(!out.includes(secret), 'phone and WhatsApp secrets never logged');

  const app2 = await buildApp({ db, config: testConfig(), logger: false });
  const res = await app2.inject({ method: 'GET', url: '/api/v1/cases', headers: { ...acc.auth, 'x-request-id': 'klant-123' } });
  assert.equal(res.headers['x-request-id'], 'klant-123');
  const err = await app2.inject({ method: 'GET', url: '/api/v1/cases/LU-999999999' , headers: acc.auth });
  assert.equal(err.statusCode, 404);
  assert.equal(err.json().error.code, 'case_not_found');
  assert.equal(err.json().error.request_id, err.headers['x-request-id']);
  await app2.close();
});

test('rate limiting answers 429 with a clear error', async () => {
  const app = await buildApp({ db, config: testConfig({ RATE_LIMIT_MAX: 3 }), logger: false });
  const codes = [];
  for (let i = 0; i < 5; i++) codes.push((await app.inject({ method: 'GET', url: '/api/v1/cases', headers: acc.auth })).statusCode);
  assert.deepEqual(codes, [200, 200, 200, 429, 429]);
  const res = await app.inject({ method: 'GET', url: '/api/v1/cases', headers: acc.auth });
  assert.equal(res.json().error.code, 'rate_limited');
  assert.ok(res.headers['retry-after']);
  await app.close();
});

test('the first-run setup link creates the first account once', async () => {
  const setupToken = { value: 'eenmalig-token-1234567890' };
  const app = await buildApp({ db, config: testConfig(), logger: false, setupToken });
  assert.equal((await app.inject({ method: 'GET', url: '/setup?token=fout' })).statusCode, 403);
  const page = await app.inject({ method: 'GET', url: `/setup?token=${setupToken.value}` });
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Luister instellen/);
  // this database already has accounts, so the setup refuses and closes itself
  const res = await app.inject({
    method: 'POST', url: '/setup',
    payload: { token: 'eenmalig-token-1234567890', account_name: 'X', admin_email: 'a@example.test', admin_name: 'A', admin_password: 'lang genoeg wachtwoord' },
  });
  assert.equal(res.statusCode, 403);
  assert.equal(setupToken.value, null);
  await app.close();
});
