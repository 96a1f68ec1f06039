import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkConditions, conditionFromText, meetsConditions } from './conditions.ts';
import type { FieldDefinition } from './fields.ts';

const def = (entity: FieldDefinition['entity'], key: string, type: FieldDefinition['type'], options: string[] = []): FieldDefinition =>
  ({ id: key, entity, key, label_nl: key, label_en: key, type, options, required_on_solve: false, position: 0 });
const defs = [
  def('case', 'contract', 'one_of', ['basis', 'zakelijk']), def('case', 'products', 'several_of', ['tv', 'internet']),
  def('customer', 'vip', 'yes_no'), def('customer', 'seats', 'number'), def('organisation', 'since', 'date'), def('organisation', 'kvk', 'text'),
];

test('conditions are checked against the field and its type; a wrong one is a 400 naming it', () => {
  const ok = checkConditions(defs, [
    { entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' },
    { entity: 'case', key: 'products', op: 'one_of', value: ['tv', 'tv', 'internet'] },
    { entity: 'customer', key: 'vip', op: 'equals', value: true },
    { entity: 'organisation', key: 'since', op: 'equals', value: '2026-01-31' },
  ]);
  assert.deepEqual(ok[1].value, ['tv', 'internet']);
  for (const [c, why] of [
    [{ entity: 'case', key: 'kleur', op: 'equals', value: 'rood' }, /no case field "kleur"/],
    [{ entity: 'customer', key: 'contract', op: 'equals', value: 'basis' }, /no customer field "contract"/],
    [{ entity: 'case', key: 'contract', op: 'equals', value: 'goud' }, /must be one of/],
    [{ entity: 'customer', key: 'vip', op: 'equals', value: 'ja' }, /true or false/],
    [{ entity: 'customer', key: 'vip', op: 'one_of', value: [true] }, /equals true or false/],
    [{ entity: 'customer', key: 'seats', op: 'one_of', value: [1, 'twee'] }, /number/],
    [{ entity: 'organisation', key: 'since', op: 'equals', value: '2026-02-30' }, /date/],
    [{ entity: 'case', key: 'products', op: 'one_of', value: [] }, /1 to 100/],
    [{ entity: 'case', key: 'contract', op: 'bigger', value: 'basis' }, /equals, one_of or is_set/],
    [{ entity: 'case', key: 'contract', op: 'is_set', value: 'basis' }, /is_set takes no value/],
  ] as const) {
    assert.throws(() => checkConditions(defs, [c]), (e: { status: number; code: string; message: string }) =>
      e.status === 400 && e.code === 'invalid_condition' && why.test(e.message), JSON.stringify(c));
  }
  assert.throws(() => checkConditions(defs, [
    { entity: 'case', key: 'contract', op: 'equals', value: 'basis' }, { entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' },
  ]), /has a condition already/);
});

test('all conditions must hold; several-of has the option; a missing value never matches', () => {
  const cs = checkConditions(defs, [
    { entity: 'case', key: 'contract', op: 'one_of', value: ['zakelijk'] },
    { entity: 'case', key: 'products', op: 'equals', value: 'tv' },
    { entity: 'customer', key: 'vip', op: 'equals', value: false },
  ]);
  assert.equal(meetsConditions(cs, { case: { contract: 'zakelijk', products: ['internet', 'tv'] }, customer: { vip: false } }), true);
  assert.equal(meetsConditions(cs, { case: { contract: 'zakelijk', products: ['internet'] }, customer: { vip: false } }), false);
  assert.equal(meetsConditions(cs, { case: { contract: 'zakelijk', products: ['tv'] }, customer: {} }), false, 'no value is not "false"');
  assert.equal(meetsConditions(cs, { case: { contract: 'zakelijk', products: ['tv'] } }), false);
  assert.equal(meetsConditions([], {}), true);
  const num = checkConditions(defs, [{ entity: 'customer', key: 'seats', op: 'one_of', value: [10, 20] }]);
  assert.equal(meetsConditions(num, { customer: { seats: 20 } }), true);
  assert.equal(meetsConditions(num, { customer: { seats: 15 } }), false);
});

test('a condition typed on the command line is read by the field\'s type', () => {
  const cs = [conditionFromText(defs, 'customer.vip=ja'), conditionFromText(defs, 'customer.seats=10|20'), conditionFromText(defs, 'case.contract=zakelijk')];
  assert.deepEqual(checkConditions(defs, cs).map((c) => [c.op, c.value]), [['equals', true], ['one_of', [10, 20]], ['equals', 'zakelijk']]);
  assert.throws(() => conditionFromText(defs, 'contract=zakelijk'), /not a condition like/);
});

test('is_set: any value at all (false and one option count; empty text, an empty list and no value do not)', () => {
  const cs = checkConditions(defs, [{ entity: 'customer', key: 'vip', op: 'is_set' }, { entity: 'case', key: 'products', op: 'is_set', value: null }]);
  assert.deepEqual(cs.map((c) => [c.op, c.value]), [['is_set', null], ['is_set', null]]);
  assert.equal(meetsConditions(cs, { customer: { vip: false }, case: { products: ['tv'] } }), true);
  assert.equal(meetsConditions(cs, { customer: { vip: true }, case: { products: [] } }), false);
  assert.equal(meetsConditions(cs, { customer: {}, case: { products: ['tv'] } }), false);
  const kvk = checkConditions(defs, [{ entity: 'organisation', key: 'kvk', op: 'is_set' }]);
  assert.equal(meetsConditions(kvk, { organisation: { kvk: '' } }), false);
  assert.equal(meetsConditions(kvk, { organisation: { kvk: '12345678' } }), true);
  assert.equal(meetsConditions(kvk, { organisation: null }), false, 'a customer without an organisation');
  assert.deepEqual(conditionFromText(defs, 'organisation.kvk'), { entity: 'organisation', key: 'kvk', op: 'is_set' });
});
