import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conceptTerms, incidentConcepts } from './incident-concepts.ts';
import { foldForMatching } from '../text/normalise.ts';

const concepts = (s: string) => incidentConcepts(foldForMatching(s)).map((c) => c.concept);

test('more than once, in digits, number words and multiplicatives, Dutch and English', () => {
  for (const s of ['Er is 2x afgeschreven', 'twee keer betaald', 'drie maal de rekening', '€ 45 x2 op mijn afschrift', 'Dubbele incasso',
    'You charged me twice', 'two times the fee', 'a duplicate payment', 'en daarna nog een keer hetzelfde bedrag', 'tweemaal gefactureerd'])
    assert.deepEqual(concepts(s), ['twice'], s);
  for (const s of ['één keer per maand', 'een keer per jaar', '1x per week', 'Xbox 360', 'kunt u dat dubbelchecken?', 'please double-check the address', 'I will double check', 'maximaal 2 personen', 'the extra time']) assert.deepEqual(concepts(s), [], s);
});

test('more than it should be, and a length of time', () => {
  for (const s of ['veel te veel betaald', 'het bedrag is te hoog', 'teveel gerekend', 'way more than usual', 'you overcharged me', 'fors hoger dan anders'])
    assert.ok(concepts(s).includes('excess'), s);
  for (const s of ['na tien minuten', 'ik stond er 10 min', 'al anderhalf uur', 'for 3 hours', 'een kwartier later', 'al twee weken'])
    assert.ok(concepts(s).includes('duration'), s);
  assert.deepEqual(concepts('Ik wacht op een antwoord'), []);
});

test('terms carry the words as written', () => {
  assert.deepEqual(conceptTerms('Jullie hebben TWEE KEER geïncasseerd, veel te veel!'), { terms: ['≈twice', '≈excess'], surfaces: ['TWEE KEER', 'te veel'] });
});
