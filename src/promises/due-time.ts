// Due times in business time: how long a promise ("eerste reactie binnen 4 uur") may take, counting only the
// hours a desk is open. All arithmetic happens on the instants at which each local day's open intervals start and
// end; those are computed once per (calendar, local date) with Intl and cached, so summer time and holidays cost
// nothing per call.
import { invalid } from '../shared/errors.ts';
import { closureRange, parseClock, type BusinessCalendar, type Weekday } from './calendar.ts';
import { holidayPartsOn } from './holidays.ts';
import { DAY_MS, isoDate, localToUtc, MINUTE_MS, weekdayOf } from './zoned-time.ts';

/** A stretch during which the clock stands still (waiting on the customer). `end: null`: still paused now. */
export interface Pause {
  start: Date;
  end: Date | null;
}

/** Local day: UTC ms of its midnights and its open intervals [s0, e0, s1, e1, …] after holidays and closures. */
interface Day {
  start: number;
  end: number;
  open: number[];
}

interface Compiled {
  zone: string;
  weekly: number[][]; // per weekday: [startMin, endMin, …]
  holidays: BusinessCalendar['holidays'];
  closures: number[][]; // [start, end] UTC ms, sorted by start
  days: Map<number, Day>;
}

/** Give up after ten years without enough open time (a calendar closed for good by a closure). */
const HORIZON_DAYS = 3660;
const MAX_CACHED_DAYS = 20_000;

const byObject = new WeakMap<BusinessCalendar, Compiled>();
const byContent = new Map<string, Compiled>();

function compiled(cal: BusinessCalendar): Compiled {
  let c = byObject.get(cal);
  if (c) return c;
  // Calendars are often rebuilt per request from stored JSON; equal content shares one cache.
  const key = JSON.stringify(cal);
  c = byContent.get(key);
  if (!c) {
    if (byContent.size >= 1000) byContent.clear();
    c = {
      zone: cal.timeZone,
      weekly: ([0, 1, 2, 3, 4, 5, 6] as Weekday[]).map((d) =>
        cal.weekly[d].flatMap((iv) => [parseClock(iv.start)!, parseClock(iv.end, true)!]),
      ),
      holidays: cal.holidays,
      closures: cal.closures.map((cl) => closureRange(cl, cal.timeZone)).sort((a, b) => a[0] - b[0]),
      days: new Map(),
    };
    byContent.set(key, c);
  }
  byObject.set(cal, c);
  return c;
}

function day(c: Compiled, n: number): Day {
  let d = c.days.get(n);
  if (d) return d;
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  const midnight = n * DAY_MS;
  const at = (min: number) => localToUtc(c.zone, midnight + min * MINUTE_MS);
  let open: number[] = [];
  const week = c.weekly[weekdayOf(n)];
  for (let i = 0; i < week.length; i += 2) open.push(at(week[i]), at(week[i + 1]));
  if (open.length && c.holidays) {
    for (const h of holidayPartsOn(c.holidays, isoDate(n))) open = subtract(open, at(h.from), at(h.to));
  }
  for (const [s, e] of c.closures) if (open.length && s < open[open.length - 1] && e > open[0]) open = subtract(open, s, e);
  d = { start: at(0), end: at(1440), open };
  c.days.set(n, d);
  return d;
}

/** Removes [s, e) from a sorted interval list. */
function subtract(open: number[], s: number, e: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < open.length; i += 2) {
    const a = open[i], b = open[i + 1];
    if (e <= a || s >= b) out.push(a, b);
    else {
      if (a < s) out.push(a, s);
      if (e < b) out.push(e, b);
    }
  }
  return out;
}

