// When a promise is due: the time expression of a clause (time-phrases.ts) read against the clock, the account's
// zone and its business calendar. Pure.
//
// chrono-node reads explicit calendar dates ("3 december", "15/12"); everything relative is read by our own rules,
// because chrono 2.10 ignores IANA zone names (it knows only abbreviations and fixed offsets), uses one offset for
// the whole computation (wrong across a DST change), and misses "binnen drie werkdagen", "eind van de week",
// "vóór 12:00" and more. So chrono only ever gives us a calendar day; wall-clock times become instants here, per day.
import type { FindPromisesOptions } from './find-promises.ts';
import { NUMBER_WORDS, type DaySpec, type DurationSpec, type PartOfDay, type Rule, type TimePhrases } from './time-phrases.ts';
import { DAY_MS, localToUtc, utcToLocal, zoneOffsetMs } from './zoned-time.ts';

/**
 * How precise the time is: a window ("tussen 8 en 12"), a clock time ("om 10:30"), a part of a day
 * ("donderdagochtend"), a whole day ("dinsdag"), or a deadline ("uiterlijk vrijdag", "binnen drie werkdagen").
 * A visit is an appointment for all but a deadline.
 */
export type Precision = 'window' | 'clock' | 'part' | 'day' | 'deadline';
export interface When {
  dueAt: Date;
  windowStart: Date | null;
  precision: Precision;
  /** where a part of the day or a whole day begins ("donderdagochtend" 08:00): an appointment's window */
  from: Date | null;
}

/** how a part of the day runs when no hour is given: "morgenochtend" → 08:00–12:00, "vanmiddag" → 12:00–17:00 */
export const PARTS: Record<PartOfDay, [from: number, to: number]> = { morning: [8, 12], afternoon: [12, 17], evening: [17, 21] };
/**
 * A deadline word just before the day or time ("uiterlijk vrijdag", "by Friday", "ten laatste op 19 december") or
 * just after it ("vrijdag op zijn laatst", "Friday at the latest"); "before arrival on Tuesday" names a day, not a deadline.
 */
const DEADLINE_BEFORE = /\b(?:uiterlijk|binnen|vóór|voor|ten\s+laatste|tegen|niet\s+later\s+dan|by|before|within|no\s+later\s+than)\s+(?:(?:op|on|de|the|a\.s\.|aanstaande|komende|this|next|coming)\s+)?$/i;
/** "uw bestelling van maandag", "your order of 3 December": a day that names a thing, not when it is due */
const REFERENCE = /\b(?:van|of|dated)\s+$/i;
const DEADLINE_AFTER = /^\S*\s*(?:\S+\s+){0,3}?(?:op\s+zijn\s+laatst|uiterlijk|at\s+the\s+latest|latest)\b/i;

export function resolveWhen(clause: string, p: TimePhrases, opts: FindPromisesOptions): When | null {
  const cal = calendar(opts);
  const duration = first(p.durations, clause);
  if (duration) return { dueAt: afterDuration(duration, cal, opts), windowStart: null, precision: 'deadline', from: null };

  const weekOf = p.weekOf.test(clause);
  const reference = (at: { index: number } | null) => at !== null && !weekOf && REFERENCE.test(clause.slice(Math.max(0, at.index - 8), at.index));
  let date = explicitDate(clause, p, opts);
  if (date === 'past') return null;
  if (reference(date)) date = null;
  const explicit = date?.day ?? null;
  let dayMatch = explicit === null ? firstAt(p.days, clause) : null;
  if (dayMatch && dayMatch.value.type !== 'month' && reference(dayMatch)) dayMatch = null;
  const daySpec = dayMatch?.value ?? null;
  let day = explicit ?? (daySpec ? resolveDay(daySpec, cal) : null);
  // "in de week van 15 december": by the end of that week
  if (explicit !== null && weekOf) day = lastBusinessDay(explicit - (isoWeekday(explicit) - 1) + 6, cal) ?? explicit;
  const timeMatch = firstAt(p.times, clause);
  const time = timeMatch?.value ?? null;
  if (day === null && time === null) return null;

  const partOfDay = daySpec && 'part' in daySpec ? daySpec.part : undefined;
  const near = (at: { index: number; length: number } | null | undefined) =>
    at != null && (DEADLINE_BEFORE.test(clause.slice(Math.max(0, at.index - 30), at.index)) || DEADLINE_AFTER.test(clause.slice(at.index + at.length, at.index + at.length + 40)));
  const deadline = near(date) || near(dayMatch) || near(timeMatch) || (daySpec !== null && ['endOfWeek', 'endOfMonth', 'month', 'afterWeekend'].includes(daySpec.type));
  const pm = p.afterNoon.test(clause);
  const compute = (d: number): When => {
    if (time?.type === 'window') {
      // "'s middags tussen 1 en 3" is 13:00–15:00; "tussen 8 en 12 …, en bel u vanmiddag" stays 08:00–12:00
      const read = (asPm: boolean) => [readTime(time.from, asPm), readTime(time.to, asPm)];
      let [from, to] = read(pm);
      if (pm && to[0] * 60 + to[1] <= from[0] * 60 + from[1]) [from, to] = read(false);
      if (to[0] * 60 + to[1] <= from[0] * 60 + from[1]) to[0] += 12; // "tussen 10 en 2" = 10:00–14:00
      return { dueAt: cal.at(d, to[0], to[1]), windowStart: cal.at(d, from[0], from[1]), precision: 'window', from: null };
    }
    if (time?.type === 'by' || time?.type === 'at') {
      const [h, min] = readTime(time.at, pm);
      return { dueAt: cal.at(d, h, min), windowStart: null, precision: time.type === 'by' || deadline ? 'deadline' : 'clock', from: null };
    }
    if (time?.type === 'from') {
      const [h, min] = readTime(time.at, pm);
      const end = cal.endOfDay(d);
      const start = cal.at(d, h, min);
      return { dueAt: end > start ? end : cal.at(d, 23, 59), windowStart: start, precision: 'window', from: null };
    }
    const part = time?.type === 'part' ? time.part : partOfDay;
    if (part) return { dueAt: cal.at(d, PARTS[part][1], 0), windowStart: null, precision: deadline ? 'deadline' : 'part', from: cal.at(d, PARTS[part][0], 0) };
    return { dueAt: cal.endOfDay(d), windowStart: null, precision: deadline || time?.type === 'endOfDay' ? 'deadline' : 'day', from: cal.at(d, 8, 0) };
  };

  if (day === null) {
    // Only a time ("vóór 12:00"): today while it is still ahead, else the next business day.
    const today = compute(cal.today);
    if (today.dueAt > opts.now) return today;
    let d = cal.today + 1;
    while (!cal.isBusinessDay(d)) d++;
    return compute(d);
  }
  const result = compute(day);
  // "vandaag nog" after closing time: the promise still stands, until the end of the day.
  if (result.dueAt <= opts.now && day === cal.today && (time === null || time.type === 'endOfDay') && !partOfDay) {
    return { dueAt: cal.at(day, 23, 59), windowStart: null, precision: 'deadline', from: null };
  }
  return result;
}

