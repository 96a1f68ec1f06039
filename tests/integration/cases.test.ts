import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createApiToken } from '../../src/accounts/create-api-token.ts';

let ctx: TestContext;
let acc: TestAccount;

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
});
after(() => ctx.close());

const post = (url: string, payload: unknown, headers: Record<string, string> = acc.auth) =>
  ctx.app.inject({ method: 'POST', url, payload: payload as object, headers });
const get = (url: string, headers: Record<string, string> = acc.auth) => ctx.app.inject({ method: 'GET', url, headers });

async function agentWithToken(name: string, role: 'agent' | 'supervisor' = 'agent') {
  const sys = systemActor(acc.accountId);
  const agent = await createAgent(ctx.db, sys, { email: uniqueEmail(name), name, role });
  const { token } = await createApiToken(ctx.db, sys, { name, role, agentId: agent.id });
  return { id: agent.id, auth: { authorization: `Bearer ${token}` } };
}

test('POST /api/v1/cases opens a case with a reference, a customer and the first message', async () => {
  const email = uniqueEmail('henk');
  const res = await post('/api/v1/cases', {
    customer: { email, name: 'Henk de Vries' },
    subject: 'Te veel betaald voor parkeren',
    message: { body: 'De app rekende drie uur af voor één uur parkeren.' },
  });
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json();
  assert.match(c.id, /^[0-9a-f-]{36}$/);
  assert.match(c.ref, /^LU-\d+$/);
  assert.equal(c.status, 'new');
  assert.equal(c.contact_count, 1);
  assert.equal(c.language, 'nl');
  assert.equal(res.headers.location, `/api/v1/cases/${c.id}`);

  const one = await get(`/api/v1/cases/${c.id}`);
  assert.equal(one.statusCode, 200);
  const body = one.json();
  assert.equal(body.customer.name, 'Henk de Vries');
  assert.deepEqual(body.customer.identities.map((i: { value: string }) => i.value), [email]);
  const kinds = body.timeline.map((t: { kind: string; action?: string; type?: string }) => t.action ?? t.type);
  assert.deepEqual(kinds, ['case.created', 'inbound']);
  const byRef = await get(`/api/v1/cases/${c.ref}`);
  assert.equal(byRef.json().id, c.id, 'a case is found by its reference too');
});

test('a repeat contact joins the open case and raises contact_count instead of opening a new case', async () => {
  const email = uniqueEmail('fatima');
  const first = (await post('/api/v1/cases', { customer: { email }, subject: 'Parkeersessie stopt niet', message: { body: 'Mijn sessie liep door.' } })).json();
  const again = await post('/api/v1/cases', { customer: { email: email.toUpperCase() }, subject: 'RE: Parkeersessie stopt niet', message: { body: 'Nog steeds niets gehoord!' } });
  assert.equal(again.statusCode, 201);
  assert.equal(again.json().id, first.id);
  assert.equal(again.json().contact_count, 2);
  assert.equal(again.json().repeat_contact, true);
  // a reference in the subject joins too, whatever the subject says
  const byRef = (await post('/api/v1/cases', { customer: { email }, subject: `Vraag over ${first.ref}`, message: { body: 'Derde keer.' } })).json();
  assert.equal(byRef.id, first.id);
  assert.equal(byRef.contact_count, 3);
  // another subject is another case
  const other = (await post('/api/v1/cases', { customer: { email }, subject: 'Adres wijzigen', message: { body: 'Ik ben verhuisd.' } })).json();
  assert.notEqual(other.id, first.id);
  // someone else's reference does not join their case
  const stranger = (await post('/api/v1/cases', { customer: { email: uniqueEmail('x') }, subject: `Over ${first.ref}`, message: { body: 'hallo' } })).json();
  assert.notEqual(stranger.id, first.id);
});

test('a repeat contact older than 14 days opens a new case', async () => {
  const email = uniqueEmail('oud');
  const first = (await post('/api/v1/cases', { customer: { email }, subject: 'Factuur klopt niet', message: { body: 'a' } })).json();
  await ctx.db.query(`UPDATE cases SET last_contact_at = now() - interval '15 days' WHERE account_id = $1 AND id = $2`, [acc.accountId, first.id]);
  const second = (await post('/api/v1/cases', { customer: { email }, subject: 'Factuur klopt niet', message: { body: 'b' } })).json();
  assert.notEqual(second.id, first.id);
});

