import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from '../shared/errors.ts';
import { DEFAULT_CALENDAR, validateCalendar, type BusinessCalendar, type CalendarInput } from './calendar.ts';
import { addBusinessDays, addBusinessTime, businessMinutesBetween, closingTime, isBusinessDay, type Pause } from './due-time.ts';
import { formatLocal, localToUtc } from './zoned-time.ts';

const AMS = 'Europe/Amsterdam';
/** 'YYYY-MM-DDTHH:MM' wall-clock time in a zone → Date */
function at(local: string, zone = AMS): Date {
  const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number);
  return new Date(localToUtc(zone, Date.UTC(y, mo - 1, d, h, mi)));
}
const show = (d: Date | null, zone = AMS) => (d ? formatLocal(zone, d.getTime()) : null);
const pause = (start: string, end: string | null): Pause => ({ start: at(start), end: end ? at(end) : null });

const day = (...ivs: [string, string][]) => ivs.map(([start, end]) => ({ start, end }));
const weekdays = (ivs: { start: string; end: string }[], extra: CalendarInput = {}): BusinessCalendar =>
  validateCalendar({ weekly: { 1: ivs, 2: ivs, 3: ivs, 4: ivs, 5: ivs }, ...extra });
const LUNCH = weekdays(day(['09:00', '12:00'], ['13:00', '17:00']));
const ALL = day(['00:00', '24:00']);
const ALWAYS = validateCalendar({ weekly: { 0: ALL, 1: ALL, 2: ALL, 3: ALL, 4: ALL, 5: ALL, 6: ALL }, holidays: null });
const MON_SAT = validateCalendar({ weekly: { 1: day(['09:00', '17:00']), 2: day(['09:00', '17:00']), 3: day(['09:00', '17:00']),
  4: day(['09:00', '17:00']), 5: day(['09:00', '17:00']), 6: day(['09:00', '17:00']) } });
const NEW_YORK = weekdays(day(['09:00', '17:00']), { timeZone: 'America/New_York', holidays: { country: 'US', region: 'NY' } });

