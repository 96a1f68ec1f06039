import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dutchAdjectiveBases, lexiconFor } from './lookup.ts';
import { loadPatternLexicon } from './pattern-nl.ts';

const PATTERN = loadPatternLexicon();

test('Pattern adjectives come from the installed @nlpjs/lang-nl, by stem; not summed by the lexicon', () => {
  assert.ok(PATTERN.size > 2000, 'the lexicon ships with the dependency: no ../shared needed');
  assert.ok(PATTERN.get('prachtig')![0] > 0);
  assert.ok(PATTERN.get('slecht')![0] < 0);
  const nl = lexiconFor('nl');
  assert.ok(nl.lookup('oplichters')![0] < 0); // ours
  assert.equal(nl.lookup('parkeren'), undefined);
});

test('inflected Dutch adjectives find their lexicon form', () => {
  assert.deepEqual(dutchAdjectiveBases('slechte').slice(0, 1), ['slecht']);
  assert.ok(dutchAdjectiveBases('dure').includes('duur'));
  assert.ok(dutchAdjectiveBases('boze').includes('boos'));
  assert.ok(dutchAdjectiveBases('snelle').includes('snel'));
  assert.ok(dutchAdjectiveBases('slechtste').includes('slecht'));
  const nl = lexiconFor('nl');
  assert.ok(nl.lookup('waardeloze')![0] < 0);
});

test('English: AFINN under our customer-care overrides', () => {
  const en = lexiconFor('en');
  assert.ok(en.lookup('awesome')![0] > 0); // AFINN
  assert.equal(en.lookup('help')![0], 0); // override
  assert.equal(en.lookup('no'), undefined); // negators are not sentiment words
});
