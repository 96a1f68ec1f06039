import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../../shared/errors.ts';
import { mergeTopics, renameTopic, splitTopic } from './edit-topic.ts';
import type { Topic } from './types.ts';
import { normalise } from './vectorize.ts';

const v = (o: Record<string, number>) => new Map(Object.entries(o));
const topic = (id: string, centroid: Map<string, number>, extra: Partial<Topic> = {}): Topic => ({
  id,
  name: null,
  centroid,
  norm: Math.hypot(...centroid.values()),
  size: 10,
  firstSeq: 1,
  lastSeq: 10,
  firstAt: 100,
  lastAt: 1000,
  ...extra,
});

test('rename trims and collapses spaces; an empty name goes back to the automatic label', () => {
  const t = topic('1', v({ a: 1 }));
  assert.equal(renameTopic(t, '  Parkeren   te veel ').name, 'Parkeren te veel');
  assert.equal(renameTopic({ ...t, name: 'x' }, '  ').name, null);
  assert.equal(renameTopic({ ...t, name: 'x' }, null).name, null);
  assert.throws(() => renameTopic(t, 'x'.repeat(81)), (e: AppError) => e.code === 'topic_name_too_long');
});

test('merge sums centroids and sizes, widens the time span, keeps the name of the kept topic', () => {
  const keep = topic('1', v({ a: 2, b: 1 }), { name: 'Parkeren' });
  const gone = topic('2', v({ b: 1, c: 1 }), { name: 'Other', size: 5, firstSeq: 0, lastSeq: 20, firstAt: 50, lastAt: 2000 });
  const m = mergeTopics(keep, gone, 50);
  assert.equal(m.id, '1');
  assert.equal(m.name, 'Parkeren');
  assert.deepEqual([...m.centroid], [['a', 2], ['b', 2], ['c', 1]]);
  assert.equal(m.norm, 3);
  assert.equal(m.size, 15);
  assert.deepEqual([m.firstSeq, m.lastSeq, m.firstAt, m.lastAt], [0, 20, 50, 2000]);
  assert.equal(mergeTopics({ ...keep, name: null }, gone, 50).name, 'Other');
  assert.throws(() => mergeTopics(keep, keep, 50), (e: AppError) => e.code === 'topic_merge_same');
});

test('split separates two groups of members; the larger keeps the id and name', () => {
  const parking = (i: number) => ({ vector: normalise(v({ park: 1, teveel: 0.8, [`w${i}`]: 0.3 })), seq: i, at: i * 10 });
  const app = (i: number) => ({ vector: normalise(v({ app: 1, inlog: 0.9, [`w${i}`]: 0.3 })), seq: i, at: i * 10 });
  const members = [parking(1), app(2), parking(3), app(4), parking(5), parking(6)];
  const t = topic('7', v({ park: 4, app: 2, teveel: 3, inlog: 2 }), { name: 'Mixed', size: 60, lastSeq: 6 });
  const { keep, split, sides } = splitTopic(t, members, 50);
  assert.deepEqual(sides, [0, 1, 0, 1, 0, 0]);
  assert.equal(keep.id, '7');
  assert.equal(keep.name, 'Mixed');
  assert.equal(split.id, null);
  assert.equal(split.name, null);
  assert.equal(keep.size + split.size, 60);
  assert.equal(keep.size, 40);
  assert.ok(keep.centroid.has('park') && !keep.centroid.has('app'));
  assert.ok(split.centroid.has('app') && !split.centroid.has('park'));
  assert.deepEqual([split.firstSeq, split.lastSeq, split.firstAt, split.lastAt], [2, 4, 20, 40]);
});

test('split refuses too few or identical members', () => {
  const t = topic('1', v({ a: 1 }));
  const m = { vector: v({ a: 1 }), seq: 1, at: 1 };
  assert.throws(() => splitTopic(t, [m], 50), (e: AppError) => e.code === 'topic_split_too_few');
  assert.throws(() => splitTopic(t, [m, m, m], 50), (e: AppError) => e.code === 'topic_split_inseparable');
});