// [what, start (local), minutes, expected (local), calendar, pauses]
const cases: [string, string, number, string | null, BusinessCalendar?, Pause[]?][] = [
  ['within one day', '2026-06-02T10:00', 60, '2026-06-02T11:00'],
  ['ending exactly at closing time gives closing time', '2026-06-02T16:00', 60, '2026-06-02T17:00'],
  ['rolls over to the next morning', '2026-06-02T16:30', 60, '2026-06-03T09:30'],
  ['across a weekend', '2026-06-05T16:00', 120, '2026-06-08T10:00'],
  ['starting before opening', '2026-06-02T07:00', 30, '2026-06-02T09:30'],
  ['starting after closing', '2026-06-02T20:00', 30, '2026-06-03T09:30'],
  ['starting on a Saturday', '2026-06-06T11:00', 30, '2026-06-08T09:30'],
  ['five business days', '2026-06-01T10:00', 5 * 480, '2026-06-08T10:00'],
  ['fractional minutes', '2026-06-02T10:00', 0.5, '2026-06-02T10:00'],
  ['Koningsdag 2026 (Monday 27 April) is skipped', '2026-04-24T16:00', 120, '2026-04-28T10:00'],
  ['starting on Koningsdag', '2026-04-27T10:00', 60, '2026-04-28T10:00'],
  ['Koningsdag 2025 fell on Saturday the 26th: closed on a Mon–Sat calendar', '2025-04-25T16:00', 120, '2025-04-28T10:00', MON_SAT],
  ['an ordinary Saturday is open on a Mon–Sat calendar', '2025-05-02T16:00', 120, '2025-05-03T10:00', MON_SAT],
  ['Christmas 2026 (Friday 25, Saturday 26)', '2026-12-24T16:00', 120, '2026-12-28T10:00'],
  ['Christmas 2025 (Thursday 25, Friday 26)', '2025-12-24T16:00', 120, '2025-12-29T10:00'],
  ['New Year (Oudejaarsdag itself is open)', '2025-12-31T16:00', 120, '2026-01-02T10:00'],
  ['Bevrijdingsdag 2026 is open', '2026-05-04T16:00', 120, '2026-05-05T10:00'],
  ['Hemelvaartsdag 2026', '2026-05-13T16:00', 120, '2026-05-15T10:00'],
  ['summer time starts over the weekend', '2026-03-27T16:00', 120, '2026-03-30T10:00'],
  ['summer time ends over the weekend', '2026-10-23T16:00', 120, '2026-10-26T10:00'],
  ['24/7 through the skipped hour: 4 real hours', '2026-03-28T23:00', 240, '2026-03-29T04:00', ALWAYS],
  ['24/7 through the repeated hour: 4 real hours', '2026-10-24T23:00', 240, '2026-10-25T02:00', ALWAYS],
  ['24/7 for a week ignores holidays when it has none', '2026-04-24T12:00', 7 * 1440, '2026-05-01T12:00', ALWAYS],
  ['two intervals: over lunch', '2026-06-02T11:30', 60, '2026-06-02T13:30', LUNCH],
  ['two intervals: starting in the lunch break', '2026-06-02T12:15', 30, '2026-06-02T13:30', LUNCH],
  ['two intervals: ending exactly at noon', '2026-06-02T11:00', 60, '2026-06-02T12:00', LUNCH],
  ['two intervals: a full day is seven hours', '2026-06-02T09:00', 420, '2026-06-02T17:00', LUNCH],
  ['pause inside the day', '2026-06-02T10:00', 120, '2026-06-02T12:30', DEFAULT_CALENDAR, [pause('2026-06-02T10:30', '2026-06-02T11:00')]],
  ['pause spanning a weekend', '2026-06-05T16:00', 120, '2026-06-08T11:30', DEFAULT_CALENDAR, [pause('2026-06-05T16:30', '2026-06-08T10:00')]],
  ['pause that began before the start', '2026-06-02T10:00', 60, '2026-06-02T12:00', DEFAULT_CALENDAR, [pause('2026-06-02T09:00', '2026-06-02T11:00')]],
  ['overlapping pauses count once', '2026-06-02T10:00', 60, '2026-06-02T12:00', DEFAULT_CALENDAR,
    [pause('2026-06-02T10:00', '2026-06-02T10:45'), pause('2026-06-02T10:30', '2026-06-02T11:00')]],
  ['pauses outside open hours change nothing', '2026-06-02T16:00', 120, '2026-06-03T10:00', DEFAULT_CALENDAR, [pause('2026-06-02T18:00', '2026-06-03T08:00')]],
  ['an open pause stops the clock: no due time', '2026-06-02T10:00', 120, null, DEFAULT_CALENDAR, [pause('2026-06-02T11:00', null)]],
  ['an open pause that starts after the due time does not matter', '2026-06-02T10:00', 60, '2026-06-02T11:00', DEFAULT_CALENDAR, [pause('2026-06-02T11:00', null)]],
];

for (const [what, start, minutes, expected, calendar = DEFAULT_CALENDAR, pauses] of cases) {
  test(`addBusinessTime: ${what}`, () => {
    const due = addBusinessTime(at(start), minutes, calendar, pauses);
    assert.equal(show(due), expected);
    if (due) assert.equal(businessMinutesBetween(at(start), due, calendar, pauses), minutes);
  });
}

test('addBusinessTime: the instants across summer time are exact in UTC', () => {
  assert.equal(addBusinessTime(at('2026-03-27T16:00'), 120, DEFAULT_CALENDAR)?.toISOString(), '2026-03-30T08:00:00.000Z');
  assert.equal(addBusinessTime(at('2026-10-23T16:00'), 120, DEFAULT_CALENDAR)?.toISOString(), '2026-10-26T09:00:00.000Z');
  const start = at('2026-10-24T23:00');
  assert.equal(addBusinessTime(start, 240, ALWAYS)!.getTime() - start.getTime(), 4 * 3_600_000);
});

