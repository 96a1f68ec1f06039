import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: acc.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

async function newCase(body = 'Ik heb twee keer betaald voor mijn parkeersessie, dit is belachelijk!', customer: Record<string, unknown> = {}) {
  const res = await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(), name: 'Henk de Vries', ...customer }, subject: 'Dubbel betaald', message: { body } });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; ref: string; customer_id: string };
}

test('a draft with blame and no apology gets findings through the API', async () => {
  const c = await newCase();
  const res = await req('POST', '/api/v1/replies/check', { case_id: c.id, body: 'Geachte klant,\n\nDaar gaan wij niet over, dat ligt aan uw bank.\n\nTeam Klantenservice' });
  assert.equal(res.statusCode, 200, res.body);
  const checks = res.json().findings.map((f: { check: string }) => f.check);
  for (const c of ['blame', 'apology', 'action', 'next_contact', 'signature']) assert.ok(checks.includes(c), `${c} in ${checks}`);
  const blame = res.json().findings.find((f: { check: string }) => f.check === 'blame');
  assert.equal(blame.span.text, 'Daar gaan wij niet over');
  assert.match(blame.message, /schuld/);
  assert.equal(res.json().blocked, false);
});

test('sending a reply keeps its warnings on the message', async () => {
  const c = await newCase();
  const sent = await req('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Dat ligt aan uw bank.' });
  assert.equal(sent.statusCode, 201, sent.body);
  assert.ok(sent.json().findings.some((f: { check: string }) => f.check === 'blame'));
  const good = await req('POST', `/api/v1/cases/${c.id}/messages`, {
    body: 'Beste Henk,\n\nDank u wel voor uw melding, en het spijt me dat u twee keer heeft betaald. Ik heb de tweede betaling vandaag teruggestort; uiterlijk vrijdag staat het op uw rekening.\n\nMet vriendelijke groet,\nSanne de Wit',
  });
  assert.equal(good.json().findings, null);
});

test('an opted-out customer cannot be sent a sales pitch: blocked, nothing written', async () => {
  const c = await newCase('Bel me niet meer met aanbiedingen, ik ben niet geïnteresseerd.');
  await req('PATCH', `/api/v1/customers/${c.customer_id}`, { sales_opt_out: true });
  const before = (await req('GET', `/api/v1/cases/${c.id}`)).json().timeline.length;
  const res = await req('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Excuses! Profiteer nu van onze aanbieding: stap over naar ons premium pakket.\n\nGroet,\nSanne' });
  assert.equal(res.statusCode, 422, res.body);
  assert.equal(res.json().error.code, 'reply_blocked');
  assert.ok(res.json().error.details.some((f: { check: string; severity: string }) => f.check === 'sales_pitch' && f.severity === 'block'));
  assert.equal((await req('GET', `/api/v1/cases/${c.id}`)).json().timeline.length, before, 'nothing was written');
  // the same pitch to a customer who did not opt out is not blocked
  const other = await newCase();
  assert.equal((await req('POST', `/api/v1/cases/${other.id}/messages`, { body: 'Profiteer nu van onze aanbieding: stap over naar ons premium pakket.' })).statusCode, 201);
});

test('a stock reply to a customer who complained about stock replies asks for a personal reply and an apology', async () => {
  const c = await newCase('Ik krijg nu voor de derde keer hetzelfde nietszeggende mailtje. Leest er iemand wat ik schrijf? Mijn meter is nog steeds niet vervangen.');
  const template = 'Geachte klant,\n\nWij hebben uw vraag in goede orde ontvangen en doorgestuurd naar de betreffende afdeling. Wij streven ernaar u binnen vijf werkdagen te antwoorden.\n\nMet vriendelijke groet,\nTeam Klantenservice';
  const check = (await req('POST', '/api/v1/replies/check', { case_id: c.id, body: template })).json();
  const f = check.findings.find((x: { check: string }) => x.check === 'stock_reply');
  assert.ok(f, JSON.stringify(check.findings));
  assert.match(f.message, /standaardantwoorden/);
  assert.match(f.suggestion, /excuses/i);
  const personal = (await req('POST', '/api/v1/replies/check', {
    case_id: c.id,
    body: 'Beste Henk,\n\nSorry, u heeft gelijk: u kreeg drie keer hetzelfde mailtje. Ik heb de monteur voor uw meter ingepland op donderdag 12 maart tussen 8:00 en 12:00, en ik bel u woensdag om dat te bevestigen.\n\nMet vriendelijke groet,\nSanne de Wit',
  })).json();
  assert.ok(!personal.findings?.some((x: { check: string }) => x.check === 'stock_reply'), JSON.stringify(personal.findings));
  // the same template to a customer who did not complain about templates: no stock_reply finding
  const other = await newCase('Mijn meter is nog steeds niet vervangen.');
  const plain = (await req('POST', '/api/v1/replies/check', { case_id: other.id, body: template })).json();
  assert.ok(!plain.findings.some((x: { check: string }) => x.check === 'stock_reply'));
  // an admin can turn the check off like any other
  assert.equal((await req('PATCH', '/api/v1/settings/reply-checks', { checks: { stock_reply: 'off' } })).json().checks.stock_reply, 'off');
  const off = (await req('POST', '/api/v1/replies/check', { case_id: c.id, body: template })).json();
  assert.ok(!off.findings.some((x: { check: string }) => x.check === 'stock_reply'));
  await req('PATCH', '/api/v1/settings/reply-checks', { checks: { stock_reply: 'warn' } });
});