test('exactly one owner once triaged; a transfer completes only when the receiver accepts', async () => {
  const sanne = await agentWithToken('Sanne');
  const ahmed = await agentWithToken('Ahmed');
  const joris = await agentWithToken('Joris', 'supervisor');
  const c = (await post('/api/v1/cases', { customer: { email: uniqueEmail() }, subject: 'Contract gewijzigd', message: { body: 'Zonder overleg.' } })).json();

  const noOwner = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/cases/${c.id}`, headers: acc.auth, payload: { status: 'open' } });
  assert.equal(noOwner.statusCode, 409);
  assert.equal(noOwner.json().error.code, 'owner_required');

  const notYours = await post(`/api/v1/cases/${c.id}/assign`, { agent_id: ahmed.id }, sanne.auth);
  assert.equal(notYours.statusCode, 403, 'an agent cannot assign a case to someone else');
  const take = await post(`/api/v1/cases/${c.id}/assign`, { agent_id: sanne.id }, sanne.auth);
  assert.equal(take.statusCode, 200, take.body);
  assert.equal(take.json().owner_id, sanne.id);
  assert.equal(take.json().status, 'open');
  const twice = await post(`/api/v1/cases/${c.id}/assign`, { agent_id: ahmed.id }, joris.auth);
  assert.equal(twice.json().error.code, 'case_has_owner');

  // offer: the sender stays the owner until the receiver accepts
  const offer = await post(`/api/v1/cases/${c.id}/transfers`, { to_agent_id: ahmed.id, note: 'Jij kent dit contract' }, sanne.auth);
  assert.equal(offer.statusCode, 201, offer.body);
  const pending = (await get(`/api/v1/cases/${c.id}`)).json();
  assert.equal(pending.owner_id, sanne.id);
  assert.equal(pending.pending_transfer.to_agent_id, ahmed.id);
  const second = await post(`/api/v1/cases/${c.id}/transfers`, { to_agent_id: joris.id }, sanne.auth);
  assert.equal(second.json().error.code, 'transfer_pending');
  const wrongHand = await post(`/api/v1/cases/${c.id}/transfers/${offer.json().id}/accept`, {}, joris.auth);
  assert.equal(wrongHand.statusCode, 403, 'only the receiver accepts');
  const accepted = await post(`/api/v1/cases/${c.id}/transfers/${offer.json().id}/accept`, {}, ahmed.auth);
  assert.equal(accepted.statusCode, 200, accepted.body);
  assert.equal(accepted.json().case.owner_id, ahmed.id);
  assert.equal(accepted.json().case.transfer_count, 1);

  // declined offers do not count; a second accepted one does
  const t2 = (await post(`/api/v1/cases/${c.id}/transfers`, { to_agent_id: joris.id }, ahmed.auth)).json();
  assert.equal((await post(`/api/v1/cases/${c.id}/transfers/${t2.id}/decline`, {}, joris.auth)).json().case.transfer_count, 1);
  const t3 = (await post(`/api/v1/cases/${c.id}/transfers`, { to_agent_id: sanne.id }, ahmed.auth)).json();
  assert.equal((await post(`/api/v1/cases/${c.id}/transfers/${t3.id}/accept`, {}, sanne.auth)).json().case.transfer_count, 2);

  // "my team": the cases its members own
  const team = (await post('/api/v1/teams', { name: `Team Sanne ${Date.now()}` })).json().id;
  const other = (await post('/api/v1/teams', { name: `Ander team ${Date.now()}` })).json().id;
  const joined = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/agents/${sanne.id}`, payload: { team_id: team }, headers: acc.auth });
  assert.equal(joined.statusCode, 200, joined.body);
  assert.ok((await get(`/api/v1/cases?team_id=${team}`)).json().data.some((x: { id: string }) => x.id === c.id), "a member owns it: in the team's queue");
  assert.ok(!(await get(`/api/v1/cases?team_id=${other}`)).json().data.some((x: { id: string }) => x.id === c.id), "not in another team's");
  const around = (await get('/api/v1/cases?passed_around=2')).json();
  assert.ok(around.data.some((x: { id: string }) => x.id === c.id), 'passed around twice is listed');
  assert.ok(around.data.every((x: { transfer_count: number }) => x.transfer_count >= 2));
  const timeline = (await get(`/api/v1/cases/${c.id}`)).json().timeline.map((t: { action?: string }) => t.action).filter(Boolean);
  assert.deepEqual(timeline.filter((a: string) => a.startsWith('case.transfer')), [
    'case.transfer_offered', 'case.transfer_accepted', 'case.transfer_offered', 'case.transfer_declined', 'case.transfer_offered', 'case.transfer_accepted',
  ]);
});

