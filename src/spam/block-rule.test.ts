import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockKeys, normaliseBlock } from './block-rule.ts';

test('block entries are normalised: lower-case address, bare domain', () => {
  assert.equal(normaliseBlock('address', ' Spam@Example.COM '), 'spam@example.com');
  assert.equal(normaliseBlock('domain', '@Example.com.'), 'example.com');
});

test('what is not an address or a domain is refused', () => {
  assert.throws(() => normaliseBlock('address', 'no-at-sign'), /Not an e-mail address/);
  assert.throws(() => normaliseBlock('domain', 'bad domain'), /Not a domain/);
  assert.throws(() => normaliseBlock('domain', 'a@b.nl'), /Not a domain/);
});

test('a sender is looked up under its address and its domain', () => {
  assert.deepEqual(blockKeys('X@Spam.example'), { address: 'x@spam.example', domain: 'spam.example' });
  assert.equal(blockKeys(null), null);
  assert.equal(blockKeys('nobody'), null);
});