test('blame, condescension and a pitch in words nobody listed are still caught', async () => {
  const c = await newCase('Ik ben twee keer afgeschreven, belachelijk!');
  const blame = (await req('POST', '/api/v1/replies/check', { case_id: c.id, body: 'De extra afschrijving is ontstaan door een fout van het incassobedrijf waarmee wij werken.' })).json();
  assert.ok(blame.findings.some((x: { check: string; span: { text: string } }) => x.check === 'blame' && /incassobedrijf/.test(x.span.text)), JSON.stringify(blame.findings));
  const cond = (await req('POST', '/api/v1/replies/check', { case_id: c.id, body: 'Dat kunt u toch zelf ook wel nagaan op uw afschrift.' })).json();
  assert.ok(cond.findings.some((x: { check: string }) => x.check === 'condescension'), JSON.stringify(cond.findings));
});

test('a mantra sent to 20 customers is caught on the 21st', async () => {
  const mantra = (name: string) =>
    `Beste ${name},\n\nWij begrijpen dat de nieuwe naam even wennen is. Onze dienstverlening blijft precies hetzelfde en u hoeft zelf niets te doen. Met vriendelijke groet, Team Webcare`;
  const names = ['Tim', 'Eva', 'Ria', 'Kees', 'Noor', 'Bram', 'Linda', 'Anton', 'Joyce', 'Pieter', 'Sanne', 'Fatima', 'Mohamed', 'Henk', 'Ahmed', 'Joris', 'Emma', 'Lucas', 'Sophie', 'Daan', 'Julia'];
  for (let i = 0; i < 20; i++) {
    const c = await newCase('Mijn app heet ineens anders, wat is er aan de hand?');
    const sent = (await req('POST', `/api/v1/cases/${c.id}/messages`, { body: mantra(names[i]) })).json();
    assert.ok(!(sent.findings ?? []).some((f: { check: string }) => f.check === 'mantra'), `reply ${i + 1} is not yet a mantra`);
  }
  const c21 = await newCase('Waarom heet mijn provider ineens anders?');
  const check = (await req('POST', '/api/v1/replies/check', { case_id: c21.id, body: mantra(names[20]) })).json();
  const m = check.findings.find((f: { check: string }) => f.check === 'mantra');
  assert.ok(m, JSON.stringify(check.findings));
  assert.match(m.message, /20 andere klanten/);
  // a personal reply to the same customer is not a mantra
  const personal = (await req('POST', '/api/v1/replies/check', { case_id: c21.id, body: 'Beste Julia, de naam is veranderd maar uw abonnement, nummer en factuur blijven gelijk. Ik bel u morgen om 10:00 om de app samen opnieuw in te stellen. Groet, Sanne' })).json();
  assert.ok(!personal.findings.some((f: { check: string }) => f.check === 'mantra'));

  // settings: an admin can make mantras block
  const s = await req('PATCH', '/api/v1/settings/reply-checks', { checks: { mantra: 'block' } });
  assert.equal(s.json().checks.mantra, 'block');
  const blocked = await req('POST', `/api/v1/cases/${c21.id}/messages`, { body: mantra(names[20]) });
  assert.equal(blocked.json().error.code, 'reply_blocked');
  await req('PATCH', '/api/v1/settings/reply-checks', { checks: { mantra: 'warn' } });
});

test('templates: variables filled in for the case, a missing one is an error, the checks still apply', async () => {
  const t = await req('POST', '/api/v1/templates', {
    name: 'Dubbele betaling',
    language: 'nl',
    body: 'Beste {{customer.first_name}},\n\nDank u wel voor uw melding over {{case.ref}}, en excuses voor de dubbele afschrijving. Ik heb de tweede betaling teruggestort; uiterlijk {{promise.due}} staat het op uw rekening.\n\nMet vriendelijke groet,\n{{agent.name}}',
  });
  assert.equal(t.statusCode, 201, t.body);
  assert.deepEqual(t.json().variables, ['customer.first_name', 'case.ref', 'promise.due', 'agent.name']);
  const c = await newCase();
  const missing = await req('POST', `/api/v1/templates/${t.json().id}/render`, { case_id: c.id });
  assert.equal(missing.statusCode, 422);
  assert.equal(missing.json().error.code, 'template_variable_missing');
  assert.match(missing.json().error.message, /promise\.due/);
  const ok = await req('POST', `/api/v1/templates/${t.json().id}/render`, { case_id: c.ref, variables: { promise: { due: 'vrijdag 28 november' }, agent: { name: 'Sanne de Wit' } } });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.match(ok.json().text, new RegExp(`^Beste Henk,[\\s\\S]*${c.ref}[\\s\\S]*vrijdag 28 november[\\s\\S]*Sanne de Wit$`));
  assert.equal(ok.json().findings.length, 0, JSON.stringify(ok.json().findings));
  const bad = await req('POST', '/api/v1/templates', { name: 'Kapot', body: 'Beste {{customer.first_name' });
  assert.equal(bad.json().error.code, 'invalid_template');
});
