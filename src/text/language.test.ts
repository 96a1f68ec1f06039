import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guessLanguage, searchConfigFor } from './language.ts';

test('guesses Dutch and English from function words', () => {
  assert.equal(guessLanguage('Ik heb te veel betaald voor het parkeren en niemand belt mij terug'), 'nl');
  assert.equal(guessLanguage('I was charged twice for parking and nobody called me back'), 'en');
  assert.equal(guessLanguage('Parkeren'), null);
});

test('maps languages to text search configurations', () => {
  assert.equal(searchConfigFor('nl'), 'dutch');
  assert.equal(searchConfigFor('en-GB'), 'english');
  assert.equal(searchConfigFor('de'), 'simple');
  assert.equal(searchConfigFor(null), 'simple');
});
