import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findMentions, type Mentionable } from './mentions.ts';

const agents: Mentionable[] = [
  { id: 'anna', name: 'Anna de Vries', email: 'anna@luister.test' },
  { id: 'anne', name: 'Anna Bakker', email: 'a.bakker@luister.test' },
  { id: 'bram', name: 'Bram Özdemir', email: 'bram.ozdemir@luister.test' },
  { id: 'joost', name: 'Joost', email: 'joost@luister.test' },
];

test('full names, unique first names and e-mail local parts', () => {
  assert.deepEqual(findMentions('@Anna de Vries kun jij dit overnemen?', agents), ['anna']);
  assert.deepEqual(findMentions('Vraag het @bram, of @Joost.', agents), ['bram', 'joost']);
  assert.deepEqual(findMentions('cc @a.bakker', agents), ['anne']);
});

test('case and accents do not matter; the longest match wins', () => {
  assert.deepEqual(findMentions('@BRAM OZDEMIR zie hierboven', agents), ['bram']);
  assert.deepEqual(findMentions('@anna bakker en @Anna de vries', agents).sort(), ['anna', 'anne']);
});

test('an ambiguous first name, an e-mail address or a longer word is no mention', () => {
  assert.deepEqual(findMentions('@Anna weet jij het?', agents), ['anna'], 'anna is also the local part of anna@…');
  assert.deepEqual(findMentions('@Annabel, klant@voorbeeld.nl en joost@luister.test', agents), []);
  assert.deepEqual(findMentions('@Bramsen', agents), []);
  assert.deepEqual(findMentions('geen at-teken', agents), []);
});

test('each agent once, however often mentioned', () => {
  assert.deepEqual(findMentions('@bram @bram @Bram Özdemir', agents), ['bram']);
});
