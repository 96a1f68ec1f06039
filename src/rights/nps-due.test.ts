import { test } from 'node:test';
import assert from 'node:assert/strict';
import { npsDue } from './nps-due.ts';

const now = new Date('2026-12-07T08:00:05Z');
const daysAgo = (d: number, extraMs = 0) => new Date(now.getTime() - d * 86_400_000 - extraMs);

test('no schedule: never; never sent: now; otherwise after every N days (the daily sweep a little early still counts)', () => {
  assert.equal(npsDue({ everyDays: null, lastSentAt: null, now }), false);
  assert.equal(npsDue({ everyDays: 30, lastSentAt: null, now }), true);
  assert.equal(npsDue({ everyDays: 30, lastSentAt: daysAgo(29), now }), false);
  assert.equal(npsDue({ everyDays: 30, lastSentAt: daysAgo(30, -60_000), now }), true, 'a minute early is the same day');
  assert.equal(npsDue({ everyDays: 30, lastSentAt: daysAgo(31), now }), true);
});
