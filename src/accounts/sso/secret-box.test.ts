import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openSecret, parseKey, sealSecret } from './secret-box.ts';

test('a sealed secret opens with its key and account, and not otherwise', () => {
  const key = randomBytes(32);
  const sealed = sealSecret(key, 'account-a', 'client secret ✓');
  assert.doesNotMatch(sealed, /client secret/);
  assert.equal(openSecret(key, 'account-a', sealed), 'client secret ✓');
  assert.notEqual(sealSecret(key, 'account-a', 'x'), sealSecret(key, 'account-a', 'x'), 'a fresh IV each time');
  assert.throws(() => openSecret(key, 'account-b', sealed));
  assert.throws(() => openSecret(randomBytes(32), 'account-a', sealed));
  const [v, iv, tag, ct] = sealed.split('.');
  assert.throws(() => openSecret(key, 'account-a', [v, iv, tag, ct.slice(0, -2) + 'AA'].join('.')));
});

test('keys are 32 bytes in hex or base64', () => {
  assert.equal(parseKey('ab'.repeat(32))?.length, 32);
  assert.equal(parseKey(randomBytes(32).toString('base64'))?.length, 32);
  assert.equal(parseKey('short'), null);
});
