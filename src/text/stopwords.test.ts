import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BOILERPLATE, isStopword, NEGATORS } from './stopwords.ts';

test('function words are stopwords, topic words are not', () => {
  for (const w of ['de', 'het', 'een', 'ik', 'heb', 'van']) assert.ok(isStopword(w, 'nl'), w);
  for (const w of ['the', 'a', 'i', 'have', 'of']) assert.ok(isStopword(w, 'en'), w);
  for (const w of ['factuur', 'parkeren', 'betaald', 'klacht']) assert.ok(!isStopword(w, 'nl'), w);
  for (const w of ['invoice', 'parking', 'charged', 'refund']) assert.ok(!isStopword(w, 'en'), w);
});

test('negators are never stopwords', () => {
  for (const w of ['niet', 'geen', 'nooit', 'niets', 'niemand']) assert.ok(!isStopword(w, 'nl'), w);
  for (const w of ['not', 'never', 'no', "don't", 'nothing']) assert.ok(!isStopword(w, 'en'), w);
  assert.ok(NEGATORS.has('niet') && NEGATORS.has("didn't"));
});

test('greetings are boilerplate, not stopwords', () => {
  assert.ok(BOILERPLATE.has('groeten') && BOILERPLATE.has('regards'));
  assert.ok(!isStopword('groeten', 'nl'));
});
