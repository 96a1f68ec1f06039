import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findLoneSurrogate } from './well-formed-text.ts';

test('lone surrogates are found wherever they hide; pairs (emoji) are fine', () => {
  assert.equal(findLoneSurrogate({ a: 'klant 😀 blij', b: ['x', { c: 'ok' }] }), null);
  assert.deepEqual(findLoneSurrogate({ message: { body: 'x\ud800y' } }), ['message', 'body']);
  assert.deepEqual(findLoneSurrogate({ list: ['ok', 'bad\udfff'] }), ['list', '1']);
  assert.deepEqual(findLoneSurrogate('\udc00'), []);
  assert.deepEqual(findLoneSurrogate({ ['k\ud800']: 1 }), ['k\\u{?}']);
  assert.equal(findLoneSurrogate(42), null);
  assert.equal(findLoneSurrogate(null), null);
});