function first<T>(rules: Rule<T>[], text: string): T | null {
  return firstAt(rules, text)?.value ?? null;
}

/** the first rule that matches, with where its words are in the clause */
function firstAt<T>(rules: Rule<T>[], text: string): { value: T; index: number; length: number } | null {
  for (const rule of rules) {
    const m = rule.pattern.exec(text);
    if (m) return { value: rule.read(m), index: m.index, length: m[0].length };
  }
  return null;
}

function afterDuration({ amount, unit }: DurationSpec, cal: Calendar, opts: FindPromisesOptions): Date {
  switch (unit) {
    case 'minute': return new Date(opts.now.getTime() + amount * 60_000);
    case 'hour': return new Date(opts.now.getTime() + amount * 3_600_000); // real hours, also across DST
    case 'day': return cal.endOfBusinessDay(cal.today + amount);
    case 'week': return cal.endOfBusinessDay(cal.today + 7 * amount);
    case 'businessDay': return cal.endOfBusinessDay(cal.dayOf(opts.addBusinessDays(opts.now, amount)));
  }
}

/** A day number (days since 1970-01-01 in the account's zone) for a parsed day expression. */
function resolveDay(spec: DaySpec, cal: Calendar): number {
  const weekday = isoWeekday(cal.today);
  const monday = cal.today - (weekday - 1);
  switch (spec.type) {
    case 'offset': return cal.today + spec.days;
    case 'weekday':
      // A bare weekday is the next one to come, never today: on a Tuesday, "dinsdag" is next week.
      if (spec.nextWeek) return monday + 7 + (spec.weekday - 1);
      return cal.today + ((spec.weekday - weekday + 7) % 7 || 7);
    case 'endOfWeek': {
      // The last business day of the week; if this week has none left, next week's.
      const sunday = monday + 6 + 7 * spec.weeksAhead;
      return lastBusinessDay(sunday, cal) ?? lastBusinessDay(sunday + 7, cal)!;
    }
    case 'endOfMonth': {
      const t = new Date(cal.today * DAY_MS);
      const last = Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0) / DAY_MS;
      return lastBusinessDay(last, cal) ?? lastBusinessDay(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 2, 0) / DAY_MS, cal)!;
    }
    case 'afterWeekend': {
      let d = monday + 7;
      while (!cal.isBusinessDay(d)) d++;
      return d;
    }
    case 'month': {
      // this year's month if it has not passed, else next year's; the day itself or the last business day before it
      const year = new Date(cal.today * DAY_MS).getUTCFullYear();
      const dayIn = (y: number) => (spec.day === 'last' ? Date.UTC(y, spec.month, 0) : Date.UTC(y, spec.month - 1, spec.day)) / DAY_MS;
      const target = dayIn(year) >= cal.today ? dayIn(year) : dayIn(year + 1);
      return lastBusinessDay(target, cal) ?? target;
    }
  }
}

function lastBusinessDay(from: number, cal: Calendar): number | null {
  for (let d = from; d >= cal.today; d--) if (cal.isBusinessDay(d)) return d;
  return null;
}