test('replies, notes and status changes are in the timeline and the audit log with before and after', async () => {
  const sanne = await agentWithToken('Sanne2');
  const c = (await post('/api/v1/cases', { customer: { email: uniqueEmail() }, subject: 'Monteur kwam niet', message: { body: 'Hele ochtend gewacht.' } })).json();
  const reply = await post(`/api/v1/cases/${c.id}/messages`, { body: 'Het spijt me. Ik bel u morgen voor 12:00.' }, sanne.auth);
  assert.equal(reply.statusCode, 201);
  const afterReply = (await get(`/api/v1/cases/${c.id}`)).json();
  assert.equal(afterReply.owner_id, sanne.id, 'the first reply triages: the replying agent owns the case');
  assert.equal(afterReply.status, 'pending_customer');
  await post(`/api/v1/cases/${c.id}/notes`, { body: 'Klant is boos, terecht.' }, sanne.auth);
  const patch = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/cases/${c.id}`, headers: sanne.auth, payload: { status: 'solved', priority: 'high', tier: 'L2' } });
  assert.equal(patch.statusCode, 200, patch.body);
  assert.equal(patch.json().status, 'solved');
  assert.ok(patch.json().solved_at);

  const full = (await get(`/api/v1/cases/${c.id}`)).json();
  const types = full.timeline.filter((t: { kind: string }) => t.kind === 'message').map((t: { type: string }) => t.type);
  assert.deepEqual(types, ['inbound', 'outbound', 'note']);
  const update = full.timeline.find((t: { action?: string }) => t.action === 'case.updated');
  assert.deepEqual(update.before, { status: 'pending_customer', priority: 'normal', tier: 'L1' });
  assert.deepEqual(update.after, { status: 'solved', priority: 'high', tier: 'L2' });
  assert.equal(update.actor_type, 'token');

  // the customer writes again: the solved case reopens
  const again = (await post('/api/v1/cases', { customer: { email: full.customer.identities[0].value }, subject: `Re: [${c.ref}] Monteur kwam niet`, message: { body: 'Er belde niemand.' } })).json();
  assert.equal(again.id, c.id);
  assert.equal(again.status, 'open');

  const audit = (await get(`/api/v1/audit?entity_id=${c.id}`)).json();
  assert.ok(audit.data.length >= 5);
  const closed = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/cases/${c.id}`, headers: sanne.auth, payload: { status: 'closed' } });
  assert.equal(closed.json().status, 'closed');
  const reopen = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/cases/${c.id}`, headers: sanne.auth, payload: { status: 'open' } });
  assert.equal(reopen.json().error.code, 'invalid_status_change');
});

test('the audit log refuses UPDATE, DELETE and TRUNCATE', async () => {
  await assert.rejects(ctx.db.query('UPDATE audit_log SET action = $2 WHERE account_id = $1', [acc.accountId, 'x']), /append-only/);
  await assert.rejects(ctx.db.query('DELETE FROM audit_log WHERE account_id = $1', [acc.accountId]), /append-only/);
  await assert.rejects(ctx.db.exec('TRUNCATE audit_log'), /append-only/);
});

test('customers: identities are unique per account, merge moves identities and cases, audited', async () => {
  const a = await post('/api/v1/customers', { name: 'Ria Jansen', email: uniqueEmail('ria'), phone: '06 1234 5678', segment: 'gold' });
  assert.equal(a.statusCode, 201, a.body);
  const ria = a.json();
  assert.ok(ria.identities.some((i: { kind: string; value: string }) => i.kind === 'phone' && i.value === '+31612345678'));
  const dup = await post('/api/v1/customers', { phone: '+31612345678' });
  assert.equal(dup.statusCode, 409);
  assert.equal(dup.json().error.code, 'identity_taken');

  const otherEmail = uniqueEmail('ria.werk');
  const c = (await post('/api/v1/cases', { customer: { email: otherEmail, name: 'R. Jansen' }, subject: 'Boeken niet geleverd', message: { body: 'Betaald, niets ontvangen.' } })).json();
  const second = (await get(`/api/v1/cases/${c.id}`)).json().customer;
  await ctx.app.inject({ method: 'PATCH', url: `/api/v1/customers/${second.id}`, headers: acc.auth, payload: { vulnerable: true } });
  const merged = await post(`/api/v1/customers/${ria.id}/merge`, { customer_id: second.id });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.equal(merged.json().vulnerable, true, 'protective flags survive a merge');
  assert.ok(merged.json().identities.some((i: { value: string }) => i.value === otherEmail));
  assert.equal((await get(`/api/v1/cases/${c.id}`)).json().customer_id, ria.id);
  const tomb = (await get(`/api/v1/customers/${second.id}`)).json();
  assert.equal(tomb.merged_into, ria.id);
  assert.equal((await post(`/api/v1/customers/${ria.id}/merge`, { customer_id: second.id })).json().error.code, 'customer_merged');
  // a message to the merged address lands with the surviving customer
  const next = (await post('/api/v1/cases', { customer: { email: otherEmail }, subject: 'Nog een vraag', message: { body: 'Hoe zit het?' } })).json();
  assert.equal(next.customer_id, ria.id);
  const audit = (await get(`/api/v1/audit?entity_id=${second.id}`)).json();
  assert.ok(audit.data.some((e: { action: string }) => e.action === 'customer.merged_away'));
});

test('cursor pagination walks every case exactly once', async () => {
  const b = await newAccount(ctx.db, 'Paginering');
  for (let i = 0; i < 7; i++) {
    await post('/api/v1/cases', { customer: { email: uniqueEmail() }, subject: `Vraag ${i}`, message: { body: 'x' } }, b.auth);
  }
  const seen: string[] = [];
  let cursor = '';
  for (let pageNo = 0; pageNo < 10; pageNo++) {
    const res = (await get(`/api/v1/cases?limit=3${cursor ? `&cursor=${cursor}` : ''}`, b.auth)).json();
    seen.push(...res.data.map((c: { id: string }) => c.id));
    if (!res.next_cursor) break;
    cursor = res.next_cursor;
  }
  assert.equal(seen.length, 7);
  assert.equal(new Set(seen).size, 7);
});

test('case_ref as a case id joins that case', async () => {
  const email = uniqueEmail('ref');
  const first = (await post('/api/v1/cases', { customer: { email }, subject: 'Eerste vraag', message: { body: 'a' } })).json();
  const joined = (await post('/api/v1/cases', { customer: { email }, subject: 'Iets heel anders', case_ref: first.id, message: { body: 'b' } })).json();
  assert.equal(joined.id, first.id);
  assert.equal(joined.contact_count, 2);
});

test('pagination never skips rows created within the same millisecond', async () => {
  const b = await newAccount(ctx.db, 'Microseconden');
  const cust = (await post('/api/v1/customers', { email: uniqueEmail() }, b.auth)).json();
  // five cases with one shared millisecond and different microseconds
  for (let i = 0; i < 5; i++) {
    await ctx.db.query(
      `INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, created_at)
       VALUES ($1, $2, $3, $3, 'api', '2026-11-20T10:00:00.123000Z'::timestamptz + make_interval(secs => $4::float8 / 1000000))`,
      [b.accountId, cust.id, `micro ${i}`, i * 100],
    );
  }
  const seen: string[] = [];
  let cursor = '';
  for (let n = 0; n < 10; n++) {
    const res = (await get(`/api/v1/cases?limit=2${cursor ? `&cursor=${cursor}` : ''}`, b.auth)).json();
    seen.push(...res.data.map((c: { subject: string }) => c.subject));
    if (!res.next_cursor) break;
    cursor = res.next_cursor;
  }
  assert.deepEqual(seen, ['micro 4', 'micro 3', 'micro 2', 'micro 1', 'micro 0']);
});