test('addBusinessTime: New York hours, holidays and summer time (a different Sunday than Europe)', () => {
  const ny = (s: string) => at(s, 'America/New_York');
  // 3 July 2026 is the observed Independence Day
  assert.equal(show(addBusinessTime(ny('2026-07-02T16:00'), 120, NEW_YORK), 'America/New_York'), '2026-07-06T10:00');
  // summer time starts 8 March 2026 in New York
  assert.equal(addBusinessTime(ny('2026-03-06T16:00'), 120, NEW_YORK)?.toISOString(), '2026-03-09T14:00:00.000Z');
  // 09:00 in New York is 15:00 in Amsterdam: the same instant is outside hours for one, inside for the other
  assert.equal(show(addBusinessTime(at('2026-06-02T10:00'), 60, NEW_YORK), 'America/New_York'), '2026-06-02T10:00');
});

test('addBusinessTime: closures of whole days, hours, and instants with an offset', () => {
  const closed = (closures: CalendarInput['closures']) => weekdays(day(['09:00', '17:00']), { closures });
  assert.equal(show(addBusinessTime(at('2026-06-02T16:00'), 120, closed([{ start: '2026-06-03', end: '2026-06-03' }]))), '2026-06-04T10:00');
  assert.equal(show(addBusinessTime(at('2026-06-02T11:00'), 120, closed([{ start: '2026-06-02T12:00', end: '2026-06-02T14:00' }]))), '2026-06-02T15:00');
  assert.equal(show(addBusinessTime(at('2026-06-02T11:00'), 120, closed([{ start: '2026-06-02T10:00Z', end: '2026-06-02T12:00Z' }]))), '2026-06-02T15:00');
  assert.equal(show(addBusinessTime(at('2026-06-04T16:00'), 120, closed([{ start: '2026-06-05', end: '2026-06-09' }]))), '2026-06-10T10:00');
});

test('addBusinessTime: zero minutes is the start itself; bad input is refused', () => {
  assert.equal(addBusinessTime(at('2026-06-06T11:00'), 0, DEFAULT_CALENDAR)?.getTime(), at('2026-06-06T11:00').getTime());
  for (const [start, minutes] of [[at('2026-06-02T10:00'), -1], [at('2026-06-02T10:00'), NaN], [new Date('nope'), 60]] as const) {
    assert.throws(() => addBusinessTime(start, minutes, DEFAULT_CALENDAR), AppError);
  }
});

test('addBusinessTime: a calendar closed for good gives an error, not an endless loop', () => {
  const cal = weekdays(day(['09:00', '17:00']), { closures: [{ start: '2026-01-01', end: '2046-12-31' }] });
  assert.throws(() => addBusinessTime(at('2026-06-02T10:00'), 60, cal), { code: 'calendar_no_open_hours' });
});

test('businessMinutesBetween: weekends, Koningsdag, reversed order', () => {
  assert.equal(businessMinutesBetween(at('2026-06-02T10:00'), at('2026-06-02T12:00'), DEFAULT_CALENDAR), 120);
  assert.equal(businessMinutesBetween(at('2026-04-24T09:00'), at('2026-04-29T09:00'), DEFAULT_CALENDAR), 960);
  assert.equal(businessMinutesBetween(at('2026-06-06T09:00'), at('2026-06-07T20:00'), DEFAULT_CALENDAR), 0);
  assert.equal(businessMinutesBetween(at('2026-06-02T12:00'), at('2026-06-02T10:00'), DEFAULT_CALENDAR), 0);
});

test('businessMinutesBetween: days of 23 and 25 hours, and night hours on those Sundays', () => {
  assert.equal(businessMinutesBetween(at('2026-03-28T12:00'), at('2026-03-29T12:00'), ALWAYS), 23 * 60);
  assert.equal(businessMinutesBetween(at('2026-10-24T12:00'), at('2026-10-25T12:00'), ALWAYS), 25 * 60);
  const nights = validateCalendar({ weekly: { 0: day(['00:00', '06:00']) }, holidays: null });
  assert.equal(businessMinutesBetween(at('2026-03-29T00:00'), at('2026-03-30T00:00'), nights), 300);
  assert.equal(businessMinutesBetween(at('2026-10-25T00:00'), at('2026-10-26T00:00'), nights), 420);
});

