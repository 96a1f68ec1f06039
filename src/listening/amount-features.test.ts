import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featuresOfAll } from './amount-features.ts';
import { findMoneyMentions } from './money.ts';

const feats = (text: string) => {
  const fs = featuresOfAll(text, findMoneyMentions(text));
  return fs.map((f) => Object.entries(f).filter(([, v]) => v).map(([k]) => k).sort());
};
const has = (text: string, i: number, ...names: string[]) => {
  const f = feats(text)[i];
  for (const n of names) assert.ok(f.includes(n), `${text} — amount ${i}: ${n} not in [${f.join(', ')}]`);
};
const lacks = (text: string, i: number, ...names: string[]) => {
  const f = feats(text)[i];
  for (const n of names) assert.ok(!f.includes(n), `${text} — amount ${i}: ${n} in [${f.join(', ')}]`);
};

test('the words of its own clause: a cue in the next clause belongs to the next amount', () => {
  const t = 'Het weekendtarief van €22,00 is berekend, terwijl de gewone prijs €3,50 is.';
  has(t, 0, 'charged');
  lacks(t, 1, 'charged', 'contrast');
  has(t, 1, 'concessive');
  // a verb at the end of a Dutch clause, after the amount
  has('Gisteren is er bij mij €7,75 van de creditcard afgegaan.', 0, 'charged');
});

test('usual, stated and counterfactual prices are references; what came before is earlier', () => {
  has('Volgens de prijslijst is dat €1,10, ik zag €15,40 op mijn afschrift', 0, 'reference');
  has('Had ik op tijd gestopt, dan was het € 0,90 geweest.', 0, 'reference');
  has('The kiosk showed €2.30 when I left.', 0, 'stated');
  has('Voor een gezin is het tarief €296.', 0, 'reference');
  has('Het ticket zelf was €42.', 0, 'acknowledged');
  has('Vorige maand €18,00 en deze maand €61,25 voor hetzelfde.', 0, 'earlier');
  has('Vorige maand €18,00 en deze maand €61,25 voor hetzelfde.', 1, 'contrast');
  has('Het juiste bedrag is €4,05.', 0, 'reference');
});

test('a difference, an amount asked back, a result of a sum, a fine on top', () => {
  has('Dat is €19,10 meer dan anders.', 0, 'difference');
  has('The overcharge of €9.30 should come back.', 0, 'difference');
  has('Graag het verschil, €6,60, terugboeken.', 0, 'difference', 'refund');
  has('Samen is dat €31,40.', 0, 'total');
  has('I had to pay a €25 late fee on top.', 0, 'consequence');
  has('minus the €1.20 I owe, so €10.55', 0, 'reference');
  has('minus the €1.20 I owe, so €10.55', 1, 'computed');
});

test('rates, balances, another charge, a negation, items of a bill', () => {
  has('Het kost €1,85 per uur.', 0, 'rate');
  lacks('They took €5.40 each time.', 0, 'rate');
  has('Mijn tegoed is nog €9,10.', 0, 'balance');
  has('Er staat nog €3,30 over.', 0, 'balance');
  has('I paid €1.00 and then a further €13.00 was taken.', 1, 'another', 'charged');
  has('Ik betaalde niet €2,00 maar €12,00.', 0, 'negated');
  has('waarvan €14,90 voor "spraak buitenland"', 0, 'item');
});

test('the members of an enumeration share their clause', () => {
  const t = 'Deze week afgeschreven: €4,10, €6,30 en €2,95.';
  assert.deepEqual(feats(t).map((f) => f.includes('charged')), [true, true, true]);
});

test('money already back, the new end of a change, a count times a price, a payment set against the complaint', () => {
  has('Van de €54 is €27 teruggestort.', 1, 'refunded');
  has('I got £5 back last week but was charged £40.', 0, 'refunded');
  has('De premie ging van €120 naar €151.', 1, 'to');
  has('14 dagen x €3,50 = €49.', 0, 'rate');
  has('Ik kreeg een boete van €65.', 0, 'charged');
  has('Er is €80 afgeschreven, terwijl ik al €20 had betaald.', 1, 'concessive', 'charged');
});
