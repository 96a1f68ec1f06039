import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relatedTopics } from './related-topics.ts';
import type { Topic } from './clustering/types.ts';

const topic = (id: string, terms: Record<string, number>): Topic => ({
  id, name: null, centroid: new Map(Object.entries(terms)), norm: 1, size: 2, firstSeq: 1, lastSeq: 2, firstAt: 0, lastAt: 0,
});

test('young topics about the same thing are related; others, and the topic itself, are not', () => {
  const parking = topic('a', { parke: 1, 'parke~': 1, app: 1, veel: 0.5 });
  const parkingApart = topic('b', { 'parke~': 1, overgerekend: 1, sessie: 0.7 });
  const invoice = topic('c', { factuur: 1, klopt: 1, niet: 0.4 });
  assert.deepEqual(relatedTopics(parking, [parking, parkingApart, invoice]).map((t) => t.id), ['b']);
  assert.deepEqual(relatedTopics(invoice, [parking, parkingApart]), []);
});
