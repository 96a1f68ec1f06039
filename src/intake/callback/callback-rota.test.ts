import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CALENDAR } from '../../promises/calendar.ts';
import { formatLocal } from '../../promises/zoned-time.ts';
import { AppError } from '../../shared/errors.ts';
import { callbackSlots } from './callback-slots.ts';
import { type AgentHours, dayNumber, onDuty, validateAgentHours } from './callback-rota.ts';

const zone = 'Europe/Amsterdam';
const local = (d: Date) => formatLocal(zone, d.getTime());
const at = (iso: string, minutes = 30) => [new Date(iso).getTime(), new Date(iso).getTime() + minutes * 60_000] as const;
const hours = (agentId: string, weekly: Record<string, { start: string; end: string }[]>, absences: { start: string; end: string }[] = []): AgentHours =>
  ({ agentId, ...validateAgentHours({ weekly, absences }) });

test('an agent is on duty for a slot wholly inside their hours on that local weekday, not on a day they are away', () => {
  const anna = hours('anna', { 1: [{ start: '09:00', end: '12:00' }] }, [{ start: '2026-12-14', end: '2026-12-18' }]);
  const bram = hours('bram', { 1: [{ start: '11:00', end: '17:00' }], 2: [{ start: '09:00', end: '17:00' }] });
  // Monday 7 December 2026, winter time (UTC+1)
  assert.deepEqual(onDuty([anna, bram], zone, ...at('2026-12-07T08:00:00Z')), ['anna'], '09:00–09:30 local');
  assert.deepEqual(onDuty([anna, bram], zone, ...at('2026-12-07T10:00:00Z')), ['anna', 'bram'], '11:00–11:30 local');
  assert.deepEqual(onDuty([anna, bram], zone, ...at('2026-12-07T10:30:00Z', 60)), ['bram'], '11:30–12:30 runs past Anna\'s 12:00');
  assert.deepEqual(onDuty([anna, bram], zone, ...at('2026-12-08T08:00:00Z')), ['bram'], 'Tuesday: only Bram works');
  assert.deepEqual(onDuty([anna, bram], zone, ...at('2026-12-14T08:00:00Z')), [], 'Monday 14th: Anna is away, Bram starts at 11');
  assert.deepEqual(onDuty([anna, bram], zone, ...at('2026-12-21T08:00:00Z')), ['anna'], 'the day after the absence she is back');
});

test('summer time: the hours are wall-clock hours in the desk\'s zone', () => {
  const anna = hours('anna', { 1: [{ start: '09:00', end: '10:00' }] });
  assert.deepEqual(onDuty([anna], zone, ...at('2026-06-01T07:00:00Z')), ['anna'], '09:00 in June is 07:00 UTC');
  assert.deepEqual(onDuty([anna], zone, ...at('2026-06-01T08:00:00Z')), []);
});

test('the slots follow the rota: a slot takes as many callbacks as agents on duty then, less what is booked', () => {
  const anna = hours('anna', { 1: [{ start: '09:00', end: '12:00' }] });
  const bram = hours('bram', { 1: [{ start: '11:00', end: '17:00' }] });
  const now = new Date('2026-12-07T06:00:00Z'); // Monday 07:00
  const eleven = new Date('2026-12-07T10:00:00Z').getTime();
  const slots = callbackSlots({
    calendar: DEFAULT_CALENDAR, slotMinutes: 30, capacity: 1, daysAhead: 0, now, booked: new Map([[eleven, 1]]),
    capacityAt: (s, e) => onDuty([anna, bram], zone, s, e).length,
  });
  assert.equal(slots.length, 16, '09:00–17:00 is covered by one of them at every slot');
  assert.equal(slots.find((s) => local(s.start) === '2026-12-07T11:00')?.free, 1, 'two on duty, one booked');
  const nobody = callbackSlots({ calendar: DEFAULT_CALENDAR, slotMinutes: 30, capacity: 1, daysAhead: 0, now, booked: new Map(), capacityAt: (s, e) => onDuty([anna], zone, s, e).length });
  assert.deepEqual([local(nobody[0].start), local(nobody.at(-1)!.start)], ['2026-12-07T09:00', '2026-12-07T11:30'], 'with only Anna, nothing after her hours');
});

test('bad hours and absences are refused with what to fix', () => {
  const code = (f: () => unknown) => { try { f(); return 'ok'; } catch (e) { return (e as AppError).code; } };
  assert.equal(code(() => validateAgentHours({ weekly: { 1: [{ start: '09:00', end: '08:00' }] } })), 'calendar_interval_ends_before_start');
  assert.equal(code(() => validateAgentHours({ weekly: { 8: [] } })), 'calendar_invalid_weekly');
  assert.equal(code(() => validateAgentHours({ absences: [{ start: '2026-02-30', end: '2026-03-01' }] })), 'absence_invalid_date');
  assert.equal(code(() => validateAgentHours({ absences: [{ start: '2026-03-02', end: '2026-03-01' }] })), 'absence_ends_before_start');
  assert.equal(code(() => validateAgentHours({ absences: 'soon' })), 'absences_invalid');
  assert.equal(code(() => validateAgentHours({})), 'ok', 'no hours at all: takes no callbacks');
  assert.equal(dayNumber('1970-01-02'), 1);
});
