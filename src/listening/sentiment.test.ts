import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreLexicon } from './lexicon-score.ts';
import { sentimentOf } from './sentiment.ts';

const s = (text: string, language: 'nl' | 'en' = 'nl') => sentimentOf(scoreLexicon(text, language));

test('positive and negative Dutch, from Pattern adjectives and our own words', () => {
  assert.ok(s('Bedankt voor de snelle en vriendelijke hulp!') > 0.5);
  assert.ok(s('Een prachtig product, heel tevreden') > 0.5);
  assert.ok(s('Wat een waardeloze service') < -0.4);
  assert.ok(s('Ik heb te veel betaald en er is een storing') < -0.4);
  assert.ok(s('Oplichters!') < -0.5);
  assert.equal(s('Mijn klantnummer is 12345'), 0);
});

test('negation flips and weakens', () => {
  assert.ok(s('Het is goed') > 0);
  assert.ok(s('Het is niet goed') < 0);
  assert.ok(s('Het is niet goed') > s('Het is slecht'));
  assert.ok(s('Niet slecht') > 0);
  assert.ok(s('Ik ben geen tevreden klant') < 0);
  assert.ok(s('I am not happy', 'en') < 0);
  assert.ok(s("It isn't bad at all", 'en') > 0);
  // a clause break ends the negation: "niet" belongs to the first clause
  assert.ok(s('Het werkte niet, maar nu is het goed') > 0);
});

test('intensifiers, capitals and exclamation marks strengthen', () => {
  assert.ok(s('heel slecht') < s('slecht'));
  assert.ok(s('een beetje traag') > s('traag'));
  assert.ok(s('Dit is SLECHT') < s('Dit is slecht'));
  assert.ok(s('Dit is slecht!!!') < s('Dit is slecht'));
  assert.ok(s('very bad', 'en') < s('bad', 'en'));
});

test('what follows "maar"/"but" weighs more', () => {
  assert.ok(s('De bezorger was vriendelijk maar het pakket is kapot') < 0);
  assert.ok(s('The parcel was late but the staff were very helpful', 'en') > 0);
});

test('greetings do not count', () => {
  assert.equal(s('Met vriendelijke groet, Jan'), 0);
  assert.equal(s('Kind regards, John', 'en'), 0);
  assert.equal(s('Dear Sir, please find my order number below.', 'en'), 0);
});

test('English from AFINN and our own words, emoji', () => {
  assert.ok(s('Thank you so much, great service!', 'en') > 0.5);
  assert.ok(s('This is a scam, absolutely disgraceful', 'en') < -0.6);
  assert.ok(s('Ok 🙂', 'en') > 0);
  assert.ok(s('Nog steeds niks 😡') < 0);
});
