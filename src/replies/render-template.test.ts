import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate } from './render-template.ts';

test('variables are filled in; HTML is escaped in the HTML version only', () => {
  const r = renderTemplate('Beste {{customer.first_name}}, uw zaak {{case.ref}} is in behandeling.', {
    customer: { first_name: 'Tom & <Jerry>' },
    case: { ref: 'LU-1042' },
  });
  assert.equal(r.text, 'Beste Tom & <Jerry>, uw zaak LU-1042 is in behandeling.');
  assert.equal(r.html, 'Beste Tom &amp; &lt;Jerry&gt;, uw zaak LU-1042 is in behandeling.');
});

test('a missing variable is an error, never an empty string', () => {
  assert.throws(() => renderTemplate('U hoort van ons op {{promise.due}}.', { customer: {} }), { code: 'template_variable_missing', message: /promise\.due/ });
  assert.throws(() => renderTemplate('Beste {{customer.first_name}}', { customer: {} }), { code: 'template_variable_missing' });
});

test('a broken template is refused', () => {
  assert.throws(() => renderTemplate('Beste {{customer.first_name', {}), { code: 'invalid_template' });
});

test('only plain variables: no helpers, blocks or partials', () => {
  assert.throws(() => renderTemplate('{{#each x}}a{{/each}}', {}), { code: 'invalid_template' });
  assert.throws(() => renderTemplate('{{lookup customer "name"}}', {}), { code: 'invalid_template' });
  assert.throws(() => renderTemplate('{{> partial}}', {}), { code: 'invalid_template' });
  assert.throws(() => renderTemplate('{{customer.constructor}}', { customer: {} }), { code: 'template_variable_missing' });
});
