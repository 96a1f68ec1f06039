import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccount, testApp, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;
let n = 0;

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
  other = await newAccount(ctx.db, 'Ander bedrijf');
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, who = acc) =>
  ctx.app.inject({ method, url, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
const domain = (name: string) => `${name}-${process.pid}-${++n}.nl`;

async function newCase(email: string, who = acc) {
  const res = await req('POST', '/api/v1/cases', { customer: { email, name: email.split('@')[0] }, subject: 'Storing', message: { body: 'Onze verbinding ligt eruit.' } }, who);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; ref: string; customer_id: string };
}

test('an organisation claims its domain: existing and new customers from it join it; its page lists its people and their cases', async () => {
  const d = domain('bakkerij');
  const early = await newCase(`piet@${d}`);
  const outsider = await newCase(`els@${domain('elders')}`);
  let res = await req('POST', '/api/v1/organisations', { name: `Bakkerij Jansen ${n}`, segment: 'zakelijk', notes: 'Drie vestigingen', domains: [`@${d.toUpperCase()}`] });
  assert.equal(res.statusCode, 201, res.body);
  const org = res.json();
  assert.deepEqual(org.domains, [d]);
  assert.equal(org.people_count, 1);
  assert.equal((await req('GET', `/api/v1/customers/${early.customer_id}`)).json().organisation_id, org.id);

  // a customer who writes in later, and one made by hand, join too
  const later = await newCase(`Marie@${d}`);
  const byHand = await req('POST', '/api/v1/customers', { name: 'Kees', email: `kees@${d}` });
  assert.equal(byHand.json().organisation_id, org.id);
  assert.equal((await req('GET', `/api/v1/customers/${outsider.customer_id}`)).json().organisation_id, null);

  res = await req('GET', `/api/v1/organisations/${org.id}`);
  assert.equal(res.statusCode, 200, res.body);
  const page = res.json();
  assert.equal(page.people.length, 3);
  assert.deepEqual(new Set(page.cases.map((c: { id: string }) => c.id)), new Set([early.id, later.id]));
  const list = (await req('GET', `/api/v1/customers?organisation_id=${org.id}`)).json().data;
  assert.equal(list.length, 3);
  assert.ok((await req('GET', `/api/v1/organisations?q=${encodeURIComponent('Bakkerij Jansen')}`)).json().data.some((o: { id: string }) => o.id === org.id));

  // its own segment and notes, shown back and changed; a bad segment is a 400 and changes nothing
  assert.equal(page.segment, 'zakelijk');
  assert.equal(page.notes, 'Drie vestigingen');
  res = await req('PATCH', `/api/v1/organisations/${org.id}`, { segment: 'mkb', notes: 'Vier vestigingen' });
  assert.equal(res.statusCode, 200, res.body);
  res = await req('PATCH', `/api/v1/organisations/${org.id}`, { segment: 'Groot Zakelijk', notes: 'niet dit' });
  assert.equal(res.statusCode, 400, res.body);
  const again = (await req('GET', `/api/v1/organisations/${org.id}`)).json();
  assert.deepEqual([again.segment, again.notes], ['mkb', 'Vier vestigingen']);

  // an agent moves a customer out by hand; it stays out
  res = await req('PATCH', `/api/v1/customers/${later.customer_id}`, { organisation_id: null });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().organisation_id, null);
});

test('a free-mail domain cannot be claimed; a domain claims one organisation; bad input changes nothing', async () => {
  for (const free of ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl']) {
    const res = await req('POST', '/api/v1/organisations', { name: `Vrij ${free}`, domains: [free] });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'free_mail_domain');
  }
  assert.equal((await req('GET', '/api/v1/organisations?q=Vrij')).json().data.length, 0);
  const d = domain('garage');
  const a = (await req('POST', '/api/v1/organisations', { name: `Garage ${n}`, domains: [d] })).json();
  let res = await req('POST', '/api/v1/organisations', { name: `Garage twee ${n}`, domains: [d] });
  assert.equal(res.statusCode, 409);
  assert.equal(res.json().error.code, 'domain_taken');
  res = await req('POST', '/api/v1/organisations', { name: `Garage ${n}` });
  assert.equal(res.json().error.code, 'organisation_exists');
  res = await req('PATCH', `/api/v1/organisations/${a.id}`, { domains: ['geen domein'] });
  assert.equal(res.json().error.code, 'invalid_domain');
  assert.deepEqual((await req('GET', `/api/v1/organisations/${a.id}`)).json().domains, [d]);
  // the same domain in another account is that account's own business
  res = await req('POST', '/api/v1/organisations', { name: 'Garage', domains: [d] }, other);
  assert.equal(res.statusCode, 201, res.body);
});

test('another account\'s organisation is not found; deleting one keeps its people', async () => {
  const d = domain('kapper');
  const mine = (await req('POST', '/api/v1/organisations', { name: `Kapsalon ${n}`, domains: [d] })).json();
  const c = await newCase(`anna@${d}`);
  for (const [method, url, body] of [
    ['GET', `/api/v1/organisations/${mine.id}`, undefined],
    ['PATCH', `/api/v1/organisations/${mine.id}`, { notes: 'x' }],
    ['DELETE', `/api/v1/organisations/${mine.id}`, undefined],
  ] as const) {
    const res = await req(method, url, body, other);
    assert.equal(res.statusCode, 404, `${method} ${url}`);
  }
  // putting one's own customer in another account's organisation: 404 as well
  const theirs = (await req('POST', '/api/v1/organisations', { name: `Hun bedrijf ${n}` }, other)).json();
  const res = await req('PATCH', `/api/v1/customers/${c.customer_id}`, { organisation_id: theirs.id });
  assert.equal(res.statusCode, 404, res.body);
  assert.equal((await req('GET', `/api/v1/customers/${c.customer_id}`)).json().organisation_id, mine.id);

  assert.equal((await req('DELETE', `/api/v1/organisations/${mine.id}`)).statusCode, 200);
  assert.equal((await req('GET', `/api/v1/customers/${c.customer_id}`)).json().organisation_id, null);
  assert.equal((await req('GET', `/api/v1/organisations/${mine.id}`)).statusCode, 404);
});
