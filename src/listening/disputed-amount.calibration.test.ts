import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disputedAmount } from './disputed-amount.ts';

/**
 * When the choice is certain (issue 14: a wrong amount promises a customer the wrong refund): only when every other amount
 * has a role that says why it is not the charge. Made-up sentences, one per class of wording.
 */
const pick = (text: string) => {
  const d = disputedAmount(text);
  return d && { cents: d.amount.cents, certain: d.certain };
};

test('a rough figure or a range is a remembered usual price, never read off as the charge', () => {
  assert.deepEqual(pick('Ik stond er een minuut of twintig. De app heeft er €18,45 van gemaakt. Daar betaal ik anders een euro of twee.'), { cents: 1845, certain: true });
  assert.deepEqual(pick('Elke dag betaal ik 2 à 3 euro. Vandaag 29,40. Zelfde plek.'), { cents: 2940, certain: true });
  assert.deepEqual(pick('I usually pay 2 to 3 pounds there. Today: £27.30.'), { cents: 2730, certain: true });
  // the charge itself said roughly: a person checks the exact figure
  assert.equal(pick('Parkeren kostte me ruim 25 euro, terwijl ik nooit meer dan 2 euro betaal.')?.certain, false);
});

test('a hold on a card is not what was taken; alone it is a person\'s call', () => {
  assert.deepEqual(pick('Bij de pomp werd eerst €100 gereserveerd, dat snap ik. Maar er is €100 afgeschreven terwijl ik voor €41,37 getankt heb.'), { cents: 10000, certain: true });
  assert.equal(pick('Er staat €150,00 geblokkeerd op mijn creditcard, maar de rit zelf kostte €62,40.')?.certain, false);
});

test('an amount nobody explains keeps the choice open: several different charges, a fine said to be taken, an extra fee', () => {
  assert.equal(pick('hoi, ik zie 2 afschrijvingen van parkpas, €3,20 en €4,10. kan iemand kijken')?.certain, false);
  assert.equal(pick('Sinds de verhuizing betaal ik twee abonnementen: €54,95 voor het nieuwe adres en nog steeds €49,95 voor het oude.')?.certain, false);
  assert.equal(pick('Ik kreeg een boete van €95, maar mijn sessie liep wel (€2,40 betaald). Die boete klopt niet.')?.certain, false);
  assert.equal(pick('We paid €312 for two tickets (€156 each). Then an extra €78 seat fee appeared.')?.certain, false);
  assert.equal(pick('Ik heb €60 getankt. Daar kwam €15 servicekosten bij.')?.certain, false);
  // a fee said to come on top of the charge is not the complaint
  assert.deepEqual(pick('Door jullie app ben ik €19,80 kwijt, plus €2,50 stornokosten bij mijn bank.'), { cents: 1980, certain: true });
});

test('a smaller price beside a charge, however it is worded; the decimal point moved', () => {
  assert.deepEqual(pick('Ik had een sessie van één uur (€2,40). Afgeschreven is €24,00.'), { cents: 2400, certain: true });
  assert.deepEqual(pick('Ik kocht een kaartje van €3,10 maar mijn creditcard is belast met €31,00.'), { cents: 3100, certain: true });
  assert.deepEqual(pick('Jullie hebben mij 7 euro te veel gerekend voor dinsdag. Ik betaalde €9,10.'), { cents: 910, certain: true });
  // "ik had … moeten betalen" is what it should have been; "ik heb … moeten betalen" is what was taken
  assert.deepEqual(pick('Er is €16,40 afgeschreven. Ik had €1,60 moeten betalen.'), { cents: 1640, certain: true });
  assert.deepEqual(pick('Voor één nacht stallen is €1,25. Ik heb €12,50 moeten betalen.'), { cents: 1250, certain: true });
});

test('one amount for each of several charges: their total is suggested, not taken', () => {
  assert.deepEqual(disputedAmount('Toch staat er in september en oktober elk €13,99 afgeschreven. Graag die twee bedragen terug.')?.amount.cents, 2798);
  assert.equal(pick('Toch staat er in september en oktober elk €13,99 afgeschreven. Graag die twee bedragen terug.')?.certain, false);
  // one of the two back: the duplicate is the amount
  assert.deepEqual(pick('Er is twee keer €24,50 afgeschreven. Kan één van die 2 bedragen terug?'), { cents: 2450, certain: true });
});

test('amounts of a quoted earlier mail are not the customer\'s; a paid bill beside a reminder is not the dispute', () => {
  assert.deepEqual(pick('Het is niet opgelost. Ik heb €24,15 betaald voor een kwartier.\n\n> Op 3 dec schreef ParkWijs: wij betreuren dat u €2,00 extra kosten had.'), { cents: 2415, certain: true });
  assert.equal(pick('Ik kreeg een aanmaning van €15 voor een factuur van €12,40 die ik al lang betaald had.')?.cents, 1500);
});

test('what is still on a balance after it was named is no charge', () => {
  assert.equal(pick('Vanochtend stond mijn tegoed op €25,00. Nu nog €3,15. Er staat een parkeeractie van € 21,85, waar ik normaal €0,95 betaal.')?.cents, 2185);
});
