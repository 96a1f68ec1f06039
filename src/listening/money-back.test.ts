import { test } from 'node:test';
import assert from 'node:assert/strict';
import { foldForMatching } from '../text/normalise.ts';
import { asksMoneyBack } from './money-back.ts';

// Sentences written for this test, not taken from an evaluation set: shapes, not words.
const asks = [
  'Krijg ik de 12 euro nog terug?',
  'Wanneer staat het bedrag weer op mijn rekening terug?',
  'De monteur rekende 40 euro voorrijkosten. Die wil ik terug.',
  'Graag de borg van 500 euro zo snel mogelijk terugstorten.',
  'Het abonnementsgeld van oktober graag retour.',
  'Kunt u het teveel betaalde overmaken naar NL91ABNA0417164300?',
  'Hoe gaan jullie dat verrekenen met de volgende factuur?',
  'I would like the €35 back on my card, please.',
  'Can I have my deposit back before the end of the month?',
  'I expect you to pay for the repairs.',
  'Could the fee be credited back to my account?',
];
const not = [
  'Kunt u mij terugbellen over de factuur van 30 euro?',
  'Ik kom volgende week terug in de winkel om de lamp te betalen.',
  'Ik heb het pakket retour gestuurd.',
  'Please call me back about the €20 charge.',
  'I got back home and paid the bill of €60.',
  'The ATM gave me the wrong amount of cash back.',
  'Wordt fysiotherapie vergoed vanuit de aanvullende verzekering?',
  'Mijn abonnement kost 19,95 per maand.',
];

test('a request for money back in shapes without a refund word', () => {
  for (const s of asks) assert.equal(asksMoneyBack(foldForMatching(s)), true, s);
});

test('money and "back" that are no request for money: called back, coming back, goods returned, cash from an ATM', () => {
  for (const s of not) assert.equal(asksMoneyBack(foldForMatching(s)), false, s);
});
