import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dutchNumber, englishNumber, numberGroups, numberInWords } from './number-words.ts';
import { findMoney } from './money.ts';

test('Dutch numbers written as one word', () => {
  const cases: [string, number][] = [
    ['vier', 4], ['veertien', 14], ['twintig', 20], ['drieentwintig', 23], ['drieëntwintig', 23], ['eenenveertig', 41],
    ['honderd', 100], ['honderdvijftig', 150], ['driehonderdzeventig', 370], ['tweehonderdenvijf', 205], ['duizend', 1000], ['tweeduizendvijfhonderd', 2500],
    ['vijfennegentig', 95], ['achtentachtig', 88], ['honderdtwintig', 120], ['twaalfhonderd', 1200], ['negentienhonderdvijftig', 1950],
    ['vijfentwintighonderd', 2500], ['nul', 0], ['vijf-en-twintig', 25], ['duizendeenhonderd', 1100],
  ];
  for (const [w, n] of cases) assert.equal(dutchNumber(w), n, w);
  for (const w of ['geen', 'alleen', 'tienen', 'honderdje', 'entwintig', 'steen', 'tig', 'twintigtal', 'vijfentien', 'nulhonderd']) assert.equal(dutchNumber(w), null, w);
});

test('English numbers in words', () => {
  const cases: [string, number][] = [
    ['fourteen', 14], ['twenty-five', 25], ['three hundred and seventy', 370], ['a hundred', 100], ['two thousand', 2000],
    ['ninety-nine', 99], ['one hundred and five', 105], ['twelve', 12],
  ];
  for (const [w, n] of cases) assert.equal(englishNumber(w), n, w);
  for (const w of ['many', 'someone', 'city']) assert.equal(englishNumber(w), null, w);
});

test('a phrase of number words is one number by the grammar of numbers', () => {
  const cases: [string, number][] = [
    ['honderd twintig', 120], ['twee honderd', 200], ['twaalf honderd', 1200], ['honderd en vijf', 105], ['vijf en twintig', 25],
    ['duizend vijfhonderd', 1500], ['twenty five', 25], ['one hundred and five', 105], ['a hundred', 100], ['twenty five hundred', 2500],
    ['één', 1], ['een', 1], ['zevenenzeventig', 77], ['two thousand and twenty', 2020],
  ];
  for (const [w, n] of cases) assert.equal(numberInWords(w), n, w);
  // two numbers side by side that make no one number, or words that are no number
  for (const w of ['twaalf vijftig', 'twelve fifty', 'twaalf en vijftig', 'twintig twintig', 'een paar', 'vijf mei', 'drie ritten', 'half acht']) assert.equal(numberInWords(w), null, w);
});

test('number groups: where they stand, pairs stay two, "een" before a number is "about"', () => {
  const values = (t: string) => numberGroups(t).map((g) => g.value);
  assert.deepEqual(values('ik betaalde twaalf vijftig'), [12, 50]);
  assert.deepEqual(values('zeven vijfennegentig'), [7, 95]);
  assert.deepEqual(values('twelve ninety-five'), [12, 95]);
  assert.deepEqual(values('twelve ninety five'), [12, 95]);
  assert.deepEqual(values('honderd twintig vijftig'), [120, 50]);
  assert.deepEqual(values('drie ritten en twee keer'), [3, 2]);
  const [g] = numberGroups('een dertig euro');
  assert.equal(g.value, 30);
  assert.equal(g.about, true);
  assert.equal(numberGroups('een paar cent')[0].article, true);
  assert.equal(numberGroups('a hundred')[0].value, 100);
  // "a twenty": an English article before a number is left out of the group
  assert.deepEqual(values('a twenty'), [20]);
  const t = 'Ze rekenden zeven vijfennegentig.';
  const [a, b] = numberGroups(t);
  assert.equal(t.slice(a.start, b.end), 'zeven vijfennegentig');
});

test('amounts written out count as money, with their currency', () => {
  assert.deepEqual(findMoney('Er is veertien euro afgeschreven.'), [{ cents: 1400, currency: 'EUR' }]);
  assert.deepEqual(findMoney('ze hebben DRIEHONDERDZEVENTIG euro van mijn rekening gehaald'), [{ cents: 37000, currency: 'EUR' }]);
  assert.deepEqual(findMoney('het kost vier euro vijftig per keer'), [{ cents: 450, currency: 'EUR' }]);
  assert.deepEqual(findMoney('they took twenty-five pounds'), [{ cents: 2500, currency: 'GBP' }]);
  // no number: nothing
  assert.deepEqual(findMoney('geen euro meer waard'), []);
  // a figure already found is not found twice
  assert.deepEqual(findMoney('€ 14 (veertien euro)'), [{ cents: 1400, currency: 'EUR' }, { cents: 1400, currency: 'EUR' }]);
});
