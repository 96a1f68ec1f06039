import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
  other = await newAccount(ctx.db, 'Ander bedrijf');
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown, who = acc) =>
  ctx.app.inject({ method, url, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

async function newCase(who = acc) {
  const res = await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(), name: 'Henk de Vries' }, subject: 'Dubbel betaald', message: { body: 'Ik heb twee keer betaald.' } }, who);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; ref: string; customer_id: string };
}

test('tags are added and removed on a case, shown on it, audited, and filter the case list', async () => {
  const a = await newCase();
  const b = await newCase();
  let res = await req('POST', `/api/v1/cases/${a.ref}/tags`, { add: ['Terugbetaling', 'vip'] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().tags, ['terugbetaling', 'vip']);
  await req('POST', `/api/v1/cases/${b.id}/tags`, { add: ['terugbetaling'] });
  res = await req('POST', `/api/v1/cases/${a.id}/tags`, { remove: ['vip'], add: ['app:parkeren'] });
  assert.deepEqual(res.json().tags, ['app:parkeren', 'terugbetaling']);

  const one = (await req('GET', `/api/v1/cases/${a.id}`)).json();
  assert.deepEqual(one.tags, ['app:parkeren', 'terugbetaling']);
  const events = one.timeline.filter((e: { action?: string }) => e.action === 'case.tags_changed');
  assert.equal(events.length, 2);
  assert.deepEqual(events[1].after, { tags: ['app:parkeren', 'terugbetaling'] });

  const both = (await req('GET', '/api/v1/cases?tag=terugbetaling')).json().data.map((c: { id: string }) => c.id);
  assert.deepEqual(new Set(both), new Set([a.id, b.id]));
  const onlyA = (await req('GET', '/api/v1/cases?tag=terugbetaling,app:parkeren')).json().data;
  assert.deepEqual(onlyA.map((c: { id: string }) => c.id), [a.id]);
  assert.deepEqual(onlyA[0].tags, ['app:parkeren', 'terugbetaling']);
  assert.equal((await req('GET', '/api/v1/cases?tag=bestaat-niet')).json().data.length, 0);
  assert.equal((await req('GET', '/api/v1/cases?tag=niet!goed')).statusCode, 422);
  // no case carries more than 50 tags, so a filter on more is refused rather than answered with nothing
  res = await req('GET', `/api/v1/cases?tag=${Array.from({ length: 51 }, (_, i) => `t${i}`).join(',')}`);
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().error.code, 'too_many_tags');
});

test('bad tags, removing an absent tag, and another account\'s case: a clear 4xx and nothing written', async () => {
  const c = await newCase();
  await req('POST', `/api/v1/cases/${c.id}/tags`, { add: ['eerste'] });
  const tries: [unknown, number, string][] = [
    [{ add: ['goed', 'niet goed!'] }, 422, 'invalid_tag'],
    [{ add: ['x'.repeat(65)] }, 422, 'invalid_tag'],
    [{ add: ['nieuw'], remove: ['nooit-gezet'] }, 422, 'tag_not_set'],
    [{ add: ['a'], remove: ['a'] }, 422, 'tag_conflict'],
    [{}, 400, ''],
    [{ add: ['x'], extra: 1 }, 400, ''],
  ];
  for (const [body, status, code] of tries) {
    const res = await req('POST', `/api/v1/cases/${c.id}/tags`, body);
    assert.equal(res.statusCode, status, `${JSON.stringify(body)}: ${res.body}`);
    if (code) assert.equal(res.json().error.code, code);
  }
  const theirs = await newCase(other);
  const res = await req('POST', `/api/v1/cases/${theirs.id}/tags`, { add: ['gekaapt'] });
  assert.equal(res.statusCode, 404);
  assert.equal(res.json().error.code, 'case_not_found');
  assert.deepEqual((await req('GET', `/api/v1/cases/${c.id}`)).json().tags, ['eerste']);
  assert.deepEqual((await req('GET', `/api/v1/cases/${theirs.id}`, undefined, other)).json().tags, []);
});

test('customer tags: add and remove beside the replacing PUT; another account\'s customer is not found', async () => {
  const c = await newCase();
  let res = await req('POST', `/api/v1/customers/${c.customer_id}/tags`, { add: ['product:glasvezel', 'Zakelijk'] });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().tags, ['product:glasvezel', 'zakelijk']);
  res = await req('POST', `/api/v1/customers/${c.customer_id}/tags`, { remove: ['zakelijk'] });
  assert.deepEqual(res.json().tags, ['product:glasvezel']);
  assert.deepEqual((await req('GET', `/api/v1/customers/${c.customer_id}`)).json().tags, ['product:glasvezel']);
  assert.deepEqual((await req('GET', `/api/v1/cases/${c.id}`)).json().customer.tags, ['product:glasvezel']);
  assert.equal((await req('POST', `/api/v1/customers/${c.customer_id}/tags`, { add: ['fout tag?'] })).statusCode, 422);
  res = await req('POST', `/api/v1/customers/${c.customer_id}/tags`, { add: ['x'] }, other);
  assert.equal(res.statusCode, 404);
  assert.deepEqual((await req('GET', `/api/v1/customers/${c.customer_id}`)).json().tags, ['product:glasvezel']);
});

test('merging customers carries the merged one\'s tags over to the survivor', async () => {
  const a = await newCase();
  const b = await newCase();
  await req('POST', `/api/v1/customers/${a.customer_id}/tags`, { add: ['vip'] });
  await req('POST', `/api/v1/customers/${b.customer_id}/tags`, { add: ['vip', 'product:glasvezel'] });
  const merged = await req('POST', `/api/v1/customers/${a.customer_id}/merge`, { customer_id: b.customer_id });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.deepEqual(merged.json().tags, ['product:glasvezel', 'vip']);
  assert.deepEqual((await req('GET', `/api/v1/customers/${b.customer_id}`)).json().tags, []);
});
