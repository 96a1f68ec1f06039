import { test } from 'node:test';
import assert from 'node:assert/strict';
import { optOutSentence } from './opt-out-sentence.ts';

test('the sentence that says no more, out of a longer message', () => {
  assert.equal(
    optOutSentence('Goedemiddag. Mijn factuur klopt niet. Ik heb geen interesse in een nieuw abonnement, bel me niet meer! Groet, Bram'),
    'Ik heb geen interesse in een nieuw abonnement, bel me niet meer!',
  );
  assert.equal(optOutSentence('Hello.\nPlease stop calling me, I am not interested.\nThanks'), 'Please stop calling me, I am not interested.');
});

test('no opt-out, no sentence', () => {
  assert.equal(optOutSentence('Mijn internet doet het niet sinds gisteren.'), null);
});
