import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreLexicon } from './lexicon-score.ts';

test('counts words and phrases once each', () => {
  const s = scoreLexicon('Wat een puinhoop', 'nl');
  assert.equal(s.hits, 1); // the phrase "wat een puinhoop", not also the word "puinhoop"
  assert.ok(s.polarity < 0 && s.anger > 0);
  assert.equal(scoreLexicon('Mijn adres is Dorpsstraat 1', 'nl').hits, 0);
});

test('negated words lose their anger', () => {
  assert.equal(scoreLexicon('Ik ben niet boos', 'nl').anger, 0);
  assert.ok(scoreLexicon('Ik ben boos', 'nl').anger > 0.5);
});

test('capitals, shouting, exclamation marks and emoji are reported', () => {
  const caps = scoreLexicon('Dit is SLECHT', 'nl');
  assert.equal(caps.capitalWords, 1);
  assert.equal(caps.shouting, false);
  assert.equal(scoreLexicon('DIT IS ECHT BELACHELIJK', 'nl').shouting, true);
  assert.equal(scoreLexicon('OK', 'nl').shouting, false); // too short to shout
  assert.equal(scoreLexicon('Nee!! Echt niet!', 'nl').exclamations, 3);
  assert.deepEqual(scoreLexicon('top 👍 maar 😡😡', 'nl').emoji, [1, 0, 2]);
});

test('the polarity sum is unbounded; sentiment squashes it', () => {
  assert.ok(scoreLexicon('slecht slecht slecht slecht', 'nl').polarity < -2);
});
