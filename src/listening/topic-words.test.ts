import { test } from 'node:test';
import assert from 'node:assert/strict';
import { topicWords } from './topic-words.ts';

test('topic words leave out negators, words of time and the sender\'s own name', () => {
  const a = { tokens: ['vanochtend', 'niet', 'dubbel', 'afgeschreven', 'marieke', 'dijkstra'], stems: ['vanocht', 'niet', 'dubbel', 'afgeschrev', 'mariek', 'dijkstra'] };
  const t = topicWords(a, 'Marieke Dijkstra');
  assert.deepEqual(t.tokens, ['dubbel', 'afgeschreven']);
  assert.deepEqual(t.stems, ['dubbel', 'afgeschrev']);
});

test('without a name only negators and time words go', () => {
  assert.deepEqual(topicWords({ tokens: ['today', 'charged', 'twice', 'not'], stems: ['todai', 'charg', 'twice', 'not'] }).stems, ['charg', 'twice']);
});
