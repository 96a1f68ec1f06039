import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decayFactor, topicsToRetire, upkeepDue } from './upkeep.ts';

test('document frequencies halve every half-life', () => {
  assert.equal(decayFactor(100, 100), 0.5);
  assert.ok(Math.abs(decayFactor(50, 100) - Math.SQRT1_2) < 1e-12);
  assert.equal(decayFactor(0, 100), 1);
});

test('upkeep is due every so many messages', () => {
  assert.equal(upkeepDue(0, 10), false);
  assert.equal(upkeepDue(10, 10), true);
  assert.equal(upkeepDue(11, 10), false);
});

const policy = { smallTopic: 5, idleDocs: 100, quietDocs: 500, maxTopics: 3 };

test('small topics retire after a short silence, big ones only after a long one', () => {
  const stats = [
    { id: 'idle-small', size: 2, lastSeq: 800, named: false },
    { id: 'recent-small', size: 2, lastSeq: 950, named: false },
    { id: 'idle-big', size: 50, lastSeq: 800, named: false },
    { id: 'silent-big', size: 50, lastSeq: 400, named: true },
  ];
  assert.deepEqual(topicsToRetire(stats, 1000, policy), ['idle-small', 'silent-big']);
});

test('beyond the cap the least recently active go first, named topics last', () => {
  const stats = [
    { id: 'a', size: 10, lastSeq: 990, named: false },
    { id: 'b', size: 10, lastSeq: 500, named: true },
    { id: 'c', size: 10, lastSeq: 600, named: false },
    { id: 'd', size: 10, lastSeq: 700, named: false },
    { id: 'e', size: 10, lastSeq: 800, named: false },
  ];
  assert.deepEqual(topicsToRetire(stats, 1000, { ...policy, quietDocs: 1000 }).sort(), ['c', 'd']);
});
