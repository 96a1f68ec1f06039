import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/storage/db.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createApiToken } from '../../src/accounts/create-api-token.ts';
import { updateCustomer } from '../../src/customers/update-customer.ts';
import { buildApp } from '../../src/http/app.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';

let db: Db;
let app: FastifyInstance;
let acc: TestAccount;
const tokens: Record<string, { authorization: string }> = {};
const ids: Record<string, string> = {};

async function req(method: 'GET' | 'POST' | 'PUT', url: string, auth: { authorization: string }, payload?: unknown) {
  const res = await app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

before(async () => {
  db = await testDb();
  acc = await newAccount(db, 'Parkeren');
  app = await buildApp({ db, config: testConfig(), logger: false, checkResponses: true });
  const admin = { ...systemActor(acc.accountId), type: 'agent' as const, id: acc.adminId, agentId: acc.adminId };
  // the admin does not take cases in this test
  await req('PUT', `/api/v1/agents/${acc.adminId}/routing`, acc.auth, { available: false });
  for (const [name, routing] of [
    ['anna', { languages: ['nl'], skills: ['parkeren'], tier: 'L1' }],
    ['ben', { languages: ['en'], tier: 'L1' }],
    ['cor', { languages: ['nl', 'en'], tier: 'L2' }],
  ] as const) {
    const a = await createAgent(db, admin, { email: uniqueEmail(name), name, role: 'agent' });
    ids[name] = a.id;
    tokens[name] = { authorization: `Bearer ${(await createApiToken(db, admin, { name, role: 'agent', agentId: a.id })).token}` };
    await req('PUT', `/api/v1/agents/${a.id}/routing`, acc.auth, routing);
  }
});
after(async () => {
  await app.close();
  await db.close();
});

test('an English case is offered to the English-speaking L1 agent; a decline passes it on to the next who speaks English; accepting is a first assignment', async () => {
  const r = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: uniqueEmail('tourist') }, subject: 'Parking fine', body: 'I was charged twice for parking in Amsterdam. Please refund me.', channel: 'web' });
  const routed = await req('POST', `/api/v1/cases/${r.case.id}/route`, acc.auth);
  assert.equal(routed.offer.to_agent_id, ids.ben);
  assert.equal(routed.offer.routed, true);
  assert.match(routed.reason, /spreekt en/);
  const declined = await req('POST', `/api/v1/cases/${r.case.id}/transfers/${routed.offer.id}/decline`, tokens.ben);
  assert.equal(declined.transfer.status, 'declined');
  assert.equal(declined.next_offer.to_agent_id, ids.cor, 'passed on: the customer\'s language before the tier');
  const accepted = await req('POST', `/api/v1/cases/${r.case.id}/transfers/${declined.next_offer.id}/accept`, tokens.cor);
  assert.equal(accepted.case.owner_id, ids.cor);
  assert.equal(accepted.case.transfer_count, 0, 'taking an unowned case is not a transfer');
});

test('the queue goes by segment first: a gold customer before an earlier standard one; an agent can make themselves unavailable', async () => {
  const standard = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: uniqueEmail('std') }, subject: 'Factuur', body: 'Mijn factuur klopt niet.', channel: 'web' });
  const gold = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: uniqueEmail('gold') }, subject: 'Storing', body: 'De app werkt niet.', channel: 'web' });
  await updateCustomer(db, { ...systemActor(acc.accountId) }, gold.customerId, { segment: 'gold' });
  await req('PUT', `/api/v1/agents/${ids.anna}/routing`, tokens.anna, { available: false });
  const queue = await req('POST', '/api/v1/routing/queue', acc.auth, {});
  const order = queue.data.map((x: { case_id: string }) => x.case_id);
  assert.ok(order.indexOf(gold.case.id) < order.indexOf(standard.case.id));
  assert.ok(queue.data.every((x: { offered_to: string | null }) => x.offered_to !== ids.anna), 'Anna is unavailable');
  const board = await req('GET', '/api/v1/routing/agents', acc.auth);
  assert.equal(board.data.find((a: { id: string }) => a.id === ids.anna).available, false);
  // an agent cannot change their own tier
  const res = await app.inject({ method: 'PUT', url: `/api/v1/agents/${ids.anna}/routing`, headers: tokens.anna, payload: { tier: 'L3' } });
  assert.equal(res.statusCode, 403);
});
