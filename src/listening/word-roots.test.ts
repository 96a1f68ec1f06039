import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rootTerms, wordRoot } from './word-roots.ts';

test('a Dutch participle loses its ge-, also after a separable particle', () => {
  assert.equal(wordRoot('gestopt', 'nl'), 'stop');
  assert.equal(wordRoot('stopgezet', 'nl'), 'stop');
  assert.equal(wordRoot('afgeschreven', 'nl'), 'afsc');
  assert.equal(wordRoot('afschrijving', 'nl'), 'afsc');
  assert.equal(wordRoot('uitgecheckt', 'nl'), 'uitc');
  assert.equal(wordRoot('uitchecken', 'nl'), 'uitc');
});

test('English keeps its words as written; short words and numbers have no root', () => {
  assert.equal(wordRoot('generated', 'en'), 'gene');
  assert.equal(wordRoot('session', 'en'), 'sess');
  assert.equal(wordRoot('app', 'nl'), null);
  assert.equal(wordRoot('2025', 'nl'), null);
  // ge- that is not a participle's stays: "gewoon", "gegevens"
  assert.equal(wordRoot('gewoon', 'nl'), 'gewo');
  assert.equal(wordRoot('gegevens', 'nl'), 'gege');
});

test('roots of a message: each once, with the first word that gave it, stopwords skipped, bounded', () => {
  const r = rootTerms(['gestopt', 'stoppen', 'sessie', 'maar', 'session'], 'nl');
  assert.deepEqual(r.terms, ['√stop', '√sess']);
  assert.deepEqual(r.surfaces, ['gestopt', 'sessie']);
  const many = rootTerms(Array.from({ length: 100 }, (_, i) => `${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}zzz`), 'nl');
  assert.ok(many.terms.length <= 40);
});
