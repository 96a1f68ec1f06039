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

test('an amount the customer calls right is not the one in dispute', () => {
  assert.deepEqual(pick('Ik zie vandaag twee afboekingen: eerst €3,15 (dat is correct) en een uur later €19,60.'), { cents: 1960, certain: true, others: [315] });
  assert.equal(pick('They took $4.00, which is fine, and then $27.80 for the same trip.')?.cents, 2780);
  // "klopt niet" disputes it
  assert.deepEqual(pick('Er staat €12,50, dat klopt niet.'), { cents: 1250, certain: true, others: [] });
});

test('a bare amount is clear when it is the only one of a message about money taken, or set against a usual one', () => {
  assert.deepEqual(disputedAmount('11,35 voor een kwartiertje? Graag terugbetalen.', undefined, { subject: 'Te veel afgeschreven' })?.certain, true);
  assert.equal(disputedAmount('11,35 voor een kwartiertje? Graag terugbetalen.')?.certain, false);
  assert.deepEqual(pick('Gewoonlijk kost het mij hooguit 3 euro, vandaag opeens 21,75 op de bankapp.'), { cents: 2175, certain: true, others: [300] });
});

test('sums: the extra over a usual bill, the total of every disputed part, a rate times a count', () => {
  // the bill went from the usual amount to a total because of one extra item: the item is disputed
  assert.deepEqual(pick('Mijn rekening is gewoonlijk €20, nu €53,10, waarvan €33,10 voor "internationaal bellen".'), { cents: 3310, certain: true, others: [5310, 2000] });
  assert.equal(pick('My invoice jumped from the normal £18 to £40.25 due to £22.25 of "premium SMS".')?.cents, 2225);
  // one part is right, the other is not: the wrong part, not the total
  assert.equal(pick('Huur modem € 6,00 (klopt), storingsdienst € 35,00 (klopt niet). Samen € 41,00.')?.cents, 3500);
  // several parts, all disputed: their total
  assert.equal(pick('Op onze twee passen staat €7,20 en €11,40 te veel, samen €18,60. Graag terugboeken.')?.cents, 1860);
  // a price per unit and its total
  assert.deepEqual(pick('Voor 4 tickets is €12,50 per stuk in rekening gebracht, dus €50,00, terwijl het gratis zou zijn.'), { cents: 5000, certain: true, others: [1250] });
});

test('a balance is not a charge; repeated charges that were each wrong count together', () => {
  assert.deepEqual(pick('Er staat €2,50 boete open en mijn tegoed ging van €40,00 naar €12,30.'), { cents: 250, certain: true, others: [1230, 4000] });
  // one of two debits is a duplicate: the debit; both trips wrongly charged: what they made together
  assert.equal(pick('De premie is twee keer afgeschreven: € 61,20, samen dus € 122,40.')?.cents, 6120);
  assert.equal(pick('Allebei de ritten zijn twee keer €3,50 gerekend, dat is €7,00 voor niks.')?.cents, 700);
  assert.deepEqual(pick('roaming 6,15 op m\'n factuur terwijl ik thuis was'), { cents: 615, certain: true, others: [] });
});

test('a difference or an amount asked back points to the charge it was taken from; a quoted bill line leaves it to a person', () => {
  assert.deepEqual(pick('Normaal kost een uur €2,30. Nu is er €20,30 van mijn rekening gegaan: €18 te veel.'), { cents: 2030, certain: true, others: [1800, 230] });
  assert.equal(pick('Je app rekende $14.75 where it should have been $0.95. Refund me the $13.80 please.')?.cents, 1475);
  assert.equal(pick('Gewoonlijk €5,10, nu €12,60, dus €7,50 meer dan anders.')?.cents, 1260);
  // the difference may be a line of the bill of its own: a person chooses
  assert.equal(pick('Op de factuur €48,20 in plaats van de gewone €30,00. Het verschil staat er als "data buitenland". Graag de €18,20 terug.')?.certain, false);
});

test('an earlier period, a stated or owed price, a counterfactual, a negation, a further charge', () => {
  assert.deepEqual(pick('Vorige maand €23,40, deze maand €71,05 zonder dat er iets veranderde.'), { cents: 7105, certain: true, others: [2340] });
  assert.equal(pick('De paal gaf €1,35 aan, maar via de app is €13,50 afgeschreven.')?.cents, 1350);
  assert.equal(pick('Het verschuldigde bedrag was € 0,75; afgeschreven werd € 11,25.')?.cents, 1125);
  assert.equal(pick('Ik betaalde geen €1,50 maar €15,00.')?.cents, 1500);
  assert.equal(pick('At 8am I paid €1.10, and later a further €16.40 was taken.')?.cents, 1640);
  assert.equal(pick('€17,20 afgeschreven. Als de app gestopt was, dan was het €1,70 geweest.')?.cents, 1720);
});

test('a fine or interest on top is not the charge; amounts written in words and with a dash', () => {
  assert.equal(pick('De sessie kostte €26,00 en door de lege rekening betaal ik ook nog €7 rente.')?.cents, 2600);
  assert.equal(pick('Meestal ben ik een euro kwijt, nu was het achttien euro vijftig.')?.cents, 1850);
  assert.equal(pick('Ik heb 23,- betaald voor 10 minuten.')?.cents, 2300);
  assert.equal(pick('They charged 9 euros 40 for five minutes.')?.cents, 940);
});

