import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formFields, validateFieldConfig, type StoredField as ServerField } from '../src/intake/form/form-fields.ts';
import { addRow, checkRows, keyFromLabel, moveRow, rowsOf, STANDARD, type FieldRow, type StoredField } from '../web/src/channels/form-fields-draft.ts';

/**
 * The contact-form field editor's own checks (web/src/channels/form-fields-draft.ts) against the
 * server's (src/intake/form/form-fields.ts): what the screen sends is what the server takes and the
 * page shows; what the screen refuses, the server refuses too.
 */
const page = (stored: readonly ServerField[]) => formFields(stored).map((f) => ({ key: f.key, label: f.label, kind: f.kind, required: f.required, max: f.max }));
const stored: StoredField[] = [
  { key: 'phone', required: true },
  { key: 'name', label: { nl: 'Naam', en: 'Name' } },
  { key: 'customer_number', label: { nl: 'Klantnummer', en: 'Customer number' }, required: true, max: 12 },
  { key: 'what_happened', label: { nl: 'Wat gebeurde er?', en: 'What happened?' }, multiline: true, max: 2000 },
];

test('the standard fields are the server\'s, with the same labels, kinds, sizes and required', () => {
  const server = page([{ key: 'phone' }]);
  for (const f of server.filter((x) => x.key in STANDARD)) {
    const d = STANDARD[f.key as keyof typeof STANDARD];
    assert.deepEqual({ key: f.key, label: f.label, kind: f.kind, required: f.required, max: f.max }, { key: f.key, label: d.label, kind: d.kind, required: d.required, max: d.max });
  }
});

test('the editor shows the page\'s order, and saving it unchanged gives the same page', () => {
  const rows = rowsOf(stored);
  assert.deepEqual(rows.map((r) => r.key), ['name', 'email', 'phone', 'subject', 'customer_number', 'what_happened', 'message']);
  assert.deepEqual(rows.map((r) => r.kind), ['text', 'email', 'tel', 'text', 'text', 'textarea', 'textarea']);
  const { fields, errors } = checkRows(rows);
  assert.deepEqual(errors, {});
  assert.deepEqual(page(validateFieldConfig(fields)), page(stored));
  // nothing asked: nothing stored, the phone not on the page
  assert.deepEqual(checkRows(rowsOf([])).fields, []);
  assert.equal(rowsOf([]).find((r) => r.key === 'phone')?.shown, false);
});

test('a new field: before the message, its key from the English label; moved among the own fields only; the standard fields stay put', () => {
  let rows = addRow(rowsOf(stored));
  const i = rows.length - 2;
  rows[i] = { ...rows[i], nl: 'Ordernummer', en: 'Order number', required: true, max: '20' };
  rows = moveRow(rows, i, -1);
  rows = moveRow(rows, i - 1, -1);
  assert.deepEqual(rows.map((r) => r.key || r.en), ['name', 'email', 'phone', 'subject', 'Order number', 'customer_number', 'what_happened', 'message']);
  assert.deepEqual(moveRow(rows, 4, -1).map((r) => r.key), rows.map((r) => r.key), 'not above the subject');
  assert.deepEqual(moveRow(rows, 6, 1).map((r) => r.key), rows.map((r) => r.key), 'not below the message');
  const { fields } = checkRows(rows);
  assert.deepEqual(fields!.find((f) => f.key === 'order_number'), { key: 'order_number', label: { nl: 'Ordernummer', en: 'Order number' }, required: true, max: 20 });
  assert.deepEqual(page(validateFieldConfig(fields)).map((f) => f.key), ['name', 'email', 'phone', 'subject', 'order_number', 'customer_number', 'what_happened', 'message']);
  assert.equal(keyFromLabel('Één keer?'), 'een_keer');
  assert.equal(keyFromLabel('3 dingen'), 'dingen');
});

test('each wrong part of a field says what is wrong; the server refuses the same field', () => {
  const base = rowsOf(stored);
  const own = base.findIndex((r) => r.key === 'customer_number');
  const cases: [Partial<FieldRow>, string, string][] = [
    [{ nl: ' ' }, 'nl', 'nl'],
    [{ en: 'x'.repeat(101) }, 'en', 'en'],
    [{ key: 'Klant nummer' }, 'key', 'key'],
    [{ key: 'website' }, 'key', 'keyReserved'],
    [{ key: 'what_happened' }, 'key', 'keyTwice'],
    [{ max: '0' }, 'max', 'max'],
    [{ max: '2001' }, 'max', 'max'],
    [{ max: '1.5' }, 'max', 'max'],
  ];
  for (const [change, part, problem] of cases) {
    const rows = base.map((r, j) => (j === own ? { ...r, ...change } : r));
    const { fields, errors } = checkRows(rows);
    assert.equal(fields, null, JSON.stringify(change));
    // a name used twice is said at the second field that has it, as the server says it
    assert.deepEqual(errors, { [problem === 'keyTwice' ? own + 1 : own]: { [part]: problem } }, JSON.stringify(change));
    // the same field sent as typed: the server says no
    const r = rows[own];
    const sent = { key: r.key, label: { nl: r.nl, en: r.en }, max: Number(r.max) };
    assert.throws(() => validateFieldConfig([...stored.filter((f) => f.key !== 'customer_number'), sent]), JSON.stringify(change));
  }
  // a standard field's label emptied is wrong too; a hidden phone is not checked
  const name = checkRows(base.map((r) => (r.key === 'name' ? { ...r, en: '' } : r.key === 'phone' ? { ...r, shown: false, nl: '' } : r)));
  assert.deepEqual(name.errors, { 0: { en: 'en' } });
  assert.deepEqual(checkRows(base.map((r, j) => (j === own ? { ...r, key: 'subject' } : r))).errors, { [own]: { key: 'keyStandard' } });
  // a new field with no key and no English label: only the label is said to be wrong (the key would be made from it)
  const fresh = addRow(base);
  fresh[fresh.length - 2] = { ...fresh[fresh.length - 2], nl: 'Iets' };
  assert.deepEqual(checkRows(fresh).errors, { [fresh.length - 2]: { en: 'en' } });
});
