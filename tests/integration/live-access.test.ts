import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { openDb } from '../../src/storage/db.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { openLiveStream, type LiveStream } from '../live-stream.ts';

/**
 * Security review (issue 13): a live stream opened before sign-out must not keep delivering the
 * account's events. It ends with its session: sign-out, deactivation, a new password, expiry,
 * revocation from anywhere — and on PostgreSQL across server processes.
 */

let ctx: TestContext;
let app: FastifyInstance;
let base: string;
let a: TestAccount;
const password = 'een lang genoeg wachtwoord';
const streams: LiveStream[] = [];
const SAME = { 'sec-fetch-site': 'same-origin' };
/** the periodic re-check (LIVE_RECHECK_SECONDS): long on the main app, so only the notices can end its streams in time */
const RECHECK_S = 0.3;

async function listen(server: FastifyInstance) {
  await server.listen({ port: 0, host: '127.0.0.1' });
  const addr = server.server.address();
  return `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
}

async function newAgent(acc: TestAccount) {
  const email = uniqueEmail('agent');
  const res = await app.inject({ method: 'POST', url: '/api/v1/agents', headers: acc.auth, payload: { email, name: 'Agent', role: 'agent', password } });
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().id as string, email };
}

async function signIn(email: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: SAME });
  assert.equal(res.statusCode, 200, res.body);
  const value = res.cookies.find((c) => c.name === 'luister_session')!.value;
  return { cookie: `luister_session=${value}`, sessionId: value.split('_')[2] };
}

async function stream(url: string, headers: Record<string, string>) {
  const s = await openLiveStream(url, headers);
  streams.push(s);
  return s;
}

const newCase = async (acc: TestAccount) => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: acc.auth, payload: { customer: { email: uniqueEmail() }, message: { body: 'Geheime klacht' } } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string };
};

before(async () => {
  ctx = await testApp({ LIVE_RECHECK_SECONDS: 600 });
  app = ctx.app;
  base = await listen(app);
  a = await newAccount(ctx.db, 'Live toegang');
});

after(async () => {
  for (const s of streams) s.close();
  await ctx.close();
});

test('signing out ends the live stream of that session at once; other sessions keep theirs', async () => {
  const agent = await newAgent(a);
  const mine = await signIn(agent.email);
  const other = await signIn(agent.email); // the same agent on a second device
  const live = await stream(base, { cookie: mine.cookie });
  const stays = await stream(base, { cookie: other.cookie });
  const c = await newCase(a);
  await live.next((n) => n.case_id === c.id);

  const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: mine.cookie, ...SAME } });
  assert.equal(out.statusCode, 200);
  assert.equal(await live.endsWithin(2000), true, 'the stream ended with its session');
  const later = await newCase(a);
  await stays.next((n) => n.case_id === later.id);
  assert.ok(!live.seen.some((n) => n.case_id === later.id), 'nothing reached the signed-out stream');
  assert.equal(await stays.endsWithin(1000), false, 'the other session is still live');
});

test('an admin deactivating an agent, or setting a new password, ends that agent\'s streams', async () => {
  for (const change of [{ active: false }, { password: 'een heel ander wachtwoord' }]) {
    const agent = await newAgent(a);
    const bystander = await newAgent(a);
    const live = await stream(base, { cookie: (await signIn(agent.email)).cookie });
    const stays = await stream(base, { cookie: (await signIn(bystander.email)).cookie });
    const res = await app.inject({ method: 'PATCH', url: `/api/v1/agents/${agent.id}`, headers: a.auth, payload: change });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(await live.endsWithin(2000), true, JSON.stringify(change));
    assert.equal(await stays.endsWithin(500), false, 'a colleague is not affected');
  }
});

test('revoking an API token ends the streams opened with it', async () => {
  const made = await app.inject({ method: 'POST', url: '/api/v1/tokens', headers: a.auth, payload: { name: 'dashboard', role: 'agent' } });
  const { id, token } = made.json();
  const live = await stream(base, { authorization: `Bearer ${token}` });
  const del = await app.inject({ method: 'DELETE', url: `/api/v1/tokens/${id}`, headers: a.auth });
  assert.equal(del.statusCode, 200, del.body);
  assert.equal(await live.endsWithin(2000), true);
});

test('a session that expires, or is revoked behind the API\'s back, ends its stream too', async () => {
  const agent = await newAgent(a);
  // expiry: the stream ends when the session does
  const soon = await signIn(agent.email);
  await ctx.db.query(`UPDATE sessions SET expires_at = now() + interval '1 second' WHERE account_id = $1 AND id = $2`, [a.accountId, soon.sessionId]);
  const expiring = await stream(base, { cookie: soon.cookie });
  assert.equal(await expiring.endsWithin(3000), true, 'ended at expiry');
  // revoked straight in the database (another tool): found by the periodic re-check
  const checking = await buildApp({ db: ctx.db, config: testConfig({ LIVE_RECHECK_SECONDS: RECHECK_S }), logger: false });
  try {
    const s = await signIn(agent.email);
    const live = await stream(await listen(checking), { cookie: s.cookie });
    assert.equal(await live.endsWithin(RECHECK_S * 2000), false, 'a valid session stays');
    await ctx.db.query('UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND id = $2', [a.accountId, s.sessionId]);
    assert.equal(await live.endsWithin(RECHECK_S * 1000 + 2000), true, 'ended at the next re-check');
  } finally {
    await checking.close();
  }
});

test('several server processes: signing out on one ends the stream held by another (PostgreSQL)', async (t) => {
  if (ctx.db.kind !== 'postgres') return t.skip('PGlite is one process: covered above');
  const db2 = await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
  // a long re-check on the second process: only the notice can end the stream in time
  const app2 = await buildApp({ db: db2, config: testConfig({ LIVE_RECHECK_SECONDS: 600 }), logger: false });
  try {
    const base2 = await listen(app2);
    const agent = await newAgent(a);
    const s = await signIn(agent.email);
    const live = await stream(base2, { cookie: s.cookie });
    const out = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: s.cookie, ...SAME } });
    assert.equal(out.statusCode, 200);
    assert.equal(await live.endsWithin(3000), true, 'the other process heard the sign-out and ended its stream');
    // and the deactivation of an agent, too
    const agent2 = await newAgent(a);
    const live2 = await stream(base2, { cookie: (await signIn(agent2.email)).cookie });
    await app.inject({ method: 'PATCH', url: `/api/v1/agents/${agent2.id}`, headers: a.auth, payload: { active: false } });
    assert.equal(await live2.endsWithin(3000), true);
  } finally {
    await app2.close();
    await db2.close();
  }
});
