import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CALENDAR, validateCalendar } from '../../promises/calendar.ts';
import { formatLocal } from '../../promises/zoned-time.ts';
import { callbackSlots } from './callback-slots.ts';

const local = (d: Date) => formatLocal('Europe/Amsterdam', d.getTime());

test('slots follow opening hours, skip Dutch public holidays and weekends, and start after the lead time', () => {
  // Thursday 24 December 2026, 16:00 in Amsterdam; Christmas (25th, 26th) and the weekend follow
  const slots = callbackSlots({ calendar: DEFAULT_CALENDAR, slotMinutes: 30, capacity: 1, daysAhead: 5, now: new Date('2026-12-24T15:00:00Z'), booked: new Map() });
  assert.deepEqual(slots.slice(0, 2).map((s) => local(s.start)), ['2026-12-24T16:30', '2026-12-28T09:00']);
  assert.equal(local(slots[1].end), '2026-12-28T09:30');
  assert.ok(!slots.some((s) => /2026-12-2[567]/.test(local(s.start))), 'no slot on Christmas, Boxing Day or Sunday');
  assert.equal(slots.filter((s) => local(s.start).startsWith('2026-12-28')).length, 16);
});

test('a full slot is not offered; a partly booked one says how many are left', () => {
  const now = new Date('2026-12-07T07:00:00Z'); // Monday 08:00
  const nine = new Date('2026-12-07T08:00:00Z').getTime();
  const half = new Date('2026-12-07T08:30:00Z').getTime();
  const slots = callbackSlots({ calendar: DEFAULT_CALENDAR, slotMinutes: 30, capacity: 2, daysAhead: 0, now, booked: new Map([[nine, 2], [half, 1]]) });
  assert.equal(local(slots[0].start), '2026-12-07T09:30', 'the 09:00 slot is full');
  assert.equal(slots[0].free, 1);
});

test('a closure and a lunch break are respected; a slot never runs past closing time', () => {
  const calendar = validateCalendar({
    weekly: { 1: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '16:45' }] },
    closures: [{ start: '2026-12-07T09:00', end: '2026-12-07T10:00' }],
  });
  const slots = callbackSlots({ calendar, slotMinutes: 60, capacity: 1, daysAhead: 0, now: new Date('2026-12-07T06:00:00Z'), booked: new Map() });
  assert.deepEqual(slots.map((s) => local(s.start)), ['2026-12-07T10:00', '2026-12-07T11:00', '2026-12-07T13:00', '2026-12-07T14:00', '2026-12-07T15:00']);
});
