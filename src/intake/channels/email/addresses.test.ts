import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bareMessageId, isMailAddress, messageIds, plusAddress, splitPlusAddress } from './addresses.ts';

test('plus-addresses carry the case reference and map back to the inbox address', () => {
  assert.deepEqual(splitPlusAddress('Support+LU-1042@Parkeren.nl'), { base: 'support@parkeren.nl', tag: 'lu-1042' });
  assert.deepEqual(splitPlusAddress('klantenservice@bol.example'), { base: 'klantenservice@bol.example', tag: null });
  assert.deepEqual(splitPlusAddress('a+@b.nl'), { base: 'a@b.nl', tag: null });
  assert.equal(plusAddress('support@parkeren.nl', 'LU-1042'), 'support+lu-1042@parkeren.nl');
});

test('addresses: plain addresses pass, malformed ones do not', () => {
  for (const ok of ['jan@example.nl', 'j.de.vries+x@sub.example.co.uk', "o'brien@example.ie"]) assert.equal(isMailAddress(ok), true, ok);
  for (const bad of ['', 'jan', 'jan@', '@example.nl', 'jan@example', 'jan @example.nl', 'a@b..nl', '<jan@example.nl>', 'x'.repeat(250) + '@a.nl']) {
    assert.equal(isMailAddress(bad), false, bad);
  }
});

test('message ids: brackets removed, lists split, junk ignored', () => {
  assert.equal(bareMessageId(' <abc@x> '), 'abc@x');
  assert.deepEqual(messageIds('<a@x> <b@x>\r\n <c@x>'), ['a@x', 'b@x', 'c@x']);
  assert.deepEqual(messageIds(['<a@x>', '<b@x>']), ['a@x', 'b@x']);
  assert.deepEqual(messageIds('plain@x'), ['plain@x']);
  assert.deepEqual(messageIds(undefined), []);
});
