import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findMoney, findMoneyMentions, parseAmount } from './money.ts';

const eur = (cents: number) => ({ cents, currency: 'EUR' });

test('euro amounts in Dutch notation', () => {
  assert.deepEqual(findMoney('Er is € 12,50 afgeschreven'), [eur(1250)]);
  assert.deepEqual(findMoney('Ik betaalde 12,50 euro'), [eur(1250)]);
  assert.deepEqual(findMoney('Een boete van EUR 3.000,- is absurd'), [eur(300000)]);
  assert.deepEqual(findMoney('Totaal €3.000'), [eur(300000)]);
  assert.deepEqual(findMoney('€ 1.234,56 en €7,- en 15 euro en 2 euro\'s'), [eur(123456), eur(700), eur(1500), eur(200)]);
  assert.deepEqual(findMoney('Het kostte 50 cent extra'), [eur(50)]);
  assert.deepEqual(findMoney('ze rekenden €12.50'), [eur(1250)]);
});

test('dollars and pounds in English notation', () => {
  assert.deepEqual(findMoney('I was charged $12.50 twice'), [{ cents: 1250, currency: 'USD' }]);
  assert.deepEqual(findMoney('it was 12.50 dollar'), [{ cents: 1250, currency: 'USD' }]);
  assert.deepEqual(findMoney('a fee of $1,250.00'), [{ cents: 125000, currency: 'USD' }]);
  assert.deepEqual(findMoney('only £5 and 50p'), [{ cents: 500, currency: 'GBP' }, { cents: 50, currency: 'GBP' }]);
  assert.deepEqual(findMoney('USD 20 and 3 pounds'), [{ cents: 2000, currency: 'USD' }, { cents: 300, currency: 'GBP' }]);
});

test('dates, phone numbers, times and percentages are not money', () => {
  assert.deepEqual(findMoney('Op 12-03-2024 om 12.30 uur belde ik 06-12345678, korting 12,5%'), []);
  assert.deepEqual(findMoney('Order 123456 of 3 March 2024, call +44 20 7946 0958'), []);
  assert.deepEqual(findMoney('Ik heb 3 keer gebeld over 2 pakketten'), []);
  assert.deepEqual(findMoney('euro'), []);
});

test('separators: three digits group thousands, one or two are decimals, with both the last is decimal', () => {
  assert.equal(parseAmount('3.000'), 3000);
  assert.equal(parseAmount('3,000'), 3000);
  assert.equal(parseAmount('12,5'), 12.5);
  assert.equal(parseAmount('1.234,56'), 1234.56);
  assert.equal(parseAmount('1,234.56'), 1234.56);
  assert.equal(parseAmount('1234'), 1234);
});

test('a bare price in the sentence of an amount with a currency is money too; in another sentence it needs words of paying', () => {
  assert.deepEqual(findMoneyMentions('Meestal rond de 3 euro voor een uurtje, vandaag opeens 21,75 in de bank-app.').map((m) => [m.cents, m.implicit]), [[300, false], [2175, true]]);
  assert.deepEqual(findMoneyMentions('Meestal rond de 3 euro. Mijn nieuwe pasnummer eindigt op 21,75 geloof ik.').map((m) => m.cents), [300]);
  assert.deepEqual(findMoneyMentions('Op mijn afschrift staat 13,80.').map((m) => m.cents), [1380]);
});

test('formats customers write: whole euros with a dash, cents after a currency word, cents in words after number words', () => {
  const found = (t: string) => findMoneyMentions(t).map((m) => [m.cents, m.implicit]);
  assert.deepEqual(found('Voor een kwartier heb ik 17,- neergeteld'), [[1700, false]]);
  assert.deepEqual(found('Het werd € 2.150,-- in totaal'), [[215000, false]]);
  assert.deepEqual(found('de meter gaf 9 euro 35 aan'), [[935, false]]);
  assert.deepEqual(found('in totaal 6 euro en 05 cent'), [[605, false]]);
  assert.deepEqual(found('elf euro 40 voor niks'), [[1140, false]]);
  // a count after the currency word is no cents
  assert.deepEqual(found('3 euro 15 minuten later nog eens'), [[300, false]]);
  assert.deepEqual(found('EUR 8,15 en 8.15 EUR en EUR8,15'), [[815, false], [815, false], [815, false]]);
});

test('times of day next to prices stay out; half euros and a tenner are money', () => {
  const cents = (t: string) => findMoneyMentions(t).map((m) => m.cents);
  assert.deepEqual(cents('Geparkeerd van 9.15 tot 9.50, er is €12,70 afgeschreven'), [1270]);
  assert.deepEqual(cents('Om 16.20 gestopt en toch 13,35 betaald'), [1335]);
  assert.deepEqual(cents('sessie 07.45-08.05 kostte €9,95'), [995]);
  assert.deepEqual(cents('Normaal anderhalve euro, nu €12'), [150, 1200]);
  assert.deepEqual(cents('Voor een tientje had ik het nog begrepen'), [1000]);
  assert.deepEqual(cents('anderhalf uur en een halve dag'), []);
});

test('a bare Dutch price asked about, or set against a price before it, is money; a number in another sentence is not', () => {
  const found = (t: string) => findMoneyMentions(t).map((m) => [m.cents, m.implicit]);
  assert.deepEqual(found('hoe kan dit 14,35?? ik stond er even'), [[1435, true]]);
  assert.deepEqual(found('Altijd een euro of twee. Nu opeens 18,10.'), [[100, false], [1810, true]]);
  assert.deepEqual(found('Een euro. Mijn klantnummer eindigt op 44,10.'), [[100, false]]);
});

test('issue 14, amounts round: cents in words after "en", spaced statement lines, a time before a sign, bare prices in a list or set against each other', () => {
  const cents = (t: string) => findMoneyMentions(t).map((m) => m.cents);
  assert.deepEqual(cents('Er is achttien euro en veertig cent afgeschreven'), [1840]);
  assert.deepEqual(cents('dertig euro en 15 cent'), [3015]);
  assert.deepEqual(cents('tien euro en vijf euro'), [1000, 500]);
  assert.deepEqual(cents("'ParkWijs BV  -19,80  EUR  12-12'"), [1980]);
  assert.deepEqual(cents('Om 9.02 €3,45 afgeschreven'), [345]);
  assert.deepEqual(cents('ik zie 2 afschrijvingen van parkpas voor gisteren, 3,20 en 16,80.'), [320, 1680]);
  assert.deepEqual(cents('sessie liep door. 15,30 ipv 2,55. fix it'), [1530, 255]);
  assert.deepEqual(cents('en dan toch 19,75 eraf'), [1975]);
});

test('coins and notes by their names, with a count: "twee tientjes", "een kwartje", "een knaak"; "een paar kwartjes" is no figure', () => {
  const cents = (t: string) => findMoneyMentions(t).map((m) => m.cents);
  assert.deepEqual(cents('twee tientjes voor 5 minuten'), [2000]);
  assert.deepEqual(cents('normaal een kwartje'), [25]);
  assert.deepEqual(cents('een knaak per uur'), [250]);
  assert.deepEqual(cents('ik betaalde altijd een paar kwartjes'), []);
});
