import { test } from 'node:test';
import assert from 'node:assert/strict';
import { guessLanguage, searchConfigFor } from './language.ts';

test('guesses Dutch and English from function words', () => {
  assert.equal(guessLanguage('Ik heb te veel betaald voor het parkeren en niemand belt mij terug'), 'nl');
  assert.equal(guessLanguage('I was charged twice for parking and nobody called me back'), 'en');
  assert.equal(guessLanguage('Parkeren'), null);
});

test('one marker word decides a very short message', () => {
  assert.equal(guessLanguage('Bedankt!'), 'nl');
  assert.equal(guessLanguage('Opzeggen graag'), 'nl');
  assert.equal(guessLanguage('Refund please'), 'en');
  assert.equal(guessLanguage('12345'), null);
});

test('declines German, French and Afrikaans instead of calling them Dutch or English', () => {
  assert.equal(guessLanguage('Ich habe zu viel bezahlt und niemand hat mich zurückgerufen'), null);
  assert.equal(guessLanguage("J'ai payé deux fois pour le stationnement et personne ne m'a rappelé"), null);
  assert.equal(guessLanguage('Ek het te veel betaal vir die parkering en niemand het my teruggebel nie'), null);
});

test('maps languages to text search configurations', () => {
  assert.equal(searchConfigFor('nl'), 'dutch');
  assert.equal(searchConfigFor('en-GB'), 'english');
  assert.equal(searchConfigFor('de'), 'simple');
  assert.equal(searchConfigFor(null), 'simple');
});