/**
 * A calendar date written out ("3 december", "maandag 7 december", "15/12"), read by chrono. A date without a
 * year that lies up to 60 days back ("op 1 december" on 8 December) is a date in the past, not next year's.
 */
// what makes chrono's reading a calendar date: a month by name or a day/month in digits. Without one its
// "certain" day is a relative one ("voor 15 uur" read as 15 hours ago, "over 3 dagen"): the day and
// duration rules read those, and a weekday beside them ("vrijdag voor 15 uur") must not lose to today.
const CALENDAR_DATE = /\b\d{1,2}\s*[-/.]\s*\d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|jan|feb|mrt|mar|apr|jun|jul|aug|sept?|okt|oct|nov|dec)\b\.?/i;

function explicitDate(clause: string, p: TimePhrases, opts: FindPromisesOptions): { day: number; index: number; length: number } | 'past' | null {
  // A fixed offset makes chrono's "today" and year guess the account's; we take only the day.
  const reference = { instant: opts.now, timezone: zoneOffsetMs(opts.timeZone, opts.now.getTime()) / 60_000 };
  const today = Math.floor(utcToLocal(opts.timeZone, opts.now.getTime()) / DAY_MS);
  for (const r of p.chrono.parse(clause, reference, { forwardDate: true })) {
    if (CALENDAR_DATE.test(r.text) && r.start.isCertain('day') && r.start.isCertain('month')) {
      const day = Date.UTC(r.start.get('year')!, r.start.get('month')! - 1, r.start.get('day')!) / DAY_MS;
      if (!r.start.isCertain('year')) {
        const thisYear = Date.UTC(new Date(today * DAY_MS).getUTCFullYear(), r.start.get('month')! - 1, r.start.get('day')!) / DAY_MS;
        if (thisYear < today && today - thisYear <= 60) return 'past';
      }
      return { day, index: r.index, length: r.text.length };
    }
  }
  return null;
}

/**
 * "14:00", "9.30 uur", "acht", "3pm", "2 uur", "half negen" (8:30), "kwart over tien", "14u30": hours 1–6
 * without am/pm are afternoon hours, and so is any hour below 12 when the clause says "'s avonds" (`pm`).
 */
export function readTime(s: string, pm: boolean): [number, number] {
  const t = s.trim().toLowerCase();
  const word = (w: string) => NUMBER_WORDS[w] ?? Number(w);
  const half = /^half\s+(\S+)/.exec(t);
  const quarter = /^kwart\s+(over|voor)\s+(\S+)/.exec(t);
  let hour: number;
  let minute: number;
  let meridiem: string | undefined;
  let zeroPadded = false;
  if (half) [hour, minute] = [word(half[1]) - 1, 30];
  else if (quarter) [hour, minute] = quarter[1] === 'over' ? [word(quarter[2]), 15] : [word(quarter[2]) - 1, 45];
  else {
    const m = /^(\d{1,2}|[a-zé-]+)(?:[:.uh](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?/i.exec(t);
    if (!m) return [12, 0];
    [hour, minute] = [word(m[1]), m[2] ? Number(m[2]) : 0];
    meridiem = m[3]?.replace(/\./g, '');
    zeroPadded = m[1].startsWith('0');
  }
  if (!Number.isFinite(hour)) return [12, 0];
  if (meridiem === 'pm' && hour < 12) hour += 12;
  else if (meridiem === 'am' && hour === 12) hour = 0;
  else if (!meridiem && hour >= 1 && hour < 12 && !zeroPadded && (pm || hour <= 6)) hour += 12;
  return [hour, minute];
}

export const isoWeekday = (day: number) => ((day + 3) % 7) + 1; // day 0 = Thursday 1970-01-01

export interface Calendar {
  today: number;
  dayOf(instant: Date): number;
  at(day: number, hour: number, minute: number): Date;
  endOfBusinessDay(day: number): Date;
  /** the end of a named day: its closing time, or 17:00 on a day without business hours ("zaterdag") */
  endOfDay(day: number): Date;
  isBusinessDay(day: number): boolean;
}

export function calendar(opts: FindPromisesOptions): Calendar {
  const dayOf = (instant: Date) => Math.floor(utcToLocal(opts.timeZone, instant.getTime()) / DAY_MS);
  const at = (day: number, hour: number, minute: number) => new Date(localToUtc(opts.timeZone, day * DAY_MS + hour * 3_600_000 + minute * 60_000));
  const endOfBusinessDay = (day: number) => (opts.endOfBusinessDay ? opts.endOfBusinessDay(at(day, 12, 0)) : at(day, 17, 0));
  return {
    today: dayOf(opts.now),
    dayOf,
    at,
    endOfBusinessDay,
    endOfDay: (day) => {
      const end = endOfBusinessDay(day);
      return dayOf(end) === day ? end : at(day, 17, 0);
    },
    isBusinessDay: (day) => (opts.isBusinessDay ? opts.isBusinessDay(at(day, 12, 0)) : isoWeekday(day) <= 5),
  };
}
