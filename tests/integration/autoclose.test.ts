import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { sweepAutoClose } from '../../src/autoclose/sweep-autoclose.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;
const DAY = 86_400_000;
/** the sweep's clock: the real clock, moved on by whole days (no sleeping) */
const inDays = (d: number) => new Date(Date.now() + d * DAY);

const req = (method: 'GET' | 'PATCH' | 'POST', url: string, payload?: unknown, auth = acc.auth) =>
  ctx.app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
  other = await newAccount(ctx.db, 'Ander bedrijf');
});
after(() => ctx.close());

/** A case from a customer, answered by an agent: pending with the customer from now. */
async function pendingCase(language: 'nl' | 'en', email = uniqueEmail()) {
  const r = await receiveMessage(ctx.db, systemActor(acc.accountId), {
    customer: { email, name: 'Henk de Vries' }, subject: language === 'en' ? 'My parcel' : 'Mijn pakket',
    body: language === 'en' ? 'Where is my parcel? It has been a week.' : 'Waar blijft mijn pakket? Het is al een week.', channel: 'web', language,
  });
  const reply = await req('POST', `/api/v1/cases/${r.case.id}/messages`, { body: language === 'en' ? 'Could you send us your order number?' : 'Kunt u ons uw ordernummer sturen?' });
  assert.equal(reply.statusCode, 201, reply.body);
  return { id: r.case.id, ref: r.case.ref, email };
}

const caseState = async (id: string) => (await ctx.db.query<{ status: string }>('SELECT status FROM cases WHERE account_id = $1 AND id = $2', [acc.accountId, id]))[0].status;
const outbound = (id: string) => ctx.db.query<{ body: string; language: string }>(
  `SELECT body, language FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'outbound' ORDER BY created_at`, [acc.accountId, id]);
const audits = (id: string) => ctx.db.query<{ action: string }>(
  `SELECT action FROM audit_log WHERE account_id = $1 AND entity_id = $2 AND action LIKE 'case.autoclose%' ORDER BY id`, [acc.accountId, id]);

test('settings: off by default (7/14 days), supervisors set them, bad input is a 400 and changes nothing, per account', async () => {
  const g = await req('GET', '/api/v1/settings/autoclose');
  assert.equal(g.statusCode, 200, g.body);
  assert.deepEqual(g.json(), { enabled: false, remind_after_days: 7, close_after_days: 14 });
  for (const bad of [{ remind_after_days: 0 }, { close_after_days: 5, remind_after_days: 7 }, { enabled: 'yes' }, { extra: 1 }]) {
    const r = await req('PATCH', '/api/v1/settings/autoclose', bad);
    assert.equal(r.statusCode, 400, JSON.stringify(bad) + r.body);
  }
  assert.deepEqual((await req('GET', '/api/v1/settings/autoclose')).json(), { enabled: false, remind_after_days: 7, close_after_days: 14 });
  const p = await req('PATCH', '/api/v1/settings/autoclose', { enabled: true, remind_after_days: 3, close_after_days: 10 });
  assert.equal(p.statusCode, 200, p.body);
  assert.deepEqual(p.json(), { enabled: true, remind_after_days: 3, close_after_days: 10 });
  assert.equal((await req('GET', '/api/v1/settings/autoclose', undefined, other.auth)).json().enabled, false, 'another account is untouched');
  const [audit] = await ctx.db.query(`SELECT 1 FROM audit_log WHERE account_id = $1 AND action = 'settings.autoclose_updated'`, [acc.accountId]);
  assert.ok(audit);
});

