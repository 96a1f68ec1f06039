import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bandKeys, minhash, shingles, similarity } from './minhash.ts';

const mantra = 'Wij begrijpen dat de nieuwe naam even wennen is. Onze dienstverlening blijft hetzelfde en u hoeft niets te doen. Met vriendelijke groet, Team Webcare';

test('the same mantra with another name, reference or amount is near-identical', () => {
  const a = minhash(shingles(`Beste Tim, ${mantra} LU-1001`));
  const b = minhash(shingles(`Beste Eva, ${mantra} LU-2040`));
  assert.ok(similarity(a, b) > 0.8, String(similarity(a, b)));
  const shared = bandKeys(a).filter((k) => bandKeys(b).includes(k));
  assert.ok(shared.length > 0, 'they share an LSH band');
});

test('different replies are far apart and rarely share a band', () => {
  const a = minhash(shingles(mantra));
  const b = minhash(shingles('Het spijt me dat de monteur niet kwam. Ik heb een nieuwe afspraak gepland voor donderdag tussen 8 en 10 uur en bel u woensdag ter bevestiging. Sanne'));
  assert.ok(similarity(a, b) < 0.2, String(similarity(a, b)));
  assert.equal(bandKeys(a).filter((k) => bandKeys(b).includes(k)).length, 0);
});

test('signatures are 32-bit signed integers and stable across calls', () => {
  const s = minhash(shingles(mantra));
  assert.equal(s.length, 64);
  assert.ok(s.every((v) => Number.isInteger(v) && v >= -(2 ** 31) && v < 2 ** 31));
  assert.deepEqual(s, minhash(shingles(mantra)));
  assert.ok(bandKeys(s).every((k) => Number.isSafeInteger(k)));
});

test('the salutation does not count: "Beste Tim," and "Beste Julia," above the same text are the same reply', () => {
  const body = 'Wij begrijpen dat de nieuwe naam even wennen is. Onze dienstverlening blijft hetzelfde.';
  assert.equal(similarity(minhash(shingles(`Beste Tim,\n\n${body}`)), minhash(shingles(`Beste Julia,\n\n${body}`))), 1);
});

test('the sign-off does not count either', () => {
  const body = 'Wij begrijpen dat de nieuwe naam even wennen is. Onze dienstverlening blijft hetzelfde en u hoeft niets te doen.';
  const a = minhash(shingles(`Beste Tim,\n\n${body}\n\nMet vriendelijke groet,\nTeam Klantenservice`));
  const b = minhash(shingles(`Hoi Eva,\n\n${body}\n\nGroet,\nSanne`));
  assert.equal(similarity(a, b), 1);
});
