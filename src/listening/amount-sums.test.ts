import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weighSums, type AmountValue } from './amount-sums.ts';

const v = (cents: number, extra: Partial<AmountValue> = {}): AmountValue => ({ cents, currency: 'EUR', score: 0, reference: false, rate: false, ...extra });

test('usual + extra = total: the extra is disputed, the total is not', () => {
  const usual = v(2000, { reference: true });
  const total = v(5310);
  const extra = v(3310);
  weighSums([usual, total, extra]);
  assert.ok(extra.score > total.score);
  assert.equal(usual.score, 0);
});

test('a total of every part, or a number of times a rate, is disputed', () => {
  const parts = [v(1100), v(850), v(2025)];
  const sum = v(3975);
  weighSums([...parts, sum]);
  assert.ok(parts.every((p) => p.score < sum.score));
  const rate = v(1290, { rate: true });
  const total = v(5160);
  weighSums([rate, total]);
  assert.equal(total.score, 1);
});

test('amounts that do not add up are left alone', () => {
  const xs = [v(500), v(1234), v(999, { reference: true })];
  weighSums(xs);
  assert.deepEqual(xs.map((x) => x.score), [0, 0, 0]);
});
