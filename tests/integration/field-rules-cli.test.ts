import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { cliRunner } from '../cli.ts';

const { dataDir, luister, json } = cliRunner('luister-field-rules-cli-');
after(() => rmSync(dataDir, { recursive: true, force: true }));

test('luister route rule add / sla policy create --field: conditions typed on the command line, checked like the API', () => {
  const account = json(luister('account', 'create', '--name', 'Regels BV', '--admin-email', `rules.${process.pid}.${Date.now()}@example.test`));
  const a = ['--account', account.account_id];
  json(luister('fields', 'add', '--kind', 'case', '--key', 'contract', '--label-nl', 'Contract', '--type', 'one_of', '--options', 'basis,zakelijk', '--json', ...a));
  json(luister('fields', 'add', '--kind', 'customer', '--key', 'vip', '--label-nl', 'VIP', '--type', 'yes_no', '--json', ...a));

  const rule = json(luister('route', 'rule', 'add', '--name', 'Zakelijk', '--field', 'case.contract=zakelijk', '--tier', 'L2', ...a));
  assert.deepEqual(rule.conditions, [{ entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' }]);
  const bad = luister('route', 'rule', 'add', '--name', 'Fout', '--field', 'case.contract=goud', '--tier', 'L2', ...a);
  assert.equal(bad.code, 1);
  assert.match(bad.err, /Condition 1: .*must be one of: basis, zakelijk/);
  const list = luister('route', 'rules', ...a);
  assert.equal(list.code, 0, list.err);
  assert.match(list.out, /Zakelijk: when case\.contract = "zakelijk" → at least L2/);
  assert.doesNotMatch(list.out, /Fout/);

  const policy = json(luister('sla', 'policy', 'create', '--name', 'VIP', '--first-response', '60', '--field', 'customer.vip=ja', ...a));
  assert.deepEqual(policy.field_conditions, [{ entity: 'customer', key: 'vip', op: 'equals', value: true }]);
  const unknown = luister('sla', 'policy', 'create', '--name', 'X', '--first-response', '60', '--field', 'customer.kleur=rood', ...a);
  assert.equal(unknown.code, 1);
  assert.match(unknown.err, /no customer field "kleur"/);

  // a field alone: has any value
  const anyVip = json(luister('route', 'rule', 'add', '--name', 'Bekend', '--field', 'customer.vip', '--tier', 'L3', '--position', '5', ...a));
  assert.deepEqual(anyVip.conditions, [{ entity: 'customer', key: 'vip', op: 'is_set', value: null }]);
  assert.match(luister('route', 'rules', ...a).out, /Bekend: when customer\.vip is set → at least L3/);
  const policy2 = json(luister('sla', 'policy', 'create', '--name', 'Met contract', '--resolution', '600', '--field', 'case.contract', ...a));
  assert.deepEqual(policy2.field_conditions, [{ entity: 'case', key: 'contract', op: 'is_set', value: null }]);

  for (const r of [rule, anyVip]) assert.equal(json(luister('route', 'rule', 'delete', r.id, ...a)).deleted, true);
  assert.equal(luister('route', 'rules', ...a).out.trim(), '');
});

test('luister inbox defaults / inbox set: the account\'s sender name and signature, an inbox\'s own', () => {
  const account = json(luister('account', 'create', '--name', 'Afzender BV', '--admin-email', `mail.${process.pid}.${Date.now()}@example.test`));
  const a = ['--account', account.account_id];
  const set = json(luister('inbox', 'defaults', '--sender-name', 'Afzender', '--signature-nl', 'Team Afzender\\nBel 14 020', ...a));
  assert.deepEqual({ ...set, account_name: undefined }, { sender_name: 'Afzender', signature_nl: 'Team Afzender\nBel 14 020', signature_en: '', account_name: undefined });
  const tooLong = luister('inbox', 'defaults', '--sender-name', 'x'.repeat(201), ...a);
  assert.equal(tooLong.code, 1);
  assert.match(tooLong.err, /--sender-name is at most 200 characters/);
  assert.equal(json(luister('inbox', 'defaults', ...a)).sender_name, 'Afzender', 'shown, unchanged');
  const inbox = json(luister('inbox', 'create', '--address', `info.${process.pid}@afzender.example`, '--signature-en', 'Sender team', ...a));
  assert.equal(inbox.name, '');
  assert.equal(inbox.signature_en, 'Sender team');
  assert.equal(json(luister('inbox', 'set', inbox.id, '--name', 'Klantenservice', ...a)).name, 'Klantenservice');
});

test('luister macro add --field: a shared macro that sets case fields, read by type and checked when saved (nothing written on a refusal)', () => {
  const account = json(luister('account', 'create', '--name', 'Macro BV', '--admin-email', `macro.${process.pid}.${Date.now()}@example.test`));
  const a = ['--account', account.account_id];
  json(luister('fields', 'add', '--kind', 'case', '--key', 'oorzaak', '--label-nl', 'Oorzaak', '--type', 'one_of', '--options', 'storing,factuur', '--json', ...a));
  json(luister('fields', 'add', '--kind', 'case', '--key', 'bedrag', '--label-nl', 'Bedrag', '--type', 'number', '--json', ...a));
  for (const [field, why] of [['kleur=rood', /kleur/], ['oorzaak=ruzie', /must be one of/], ['bedrag=tien', /number/]] as const) {
    const bad = luister('macro', 'add', '--name', 'Fout', '--field', field, ...a);
    assert.equal(bad.code, 1, field);
    assert.match(bad.err, why);
  }
  const badStatus = luister('macro', 'add', '--name', 'Fout', '--status', 'weg', ...a);
  assert.equal(badStatus.code, 1);
  assert.match(badStatus.err, /status/);
  const m = json(luister('macro', 'add', '--name', 'Factuur', '--field', 'oorzaak=factuur', '--field', 'bedrag=12,5', '--tier', 'L2', '--add', 'terugbetaling', ...a));
  assert.deepEqual(m.actions, { tier: 'L2', tags_add: ['terugbetaling'], fields: { oorzaak: 'factuur', bedrag: 12.5 } });
  assert.match(luister('macros', ...a).out, /^Factuur: /m);
  assert.doesNotMatch(luister('macros', ...a).out, /Fout/);
  assert.equal(json(luister('macro', 'delete', m.id, ...a)).id, m.id);
});
