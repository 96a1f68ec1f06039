import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIRMATIONS_PER_DAY, confirmationVerdict } from './subscribe-limits.ts';

const at = (min: number) => new Date(Date.UTC(2026, 11, 7, 8, 0) + min * 60_000);
const fresh = { confirm_sent_at: null, confirm_count: 0, confirm_window_start: null };

test('a new address is sent a confirmation; a repeat within ten minutes quietly is not', () => {
  assert.deepEqual(confirmationVerdict(fresh, at(0)), { send: true, count: 1, windowStart: at(0) });
  assert.deepEqual(confirmationVerdict({ confirm_sent_at: at(0), confirm_count: 1, confirm_window_start: at(0) }, at(9)), { send: false, refuse: false });
  assert.deepEqual(confirmationVerdict({ confirm_sent_at: at(0), confirm_count: 1, confirm_window_start: at(0) }, at(10)), { send: true, count: 2, windowStart: at(0) });
});

test('at most three a day, counted from the first; the refusal says when it may be asked again', () => {
  const full = { confirm_sent_at: at(30), confirm_count: CONFIRMATIONS_PER_DAY, confirm_window_start: at(0) };
  assert.deepEqual(confirmationVerdict(full, at(31)), { send: false, refuse: true, retryAt: at(24 * 60) });
  assert.deepEqual(confirmationVerdict(full, at(24 * 60 - 1)), { send: false, refuse: true, retryAt: at(24 * 60) });
  assert.deepEqual(confirmationVerdict(full, at(24 * 60)), { send: true, count: 1, windowStart: at(24 * 60) });
});

test('an address from before the count existed starts a window', () => {
  assert.deepEqual(confirmationVerdict({ confirm_sent_at: at(0), confirm_count: 0, confirm_window_start: null }, at(60)), { send: true, count: 1, windowStart: at(60) });
});