/** Pauses as sorted, merged [start, end, …] in ms; an open pause ends at Infinity. */
function pauseList(pauses: readonly Pause[] | undefined): number[] {
  if (!pauses || pauses.length === 0) return [];
  const list = pauses
    .map((p) => [p.start.getTime(), p.end === null ? Infinity : p.end.getTime()])
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of list) {
    if (out.length && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

function checkInstant(d: Date, what: string): number {
  const t = d instanceof Date ? d.getTime() : NaN;
  if (Number.isNaN(t)) throw invalid('invalid_date', `${what} is not a valid date`);
  return t;
}

/** Local day number of an instant: the UTC date, or the one before or after it (offsets are under 15 hours). */
function dayOf(c: Compiled, t: number): number {
  const n = Math.floor(t / DAY_MS);
  if (t < day(c, n).start) return n - 1;
  return t >= day(c, n).end ? n + 1 : n;
}

/**
 * The earliest moment at which `minutes` of business time have passed since `start`: only open hours count,
 * holidays, closures and pauses do not. Ending exactly at closing time gives closing time (17:00), not the next
 * opening. Returns `null` when an open pause (end null) stops the clock before the time is used up.
 */
export function addBusinessTime(
  start: Date,
  minutes: number,
  calendar: BusinessCalendar,
  pauses?: readonly Pause[],
): Date | null {
  let t = checkInstant(start, 'start');
  if (!Number.isFinite(minutes) || minutes < 0) throw invalid('invalid_duration', `${minutes} is not a number of minutes ≥ 0`);
  if (minutes === 0) return new Date(t);
  const c = compiled(calendar);
  const stops = pauseList(pauses);
  let left = minutes * MINUTE_MS;
  let p = 0;
  const first = Math.floor(t / DAY_MS) - 1;
  for (let n = first; n < first + HORIZON_DAYS; n++) {
    const open = day(c, n).open;
    for (let i = 0; i < open.length; i += 2) {
      const end = open[i + 1];
      if (end <= t) continue;
      t = Math.max(t, open[i]);
      while (t < end) {
        while (p < stops.length && stops[p + 1] <= t) p += 2;
        if (p < stops.length && stops[p] <= t) {
          if (stops[p + 1] === Infinity) return null;
          t = stops[p + 1];
          continue;
        }
        const until = p < stops.length ? Math.min(end, stops[p]) : end;
        if (until - t >= left) return new Date(t + left);
        left -= until - t;
        t = until;
      }
    }
  }
  throw invalid('calendar_no_open_hours', `The calendar has no open hours in the ten years after ${start.toISOString()}`);
}

/** Business minutes between `from` and `to` (0 when `to` is not after `from`), without the paused time. */
export function businessMinutesBetween(
  from: Date,
  to: Date,
  calendar: BusinessCalendar,
  pauses?: readonly Pause[],
): number {
  const a = checkInstant(from, 'from');
  const b = checkInstant(to, 'to');
  if (b <= a) return 0;
  const c = compiled(calendar);
  const stops = pauseList(pauses);
  let total = 0;
  for (let n = Math.floor(a / DAY_MS) - 1; n <= Math.floor(b / DAY_MS) + 1; n++) {
    const open = day(c, n).open;
    for (let i = 0; i < open.length; i += 2) {
      const s = Math.max(a, open[i]), e = Math.min(b, open[i + 1]);
      if (e <= s) continue;
      total += e - s;
      for (let p = 0; p < stops.length; p += 2) total -= Math.max(0, Math.min(e, stops[p + 1]) - Math.max(s, stops[p]));
    }
  }
  return total / MINUTE_MS;
}

/**
 * "Binnen drie werkdagen": closing time of the `days`-th business day after the local date of `start`. The day of
 * `start` itself never counts (as in the Algemene termijnenwet: a term starts the day after), whatever the hour.
 * A business day is a local date with any open time left after holidays and closures. `days = 0` means closing
 * time today when the desk is still to be open after `start`, else closing time of the next business day.
 */
export function addBusinessDays(start: Date, days: number, calendar: BusinessCalendar): Date {
  const t = checkInstant(start, 'start');
  if (!Number.isInteger(days) || days < 0) throw invalid('invalid_duration', `${days} is not a whole number of days ≥ 0`);
  const c = compiled(calendar);
  const today = dayOf(c, t);
  const todayOpen = day(c, today).open;
  if (days === 0 && todayOpen.length && todayOpen[todayOpen.length - 1] > t) return new Date(todayOpen[todayOpen.length - 1]);
  let left = Math.max(days, 1);
  for (let n = today + 1; n <= today + HORIZON_DAYS; n++) {
    const open = day(c, n).open;
    if (open.length && --left === 0) return new Date(open[open.length - 1]);
  }
  throw invalid('calendar_no_open_hours', `The calendar has no open hours in the ten years after ${start.toISOString()}`);
}

/** Closing time of the local day that `date` falls on, or null when the desk is closed all that day. */
export function closingTime(date: Date, calendar: BusinessCalendar): Date | null {
  const c = compiled(calendar);
  const open = day(c, dayOf(c, checkInstant(date, 'date'))).open;
  return open.length ? new Date(open[open.length - 1]) : null;
}

/** Whether the local day that `date` falls on has any open time (after holidays and closures). */
export function isBusinessDay(date: Date, calendar: BusinessCalendar): boolean {
  return closingTime(date, calendar) !== null;
}
