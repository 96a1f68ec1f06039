import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitConversations } from './split-conversations.ts';

test('messages that share a key, directly or through another, stay together and in order', () => {
  const keys = [['t:a', 's:x'], ['t:b', 's:y'], ['t:c', 's:x'], ['t:b', 's:z'], ['t:d', 's:w'], ['t:e', 's:v']];
  const groups = splitConversations(keys, 2);
  const groupOf = (i: number) => groups.findIndex((g) => g.includes(i));
  assert.equal(groupOf(0), groupOf(2), 'same sender');
  assert.equal(groupOf(1), groupOf(3), 'same thread');
  for (const g of groups) assert.deepEqual(g, [...g].sort((a, b) => a - b));
  assert.deepEqual(groups.flat().sort(), [0, 1, 2, 3, 4, 5]);
  // no key in two groups
  const seen = new Map<string, number>();
  groups.forEach((g, gi) => g.forEach((i) => keys[i].forEach((k) => {
    assert.equal(seen.get(k) ?? gi, gi);
    seen.set(k, gi);
  })));
});

test('balanced by size, one group when everything is one conversation, none empty', () => {
  assert.deepEqual(splitConversations([['a'], ['b'], ['c'], ['d']], 2).map((g) => g.length), [2, 2]);
  assert.deepEqual(splitConversations([['a'], ['a', 'b'], ['b']], 2), [[0, 1, 2]]);
  assert.deepEqual(splitConversations([], 2), []);
  assert.deepEqual(splitConversations([['a'], ['b']], 1), [[0, 1]]);
});
