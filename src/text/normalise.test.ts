import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldForMatching, normalise } from './normalise.ts';

test('folds case, diacritics and typographic punctuation, keeping the length', () => {
  const text = 'Niet GEÏNTERESSEERD – ’s avonds € 12,50 “café”';
  const folded = foldForMatching(text);
  assert.equal(folded, "niet geinteresseerd - 's avonds € 12,50 \"cafe\"");
  assert.equal(folded.length, text.length);
  assert.equal(foldForMatching('STRAẞE İstanbul').length, 'STRAẞE İstanbul'.length);
});

test('normalise collapses white space and drops invisible characters', () => {
  assert.equal(normalise('  Hallo\u200b  daar\n\n Één  '), 'hallo daar een');
});
