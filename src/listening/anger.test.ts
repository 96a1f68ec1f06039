import { test } from 'node:test';
import assert from 'node:assert/strict';
import { angerOf } from './anger.ts';
import { scoreLexicon } from './lexicon-score.ts';
import { sentimentOf } from './sentiment.ts';

function anger(text: string, language: 'nl' | 'en' = 'nl', reputationLevel = 0): number {
  const score = scoreLexicon(text, language);
  return angerOf(score, sentimentOf(score), reputationLevel);
}

test('angry messages score high', () => {
  for (const t of [
    'Dit is een SCHANDE!!! Oplichters zijn jullie!',
    'Voor de zoveelste keer: het werkt nog steeds niet. Ik ben het spuugzat!!',
    'Ik ben woedend, wat een belachelijke klantenservice',
    'WAAROM KRIJG IK GEEN ANTWOORD OP MIJN MAILS',
    'Kut bedrijf, ik ben er klaar mee',
  ])
    assert.ok(anger(t) >= 0.6, `${anger(t)}: ${t}`);
  for (const t of ['I am absolutely furious. This is a scam!!!', 'I am fed up, for the third time nobody called me back!!'])
    assert.ok(anger(t, 'en') >= 0.6, `${anger(t, 'en')}: ${t}`);
});

test('disappointment, questions and thanks are not anger', () => {
  for (const t of ['Ik ben teleurgesteld in de levering.', 'Kunt u mij vertellen wanneer mijn pakket komt?', 'Super bedankt!!!', 'Ik ben niet boos, alleen teleurgesteld.'])
    assert.ok(anger(t) < 0.3, `${anger(t)}: ${t}`);
  for (const t of ['I am disappointed with the delivery.', 'Thanks a lot!!!', 'Where is my parcel?'])
    assert.ok(anger(t, 'en') < 0.3, `${anger(t, 'en')}: ${t}`);
});

test('more evidence, more anger; threats add to it', () => {
  assert.ok(anger('Dit is belachelijk') < anger('Dit is belachelijk!!!'));
  assert.ok(anger('Dit is belachelijk!!!') < anger('Dit is BELACHELIJK!!! Oplichters!'));
  assert.ok(anger('Ik wil mijn geld terug') < anger('Ik wil mijn geld terug', 'nl', 3));
  assert.ok(anger('x'.repeat(3)) === 0);
});
