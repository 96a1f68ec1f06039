import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryDelayMs } from './jobs.ts';

test('retries back off exponentially with jitter and a one-hour cap', () => {
  assert.equal(retryDelayMs(1, 0.5), 10_000);
  assert.equal(retryDelayMs(2, 0.5), 20_000);
  assert.equal(retryDelayMs(4, 0.5), 80_000);
  assert.equal(retryDelayMs(30, 0.5), 3_600_000);
  assert.ok(retryDelayMs(1, 0) >= 7_500 && retryDelayMs(1, 1) <= 12_500);
});
