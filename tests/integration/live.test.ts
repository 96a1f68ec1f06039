import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/storage/db.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { openLiveStream, type LiveStream } from '../live-stream.ts';

/**
 * The workspace hears changes as they commit: server-sent events fed by LISTEN/NOTIFY (the same
 * code on PGlite and PostgreSQL), scoped to the account, ids only. Presence (who is viewing or
 * typing on a case) and @mentions in notes travel the same way.
 */

let ctx: TestContext;
let app: FastifyInstance;
let db: Db;
let base: string;
let a: TestAccount;
let b: TestAccount;
let piet: { id: string; auth: Record<string, string> };
const streams: LiveStream[] = [];

async function call<T = any>(method: string, url: string, auth: Record<string, string>, payload?: unknown): Promise<T> {
  const res = await app.inject({ method: method as 'GET', url, headers: auth, payload: payload as object });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json() as T;
}
const stream = async (headers: Record<string, string>) => {
  const s = await openLiveStream(base, headers);
  streams.push(s);
  return s;
};
const newCase = (acc: TestAccount, body = 'Mijn parkeersessie is twee keer afgeschreven') =>
  call<{ id: string; ref: string }>('POST', '/api/v1/cases', acc.auth, { customer: { email: uniqueEmail() }, message: { body } });

before(async () => {
  ctx = await testApp();
  ({ app, db } = ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  a = await newAccount(db, 'Live A');
  b = await newAccount(db, 'Live B');
  const email = uniqueEmail('piet');
  const password = 'piet heeft een lang wachtwoord';
  const agent = await call<{ id: string }>('POST', '/api/v1/agents', a.auth, { email, name: 'Piet Jansen', role: 'agent', password });
  const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const session = login.cookies.find((c) => c.name === 'luister_session')!;
  // Piet works in the browser: his session cookie is his credential (a token made by the admin would act as the admin)
  piet = { id: agent.id, auth: { cookie: `luister_session=${session.value}` } };
});

after(async () => {
  for (const s of streams) s.close();
  await ctx.close();
});

test('a new case and its message arrive live, with ids and no content', async () => {
  const live = await stream(a.auth);
  const c = await newCase(a);
  const created = await live.next((n) => n.event === 'case.created' && n.case_id === c.id);
  const message = await live.next((n) => n.event === 'message.created' && n.case_id === c.id);
  assert.equal(created.account_id, a.accountId);
  assert.ok(message.id);
  assert.ok(!JSON.stringify(live.seen).includes('parkeersessie'), 'content never travels on the live stream');
});

test('the browser session works too (EventSource sends the cookie), and no credentials is 401', async () => {
  const live = await stream(piet.auth);
  const c = await newCase(a);
  await live.next((n) => n.event === 'case.created' && n.case_id === c.id);
  const res = await fetch(`${base}/api/v1/live`);
  assert.equal(res.status, 401);
  assert.equal((await res.json()).error.code, 'unauthenticated');
});

test("another account's changes never reach the stream", async () => {
  const liveA = await stream(a.auth);
  const liveB = await stream(b.auth);
  const cb = await newCase(b);
  await liveB.next((n) => n.case_id === cb.id);
  const ca = await newCase(a);
  await liveA.next((n) => n.case_id === ca.id);
  assert.ok(liveA.seen.every((n) => n.account_id === a.accountId));
  assert.ok(liveB.seen.every((n) => n.account_id === b.accountId));
  assert.ok(!liveA.seen.some((n) => n.case_id === cb.id));
});

test('what rolls back is never announced: a blocked reply sends no notice', async () => {
  const live = await stream(a.auth);
  const c = await newCase(a);
  await live.next((n) => n.event === 'message.created' && n.case_id === c.id);
  await call('PATCH', '/api/v1/settings/reply-checks', a.auth, { checks: { blame: 'block' } });
  const blocked = await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, headers: a.auth, payload: { body: 'Dat is uw eigen schuld, u had de voorwaarden beter moeten lezen.' } });
  assert.equal(blocked.statusCode, 422, blocked.body);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(live.seen.filter((n) => n.case_id === c.id && n.event === 'message.created').length, 1, 'only the inbound message');
  await call('PATCH', '/api/v1/settings/reply-checks', a.auth, { checks: { blame: 'warn' } });
});

test('notes are live for colleagues; an @mention rings only the mentioned agent', async () => {
  const pietLive = await stream(piet.auth);
  const adminLive = await stream(a.auth);
  const c = await newCase(a);
  await call('POST', `/api/v1/cases/${c.id}/notes`, a.auth, { body: '@Piet kun jij deze klant morgen bellen? Bedrag €12,50.' });
  await adminLive.next((n) => n.event === 'note.created' && n.case_id === c.id);
  const bell = await pietLive.next((n) => n.event === 'notification.created');
  assert.equal(bell.agent_id, piet.id);
  assert.equal(bell.case_id, c.id);
  await new Promise((r) => setTimeout(r, 200));
  assert.ok(!adminLive.seen.some((n) => n.event === 'notification.created'), "someone else's notification is not sent to the admin");
  const list = await call<{ data: Array<{ kind: string; body: string; case_id: string }> }>('GET', '/api/v1/notifications', piet.auth);
  const mention = list.data.find((x) => x.kind === 'mention' && x.case_id === c.id);
  assert.ok(mention, 'the mention is in Piet\'s notifications');
  assert.match(mention.body, new RegExp(`${c.ref}.*kun jij deze klant`));
  // a note without a mention, or mentioning oneself, notifies nobody
  await call('POST', `/api/v1/cases/${c.id}/notes`, piet.auth, { body: 'Gebeld, @Piet Jansen belt morgen terug. Mail naar klant@voorbeeld.nl' });
  const again = await call<{ data: Array<{ kind: string; case_id: string }> }>('GET', '/api/v1/notifications', piet.auth);
  assert.equal(again.data.filter((x) => x.kind === 'mention' && x.case_id === c.id).length, 1);
});

