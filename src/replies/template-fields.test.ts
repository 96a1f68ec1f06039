import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkTemplateFields } from './template-fields.ts';

const defs = [{ entity: 'case' as const, key: 'ordernummer' }, { entity: 'customer' as const, key: 'vip' }];

test('a template may name the account\'s fields of each kind; anything else is a 422 naming the variable and the fields there are', () => {
  assert.doesNotThrow(() => checkTemplateFields(['customer.first_name', 'case.fields.ordernummer', 'customer.fields.vip', 'agent.name'], defs));
  for (const [path, why] of [
    ['case.fields.ordernumer', /no case field "ordernumer" \(case fields: ordernummer\)/],
    ['customer.fields.ordernummer', /no customer field "ordernummer" \(customer fields: vip\)/],
    ['organisation.fields.kvk', /this account has no organisation fields/],
    ['case.fields', /no case field named there/],
  ] as const) {
    assert.throws(() => checkTemplateFields([path], defs), (e: { status: number; code: string; message: string }) =>
      e.status === 422 && e.code === 'invalid_template' && why.test(e.message) && e.message.includes(`{{${path}}}`), path);
  }
});
