import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countMarkers, dutchAndAfrikaans } from './language-markers.ts';
import { words } from './tokenise.ts';

test('function and care words count per language; function words alone on request', () => {
  const w = words('Ik wil graag mijn geld terug, bedankt');
  assert.ok(countMarkers(w).nl >= 5);
  assert.equal(countMarkers(w).en, 0);
  assert.ok(countMarkers(w, true).nl < countMarkers(w).nl);
  assert.ok(countMarkers(words('Please refund my order, thanks')).en >= 4);
});

test('Dutch and Afrikaans evidence from words, articles and spelling', () => {
  const af = dutchAndAfrikaans(words('Ek het die pakkie gekry maar dit is baie swak, ek wil my geld terug hê'));
  assert.ok(af.afrikaans > af.dutch, JSON.stringify(af));
  const nl = dutchAndAfrikaans(words('Ik heb het pakket gekregen maar het is erg slecht, ik wil mijn geld terug'));
  assert.ok(nl.dutch > nl.afrikaans, JSON.stringify(nl));
  // Dutch "die" without other Afrikaans evidence stays Dutch
  assert.equal(dutchAndAfrikaans(words('Die klant belt steeds')).afrikaans, 0);
});
