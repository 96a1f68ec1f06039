import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freeSlug, normaliseTags, slugify, SLUG_PATTERN } from './slug.ts';

test('slugify keeps letters and digits, drops accents and punctuation', () => {
  assert.equal(slugify('Factuur & betaling: wat nú?'), 'factuur-betaling-wat-nu');
  assert.equal(slugify('  Één   keer  te veel betaald!! '), 'een-keer-te-veel-betaald');
  assert.equal(slugify('Straße'), 'strasse');
  assert.equal(slugify('<script>alert(1)</script>'), 'script-alert-1-script');
  assert.equal(slugify('!!!'), '');
  for (const s of ['Factuur & betaling', 'A--b', 'x']) assert.match(slugify(s), SLUG_PATTERN);
});

test('long titles are cut on a word boundary', () => {
  const s = slugify('woord '.repeat(50), 30);
  assert.ok(s.length <= 30);
  assert.match(s, SLUG_PATTERN);
  assert.ok(s.endsWith('woord'));
});

test('freeSlug appends the first free number', () => {
  assert.equal(freeSlug('retour', []), 'retour');
  assert.equal(freeSlug('retour', ['retour']), 'retour-2');
  assert.equal(freeSlug('retour', ['retour', 'retour-2', 'retour-3']), 'retour-4');
});

test('tags are trimmed and de-duplicated case-insensitively, first spelling wins', () => {
  assert.deepEqual(normaliseTags([' Facturen ', 'facturen', 'Bezorging', '  ', 'Track  en trace']), ['Facturen', 'Bezorging', 'Track en trace']);
});
