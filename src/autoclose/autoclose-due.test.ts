import { test } from 'node:test';
import assert from 'node:assert/strict';
import { autoCloseStep } from './autoclose-due.ts';

const now = new Date('2026-12-07T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
const rule = { enabled: true, remindAfterDays: 7, closeAfterDays: 14 };

test('off: nothing, however long a case waits', () => {
  assert.equal(autoCloseStep({ ...rule, enabled: false }, { pendingSince: daysAgo(100), remindedAt: null }, now), 'none');
});

test('reminder after N days, not before', () => {
  assert.equal(autoCloseStep(rule, { pendingSince: daysAgo(6.9), remindedAt: null }, now), 'none');
  assert.equal(autoCloseStep(rule, { pendingSince: daysAgo(7), remindedAt: null }, now), 'remind');
});

test('close after M days, only once reminded; reminded cases wait for the close', () => {
  assert.equal(autoCloseStep(rule, { pendingSince: daysAgo(10), remindedAt: daysAgo(3) }, now), 'none');
  assert.equal(autoCloseStep(rule, { pendingSince: daysAgo(14), remindedAt: daysAgo(7) }, now), 'close');
});

test('never closed without a warning: a case long past the close time is reminded first, and closed only after the gap', () => {
  assert.equal(autoCloseStep(rule, { pendingSince: daysAgo(30), remindedAt: null }, now), 'remind');
  assert.equal(autoCloseStep(rule, { pendingSince: daysAgo(30), remindedAt: daysAgo(1) }, now), 'none');
  assert.equal(autoCloseStep(rule, { pendingSince: daysAgo(30), remindedAt: daysAgo(7) }, now), 'close');
});
