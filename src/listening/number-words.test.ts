import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dutchNumber, englishNumber } from './number-words.ts';
import { findMoney } from './money.ts';

test('Dutch numbers written as one word', () => {
  const cases: [string, number][] = [
    ['vier', 4], ['veertien', 14], ['twintig', 20], ['drieentwintig', 23], ['drieëntwintig', 23], ['eenenveertig', 41],
    ['honderd', 100], ['honderdvijftig', 150], ['driehonderdzeventig', 370], ['tweehonderdenvijf', 205], ['duizend', 1000], ['tweeduizendvijfhonderd', 2500],
  ];
  for (const [w, n] of cases) assert.equal(dutchNumber(w), n, w);
  for (const w of ['geen', 'alleen', 'tienen', 'honderdje', 'entwintig']) assert.equal(dutchNumber(w), null, w);
});

test('English numbers in words', () => {
  assert.equal(englishNumber('fourteen'), 14);
  assert.equal(englishNumber('twenty-five'), 25);
  assert.equal(englishNumber('three hundred and seventy'), 370);
  assert.equal(englishNumber('a hundred'), 100);
  assert.equal(englishNumber('two thousand'), 2000);
  assert.equal(englishNumber('many'), null);
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
