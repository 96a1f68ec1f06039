import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextTags, parseTagChange } from './tags.ts';

test('tags are normalised: trimmed, lower-case, spaces become dashes', () => {
  assert.deepEqual(parseTagChange({ add: [' Dubbel Betaald ', 'VIP', 'vip'] }), { add: ['dubbel-betaald', 'vip'], remove: [] });
});

test('a malformed or too long tag is refused with the tags named', () => {
  assert.throws(() => parseTagChange({ add: ['ok', 'niet!'] }), (e: { code: string; status: number }) => e.code === 'invalid_tag' && e.status === 422);
  assert.throws(() => parseTagChange({ add: ['a'.repeat(65)] }), { code: 'invalid_tag' });
  assert.throws(() => parseTagChange({ remove: [''] }), { code: 'invalid_tag' });
  assert.throws(() => parseTagChange({ add: ['x'], remove: ['X'] }), { code: 'tag_conflict' });
});

test('the next tags: added, removed, sorted; removing an absent tag is refused only when strict', () => {
  assert.deepEqual(nextTags(['b', 'a'], { add: ['c', 'a'], remove: ['b'] }, true), ['a', 'c']);
  assert.throws(() => nextTags(['a'], { add: [], remove: ['z'] }, true), { code: 'tag_not_set' });
  assert.deepEqual(nextTags(['a'], { add: [], remove: ['z'] }, false), ['a']);
  assert.throws(() => nextTags([], { add: Array.from({ length: 51 }, (_, i) => `t${i}`), remove: [] }, false), { code: 'too_many_tags' });
});
