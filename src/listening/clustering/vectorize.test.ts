import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cosine, dot, idf, norm, termFrequencies, termSightings, tfidfVector, topTerms } from './vectorize.ts';

const v = (o: Record<string, number>) => new Map(Object.entries(o));

test('counts terms and skips empty ones', () => {
  assert.deepEqual([...termFrequencies(['park', 'betal', 'park', ''])], [['park', 2], ['betal', 1]]);
});

test('one sighting per term, with the surface form written most often', () => {
  const s = termSightings(['park', 'park', 'park', 'betal'], ['parkeren', 'parkeer', 'parkeren', 'betaald']);
  assert.deepEqual(s, [{ term: 'park', surface: 'parkeren' }, { term: 'betal', surface: 'betaald' }]);
  assert.deepEqual(termSightings(['park']), [{ term: 'park', surface: 'park' }]);
});

test('idf is 1 for a term in every document and grows as the term gets rarer', () => {
  assert.equal(idf(10, 10), Math.log(11 / 11) + 1);
  assert.ok(idf(1, 1000) > idf(100, 1000));
  assert.ok(idf(0, 1000) > idf(1, 1000));
});

test('tf-idf vectors are unit length, weigh rare terms up and keep only the heaviest terms', () => {
  const stats = { docs: 1000, seq: 1000, df: v({ de: 900, park: 5, betal: 50 }) };
  const vec = tfidfVector(termFrequencies(['de', 'de', 'park', 'betal']), stats, 2);
  assert.equal(vec.size, 2);
  assert.ok(Math.abs(norm(vec) - 1) < 1e-12);
  assert.ok(vec.has('park') && vec.has('betal') && !vec.has('de'));
  assert.ok(vec.get('park')! > vec.get('betal')!);
});

test('an unknown term counts as df 0', () => {
  const vec = tfidfVector(termFrequencies(['nieuw', 'oud']), { docs: 10, seq: 10, df: v({ oud: 10 }) }, 30);
  assert.ok(vec.get('nieuw')! > vec.get('oud')!);
});

test('topTerms breaks ties alphabetically, whatever the insertion order', () => {
  assert.deepEqual([...topTerms(v({ c: 1, b: 1, a: 1, d: 2 }), 2).keys()], ['d', 'a']);
});

test('dot and cosine', () => {
  assert.equal(dot(v({ a: 1, b: 2 }), v({ b: 3, c: 4 })), 6);
  assert.ok(Math.abs(cosine(v({ a: 1 }), v({ a: 5 })) - 1) < 1e-12);
  assert.equal(cosine(v({ a: 1 }), v({ b: 1 })), 0);
  assert.equal(cosine(new Map(), v({ b: 1 })), 0);
});
