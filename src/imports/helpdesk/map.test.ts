import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapTag, priorityWord, withOwner } from './map.ts';
import { coerce, keyCandidates, mapFields } from './fields.ts';
import { usableDomains } from './organisations.ts';
import type { FieldDefinition } from '../../custom-fields/fields.ts';

test('statuses: past new only with an owner; an unknown status stays new', () => {
  assert.deepEqual(withOwner('pending_customer', true), { status: 'pending_customer', kept: null });
  assert.deepEqual(withOwner('solved', false), { status: 'new', kept: 'no_owner' });
  assert.deepEqual(withOwner('new', false), { status: 'new', kept: null });
  assert.deepEqual(withOwner(null, true), { status: 'new', kept: 'unknown' });
});

test('priorities by word, tags', () => {
  assert.equal(priorityWord(null), 'normal');
  assert.equal(priorityWord('URGENT'), 'urgent');
  assert.equal(priorityWord('medium'), 'normal');
  assert.equal(priorityWord('3 high'), 'high');
  assert.equal(priorityWord('critical'), null);
  assert.equal(mapTag('Factuur Fout'), 'factuur-fout');
  assert.equal(mapTag('vip'), 'vip');
  assert.equal(mapTag('één'), 'een');
  assert.equal(mapTag('!!!'), null);
});

const def = (key: string, type: FieldDefinition['type'], options: string[] = []): FieldDefinition =>
  ({ id: key, entity: 'case', key, label_nl: key, label_en: key, type, options, required_on_solve: false, position: 0 });

test('custom fields: matched by key, by key made Luister-shaped, without cf_, or by label; values coerced where plain', () => {
  assert.deepEqual(keyCandidates({ key: 'cf_contract_nummer', label: 'Contract nummer' }), ['cf_contract_nummer', 'contract_nummer']);
  assert.deepEqual(keyCandidates({ key: '360001', label: 'Contract' }), ['contract']);
  assert.equal(coerce({ type: 'date', options: [] }, '2025-01-06T08:00:00Z'), '2025-01-06');
  assert.equal(coerce({ type: 'number', options: [] }, '12'), 12);
  assert.equal(coerce({ type: 'yes_no', options: [] }, 'ja'), true);
  const m = mapFields([def('contract', 'text'), def('seats', 'number'), def('plan', 'one_of', ['goud', 'zilver'])], [
    { key: 'cf_contract', value: 'C-42' }, { key: 'seats', value: '12' }, { key: 'plan', value: 'brons' }, { key: 'kleur', value: 'rood' },
    { key: 'leeg', value: null }, { key: 'vinkje', value: false },
  ]);
  assert.deepEqual(m.values, { contract: 'C-42', seats: 12 });
  assert.deepEqual(m.unknown, ['kleur']);
  assert.equal(m.invalid[0].key, 'plan');
});

test('organisation domains: free mail and non-domains are refused with the reason', () => {
  const d = usableDomains(['@Bakkerij.example', 'gmail.com', 'not a domain', 'bakkerij.example']);
  assert.deepEqual(d.ok, ['bakkerij.example']);
  assert.deepEqual(d.refused.map((r) => r.domain), ['gmail.com', 'not a domain']);
});
