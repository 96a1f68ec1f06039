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

test('a single amount with a currency is certain; without one only when its clause says it was charged; two alike are not', () => {
  assert.deepEqual(pick('Jullie hebben €8,80 afgeschreven.'), { cents: 880, certain: true, others: [] });
  assert.deepEqual(pick('Er is 8,80 afgeschreven'), { cents: 880, certain: true, others: [] });
  assert.deepEqual(pick('Het bedrag van 8,80 klopt niet'), { cents: 880, certain: false, others: [] });
  const unsure = pick('Het was €12 en daarna €30');
  assert.equal(unsure?.certain, false);
  assert.equal(unsure?.others.length, 1);
  assert.equal(pick('Mijn parkeersessie liep gewoon door'), null);
});

test('a charge taken more than once: the amount taken twice, not the total it made', () => {
  assert.deepEqual(pick('Jullie hebben twee keer 164,50 van mijn rekening gehaald, dus in één klap €329 kwijt.'), { cents: 16450, certain: true, others: [32900] });
  assert.equal(pick('Er is 2x 185 euro afgeschreven. Driehonderdzeventig euro!')?.cents, 18500);
  assert.deepEqual(pick('Ook bij mij dubbel geïncasseerd (2 x 46,80).'), { cents: 4680, certain: true, others: [] });
  const rent = pick('Doordat jullie 89 euro dubbel hebben afgeschreven, kon mijn huur niet worden afgeschreven. Nu krijg ik €15 aanmaningskosten.');
  assert.equal(rent?.cents, 8900);
  assert.equal(rent?.certain, true);
  // without "twice", a total is not second-guessed
  assert.equal(pick('Zes lijnen van €44,15, samen €264,90 aan roaming in rekening gebracht.')?.cents, 26490);
});
