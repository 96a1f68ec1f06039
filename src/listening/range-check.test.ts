import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countRecordIsReal, outsideRange } from './range-check.ts';

test('outsideRange: beyond the seen range by more than 5% of its width', () => {
  assert.equal(outsideRange(5, undefined, undefined), null); // nothing seen yet
  assert.equal(outsideRange(104, 0, 100), null); // within the margin
  assert.equal(outsideRange(106, 0, 100), 'above');
  assert.equal(outsideRange(-6, 0, 100), 'below');
  assert.equal(outsideRange(50, 0, 100), null);
  assert.equal(outsideRange(10.2, 10, 10), 'above'); // a flat line that moves
  assert.equal(outsideRange(12, 10, 20, 0.25), null);
});

test('countRecordIsReal: a record count must also be beyond Poisson noise', () => {
  assert.equal(countRecordIsReal(3, 0.5), false); // P(X >= 3 | 0.5) ~ 0.014: a quiet topic's odd 3
  assert.equal(countRecordIsReal(5, 0.5), true); // ~ 0.00017
  assert.equal(countRecordIsReal(12, 4), true);
  assert.equal(countRecordIsReal(35, 31), false); // hardly above the episode's peak of 31
  assert.equal(countRecordIsReal(52, 31), true);
  assert.equal(countRecordIsReal(2, 0), false); // rate 0 is floored, not a division by zero
});
