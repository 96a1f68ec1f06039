// Business-hours calendars: when a desk is open, in which time zone, and which days it is closed.
import { invalid } from '../shared/errors.ts';
import { isKnownHolidayRegion, type HolidayRegion } from './holidays.ts';
import { canonicalTimeZone, DAY_MS, localToUtc } from './zoned-time.ts';

export type { HolidayRegion } from './holidays.ts';

/** Sunday = 0 … Saturday = 6, as Date#getDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** Opening hours within one day, local wall-clock 'HH:MM'. `end` may be '24:00' (midnight at the end of the day). */
export interface OpenInterval {
  start: string;
  end: string;
}

/**
 * A period the desk is closed besides holidays (a training day, a move). A date ('2026-12-24') means the whole
 * local day, and for `end` it includes that day. A date-time without an offset ('2026-12-24T12:00') is local
 * wall-clock time in the calendar's zone; with 'Z' or an offset it is that instant.
 */
export interface Closure {
  start: string;
  end: string;
  reason?: string;
}

export interface BusinessCalendar {
  /** IANA name, canonical as Intl spells it */
  timeZone: string;
  /** sorted, non-overlapping open intervals per weekday */
  weekly: Record<Weekday, OpenInterval[]>;
  /** whose public holidays close the desk; null for none */
  holidays: HolidayRegion | null;
  closures: Closure[];
}

/** What a user or the API may send; everything left out takes the default's value. */
export interface CalendarInput {
  timeZone?: string;
  weekly?: Partial<Record<Weekday | `${Weekday}`, OpenInterval[]>>;
  holidays?: HolidayRegion | null;
  closures?: Closure[];
}

const WEEKDAYS: readonly Weekday[] = [0, 1, 2, 3, 4, 5, 6];
const officeHours = (): OpenInterval[] => [{ start: '09:00', end: '17:00' }];

/** Monday to Friday 09:00–17:00 in Amsterdam, closed on Dutch public holidays. */
export const DEFAULT_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'Europe/Amsterdam',
  weekly: { 0: [], 1: officeHours(), 2: officeHours(), 3: officeHours(), 4: officeHours(), 5: officeHours(), 6: [] },
  holidays: { country: 'NL' },
  closures: [],
});

/** Checks a calendar and fills in defaults; throws an AppError (422) that says what to fix. */
export function validateCalendar(input: unknown): BusinessCalendar {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw invalid('calendar_invalid', 'A calendar must be an object with timeZone, weekly, holidays and closures');
  }
  const raw = input as CalendarInput;

  const zoneIn = raw.timeZone ?? DEFAULT_CALENDAR.timeZone;
  const timeZone = canonicalTimeZone(zoneIn);
  if (!timeZone) throw invalid('calendar_unknown_time_zone', `Unknown time zone "${String(zoneIn)}"; use an IANA name such as Europe/Amsterdam`);

  const weeklyIn = raw.weekly ?? DEFAULT_CALENDAR.weekly;
  const weekly = validateWeekly(weeklyIn);
  if (WEEKDAYS.every((d) => weekly[d].length === 0)) {
    throw invalid('calendar_no_open_hours', 'The calendar has no open hours on any weekday, so no due time can ever be reached');
  }

  const holidays = raw.holidays === undefined ? DEFAULT_CALENDAR.holidays : checkHolidays(raw.holidays);
  const closuresIn = raw.closures ?? [];
  if (!Array.isArray(closuresIn)) throw invalid('calendar_invalid_closure', 'closures must be a list');
  const closures = closuresIn.map((c, i) => checkClosure(c, i, timeZone));

  return { timeZone, weekly, holidays: holidays && { ...holidays }, closures };
}

/**
 * Checks a week of intervals (weekday number → 'HH:MM' intervals, sorted, not overlapping) the way a
 * calendar's are checked; days left out are empty. For schedules that may be empty on every day.
 */
export function validateWeekly(input: unknown): Record<Weekday, OpenInterval[]> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalid('calendar_invalid_weekly', 'weekly must map weekday numbers (0 = Sunday … 6 = Saturday) to lists of intervals');
  }
  for (const key of Object.keys(input)) {
    if (!/^[0-6]$/.test(key)) throw invalid('calendar_invalid_weekly', `Unknown weekday "${key}"; use 0 (Sunday) to 6 (Saturday)`);
  }
  const weekly = {} as Record<Weekday, OpenInterval[]>;
  for (const day of WEEKDAYS) weekly[day] = checkDay(day, (input as Record<string, unknown>)[day] ?? []);
  return weekly;
}

