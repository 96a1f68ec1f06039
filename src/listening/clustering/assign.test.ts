import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseTopic, scoreCandidates } from './assign.ts';

test('scores are the sum of message weight × index weight over shared terms', () => {
  const vector = new Map([['park', 0.8], ['betal', 0.6]]);
  const scores = scoreCandidates(
    vector,
    new Map([
      ['park', new Map([['1', 0.5]])],
      ['betal', new Map([['1', 0.5], ['2', 1]])],
      ['other', new Map([['3', 1]])],
    ]),
  );
  assert.ok(Math.abs(scores.get('1')! - 0.7) < 1e-12);
  assert.ok(Math.abs(scores.get('2')! - 0.6) < 1e-12);
  assert.equal(scores.has('3'), false);
});

test('joins the most similar topic at or above the threshold', () => {
  assert.deepEqual(chooseTopic(new Map([['1', 0.2], ['2', 0.4]]), 0.3), { kind: 'join', topicId: '2', similarity: 0.4 });
  assert.deepEqual(chooseTopic(new Map([['1', 0.3]]), 0.3), { kind: 'join', topicId: '1', similarity: 0.3 });
});

test('starts a new topic below the threshold or without candidates', () => {
  assert.deepEqual(chooseTopic(new Map([['1', 0.29]]), 0.3), { kind: 'new', similarity: 0.29 });
  assert.deepEqual(chooseTopic(new Map(), 0.3), { kind: 'new', similarity: 0 });
});

test('a tie goes to the lower id, whatever the order of the scores', () => {
  assert.equal((chooseTopic(new Map([['b', 0.5], ['a', 0.5]]), 0.1) as { topicId: string }).topicId, 'a');
  assert.equal((chooseTopic(new Map([['a', 0.5], ['b', 0.5]]), 0.1) as { topicId: string }).topicId, 'a');
});
