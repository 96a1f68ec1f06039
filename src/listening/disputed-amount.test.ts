import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disputedAmount } from './disputed-amount.ts';

const pick = (text: string) => {
  const d = disputedAmount(text);
  return d && { cents: d.amount.cents, certain: d.certain, others: d.alternatives.map((a) => a.cents) };
};

test('the charged amount, not the usual price given for contrast (before or after it)', () => {
  assert.deepEqual(pick('Meestal betaal ik zo\'n 3 euro, vandaag werd het € 18,75.'), { cents: 1875, certain: true, others: [300] });
  assert.deepEqual(pick('Er ging €22,10 van mijn rekening af terwijl €4,50 gebruikelijk is'), { cents: 2210, certain: true, others: [450] });
  assert.deepEqual(pick('They billed me £30.00 although it should have been £6.00'), { cents: 3000, certain: true, others: [600] });
  assert.deepEqual(pick('Ik verwachtte €5, jullie hebben €45 ingehouden.'), { cents: 4500, certain: true, others: [500] });
});

test('a rate is not the charge; the same amount twice is one amount', () => {
  assert.deepEqual(pick('Met een tarief van €1,95 per uur is €19,50 voor twintig minuten absurd, dat is afgeschreven'), { cents: 1950, certain: true, others: [195] });
  assert.deepEqual(pick('Op mijn afschrift staat 2x €12,40 voor één rit'), { cents: 1240, certain: true, others: [] });
});

test('a single amount with a currency is certain; without one, or with two alike, it is not', () => {
  assert.deepEqual(pick('Jullie hebben €8,80 afgeschreven.'), { cents: 880, certain: true, others: [] });
  assert.deepEqual(pick('Er is 8,80 afgeschreven'), { cents: 880, certain: false, others: [] });
  const unsure = pick('Het was €12 en daarna €30');
  assert.equal(unsure?.certain, false);
  assert.equal(unsure?.others.length, 1);
  assert.equal(pick('Mijn parkeersessie liep gewoon door'), null);
});
