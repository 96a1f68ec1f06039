import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDefinition, type FieldDefinition, fieldFilters, filterObject, missingOnSolve, nextValues } from './fields.ts';

const def = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition =>
  ({ id: key, entity: 'case', key, label_nl: key, label_en: key, type, options: [], required_on_solve: false, position: 0, ...extra });
const defs = [
  def('note', 'text'), def('seats', 'number'), def('since', 'date'), def('vip', 'yes_no'),
  def('plan', 'one_of', { options: ['basis', 'zakelijk'], required_on_solve: true }),
  def('products', 'several_of', { options: ['glasvezel', 'tv', 'mobiel'] }),
];

test('values of the right type are kept, normalised; null clears', () => {
  const v = nextValues(defs, { note: 'x' }, { note: null, seats: 12, since: '2026-02-28', vip: true, plan: 'zakelijk', products: ['mobiel', 'glasvezel'] });
  assert.deepEqual(v, { seats: 12, since: '2026-02-28', vip: true, plan: 'zakelijk', products: ['glasvezel', 'mobiel'] });
});

test('a wrong type or an unknown field is a 400 naming the field', () => {
  for (const [k, v] of [['seats', '12'], ['since', '2026-02-30'], ['vip', 'ja'], ['plan', 'goud'], ['products', ['tv', 'radio']], ['note', 5]] as const) {
    assert.throws(() => nextValues(defs, {}, { [k]: v }), (e: { code: string; status: number; message: string }) =>
      e.code === 'invalid_field_value' && e.status === 400 && e.message.includes(`"${k}"`), k);
  }
  assert.throws(() => nextValues(defs, {}, { colour: 'red' }), { code: 'unknown_field' });
});

test('required on solve: the empty ones', () => {
  assert.deepEqual(missingOnSolve(defs, {}).map((d) => d.key), ['plan']);
  assert.deepEqual(missingOnSolve(defs, { plan: 'basis' }), []);
});

test('filters from a query string become one containment object', () => {
  const q = fieldFilters({ limit: 5, 'field.seats': '12', 'field.vip': 'ja', 'field.products': 'tv' });
  assert.deepEqual(filterObject(defs, q), { seats: 12, vip: true, products: ['tv'] });
  assert.throws(() => filterObject(defs, { seats: 'veel' }), { code: 'invalid_field_value' });
  assert.throws(() => filterObject(defs, { colour: 'red' }), { code: 'unknown_field' });
});

test('a definition: options only where they belong, required only on cases', () => {
  assert.deepEqual(checkDefinition({ entity: 'case', type: 'one_of', options: ['a', 'a', 'b'] }), ['a', 'b']);
  assert.throws(() => checkDefinition({ entity: 'case', type: 'one_of', options: [] }), { code: 'invalid_field' });
  assert.throws(() => checkDefinition({ entity: 'case', type: 'text', options: ['a'] }), { code: 'invalid_field' });
  assert.throws(() => checkDefinition({ entity: 'customer', type: 'text', required_on_solve: true }), { code: 'invalid_field' });
});
