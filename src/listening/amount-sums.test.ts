import { test } from 'node:test';
import assert from 'node:assert/strict';
import { weighSums, type AmountValue } from './amount-sums.ts';

const v = (cents: number, extra: Partial<AmountValue> = {}): AmountValue => ({ cents, currency: 'EUR', score: 0, reference: false, rate: false, ...extra });

test('usual + item = total: the item named on the bill is disputed, the total is not', () => {
  const usual = v(2000, { reference: true });
  const total = v(5310);
  const extra = v(3310, { item: true });
  weighSums([usual, total, extra]);
  assert.ok(extra.score > total.score);
  assert.equal(usual.score, 0);
  // a part the customer calls right makes the rest the item in dispute
  const right = v(600, { reference: true, acknowledged: true });
  const bill = v(4100);
  const wrong = v(3500);
  weighSums([right, wrong, bill]);
  assert.ok(wrong.score > bill.score);
});

test('usual + difference = charge: the charge is disputed; unworded, or among quoted bill lines, it is left to a person', () => {
  const usual = v(250, { reference: true });
  const charged = v(1890);
  const tooMuch = v(1640, { difference: true });
  weighSums([usual, charged, tooMuch]);
  assert.ok(charged.score > tooMuch.score);
  assert.ok(!charged.unsure);
  const asked = [v(250, { reference: true }), v(1890), v(1640, { refund: true })];
  weighSums(asked);
  assert.ok(asked[1].score > asked[2].score && !asked[1].unsure);
  const lines = [v(250, { reference: true }), v(1890), v(1640, { difference: true, refund: true })];
  weighSums(lines, { billLines: true });
  assert.deepEqual(lines.map((x) => Boolean(x.unsure)), [false, true, true]);
  const bare = [v(250, { reference: true }), v(1890), v(1640)];
  weighSums(bare);
  assert.deepEqual(bare.map((x) => Boolean(x.unsure)), [false, true, true]);
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

test('what a balance lost is the charge; a difference of two charges is not', () => {
  const from = v(3000, { balance: true });
  const to = v(770, { balance: true });
  const lost = v(2230);
  weighSums([from, to, lost]);
  assert.ok(lost.score > 0);
  const first = v(1480);
  const second = v(560);
  const diff = v(920, { difference: true });
  weighSums([first, second, diff]);
  assert.ok(diff.score < first.score);
});

test('amounts that do not add up are left alone', () => {
  const xs = [v(500), v(1234), v(999, { reference: true })];
  weighSums(xs);
  assert.deepEqual(xs.map((x) => x.score), [0, 0, 0]);
});
