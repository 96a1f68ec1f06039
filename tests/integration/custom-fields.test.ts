import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;
const fields: Record<string, string> = {};

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
  other = await newAccount(ctx.db, 'Ander bedrijf');
  for (const f of [
    { entity: 'case', key: 'oorzaak', label_nl: 'Oorzaak', label_en: 'Cause', type: 'one_of', options: ['storing', 'factuur', 'verhuizing'], required_on_solve: true },
    { entity: 'case', key: 'producten', label_nl: 'Producten', label_en: 'Products', type: 'several_of', options: ['internet', 'tv', 'bellen'] },
    { entity: 'case', key: 'bedrag', label_nl: 'Bedrag', label_en: 'Amount', type: 'number' },
    { entity: 'case', key: 'teruggebeld', label_nl: 'Teruggebeld', label_en: 'Called back', type: 'yes_no' },
    { entity: 'customer', key: 'contract_tot', label_nl: 'Contract tot', label_en: 'Contract until', type: 'date' },
    { entity: 'customer', key: 'klantnummer', label_nl: 'Klantnummer', label_en: 'Customer number', type: 'text' },
    { entity: 'organisation', key: 'kvk', label_nl: 'KvK-nummer', label_en: 'Chamber of Commerce no.', type: 'text' },
  ]) {
    const res = await req('POST', '/api/v1/custom-fields', f);
    assert.equal(res.statusCode, 201, res.body);
    fields[f.key] = res.json().id;
  }
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, who = acc) =>
  ctx.app.inject({ method, url, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

async function ownedCase(who = acc) {
  const res = await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(), name: 'Henk' }, subject: 'Storing', message: { body: 'Geen internet.' } }, who);
  assert.equal(res.statusCode, 201, res.body);
  const c = res.json() as { id: string; ref: string; customer_id: string };
  assert.equal((await req('POST', `/api/v1/cases/${c.id}/assign`, { agent_id: who.adminId }, who)).statusCode, 200);
  return c;
}

test('values are validated on every write: a wrong type is a 400 naming the field, and nothing is written', async () => {
  const c = await ownedCase();
  let res = await req('PATCH', `/api/v1/cases/${c.id}`, { custom_fields: { oorzaak: 'storing', producten: ['tv', 'internet'], bedrag: 12.5 } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().custom_fields, { oorzaak: 'storing', producten: ['internet', 'tv'], bedrag: 12.5 });
  for (const [change, field] of [
    [{ bedrag: 'twaalf' }, 'bedrag'], [{ oorzaak: 'ruzie' }, 'oorzaak'], [{ producten: ['radio'] }, 'producten'], [{ teruggebeld: 'ja' }, 'teruggebeld'],
  ] as const) {
    res = await req('PATCH', `/api/v1/cases/${c.id}`, { priority: 'high', custom_fields: { oorzaak: 'factuur', ...change } });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'invalid_field_value');
    assert.match(res.json().error.message, new RegExp(`"${field}"`));
  }
  res = await req('PATCH', `/api/v1/cases/${c.id}`, { custom_fields: { kleur: 'rood' } });
  assert.equal(res.json().error.code, 'unknown_field');
  const now = (await req('GET', `/api/v1/cases/${c.id}`)).json();
  assert.equal(now.priority, 'normal');
  assert.deepEqual(now.custom_fields, { oorzaak: 'storing', producten: ['internet', 'tv'], bedrag: 12.5 });

  // customers: on create and on change
  res = await req('POST', '/api/v1/customers', { name: 'Els', email: uniqueEmail(), custom_fields: { contract_tot: '2026-02-30' } });
  assert.equal(res.statusCode, 400);
  assert.match(res.json().error.message, /"contract_tot"/);
  res = await req('PATCH', `/api/v1/customers/${c.customer_id}`, { custom_fields: { contract_tot: '2027-06-30', klantnummer: ' K-123 ' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(res.json().custom_fields, { contract_tot: '2027-06-30', klantnummer: 'K-123' });
  // a case field is not a customer field
  res = await req('PATCH', `/api/v1/customers/${c.customer_id}`, { custom_fields: { oorzaak: 'storing' } });
  assert.equal(res.json().error.code, 'unknown_field');
  // organisations
  res = await req('POST', '/api/v1/organisations', { name: `Velden BV ${Date.now()}`, custom_fields: { kvk: 12345678 } });
  assert.equal(res.statusCode, 400);
  res = await req('POST', '/api/v1/organisations', { name: `Velden BV ${Date.now()}`, custom_fields: { kvk: '12345678' } });
  assert.equal(res.statusCode, 201, res.body);
  assert.deepEqual(res.json().custom_fields, { kvk: '12345678' });
});

test('a case with a required field empty cannot be solved or closed (409 naming it); filling it in the same request is fine', async () => {
  const c = await ownedCase();
  let res = await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' });
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'required_fields_missing');
  assert.match(res.json().error.message, /oorzaak/);
  res = await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'closed' });
  assert.equal(res.statusCode, 409);
  assert.equal((await req('GET', `/api/v1/cases/${c.id}`)).json().status, 'open');
  res = await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'solved', custom_fields: { oorzaak: 'verhuizing' } });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().status, 'solved');
});