/** Minutes from local midnight of 'HH:MM' (00:00–23:59, and 24:00 when it may end a day), or null. */
export function parseClock(hhmm: unknown, allowEndOfDay = false): number | null {
  if (typeof hhmm !== 'string') return null;
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]), min = Number(m[2]);
  if (min > 59) return null;
  if (h < 24) return h * 60 + min;
  return allowEndOfDay && h === 24 && min === 0 ? 1440 : null;
}

/** The closed stretch of a closure as UTC ms [start, end), in the calendar's zone. */
export function closureRange(closure: Closure, timeZone: string): [number, number] {
  return [parseMoment(closure.start, timeZone, false), parseMoment(closure.end, timeZone, true)];
}

function checkDay(day: Weekday, list: unknown): OpenInterval[] {
  if (!Array.isArray(list)) throw invalid('calendar_invalid_weekly', `Weekday ${day} must have a list of open intervals`);
  const parsed = list.map((iv: Partial<OpenInterval> | null) => {
    const start = parseClock(iv?.start);
    const end = parseClock(iv?.end, true);
    if (start === null || end === null) {
      throw invalid('calendar_invalid_time', `Weekday ${day}: "${iv?.start}"–"${iv?.end}" is not a valid time; use HH:MM from 00:00 to 24:00`);
    }
    if (end <= start) {
      throw invalid('calendar_interval_ends_before_start', `Weekday ${day}: the interval ${iv!.start}–${iv!.end} ends before it starts`);
    }
    return { start, end, interval: { start: iv!.start!, end: iv!.end! } };
  });
  parsed.sort((a, b) => a.start - b.start);
  for (let i = 1; i < parsed.length; i++) {
    if (parsed[i].start < parsed[i - 1].end) {
      const a = parsed[i - 1].interval, b = parsed[i].interval;
      throw invalid('calendar_overlapping_intervals', `Weekday ${day}: ${a.start}–${a.end} overlaps ${b.start}–${b.end}`);
    }
  }
  return parsed.map((p) => p.interval);
}

function checkHolidays(h: unknown): HolidayRegion | null {
  if (h === null) return null;
  const place = h as Partial<HolidayRegion>;
  if (typeof place !== 'object' || !isKnownHolidayRegion(place.country as string, place.region)) {
    throw invalid(
      'calendar_unknown_holiday_region',
      `Unknown holiday country or region ${JSON.stringify(h)}; use an ISO country code such as "NL", or null for no holidays`,
    );
  }
  return place.region === undefined ? { country: place.country! } : { country: place.country!, region: place.region };
}

function checkClosure(c: unknown, i: number, timeZone: string): Closure {
  const closure = c as Partial<Closure> | null;
  if (typeof closure?.start !== 'string' || typeof closure.end !== 'string') {
    throw invalid('calendar_invalid_closure', `Closure ${i + 1} needs a start and an end (ISO date or date-time)`);
  }
  const [start, end] = closureRange(closure as Closure, timeZone);
  if (Number.isNaN(start) || Number.isNaN(end)) {
    throw invalid('calendar_invalid_closure', `Closure ${i + 1}: "${closure.start}" or "${closure.end}" is not an ISO date or date-time`);
  }
  if (end <= start) throw invalid('calendar_invalid_closure', `Closure ${i + 1} ends before it starts`);
  const out: Closure = { start: closure.start, end: closure.end };
  if (typeof closure.reason === 'string') out.reason = closure.reason;
  return out;
}

const MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** UTC ms of an ISO date or date-time (NaN when invalid); a date as an end means the end of that day. */
function parseMoment(text: string, timeZone: string, isEnd: boolean): number {
  const m = MOMENT.exec(text);
  if (!m) return NaN;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((v) => (v === undefined ? undefined : Number(v))) as number[];
  const local = Date.UTC(y, mo - 1, d, h, mi, s, m[7] ? Number(m[7].padEnd(3, '0')) : 0);
  const back = new Date(local);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return NaN;
  if (m[4] === undefined) return localToUtc(timeZone, local + (isEnd ? DAY_MS : 0));
  if (m[8] === undefined) return localToUtc(timeZone, local);
  const sign = m[8] === 'Z' ? 0 : m[8][0] === '-' ? -1 : 1;
  const off = sign === 0 ? 0 : sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(-2)));
  return local - off * 60_000;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
