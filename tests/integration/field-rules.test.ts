import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

// Custom fields where a helpdesk team uses them: routing rules, service-level selection, templates and macros.

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;
let b2bTeam: string;
let otherTeam: string;
const agents: Record<string, { id: string; auth: { authorization: string } }> = {};

const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, auth = acc.auth) =>
  ctx.app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });

async function ok(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, auth = acc.auth) {
  const res = await req(method, url, payload, auth);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db, 'Glasvezel BV');
  other = await newAccount(ctx.db, 'Ander bedrijf');
  for (const f of [
    { entity: 'case', key: 'contract', label_nl: 'Contract', label_en: 'Contract', type: 'one_of', options: ['basis', 'zakelijk'] },
    { entity: 'case', key: 'producten', label_nl: 'Producten', label_en: 'Products', type: 'several_of', options: ['internet', 'tv', 'bellen'] },
    { entity: 'case', key: 'bedrag', label_nl: 'Bedrag', label_en: 'Amount', type: 'number' },
    { entity: 'case', key: 'oorzaak', label_nl: 'Oorzaak', label_en: 'Cause', type: 'one_of', options: ['storing', 'factuur'], required_on_solve: true },
    { entity: 'customer', key: 'vip', label_nl: 'VIP', label_en: 'VIP', type: 'yes_no' },
    { entity: 'customer', key: 'contract_tot', label_nl: 'Contract tot', label_en: 'Contract until', type: 'date' },
    { entity: 'organisation', key: 'kvk', label_nl: 'KvK', label_en: 'CoC', type: 'text' },
  ]) await ok('POST', '/api/v1/custom-fields', f);
  // the other account has a field this one has not
  await ok('POST', '/api/v1/custom-fields', { entity: 'case', key: 'geheim', label_nl: 'Geheim', label_en: 'Secret', type: 'text' }, other.auth);
  b2bTeam = (await ok('POST', '/api/v1/teams', { name: 'Zakelijk' })).id;
  otherTeam = (await ok('POST', '/api/v1/teams', { name: 'Elders' }, other.auth)).id;
  await ok('PUT', `/api/v1/agents/${acc.adminId}/routing`, { available: false });
  for (const [name, team] of [['anna', null], ['bert', b2bTeam]] as const) {
    const a = await ok('POST', '/api/v1/agents', { email: uniqueEmail(name), name, role: 'agent', team_id: team });
    const t = await ok('POST', '/api/v1/tokens', { name, role: 'agent', agent_id: a.id });
    agents[name] = { id: a.id, auth: { authorization: `Bearer ${t.token}` } };
    await ok('PUT', `/api/v1/agents/${a.id}/routing`, { languages: ['nl'], tier: 'L2' });
  }
});
after(() => ctx.close());

async function newCase(fields: Record<string, unknown> = {}, customer: Record<string, unknown> = {}) {
  const c = await ok('POST', '/api/v1/cases', {
    customer: { email: uniqueEmail(), name: 'Henk de Vries' }, subject: 'Storing', message: { body: 'Mijn internet doet het niet.' }, channel: 'email',
  });
  if (Object.keys(customer).length) await ok('PATCH', `/api/v1/customers/${c.customer_id}`, customer);
  if (Object.keys(fields).length) await ok('PATCH', `/api/v1/cases/${c.id}`, { custom_fields: fields });
  return c as { id: string; ref: string; customer_id: string };
}

