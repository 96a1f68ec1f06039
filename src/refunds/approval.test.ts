import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../shared/actor.ts';
import { decideApproval } from './approval.ts';
import { checkDestination, checkIban } from './destination.ts';

const person = (role: Actor['role'], id: string): Actor => ({ accountId: 'a', type: 'agent', id, role, agentId: id });

test('an agent approves up to the limit, a supervisor above it, never their own large request', () => {
  const agent = person('agent', 'ag'), sup = person('supervisor', 'su');
  assert.deepEqual(decideApproval(agent, { amount_cents: 5000, requested_by: 'ag' }, 5000), { ok: true, needs: 'agent' });
  assert.equal((decideApproval(agent, { amount_cents: 5001, requested_by: 'x' }, 5000) as { code: string }).code, 'above_approval_limit');
  assert.deepEqual(decideApproval(sup, { amount_cents: 9000, requested_by: 'x' }, 5000), { ok: true, needs: 'supervisor' });
  assert.equal((decideApproval(sup, { amount_cents: 9000, requested_by: 'su' }, 5000) as { code: string }).code, 'own_request_above_limit');
  assert.equal(decideApproval(sup, { amount_cents: 100, requested_by: 'su' }, 5000).ok, true);
});

test('IBANs are checked for country, length and checksum', () => {
  assert.deepEqual(checkIban('nl91 abna 0417 1643 00'), { ok: true, iban: 'NL91ABNA0417164300' });
  assert.match((checkIban('NL91ABNA0417164301') as { reason: string }).reason, /check digits/);
  assert.match((checkIban('XX91ABNA0417164300') as { reason: string }).reason, /country/);
  assert.match((checkIban('NL91ABNA04171643') as { reason: string }).reason, /length/);
  assert.match((checkIban('BR1800360305000010009795493C1') as { reason: string }).reason, /SEPA/);
  const d = checkDestination({ destination: 'iban', iban: 'NL91ABNA0417164300', account_holder: '' });
  assert.equal(d.ok ? null : d.field, 'account_holder');
  assert.deepEqual(checkDestination({ destination: 'original_payment' }), { ok: true, destination: { kind: 'original_payment' } });
});
