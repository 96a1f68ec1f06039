import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatFieldValue, formattedFields, listWords } from './format-value.ts';
import type { FieldDefinition } from './fields.ts';

test('a value is written out for the reader, in Dutch or English', () => {
  assert.equal(formatFieldValue({ type: 'number' }, 1234.5, 'nl'), '1.234,5');
  assert.equal(formatFieldValue({ type: 'number' }, 1234.5, 'en'), '1,234.5');
  assert.equal(formatFieldValue({ type: 'date' }, '2026-12-31', 'nl'), '31 december 2026');
  assert.equal(formatFieldValue({ type: 'date' }, '2026-12-31', 'en'), '31 December 2026');
  assert.equal(formatFieldValue({ type: 'date' }, '2026-03-01', 'de'), '1 March 2026', 'other languages read English');
  assert.equal(formatFieldValue({ type: 'yes_no' }, true, 'nl'), 'ja');
  assert.equal(formatFieldValue({ type: 'yes_no' }, false, 'en'), 'no');
  assert.equal(formatFieldValue({ type: 'several_of' }, ['internet', 'tv', 'bellen'], 'nl'), 'internet, tv en bellen');
  assert.equal(formatFieldValue({ type: 'several_of' }, ['internet', 'tv'], 'en'), 'internet and tv');
  assert.equal(formatFieldValue({ type: 'one_of' }, 'zakelijk', 'en'), 'zakelijk');
  assert.equal(listWords(['a'], 'nl'), 'a');
});

test('empty fields are left out, so a template using one is refused rather than filled with nothing', () => {
  const d = (key: string, type: FieldDefinition['type']): FieldDefinition => ({ id: key, entity: 'case', key, label_nl: key, label_en: key, type, options: [], required_on_solve: false, position: 0 });
  assert.deepEqual(formattedFields([d('a', 'text'), d('b', 'several_of'), d('c', 'number')], { a: 'x', b: [], c: 0 }, 'nl'), { a: 'x', c: '0' });
  assert.deepEqual(formattedFields([d('a', 'text')], null, 'nl'), {});
});
