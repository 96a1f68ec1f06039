import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/errors.ts';
import { DEFAULT_CALENDAR, validateCalendar } from './calendar.ts';

function rejects(input: unknown, code: string) {
  assert.throws(() => validateCalendar(input), (e: unknown) => {
    assert.ok(e instanceof AppError, String(e));
    assert.equal(e.code, code, e.message);
    assert.equal(e.status, 422);
    return true;
  });
}

test('an empty object is the default calendar', () => {
  assert.deepEqual(validateCalendar({}), DEFAULT_CALENDAR);
  assert.equal(DEFAULT_CALENDAR.timeZone, 'Europe/Amsterdam');
  assert.deepEqual(DEFAULT_CALENDAR.weekly[1], [{ start: '09:00', end: '17:00' }]);
  assert.deepEqual(DEFAULT_CALENDAR.weekly[0], []);
  assert.ok(Object.isFrozen(DEFAULT_CALENDAR.weekly[1]));
});

test('weekday keys may be strings (JSON), intervals are sorted, days left out are closed', () => {
  const cal = validateCalendar({
    timeZone: 'america/new_york',
    weekly: { '2': [{ start: '13:00', end: '17:00' }, { start: '09:00', end: '12:00' }] },
    holidays: { country: 'US', region: 'NY' },
    closures: [{ start: '2026-12-24', end: '2026-12-24', reason: 'Kerstborrel' }],
  });
  assert.equal(cal.timeZone, 'America/New_York');
  assert.deepEqual(cal.weekly[2], [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }]);
  assert.deepEqual(cal.weekly[1], []);
  assert.deepEqual(cal.holidays, { country: 'US', region: 'NY' });
  assert.equal(cal.closures[0].reason, 'Kerstborrel');
});

test('a 24/7 calendar and adjacent intervals are fine', () => {
  const all = [{ start: '00:00', end: '24:00' }];
  const cal = validateCalendar({ weekly: { 0: all, 1: all, 2: all, 3: all, 4: all, 5: all, 6: all }, holidays: null });
  assert.equal(cal.holidays, null);
  validateCalendar({ weekly: { 1: [{ start: '08:00', end: '12:00' }, { start: '12:00', end: '16:00' }] } });
});

test('unknown time zone', () => {
  rejects({ timeZone: 'Europe/Amsterdm' }, 'calendar_unknown_time_zone');
  rejects({ timeZone: '' }, 'calendar_unknown_time_zone');
});

test('times out of range or badly written', () => {
  rejects({ weekly: { 1: [{ start: '09:00', end: '25:00' }] } }, 'calendar_invalid_time');
  rejects({ weekly: { 1: [{ start: '09:60', end: '17:00' }] } }, 'calendar_invalid_time');
  rejects({ weekly: { 1: [{ start: '9:00', end: '17:00' }] } }, 'calendar_invalid_time');
  rejects({ weekly: { 1: [{ start: '24:00', end: '24:00' }] } }, 'calendar_invalid_time');
  rejects({ weekly: { 1: [{ start: '09:00' }] } }, 'calendar_invalid_time');
});

test('intervals that end before they start, or overlap', () => {
  rejects({ weekly: { 1: [{ start: '17:00', end: '09:00' }] } }, 'calendar_interval_ends_before_start');
  rejects({ weekly: { 1: [{ start: '09:00', end: '09:00' }] } }, 'calendar_interval_ends_before_start');
  rejects({ weekly: { 1: [{ start: '09:00', end: '12:30' }, { start: '12:00', end: '17:00' }] } }, 'calendar_overlapping_intervals');
});

test('no open hours at all', () => {
  rejects({ weekly: {} }, 'calendar_no_open_hours');
  rejects({ weekly: { 0: [], 1: [], 6: [] } }, 'calendar_no_open_hours');
});

test('bad weekly shapes, holidays and closures', () => {
  rejects(null, 'calendar_invalid');
  rejects({ weekly: { 7: [{ start: '09:00', end: '17:00' }] } }, 'calendar_invalid_weekly');
  rejects({ weekly: { 1: { start: '09:00', end: '17:00' } } }, 'calendar_invalid_weekly');
  rejects({ holidays: { country: 'XX' } }, 'calendar_unknown_holiday_region');
  rejects({ holidays: { country: 'NL', region: 'Utrecht' } }, 'calendar_unknown_holiday_region');
  rejects({ closures: [{ start: '2026-12-24' }] }, 'calendar_invalid_closure');
  rejects({ closures: [{ start: '2026-02-30', end: '2026-03-01' }] }, 'calendar_invalid_closure');
  rejects({ closures: [{ start: '2026-12-24T14:00', end: '2026-12-24T12:00' }] }, 'calendar_invalid_closure');
  rejects({ closures: [{ start: 'morgen', end: 'overmorgen' }] }, 'calendar_invalid_closure');
});
