import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formFields, readSubmission, undeclaredKeys, validateFieldConfig } from './form-fields.ts';

test('the form always asks e-mail and message, in page order, with the account\'s own fields before the message', () => {
  const fields = formFields(validateFieldConfig([{ key: 'order_number', label: { nl: 'Ordernummer', en: 'Order number' } }, { key: 'phone', required: true }]));
  assert.deepEqual(fields.map((f) => f.key), ['name', 'email', 'phone', 'subject', 'order_number', 'message']);
  assert.equal(fields.find((f) => f.key === 'phone')!.required, true);
  // e-mail and message cannot be made optional
  const f2 = formFields(validateFieldConfig([{ key: 'email', required: false }, { key: 'message', required: false }]));
  assert.ok(f2.find((f) => f.key === 'email')!.required && f2.find((f) => f.key === 'message')!.required);
});

test('a bad field list is refused with what to fix', () => {
  assert.throws(() => validateFieldConfig([{ key: 'website' }]), /used by the form itself/);
  assert.throws(() => validateFieldConfig([{ key: 'Foo bar' }]), /lower-case/);
  assert.throws(() => validateFieldConfig([{ key: 'x' }]), /needs a label/);
  assert.throws(() => validateFieldConfig([{ key: 'a', label: { nl: 'a', en: 'a' } }, { key: 'a', label: { nl: 'a', en: 'a' } }]), /twice/);
  assert.throws(() => validateFieldConfig({}), /list/);
});

test('a submission is checked per field: required, size, address, phone number', () => {
  const fields = formFields([{ key: 'phone' }]);
  const r = readSubmission(fields, { email: 'niet-een-adres', message: '  ', phone: 'bel me', subject: 'x'.repeat(201) });
  assert.deepEqual(r.problems, { email: 'invalid_email', phone: 'invalid_phone', subject: 'too_long', message: 'required' });
  const ok = readSubmission(fields, { email: 'an@example.nl', message: 'Hallo\r\ndaar', phone: '+31 6 12345678' });
  assert.deepEqual(ok.problems, {});
  assert.equal(ok.values.message, 'Hallo\ndaar');
});

test('undeclared fields are named', () => {
  assert.deepEqual(undeclaredKeys(formFields([]), { email: 'a', message: 'b', t: 'x', website: '', lang: 'nl', is_admin: 'yes' }), ['is_admin']);
});