const count = async (table: string) => (await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE account_id = $1`, [acc.accountId]))[0].n;

test('routing rule: conditions checked against the field types when saved (4xx, nothing written); a matching case goes to the rule\'s team', async () => {
  for (const [conditions, code] of [
    [[{ entity: 'case', key: 'kleur', op: 'equals', value: 'rood' }], 'invalid_condition'],
    [[{ entity: 'case', key: 'geheim', op: 'equals', value: 'x' }], 'invalid_condition'], // another account's field
    [[{ entity: 'case', key: 'contract', op: 'equals', value: 'goud' }], 'invalid_condition'],
    [[{ entity: 'customer', key: 'vip', op: 'equals', value: 'ja' }], 'invalid_condition'],
    [[{ entity: 'case', key: 'bedrag', op: 'one_of', value: [10, 'tien'] }], 'invalid_condition'],
    [[], 'validation_failed'],
  ] as const) {
    const res = await req('POST', '/api/v1/routing/rules', { name: 'Fout', conditions, team_id: b2bTeam });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
    if (code !== 'validation_failed') assert.equal(res.json().error.code, code, res.body);
  }
  assert.equal((await req('POST', '/api/v1/routing/rules', { name: 'Fout', conditions: [{ entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' }], team_id: otherTeam })).statusCode, 404);
  assert.equal((await req('POST', '/api/v1/routing/rules', { name: 'Fout', conditions: [{ entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' }] })).statusCode, 422, 'a team or a tier');
  assert.equal(await count('routing_rules'), 0, 'nothing written');
  assert.equal((await req('POST', '/api/v1/routing/rules', { name: 'Zakelijk', conditions: [{ entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' }], team_id: b2bTeam }, agents.anna.auth)).statusCode, 403);

  const rule = await ok('POST', '/api/v1/routing/rules', {
    name: 'Zakelijk met tv', position: 1, team_id: b2bTeam, tier: 'L2',
    conditions: [{ entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' }, { entity: 'case', key: 'producten', op: 'one_of', value: ['tv', 'bellen'] }],
  });
  assert.deepEqual(rule.conditions[1], { entity: 'case', key: 'producten', op: 'one_of', value: ['tv', 'bellen'] });
  assert.equal((await ok('GET', '/api/v1/routing/rules')).data.length, 1);

  const business = await newCase({ contract: 'zakelijk', producten: ['internet', 'tv'] });
  const routed = await ok('POST', `/api/v1/cases/${business.id}/route`);
  assert.equal(routed.offer.to_agent_id, agents.bert.id, 'only the rule\'s team is offered it');
  assert.match(routed.reason, /regel "Zakelijk met tv"/);
  const after = await ok('GET', `/api/v1/cases/${business.id}`);
  assert.equal(after.team_id, b2bTeam);

  const plain = await newCase({ contract: 'zakelijk', producten: ['internet'] });
  const r2 = await ok('POST', `/api/v1/cases/${plain.id}/route`);
  assert.doesNotMatch(r2.reason, /regel/);
  assert.equal((await ok('GET', `/api/v1/cases/${plain.id}`)).team_id, null);

  // a change is checked the same way; the rule stays as it was on a refusal
  assert.equal((await req('PATCH', `/api/v1/routing/rules/${rule.id}`, { conditions: [{ entity: 'case', key: 'contract', op: 'equals', value: 12 }] })).statusCode, 400);
  assert.deepEqual((await ok('GET', '/api/v1/routing/rules')).data[0].conditions, rule.conditions);
  // another account neither sees nor changes it
  assert.equal((await ok('GET', '/api/v1/routing/rules', undefined, other.auth)).data.length, 0);
  assert.equal((await req('PATCH', `/api/v1/routing/rules/${rule.id}`, { name: 'x' }, other.auth)).statusCode, 404);
  // the field and the options a rule names stay while it names them (else it would silently match nothing)
  const defs = (await ok('GET', '/api/v1/custom-fields?entity=case')).data as { id: string; key: string }[];
  const id = (key: string) => defs.find((d) => d.key === key)!.id;
  let res = await req('DELETE', `/api/v1/custom-fields/${id('contract')}`);
  assert.equal(res.statusCode, 409, res.body);
  assert.match(res.json().error.message, /routing rule "Zakelijk met tv"/);
  res = await req('PATCH', `/api/v1/custom-fields/${id('producten')}`, { options: ['internet', 'tv'] }); // no case has "bellen"; the rule does
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'option_in_use');
  assert.match(res.json().error.message, /routing rule "Zakelijk met tv" names an option being removed \(bellen\)/);
  assert.equal((await ok('DELETE', `/api/v1/routing/rules/${rule.id}`)).deleted, true);
});

test('service level: a policy with a custom field condition is chosen for the cases that meet it; a wrong condition is refused, nothing written', async () => {
  const before = await count('sla_policies');
  for (const field_conditions of [
    [{ entity: 'customer', key: 'vip', op: 'equals', value: 'yes' }],
    [{ entity: 'case', key: 'geheim', op: 'equals', value: 'x' }],
    [{ entity: 'customer', key: 'contract_tot', op: 'equals', value: '31-12-2026' }],
  ]) {
    const res = await req('POST', '/api/v1/sla-policies', { name: 'VIP', first_response_minutes: 60, field_conditions });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'invalid_condition');
  }
  assert.equal(await count('sla_policies'), before, 'nothing written');

  const general = await ok('POST', '/api/v1/sla-policies', { name: 'Iedereen', first_response_minutes: 480 });
  const vip = await ok('POST', '/api/v1/sla-policies', { name: 'VIP-klanten', first_response_minutes: 60, field_conditions: [{ entity: 'customer', key: 'vip', op: 'equals', value: true }] });
  assert.deepEqual(vip.field_conditions, [{ entity: 'customer', key: 'vip', op: 'equals', value: true }]);
  // the same combination may exist once per set of conditions
  assert.equal((await req('POST', '/api/v1/sla-policies', { name: 'Dubbel', first_response_minutes: 30, field_conditions: vip.field_conditions })).statusCode, 409);

  const c = await newCase({}, { custom_fields: { vip: true } });
  assert.equal((await ok('GET', `/api/v1/cases/${c.id}/sla`)).policy.name, 'VIP-klanten');
  const d = await newCase({}, { custom_fields: { vip: false } });
  assert.equal((await ok('GET', `/api/v1/cases/${d.id}/sla`)).policy.name, 'Iedereen');
  // a case field works as well, and a change of the value changes the policy
  await ok('PATCH', `/api/v1/sla-policies/${general.id}`, { name: 'Iedereen', field_conditions: [] });
  const biz = await ok('POST', '/api/v1/sla-policies', { name: 'Zakelijk', resolution_minutes: 960, field_conditions: [{ entity: 'case', key: 'contract', op: 'one_of', value: ['zakelijk'] }] });
  await ok('PATCH', `/api/v1/cases/${d.id}`, { custom_fields: { contract: 'zakelijk' } });
  assert.equal((await ok('GET', `/api/v1/cases/${d.id}/sla`)).policy.id, biz.id);
  for (const p of [general, vip, biz]) await ok('DELETE', `/api/v1/sla-policies/${p.id}`);
});

test('templates: {{case.fields.x}}, {{customer.fields.x}}, {{organisation.fields.x}} written out per type in the template\'s language; an empty one is refused', async () => {
  const org = await ok('POST', '/api/v1/organisations', { name: `Bakkerij ${Date.now()}`, custom_fields: { kvk: '12345678' } });
  const c = await newCase({ producten: ['internet', 'tv', 'bellen'], bedrag: 1234.5 }, { custom_fields: { contract_tot: '2026-12-31' }, organisation_id: org.id });
  const nl = await ok('POST', '/api/v1/templates', {
    name: 'Velden nl', language: 'nl',
    body: 'Beste {{customer.first_name}}, het gaat om {{case.fields.producten}} ({{case.fields.bedrag}} euro), contract tot {{customer.fields.contract_tot}}, KvK {{organisation.fields.kvk}} van {{organisation.name}}.',
  });
  const r = await ok('POST', `/api/v1/templates/${nl.id}/render`, { case_id: c.id });
  assert.equal(r.text, `Beste Henk, het gaat om internet, tv en bellen (1.234,5 euro), contract tot 31 december 2026, KvK 12345678 van ${org.name}.`);
  const en = await ok('POST', '/api/v1/templates', { name: 'Velden en', language: 'en', body: 'About {{case.fields.producten}} ({{case.fields.bedrag}}) until {{customer.fields.contract_tot}}.' });
  assert.equal((await ok('POST', `/api/v1/templates/${en.id}/render`, { case_id: c.id })).text, 'About internet, tv and bellen (1,234.5) until 31 December 2026.');
  const empty = await ok('POST', '/api/v1/templates', { name: 'Leeg veld', body: 'Contract: {{case.fields.contract}}' });
  const res = await req('POST', `/api/v1/templates/${empty.id}/render`, { case_id: c.id });
  assert.equal(res.statusCode, 422);
  assert.equal(res.json().error.code, 'template_variable_missing');
  assert.match(res.json().error.message, /\{\{case\.fields\.contract\}\}, which has no value for this case/);

  // a field that is not there (a typo, another account's, the wrong kind) is refused when the template is saved, nothing written
  const templates = await count('templates');
  for (const body of ['Order {{case.fields.contrakt}}', 'Geheim: {{case.fields.geheim}}', 'VIP: {{case.fields.vip}}', 'Alles: {{case.fields}}']) {
    const bad = await req('POST', '/api/v1/templates', { name: `Fout ${body}`, body });
    assert.equal(bad.statusCode, 422, bad.body);
    assert.equal(bad.json().error.code, 'invalid_template');
    assert.match(bad.json().error.message, /no case field/);
  }
  const changed = await req('PATCH', `/api/v1/templates/${en.id}`, { body: 'About {{organisation.fields.kvk_nummer}}' });
  assert.equal(changed.statusCode, 422, changed.body);
  assert.match(changed.json().error.message, /no organisation field "kvk_nummer" \(organisation fields: kvk\)/);
  assert.equal(await count('templates'), templates, 'nothing written');
  assert.match((await ok('GET', `/api/v1/templates/${en.id}`)).body, /^About \{\{case\.fields\.producten\}\}/, 'the template stays as it was');
  // and a field a template writes out stays while it does
  const kvk = ((await ok('GET', '/api/v1/custom-fields?entity=organisation')).data as { id: string; key: string }[]).find((d) => d.key === 'kvk')!;
  const del = await req('DELETE', `/api/v1/custom-fields/${kvk.id}`);
  assert.equal(del.statusCode, 409, del.body);
  assert.match(del.json().error.message, /used by template "Velden nl"/);
});

test('macros set tier and custom fields: another account\'s field is refused (nothing written), the preview shows the change, apply fills a required field and solves', async () => {
  const base = await count('macros');
  for (const fields of [{ geheim: 'x' }, { contract: 'goud' }, { bedrag: 'tien' }]) {
    const res = await req('POST', '/api/v1/macros', { name: 'Fout', shared: true, actions: { fields } });
    assert.equal(res.statusCode, 400, res.body);
    assert.match(res.json().error.code, /unknown_field|invalid_field_value/);
  }
  assert.equal(await count('macros'), base, 'nothing written');
  const m = await ok('POST', '/api/v1/macros', { name: 'Factuur opgelost', shared: true, actions: { tier: 'L2', status: 'solved', fields: { oorzaak: 'factuur', producten: ['tv'], bedrag: null } } });
  // changing it to another account's field is refused too, and the macro stays as it was
  assert.equal((await req('PATCH', `/api/v1/macros/${m.id}`, { actions: { fields: { geheim: 'x' } } })).statusCode, 400);
  assert.deepEqual((await ok('GET', '/api/v1/macros')).data.find((x: { id: string }) => x.id === m.id).actions.fields, { oorzaak: 'factuur', producten: ['tv'], bedrag: null });
  const oorzaak = ((await ok('GET', '/api/v1/custom-fields?entity=case')).data as { id: string; key: string }[]).find((d) => d.key === 'oorzaak')!;
  const del = await req('DELETE', `/api/v1/custom-fields/${oorzaak.id}`);
  assert.equal(del.statusCode, 409, del.body);
  assert.match(del.json().error.message, /used by macro "Factuur opgelost"/);

  const c = await newCase({ bedrag: 12 });
  await ok('POST', `/api/v1/cases/${c.id}/assign`, { agent_id: acc.adminId });
  const p = await ok('GET', `/api/v1/macros/${m.id}/preview/${c.ref}`);
  assert.deepEqual(p.changes, [
    { field: 'status', from: 'open', to: 'solved' },
    { field: 'tier', from: 'L1', to: 'L2' },
    // in the fields' order (position, then key)
    { field: 'fields.bedrag', from: 12, to: null },
    { field: 'fields.oorzaak', from: null, to: 'factuur' },
    { field: 'fields.producten', from: null, to: ['tv'] },
  ]);
  assert.deepEqual(p.problems, []);
  const applied = await ok('POST', `/api/v1/macros/${m.id}/apply/${c.ref}`);
  assert.equal(applied.case.status, 'solved', 'the required field was filled first');
  assert.equal(applied.case.tier, 'L2');
  assert.deepEqual(applied.case.custom_fields, { oorzaak: 'factuur', producten: ['tv'] });
  const [audit] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND entity_id = $2 AND action = 'case.fields_changed'`, [acc.accountId, c.id]);
  assert.ok(audit.n >= 1, 'the field change is audited');
});