test('presence: who views or types on a case, heard by colleagues, gone when they leave', async () => {
  const pietLive = await stream(piet.auth);
  const c = await newCase(a);
  const none = await call<{ data: unknown[] }>('POST', `/api/v1/cases/${c.id}/presence`, piet.auth, { state: 'viewing' });
  assert.deepEqual(none.data, [], 'nobody else yet');
  await call('POST', `/api/v1/cases/${c.ref}/presence`, a.auth, { state: 'typing' });
  const heard = await pietLive.next((n) => n.event === 'presence' && n.case_id === c.id && n.state === 'typing');
  assert.equal(heard.agent_id, a.adminId);
  const others = await call<{ data: Array<{ agent_id: string; state: string; name: string }> }>('GET', `/api/v1/cases/${c.id}/presence`, piet.auth);
  assert.deepEqual(others.data.map((p) => [p.agent_id, p.state]), [[a.adminId, 'typing']]);
  assert.ok(others.data[0].name);
  await call('POST', `/api/v1/cases/${c.id}/presence`, a.auth, { state: 'left' });
  await pietLive.next((n) => n.event === 'presence' && n.case_id === c.id && n.state === 'left');
  assert.deepEqual((await call<{ data: unknown[] }>('GET', `/api/v1/cases/${c.id}/presence`, piet.auth)).data, []);
  // another account cannot see or announce presence on this case
  const foreign = await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/presence`, headers: b.auth, payload: { state: 'viewing' } });
  assert.equal(foreign.statusCode, 404);
});

test('heartbeats count as work on the case, at most 30 s per beat', async () => {
  const c = await newCase(a);
  await call('POST', `/api/v1/cases/${c.id}/presence`, piet.auth, { state: 'viewing' });
  await db.query("UPDATE case_work SET last_beat_at = now() - interval '12 seconds' WHERE account_id = $1 AND case_id = $2", [a.accountId, c.id]);
  await call('POST', `/api/v1/cases/${c.id}/presence`, piet.auth, { state: 'typing' });
  await db.query("UPDATE case_work SET last_beat_at = now() - interval '2 hours' WHERE account_id = $1 AND case_id = $2", [a.accountId, c.id]);
  await call('POST', `/api/v1/cases/${c.id}/presence`, piet.auth, { state: 'left' });
  const [w] = await db.query<{ seconds: number; agent_id: string }>('SELECT seconds, agent_id FROM case_work WHERE account_id = $1 AND case_id = $2', [a.accountId, c.id]);
  assert.equal(w.agent_id, piet.id);
  assert.ok(w.seconds >= 42 && w.seconds <= 43, `12 s + at most 30 s, got ${w.seconds}`);
});

test('several server processes agree: a change made through one reaches the browsers of another (PostgreSQL)', async (t) => {
  if (db.kind !== 'postgres') return t.skip('PGlite is one process: its notices are in-process (covered above)');
  const { openDb } = await import('../../src/storage/db.ts');
  const { buildApp } = await import('../../src/http/app.ts');
  const { testConfig } = await import('../helpers.ts');
  const db2 = await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 });
  const app2 = await buildApp({ db: db2, config: testConfig(), logger: false });
  try {
    await app2.listen({ port: 0, host: '127.0.0.1' });
    const addr = app2.server.address();
    const live = await openLiveStream(`http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`, piet.auth);
    streams.push(live);
    const c = await newCase(a);
    await live.next((n) => n.event === 'case.created' && n.case_id === c.id);
    await call('POST', `/api/v1/cases/${c.id}/presence`, a.auth, { state: 'typing' });
    await live.next((n) => n.event === 'presence' && n.case_id === c.id);
    const seen = await app2.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/presence`, headers: piet.auth });
    assert.deepEqual(seen.json().data.map((p: { state: string }) => p.state), ['typing'], 'the other process knows who is typing');
  } finally {
    await app2.close();
    await db2.close();
  }
});

test('a LISTEN connection the database drops is reopened: live updates pause, they do not stop (PostgreSQL)', async (t) => {
  if (db.kind !== 'postgres') return t.skip('PostgreSQL only: PGlite has no separate connection to lose');
  const live = await stream(a.auth);
  const before = await newCase(a);
  await live.next((n) => n.case_id === before.id);
  const killed = await db.query<{ ok: boolean }>(
    `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity
     WHERE datname = current_database() AND application_name = $1`,
    [`luister-live-${process.pid}`],
  );
  assert.ok(killed.length >= 1 && killed.every((k) => k.ok), 'the listening connection was terminated');
  // the listener reconnects with backoff (first try after 250 ms) and tells the browser to refresh
  await live.next((n) => n.event === 'ready', 5000);
  let got = false;
  for (let i = 0; i < 20 && !got; i++) {
    await new Promise((r) => setTimeout(r, 250));
    const c = await newCase(a);
    got = await live.next((n) => n.case_id === c.id, 500).then(() => true, () => false);
  }
  assert.ok(got, 'notices flow again after the connection was reopened');
});
