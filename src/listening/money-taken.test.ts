import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CHARGED_TERM, moneyTakenTerms } from './money-taken.ts';

test('a disputed charge is one class, whatever the wording, with the amount as written', () => {
  for (const s of ['De app rekent €9,90 voor tien minuten', 'Er is € 45,00 afgeschreven zonder reden', 'You charged me $14 for nothing', 'normaal betaal ik 2 euro, nu 16,40 euro'])
    assert.deepEqual(moneyTakenTerms(s).terms, [CHARGED_TERM], s);
  assert.deepEqual(moneyTakenTerms('Er is € 45,00 afgeschreven').surfaces, ['€ 45,00']);
});

test('no amount, or an amount that was not taken, is not the class', () => {
  for (const s of ['Mijn sessie stopte niet', 'Hoe verander ik mijn kenteken?', 'Wat kost een abonnement van 10 euro per maand?'])
    assert.deepEqual(moneyTakenTerms(s), { terms: [], surfaces: [] }, s);
});
