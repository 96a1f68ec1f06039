import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addVectors, joinTopic, newTopic } from './centroid.ts';
import type { Topic } from './types.ts';

const v = (o: Record<string, number>) => new Map(Object.entries(o));

test('a new topic is its first message', () => {
  const t = newTopic({ vector: v({ a: 0.6, b: 0.8 }), seq: 7, at: 1000 }, 50);
  assert.equal(t.id, null);
  assert.equal(t.size, 1);
  assert.equal(t.norm, 1);
  assert.deepEqual([t.firstSeq, t.lastSeq, t.firstAt, t.lastAt], [7, 7, 1000, 1000]);
});

test('joining adds the vector to the centroid, grows the size and moves the last-seen marks', () => {
  const t: Topic = { ...newTopic({ vector: v({ a: 1 }), seq: 1, at: 10 }, 50), id: '1' };
  const joined = joinTopic(t, { vector: v({ b: 1 }), seq: 2, at: 20 }, 50);
  assert.deepEqual([...joined.centroid], [['a', 1], ['b', 1]]);
  assert.equal(joined.size, 2);
  assert.ok(Math.abs(joined.norm - Math.SQRT2) < 1e-12);
  assert.deepEqual([joined.firstSeq, joined.lastSeq, joined.lastAt], [1, 2, 20]);
  assert.deepEqual([...t.centroid], [['a', 1]], 'the original topic is not changed');
});

test('the centroid keeps only its heaviest terms', () => {
  const sum = addVectors(v({ a: 3, b: 1 }), v({ b: 1, c: 0.5 }), 2);
  assert.deepEqual([...sum], [['a', 3], ['b', 2]]);
});
