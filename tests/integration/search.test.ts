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
  const cases = [
    { customer: { email: uniqueEmail('henk'), name: 'Henk Parkeerder' }, subject: 'Te veel betaald voor parkeren', message: { body: 'De betalingen voor mijn parkeersessies zijn veel te hoog. Ik heb drie keer betaald.' } },
    { customer: { email: uniqueEmail('jane'), name: 'Jane Walker' }, subject: 'Charged twice for parking', message: { body: 'I was charged twice. These payments are wrong, please refund the duplicate charges.' } },
    { customer: { email: uniqueEmail('linda'), name: 'Linda de Boer' }, subject: 'Monteur kwam niet', message: { body: 'De monteur is niet gekomen en niemand heeft afgebeld.' } },
    { customer: { email: 'script@example.test', name: '<script>alert(1)</script>' }, subject: 'Storing <b>internet</b>', message: { body: 'Mijn internet <img src=x onerror=alert(1)> werkt niet.' } },
  ];
  for (const c of cases) {
    const res = await ctx.app.inject({ method: 'POST', url: '/api/v1/cases', headers: acc.auth, payload: c });
    assert.equal(res.statusCode, 201, res.body);
  }
  await ctx.app.inject({
    method: 'POST', url: '/api/v1/cases', headers: other.auth,
    payload: { customer: { email: uniqueEmail() }, subject: 'Geheim parkeren', message: { body: 'Betalingen van een ander account.' } },
  });
});
after(() => ctx.close());

const search = async (q: string, auth = acc.auth) => {
  const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers: auth });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().data as { type: string; id: string; case_ref: string | null; title: string; snippet: string; rank: number }[];
};

test('Dutch stemming: "betaling" finds "betalingen", ranked, with highlighted snippets', async () => {
  const hits = await search('betaling');
  assert.ok(hits.length >= 1);
  const msg = hits.find((h) => h.type === 'message' && /betalingen/.test(h.snippet));
  assert.ok(msg, JSON.stringify(hits));
  assert.match(msg.snippet, /<mark>betalingen<\/mark>/);
  assert.match(msg.case_ref!, /^LU-\d+$/);
  assert.equal(msg.title, 'Te veel betaald voor parkeren');
  const paid = await search('betaald');
  assert.deepEqual(paid.map((h) => h.type).sort(), ['case', 'message'], 'subject and body both match');
  for (let i = 1; i < paid.length; i++) assert.ok(paid[i - 1].rank >= paid[i].rank, 'ranked');
});

test('English stemming: "payment refunds" finds "payments … refund"', async () => {
  const hits = await search('payment refunds');
  assert.ok(hits.some((h) => h.type === 'message' && /<mark>payments<\/mark>/.test(h.snippet)), JSON.stringify(hits));
});

test('customers are found by name and e-mail address', async () => {
  const byName = await search('Parkeerder');
  assert.ok(byName.some((h) => h.type === 'customer' && h.title === 'Henk Parkeerder'));
  const byEmail = await search('script@example.test');
  assert.ok(byEmail.some((h) => h.type === 'customer'));
});

test('subjects are searched; type filter narrows', async () => {
  const hits = (await ctx.app.inject({ method: 'GET', url: '/api/v1/search?q=monteur&type=case', headers: acc.auth })).json().data;
  assert.equal(hits.length, 1);
  assert.equal(hits[0].type, 'case');
});

test('snippets are HTML-escaped: text from outside never becomes markup', async () => {
  const hits = await search('internet');
  assert.ok(hits.length >= 1);
  for (const h of hits) {
    assert.ok(!/<(img|b|script)/i.test(h.snippet), h.snippet);
  }
});

test('search is scoped to the account', async () => {
  const hits = await search('geheim');
  assert.equal(hits.length, 0);
  const theirs = await search('geheim', other.auth);
  assert.equal(theirs.length, 1);
});

test('queries of only stop words or odd characters return nothing rather than failing', async () => {
  assert.deepEqual(await search('de het een'), []);
  assert.deepEqual(await search('"(&|!'), []);
});

test('the GIN indexes exist on messages, cases and customers', async () => {
  const rows = await ctx.db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE indexname IN ('messages_search', 'cases_search', 'customers_search')`,
  );
  assert.equal(rows.length, 3);
  for (const r of rows) assert.match(r.indexdef, /USING gin/);
});