test('lists filter on custom fields (and tags); a filter on an unknown field or of the wrong type is a 400', async () => {
  const a = await ownedCase();
  const b = await ownedCase();
  const d = await ownedCase();
  await req('PATCH', `/api/v1/cases/${a.id}`, { custom_fields: { oorzaak: 'factuur', producten: ['tv'], teruggebeld: true, bedrag: 40 } });
  await req('PATCH', `/api/v1/cases/${b.id}`, { custom_fields: { oorzaak: 'factuur', producten: ['internet', 'tv'], teruggebeld: false } });
  await req('PATCH', `/api/v1/cases/${d.id}`, { custom_fields: { oorzaak: 'storing', producten: ['tv'] } });
  await req('POST', `/api/v1/cases/${b.id}/tags`, { add: ['terugbetaling'] });
  const ids = async (q: string) => {
    const res = await req('GET', `/api/v1/cases?${q}`);
    assert.equal(res.statusCode, 200, res.body);
    return new Set(res.json().data.map((c: { id: string }) => c.id));
  };
  assert.deepEqual(await ids('field.oorzaak=factuur&field.producten=tv'), new Set([a.id, b.id]));
  assert.deepEqual(await ids('field.oorzaak=factuur&field.teruggebeld=ja'), new Set([a.id]));
  assert.deepEqual(await ids('field.bedrag=40'), new Set([a.id]));
  assert.deepEqual(await ids('field.oorzaak=factuur&field.producten=tv&tag=terugbetaling'), new Set([b.id]));
  // a page at a time with the same filters: the cursor carries on after the last case, newest first
  const first = (await req('GET', '/api/v1/cases?field.oorzaak=factuur&field.producten=tv&limit=1')).json();
  assert.deepEqual(first.data.map((c: { id: string }) => c.id), [b.id]);
  assert.deepEqual(first.data[0].tags, ['terugbetaling']);
  const second = (await req('GET', `/api/v1/cases?field.oorzaak=factuur&field.producten=tv&limit=1&cursor=${first.next_cursor}`)).json();
  assert.deepEqual(second.data.map((c: { id: string }) => c.id), [a.id]);
  assert.deepEqual(second.data[0].tags, []);
  assert.equal(second.next_cursor, null);
  for (const [q, code] of [['field.kleur=rood', 'unknown_field'], ['field.bedrag=veel', 'invalid_field_value'], ['field.oorzaak=ruzie', 'invalid_field_value']]) {
    const res = await req('GET', `/api/v1/cases?${q}`);
    assert.equal(res.statusCode, 400, q);
    assert.equal(res.json().error.code, code);
  }
  assert.equal((await req('GET', '/api/v1/cases?onzin=1')).statusCode, 400);

  await req('PATCH', `/api/v1/customers/${a.customer_id}`, { custom_fields: { klantnummer: 'K-9' } });
  const customers = (await req('GET', '/api/v1/customers?field.klantnummer=K-9')).json().data;
  assert.deepEqual(customers.map((c: { id: string }) => c.id), [a.customer_id]);
});

test('definitions: admin only, keys unique, an option in use stays, deleting removes the values; another account\'s field is not found', async () => {
  let res = await req('POST', '/api/v1/custom-fields', { entity: 'case', key: 'oorzaak', label_nl: 'x', label_en: 'x', type: 'text' });
  assert.equal(res.statusCode, 409);
  res = await req('POST', '/api/v1/custom-fields', { entity: 'customer', key: 'x', label_nl: 'x', label_en: 'x', type: 'text', required_on_solve: true });
  assert.equal(res.statusCode, 400);
  const c = await ownedCase();
  await req('PATCH', `/api/v1/cases/${c.id}`, { custom_fields: { oorzaak: 'verhuizing' } });
  res = await req('PATCH', `/api/v1/custom-fields/${fields.oorzaak}`, { options: ['storing', 'factuur'] });
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'option_in_use');
  res = await req('PATCH', `/api/v1/custom-fields/${fields.oorzaak}`, { label_en: 'Root cause', options: ['storing', 'factuur', 'verhuizing', 'overig'] });
  assert.equal(res.statusCode, 200, res.body);

  for (const [method, url, body] of [
    ['PATCH', `/api/v1/custom-fields/${fields.bedrag}`, { label_nl: 'x' }],
    ['DELETE', `/api/v1/custom-fields/${fields.bedrag}`, undefined],
  ] as const) assert.equal((await req(method, url, body, other)).statusCode, 404);
  assert.equal((await req('GET', '/api/v1/custom-fields', undefined, other)).json().data.length, 0);
  // another account's case cannot take this account's fields (they do not exist there)
  const theirs = await ownedCase(other);
  res = await req('PATCH', `/api/v1/cases/${theirs.id}`, { custom_fields: { oorzaak: 'storing' } }, other);
  assert.equal(res.json().error.code, 'unknown_field');

  const x = await ownedCase();
  await req('PATCH', `/api/v1/cases/${x.id}`, { custom_fields: { teruggebeld: true } });
  assert.equal((await req('DELETE', `/api/v1/custom-fields/${fields.teruggebeld}`)).statusCode, 200);
  assert.equal((await req('GET', `/api/v1/cases/${x.id}`)).json().custom_fields.teruggebeld, undefined);
});

test('the case CSV export carries the case fields, not the customer\'s or organisation\'s', async () => {
  const c = await ownedCase();
  await req('PATCH', `/api/v1/cases/${c.id}`, { custom_fields: { oorzaak: 'factuur', producten: ['internet', 'tv'] } });
  const today = new Date().toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const res = await req('GET', `/api/v1/cases/export.csv?from=${today}&to=${tomorrow}`);
  assert.equal(res.statusCode, 200, res.body);
  const [head, ...lines] = res.body.trim().split(/\r?\n/);
  assert.match(head, /field:oorzaak,field:producten/);
  // a decision: the customer's and organisation's fields are personal data and stay out of the case export
  assert.doesNotMatch(head, /contract_tot|klantnummer|kvk/);
  const row = lines.find((l) => l.startsWith(c.ref));
  assert.ok(row?.includes('factuur') && row.includes('internet;tv'), row);
});