test('businessMinutesBetween: an open pause stops the count where it began', () => {
  const p = [pause('2026-06-02T15:00', null)];
  assert.equal(businessMinutesBetween(at('2026-06-02T09:00'), at('2026-06-03T17:00'), DEFAULT_CALENDAR, p), 360);
});

test('addBusinessTime and businessMinutesBetween agree on 3,000 random cases', () => {
  let seed = 42;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 3000; i++) {
    const cal = [DEFAULT_CALENDAR, LUNCH, ALWAYS, NEW_YORK, MON_SAT][i % 5];
    const start = new Date(Date.UTC(2026, 0, 1) + Math.floor(rnd() * 366 * 1440) * 60_000);
    const minutes = 1 + Math.floor(rnd() * 2400);
    const ps = rnd() < 0.3 ? [{ start: new Date(start.getTime() + rnd() * 2 * 86_400_000), end: new Date(start.getTime() + (2 + rnd() * 3) * 86_400_000) }] : undefined;
    const due = addBusinessTime(start, minutes, cal, ps)!;
    assert.ok(due > start);
    assert.ok(Math.abs(businessMinutesBetween(start, due, cal, ps) - minutes) < 1e-9, `${start.toISOString()} +${minutes}`);
  }
});

test('addBusinessDays: closing time of the n-th business day after the start date', () => {
  const days = (start: string, n: number, cal = DEFAULT_CALENDAR) => show(addBusinessDays(at(start), n, cal));
  assert.equal(days('2026-06-01T10:00', 3), '2026-06-04T17:00');
  assert.equal(days('2026-06-01T08:00', 1), '2026-06-02T17:00'); // the start date never counts, whatever the hour
  assert.equal(days('2026-06-05T15:00', 1), '2026-06-08T17:00');
  assert.equal(days('2026-06-06T11:00', 1), '2026-06-08T17:00');
  assert.equal(days('2026-04-24T10:00', 1), '2026-04-28T17:00');
  assert.equal(days('2026-12-23T10:00', 3), '2026-12-29T17:00'); // 24, (25–27 closed), 28, 29
  assert.equal(days('2026-06-01T10:00', 2, LUNCH), '2026-06-03T17:00');
  assert.equal(addBusinessDays(at('2026-03-27T10:00'), 1, DEFAULT_CALENDAR).toISOString(), '2026-03-30T15:00:00.000Z');
});

test('addBusinessDays: zero days is closing time today, or of the next business day', () => {
  assert.equal(show(addBusinessDays(at('2026-06-02T10:00'), 0, DEFAULT_CALENDAR)), '2026-06-02T17:00');
  assert.equal(show(addBusinessDays(at('2026-06-02T08:00'), 0, DEFAULT_CALENDAR)), '2026-06-02T17:00');
  assert.equal(show(addBusinessDays(at('2026-06-02T17:00'), 0, DEFAULT_CALENDAR)), '2026-06-03T17:00');
  assert.equal(show(addBusinessDays(at('2026-06-07T12:00'), 0, DEFAULT_CALENDAR)), '2026-06-08T17:00');
  assert.throws(() => addBusinessDays(at('2026-06-02T10:00'), 1.5, DEFAULT_CALENDAR), { code: 'invalid_duration' });
  assert.throws(() => addBusinessDays(at('2026-06-02T10:00'), -1, DEFAULT_CALENDAR), { code: 'invalid_duration' });
});

test('closing time and business days follow the calendar: holidays and weekends are closed', () => {
  assert.equal(closingTime(new Date('2026-11-24T08:00:00Z'), DEFAULT_CALENDAR)?.toISOString(), '2026-11-24T16:00:00.000Z');
  assert.equal(closingTime(new Date('2026-12-25T10:00:00Z'), DEFAULT_CALENDAR), null); // Christmas
  assert.equal(isBusinessDay(new Date('2026-11-28T10:00:00Z'), DEFAULT_CALENDAR), false); // Saturday
  assert.equal(isBusinessDay(new Date('2026-04-27T10:00:00Z'), DEFAULT_CALENDAR), false); // Koningsdag
  assert.equal(isBusinessDay(new Date('2026-04-28T10:00:00Z'), DEFAULT_CALENDAR), true);
});