test('reminder after N days, closed after M days, in the customer\'s language, each once and audited', async () => {
  const nl = await pendingCase('nl');
  const en = await pendingCase('en');
  const mine = (r: { reminded: string[]; closed: string[] }, id: string) => ({ reminded: r.reminded.includes(id), closed: r.closed.includes(id) });

  let r = await sweepAutoClose(ctx.db, { now: inDays(2.9), accountId: acc.accountId });
  assert.deepEqual(mine(r, nl.id), { reminded: false, closed: false }, 'not before 3 days');
  assert.equal((await outbound(nl.id)).length, 1);

  r = await sweepAutoClose(ctx.db, { now: inDays(3.1), accountId: acc.accountId });
  assert.deepEqual(r.failed, []);
  assert.deepEqual(mine(r, nl.id), { reminded: true, closed: false });
  assert.deepEqual(mine(r, en.id), { reminded: true, closed: false });
  const nlOut = await outbound(nl.id);
  assert.equal(nlOut.length, 2);
  assert.match(nlOut[1].body, /Wij wachten nog op uw antwoord/);
  assert.ok(nlOut[1].body.includes(nl.ref));
  assert.equal(nlOut[1].language, 'nl');
  assert.match((await outbound(en.id))[1].body, /We are still waiting for your answer/);
  assert.equal(await caseState(nl.id), 'pending_customer', 'the reminder keeps the case pending');

  // a re-run (the same hour, or a second worker) sends nothing again
  r = await sweepAutoClose(ctx.db, { now: inDays(3.2), accountId: acc.accountId });
  assert.deepEqual(mine(r, nl.id), { reminded: false, closed: false });
  assert.equal((await outbound(nl.id)).length, 2);

  r = await sweepAutoClose(ctx.db, { now: inDays(10.1), accountId: acc.accountId });
  assert.deepEqual(mine(r, nl.id), { reminded: false, closed: true });
  assert.deepEqual(mine(r, en.id), { reminded: false, closed: true });
  assert.equal(await caseState(nl.id), 'solved');
  const closedOut = await outbound(nl.id);
  assert.equal(closedOut.length, 3);
  assert.match(closedOut[2].body, /wij beschouwen uw vraag als afgehandeld/);
  assert.match((await outbound(en.id))[2].body, /we consider your question resolved/);
  assert.deepEqual((await audits(nl.id)).map((a) => a.action), ['case.autoclose_reminded', 'case.autoclosed']);

  r = await sweepAutoClose(ctx.db, { now: inDays(30), accountId: acc.accountId });
  assert.deepEqual(mine(r, nl.id), { reminded: false, closed: false }, 'nothing twice');
  assert.equal((await outbound(nl.id)).length, 3);

  // the customer writes again: the solved case reopens (the existing intake behaviour, kept)
  await receiveMessage(ctx.db, systemActor(acc.accountId), { customer: { email: nl.email }, caseRef: nl.ref, subject: `Re: Mijn pakket [${nl.ref}]`, body: 'Het pakket is er nog steeds niet.', channel: 'web' });
  assert.equal(await caseState(nl.id), 'open');
});

test('a customer reply between reminder and close ends the spell: no close; our next reply starts a new count', async () => {
  const c = await pendingCase('nl');
  let r = await sweepAutoClose(ctx.db, { now: inDays(3.1), accountId: acc.accountId });
  assert.ok(r.reminded.includes(c.id));
  await receiveMessage(ctx.db, systemActor(acc.accountId), { customer: { email: c.email }, caseRef: c.ref, subject: `Re: Mijn pakket [${c.ref}]`, body: 'Mijn ordernummer is 12345.', channel: 'web' });
  assert.equal(await caseState(c.id), 'open', 'the reply reopens the case');
  r = await sweepAutoClose(ctx.db, { now: inDays(10.1), accountId: acc.accountId });
  assert.ok(!r.closed.includes(c.id) && !r.reminded.includes(c.id), 'an open case is left alone');
  assert.equal(await caseState(c.id), 'open');

  // the agent answers: pending again, counted from now — a fresh reminder after 3 more days, not an immediate close
  assert.equal((await req('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Dank u, wij zoeken het uit.' })).statusCode, 201);
  assert.equal(await caseState(c.id), 'pending_customer');
  r = await sweepAutoClose(ctx.db, { now: inDays(2.9), accountId: acc.accountId });
  assert.ok(!r.reminded.includes(c.id) && !r.closed.includes(c.id));
  r = await sweepAutoClose(ctx.db, { now: inDays(3.1), accountId: acc.accountId });
  assert.ok(r.reminded.includes(c.id), 'a new spell gets its own reminder');
  assert.equal(await caseState(c.id), 'pending_customer');
});

test('switched off: nothing happens, however long a case waits; other accounts are not swept', async () => {
  const c = await pendingCase('nl');
  assert.equal((await req('PATCH', '/api/v1/settings/autoclose', { enabled: false })).statusCode, 200);
  const r = await sweepAutoClose(ctx.db, { now: inDays(60) });
  assert.ok(!r.reminded.includes(c.id) && !r.closed.includes(c.id));
  assert.equal((await outbound(c.id)).length, 1);
  assert.equal((await req('PATCH', '/api/v1/settings/autoclose', { enabled: true })).statusCode, 200);
});

test('agents may read but not change the setting', async () => {
  const a = await req('POST', '/api/v1/agents', { email: uniqueEmail('sanne'), name: 'Sanne de Wit', role: 'agent', password: 'correct horse battery staple' });
  const t = await req('POST', '/api/v1/tokens', { name: 'Sanne', role: 'agent', agent_id: a.json().id });
  const auth = { authorization: `Bearer ${t.json().token}` };
  assert.equal((await req('GET', '/api/v1/settings/autoclose', undefined, auth)).statusCode, 200);
  const p = await req('PATCH', '/api/v1/settings/autoclose', { enabled: false }, auth);
  assert.equal(p.statusCode, 403, p.body);
  assert.equal((await req('GET', '/api/v1/settings/autoclose')).json().enabled, true);
});