test('a named total: of duplicate charges, the charge; of every disputed part, the total', () => {
  assert.deepEqual(pick('In totaal €96,60 geïncasseerd, terwijl mijn termijn €48,30 is.'), { cents: 4830, certain: true, others: [9660] });
  assert.equal(pick('Op drie dagen €5,20, €7,90 en €4,40 gerekend, bij elkaar €17,50.')?.cents, 1750);
});

test('two charges nothing tells apart, or a balance alone, are left to a person', () => {
  assert.equal(pick('Ik zie €6,40 en €9,10 van jullie op mijn afschrift.')?.certain, false);
  assert.equal(pick('Ik had €30 op mijn tegoed gezet, nu is er nog €4,60 over.')?.certain, false);
});

test('the price of an hour said in general, and now against an earlier time', () => {
  assert.deepEqual(pick('Er is €14,70 geïncasseerd. Een uur parkeren kost daar €1,90.'), { cents: 1470, certain: true, others: [190] });
  assert.equal(pick('Charged €12.30 for 20 minutes, which costs €0.70 normally.')?.cents, 1230);
  assert.equal(pick('Vorige maand was het ook al mis met €6,30. Vandaag weer: €13,10.')?.cents, 1310);
  assert.equal(pick('De week ervoor €5,40 en vorige week €7,70; nu €16,90 voor tien minuten.')?.cents, 1690);
  assert.equal(pick('Het bedrag van €19,20 klopt gewoon niet, het was een half uur parkeren (€0,95).')?.cents, 1920);
});

test('what another person or the machine charges, an offer, a top-up, and a sentence ending before the amount', () => {
  assert.equal(pick('€ 3,00 gedacht. € 30,00 kwijt.')?.cents, 3000);
  assert.equal(pick('Mijn buurman betaalt €1,10 voor hetzelfde uur, ik €12,40.')?.cents, 1240);
  assert.equal(pick('€26,50!! Bij de automaat betaal je €1,60.')?.cents, 2650);
  assert.equal(pick('Ik wil de hele €21,30 terug, niet alleen de €19,30 die jullie boden.')?.cents, 2130);
  assert.equal(pick('De meter zegt €1,05, de bank zegt €10,50.')?.cents, 1050);
  assert.equal(pick('Ik heb €20 op mijn parkeerkaart gezet en na één keer is alles op.')?.certain, false);
});

test('words about the amount before are not about the next; "maar een kwartier" is "only"; two days at one price are no duplicate', () => {
  assert.equal(pick('Het parkeren (zo\'n €0,80 zou het moeten zijn) liep door: €18,15 afgeschreven.')?.cents, 1815);
  assert.equal(pick('Dat had €0,70 moeten kosten en er is €7,00 afgeschreven.')?.cents, 700);
  assert.equal(pick('Afgeschreven is €9,60, terwijl ik maar een kwartier stond (dat is €0,60).')?.cents, 960);
  const days = pick('Deze week: ma €1,50, di €1,50, do €16,20. Donderdag liep de sessie door.');
  assert.ok(days && !(days.certain && days.cents === 150), JSON.stringify(days));
});

test('a payment set against the complaint, money already back, an earlier payment, a stated price, a change', () => {
  assert.equal(pick('Er kwam een naheffing van €72, terwijl ik gewoon €3,10 had betaald.')?.cents, 7200);
  assert.deepEqual(pick('Jullie incasseerden €88. Daarvan is €40 teruggestort, de rest nog niet.'), { cents: 8800, certain: true, others: [4000] });
  assert.deepEqual(pick('Drie dagen eerder betaalde ik daar €1,10. Nu: €15,35.'), { cents: 1535, certain: true, others: [110] });
  assert.equal(pick('The screen at the exit said €2.90, my card was debited €29.00.')?.cents, 2900);
  assert.deepEqual(pick('De bon zegt €12,75.'), { cents: 1275, certain: true, others: [] });
  assert.deepEqual(pick('Het abonnement ging zonder bericht van €30 naar €45.'), { cents: 4500, certain: true, others: [3000] });
  assert.deepEqual(pick('Zaterdag €3,10 voor 2 uur, prima. Maandag €31,00 voor een uur.'), { cents: 3100, certain: true, others: [310] });
  assert.equal(pick('Op de meter stond 18,40 in plaats van 1,84 euro.')?.cents, 1840);
});

test('the two ends of a balance are a person\'s call, with what it took as the first suggestion', () => {
  assert.deepEqual(pick('Mijn OV-saldo was €40,00 en is nu €12,20.'), { cents: 2780, certain: false, others: [4000, 1220] });
});

test('a multiple of a price, a periodic charge and its total, pieces times a price, before that', () => {
  assert.equal(pick('Mijn bundel kost €15,50. Er is €31,00 afgeschreven, het dubbele.')?.cents, 3100);
  assert.deepEqual(pick('Elke maand €2 extra voor een dienst die ik nooit nam, al een jaar: €24 in totaal.'), { cents: 2400, certain: true, others: [200] });
  assert.equal(pick('Ik betaalde 4 stuks à €9,95, totaal €39,80, en kreeg er maar 2.')?.cents, 3980);
  assert.deepEqual(pick('Het termijnbedrag is per 1 april €187 geworden. Daarvoor was het €140.'), { cents: 18700, certain: true, others: [14000] });
  assert.equal(pick('Zes maanden €4,99 voor niets, dus ongeveer €30.')?.certain, false);
});
