import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSecret, hashSecret, newSecret, parseSecret, secretMatches } from './secrets.ts';

test('a formatted token parses back to its account, id and secret', () => {
  const acc = '0b7d6c52-4f0a-4a47-9a8e-1c2d3e4f5a6b';
  const id = 'f1e2d3c4-b5a6-4978-8a9b-0c1d2e3f4a5b';
  const secret = newSecret();
  const token = formatSecret('lst', acc, id, secret);
  assert.deepEqual(parseSecret('lst', token), { accountId: acc, id, secret });
  assert.equal(parseSecret('lss', token), null, 'a token is not a session');
  assert.equal(parseSecret('lst', token + 'x'), null);
  assert.ok(secretMatches(secret, hashSecret(secret)));
  assert.ok(!secretMatches(newSecret(), hashSecret(secret)));
});
