import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dutchAdjectiveBases, lexiconFor } from './lookup.ts';
import { DUTCH } from './dutch.ts';
import { loadPatternLexicon } from './pattern-nl.ts';

const PATTERN = loadPatternLexicon();

test('Pattern adjectives are there, with our own words on top', { skip: PATTERN.size === 0 && 'needs ../shared/data/dutch/pattern-nl (third-party lexicon, not shipped)' }, () => {
  assert.ok(PATTERN.size > 2000);
  const nl = lexiconFor('nl');
  assert.ok(nl.lookup('prachtig')![0] > 0); // Pattern only
  assert.ok(nl.lookup('oplichters')![0] < 0); // ours only: Pattern has no nouns like this
  assert.equal(nl.lookup('zeer')![0], 0); // ours overrides Pattern's "sore"
  assert.equal(nl.lookup('parkeren'), undefined);
  // Pattern's second number is an intensity: it must not turn into anger
  const intense = [...PATTERN.keys()].find((w) => PATTERN.get(w)![1] !== undefined && !(w in DUTCH.words))!;
  assert.deepEqual(nl.lookup(intense), [PATTERN.get(intense)![0]]);
});

test('inflected Dutch adjectives find their lexicon form', () => {
  assert.deepEqual(dutchAdjectiveBases('slechte').slice(0, 1), ['slecht']);
  assert.ok(dutchAdjectiveBases('dure').includes('duur'));
  assert.ok(dutchAdjectiveBases('boze').includes('boos'));
  assert.ok(dutchAdjectiveBases('snelle').includes('snel'));
  assert.ok(dutchAdjectiveBases('slechtste').includes('slecht'));
  const nl = lexiconFor('nl');
  assert.ok(nl.lookup('waardeloze')![0] < 0);
  assert.ok(nl.lookup('prachtige')![0] > 0);
});

test('English: AFINN under our customer-care overrides', () => {
  const en = lexiconFor('en');
  assert.ok(en.lookup('awesome')![0] > 0); // AFINN
  assert.equal(en.lookup('help')![0], 0); // override
  assert.equal(en.lookup('no'), undefined); // negators are not sentiment words
});
