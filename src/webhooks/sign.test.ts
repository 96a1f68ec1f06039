import { test } from 'node:test';
import assert from 'node:assert/strict';
import { signPayload, verifySignature } from './sign.ts';

test('a signature verifies with the right secret and time, and fails otherwise', () => {
  const body = JSON.stringify({ event: 'case.created' });
  const header = signPayload('whsec_test', body, 1_800_000_000);
  assert.match(header, /^t=1800000000,v1=[0-9a-f]{64}$/);
  assert.ok(verifySignature('whsec_test', body, header, 1_800_000_010));
  assert.ok(!verifySignature('whsec_other', body, header, 1_800_000_010));
  assert.ok(!verifySignature('whsec_test', body + ' ', header, 1_800_000_010));
  assert.ok(!verifySignature('whsec_test', body, header, 1_800_001_000), 'too old');
});
