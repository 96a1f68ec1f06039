import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoLabel, labelTerms, topicLabel } from './label.ts';
import type { Topic } from './types.ts';

const centroid = new Map([['park', 3], ['teveel', 2], ['afschrijv', 1.5], ['app', 0.2]]);
const surfaces = new Map([['park', 'parkeren'], ['teveel', 'te veel'], ['afschrijv', 'afgeschreven']]);

test('the label is the heaviest terms as the words they were written as', () => {
  assert.equal(autoLabel(centroid, surfaces), 'parkeren · te veel · afgeschreven');
  assert.equal(autoLabel(centroid, surfaces, 1), 'parkeren');
});

test('a term without a known surface form shows itself', () => {
  assert.equal(autoLabel(centroid, new Map(), 2), 'park · teveel');
});

test('two stems that read as the same word are shown once', () => {
  const c = new Map([['a', 3], ['b', 2], ['c', 1]]);
  assert.equal(autoLabel(c, new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]), 2), 'x · y');
});

test("a supervisor's name wins over the automatic label", () => {
  const topic: Topic = { id: '1', name: null, centroid, norm: 1, size: 1, firstSeq: 1, lastSeq: 1, firstAt: 0, lastAt: 0 };
  assert.equal(topicLabel(topic, surfaces), 'parkeren · te veel · afgeschreven');
  assert.equal(topicLabel({ ...topic, name: 'Parkeerkosten' }, surfaces), 'Parkeerkosten');
});

test('labelTerms asks for a few spare terms, heaviest first', () => {
  assert.deepEqual(labelTerms(centroid, 1), ['park', 'teveel']);
});
