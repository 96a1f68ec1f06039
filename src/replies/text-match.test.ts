import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskQuoted, sentences } from './text-match.ts';

test('a point between digits ends no sentence', () => {
  assert.deepEqual(sentences('Bij 20.000 euro blijft u eronder. Artikel 7.2 geldt.').map((s) => s.text), ['Bij 20.000 euro blijft u eronder.', 'Artikel 7.2 geldt.']);
});

test('quoted words are blanked, apostrophes are not quotes', () => {
  const t = "U schreef: 'zoals ik al zei, nooit op dinsdag'. Dat is genoteerd.";
  const m = maskQuoted(t);
  assert.equal(m.length, t.length);
  assert.ok(!m.includes('zoals ik al zei'));
  assert.ok(m.endsWith('Dat is genoteerd.'));
  for (const same of ["It's not your fault, and we've fixed it.", "Wij komen 's avonds langs, dat is afgesproken.", 'Klik op "Opslaan".']) assert.equal(maskQuoted(same), same);
});