test('is_set: a rule or service level for cases whose field has any value; a value beside it is refused, nothing written', async () => {
  const rules = await count('routing_rules');
  for (const conditions of [
    [{ entity: 'organisation', key: 'kvk', op: 'is_set', value: '123' }],
    [{ entity: 'case', key: 'geheim', op: 'is_set' }], // another account's field
  ]) {
    const res = await req('POST', '/api/v1/routing/rules', { name: 'Fout', conditions, team_id: b2bTeam });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.code, 'invalid_condition');
  }
  assert.equal(await count('routing_rules'), rules, 'nothing written');
  const rule = await ok('POST', '/api/v1/routing/rules', { name: 'Bedrijven', team_id: b2bTeam, conditions: [{ entity: 'organisation', key: 'kvk', op: 'is_set' }] });
  assert.deepEqual(rule.conditions, [{ entity: 'organisation', key: 'kvk', op: 'is_set', value: null }]);

  const org = await ok('POST', '/api/v1/organisations', { name: `Slagerij ${Date.now()}`, custom_fields: { kvk: '87654321' } });
  const business = await newCase({}, { organisation_id: org.id });
  const routed = await ok('POST', `/api/v1/cases/${business.id}/route`);
  assert.equal(routed.offer.to_agent_id, agents.bert.id);
  assert.match(routed.reason, /regel "Bedrijven"/);
  const loose = await newCase(); // no organisation: the field has no value
  assert.doesNotMatch((await ok('POST', `/api/v1/cases/${loose.id}/route`)).reason, /regel/);

  // a service level for cases with any amount filled in; yes/no "no" is a value too
  const amount = await ok('POST', '/api/v1/sla-policies', { name: 'Met bedrag', resolution_minutes: 240, field_conditions: [{ entity: 'case', key: 'bedrag', op: 'is_set', value: null }] });
  const answered = await ok('POST', '/api/v1/sla-policies', { name: 'VIP beantwoord', resolution_minutes: 300, field_conditions: [{ entity: 'customer', key: 'vip', op: 'is_set' }] });
  assert.equal((await ok('GET', `/api/v1/cases/${(await newCase({ bedrag: 0 })).id}/sla`)).policy.id, amount.id, '0 is a value');
  assert.equal((await ok('GET', `/api/v1/cases/${(await newCase({}, { custom_fields: { vip: false } })).id}/sla`)).policy.id, answered.id);
  assert.notEqual((await ok('GET', `/api/v1/cases/${loose.id}/sla`)).policy?.id, amount.id);
  for (const p of [amount, answered]) await ok('DELETE', `/api/v1/sla-policies/${p.id}`);
  assert.equal((await ok('DELETE', `/api/v1/routing/rules/${rule.id}`)).deleted, true);
});
