// Finds the promises an agent makes in an outbound reply: a commitment ("we bellen u terug",
// "you'll hear from us") together with a time expression ("morgen vóór 12:00", "within 3
// business days"), per clause. Pure: the clock, the zone and the business calendar come in.
//
// chrono-node reads explicit calendar dates ("3 december", "15/12"); everything relative is read
// by our own rules in promise-phrases.ts, because chrono 2.10 ignores IANA zone names (it knows
// only abbreviations and fixed offsets), uses one offset for the whole computation (wrong across
// a DST change), and misses "binnen drie werkdagen", "eind van de week", "vóór 12:00" and more.
// So chrono only ever gives us a calendar day; wall-clock times become instants here, per day.
import { NUMBER_WORDS, EN, NL, type DaySpec, type DurationSpec, type Language, type PartOfDay, type Phrases, type Rule } from './promise-phrases.ts';
import { labelledPromise } from './labelled-promise.ts';
import { DAY_MS, localToUtc, utcToLocal, zoneOffsetMs } from './zoned-time.ts';

export type PromiseKind = 'callback' | 'appointment_window' | 'answer_by' | 'refund_by' | 'next_update_by' | 'custom';
export interface FoundPromise {
  kind: PromiseKind;
  /** the words that made the promise, as written: the clause that holds both commitment and time */
  text: string;
  /** due time (end of the window for appointments) */
  dueAt: Date;
  /** the window's start when a window was given ("tussen 8:00 en 12:00"): appointments, also callbacks */
  windowStart: Date | null;
}
export interface FindPromisesOptions {
  now: Date;
  /** IANA zone of the account, e.g. 'Europe/Amsterdam' */
  timeZone: string;
  /** the reply's language; without it each clause is tried in Dutch, then in English */
  language?: Language;
  addBusinessDays: (start: Date, days: number) => Date;
  /** default: 17:00 local on the day of `date` */
  endOfBusinessDay?: (date: Date) => Date;
  /** default: Monday to Friday. Used for "eind van de week" and when a bare time has passed today */
  isBusinessDay?: (date: Date) => boolean;
}

const PHRASES: Record<Language, Phrases> = { nl: NL, en: EN };
/** how a part of the day ends when no hour is given: "morgenochtend" → 12:00, "vanmiddag" → 17:00 */
const PART_ENDS: Record<PartOfDay, [number, number]> = { morning: [12, 0], afternoon: [17, 0], evening: [21, 0] };

export function findPromises(reply: string, opts: FindPromisesOptions): FoundPromise[] {
  const langs: Language[] = opts.language ? [opts.language] : ['nl', 'en'];
  const found: FoundPromise[] = [];
  for (const sentence of splitSentences(reply.replace(/[’‘]/g, "'"))) {
    // A question offers or asks ("Kunt u ons morgen bellen?", "Shall we call you tomorrow?").
    if (sentence.trimEnd().endsWith('?')) continue;
    const labelled = labelledPromise(sentence, langs, PHRASES, resolveWhen, opts);
    if (labelled) {
      found.push(labelled);
      continue;
    }
    for (const clause of splitClauses(sentence)) {
      for (const lang of langs) {
        const p = PHRASES[lang];
        // Without a language given, a clause that is no promise in Dutch is read again in English
        // ("update" is a Dutch word too).
        const matches = p.commitments.filter((c) => c.pattern.test(clause));
        if (matches.length === 0) continue;
        // a subordinate "tot uw pakket is bezorgd" / "zodra het binnen is" says when, not what happened
        const main = clause.replace(SUBORDINATE, '');
        if (p.conditional.test(sentence) || p.guards.some((g) => g.test(main))) continue;
        const when = resolveWhen(clause, p, opts);
        if (!when || when.dueAt <= opts.now) continue;
        const kind = pickKind(matches.map((c) => ({ kind: c.kind, weak: c.weak ?? false })), when.windowStart !== null);
        if (!kind) continue;
        found.push({ kind, text: clause.trim().replace(/[\s.!,;:]+$/, ''), ...when });
        break;
      }
    }
  }
  return found;
}

const SUBORDINATE = /\b(?:totdat|tot\s+(?:uw|het|de|alles|dit|dat|er)|zodra|nadat|until|once)\b.*$/i;

/** An appointment needs a window; a visit without one ("de monteur komt donderdag") is custom. */
function pickKind(matches: { kind: PromiseKind; weak: boolean }[], hasWindow: boolean): PromiseKind | null {
  const visit = matches.filter((m) => m.kind === 'appointment_window');
  if (hasWindow && visit.length > 0) return 'appointment_window';
  const other = matches.find((m) => m.kind !== 'appointment_window');
  if (other) return other.kind;
  return visit.some((m) => !m.weak) ? 'custom' : null;
}

function splitSentences(text: string): string[] {
  // A full stop ends a sentence only before a capital, a digit or the end: "a.s. vrijdag" and
  // "12.00 uur" stay whole. Question and exclamation marks always end one.
  return text.split(/\n+|(?<=[!?])\s+|(?<=\.)\s+(?=[^a-zà-ÿ])/).filter((s) => s.trim() !== '');
}

function splitClauses(sentence: string): string[] {
  return sentence.split(/;|,?\s+(?:en|maar|and|but)\s+(?=(?:we|wij|ik|i|you|u\s+hoort|de\s+monteur|onze\s+monteur|the\s+engineer|our\s+engineer)\b)/i);
}

function first<T>(rules: Rule<T>[], text: string): T | null {
  for (const rule of rules) {
    const m = rule.pattern.exec(text);
    if (m) return rule.read(m);
  }
  return null;
}

function resolveWhen(clause: string, p: Phrases, opts: FindPromisesOptions): { dueAt: Date; windowStart: Date | null } | null {
  const cal = calendar(opts);
  const duration = first(p.durations, clause);
  if (duration) return { dueAt: afterDuration(duration, cal, opts), windowStart: null };

  const explicit = explicitDate(clause, p, opts);
  const daySpec = explicit === null ? first(p.days, clause) : null;
  const day = explicit ?? (daySpec ? resolveDay(daySpec, cal) : null);
  const time = first(p.times, clause);
  if (day === null && time === null) return null;

  const partOfDay = daySpec && 'part' in daySpec ? daySpec.part : undefined;
  const pm = p.afterNoon.test(clause);
  const compute = (d: number) => {
    if (time?.type === 'window') {
      const from = readTime(time.from, pm);
      const to = readTime(time.to, pm);
      if (to[0] * 60 + to[1] <= from[0] * 60 + from[1]) to[0] += 12; // "tussen 10 en 2" = 10:00–14:00
      return { dueAt: cal.at(d, to[0], to[1]), windowStart: cal.at(d, from[0], from[1]) };
    }
    if (time?.type === 'by' || time?.type === 'at') {
      const [h, min] = readTime(time.at, pm);
      return { dueAt: cal.at(d, h, min), windowStart: null };
    }
    const part = time?.type === 'part' ? time.part : partOfDay;
    if (part) return { dueAt: cal.at(d, ...PART_ENDS[part]), windowStart: null };
    return { dueAt: cal.endOfBusinessDay(d), windowStart: null };
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
    return { dueAt: cal.at(day, 23, 59), windowStart: null };
  }
  return result;
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
  }
}

function lastBusinessDay(from: number, cal: Calendar): number | null {
  for (let d = from; d >= cal.today; d--) if (cal.isBusinessDay(d)) return d;
  return null;
}

/** A calendar date written out ("3 december", "maandag 7 december", "15/12"), read by chrono. */
function explicitDate(clause: string, p: Phrases, opts: FindPromisesOptions): number | null {
  // A fixed offset makes chrono's "today" and year guess the account's; we take only the day.
  const reference = { instant: opts.now, timezone: zoneOffsetMs(opts.timeZone, opts.now.getTime()) / 60_000 };
  for (const r of p.chrono.parse(clause, reference, { forwardDate: true })) {
    if (/\d/.test(r.text) && r.start.isCertain('day') && r.start.isCertain('month')) {
      return Date.UTC(r.start.get('year')!, r.start.get('month')! - 1, r.start.get('day')!) / DAY_MS;
    }
  }
  return null;
}

/**
 * "14:00", "9.30 uur", "acht", "3pm", "2 uur": hours 1–6 without am/pm are afternoon hours, and so is
 * any hour below 12 when the clause says "'s avonds" / "in the evening" (`pm`).
 */
function readTime(s: string, pm: boolean): [number, number] {
  const m = /^(\d{1,2}|[a-zé-]+)(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?/i.exec(s.trim());
  if (!m) return [12, 0];
  let hour = NUMBER_WORDS[m[1].toLowerCase()] ?? Number(m[1]);
  const meridiem = m[3]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  else if (meridiem === 'am' && hour === 12) hour = 0;
  else if (!meridiem && hour >= 1 && hour < 12 && !m[1].startsWith('0') && (pm || hour <= 6)) hour += 12;
  return [hour, m[2] ? Number(m[2]) : 0];
}

const isoWeekday = (day: number) => ((day + 3) % 7) + 1; // day 0 = Thursday 1970-01-01

interface Calendar {
  today: number;
  dayOf(instant: Date): number;
  at(day: number, hour: number, minute: number): Date;
  endOfBusinessDay(day: number): Date;
  isBusinessDay(day: number): boolean;
}

function calendar(opts: FindPromisesOptions): Calendar {
  const dayOf = (instant: Date) => Math.floor(utcToLocal(opts.timeZone, instant.getTime()) / DAY_MS);
  const at = (day: number, hour: number, minute: number) => new Date(localToUtc(opts.timeZone, day * DAY_MS + hour * 3_600_000 + minute * 60_000));
  return {
    today: dayOf(opts.now),
    dayOf,
    at,
    endOfBusinessDay: (day) => (opts.endOfBusinessDay ? opts.endOfBusinessDay(at(day, 12, 0)) : at(day, 17, 0)),
    isBusinessDay: (day) => (opts.isBusinessDay ? opts.isBusinessDay(at(day, 12, 0)) : isoWeekday(day) <= 5),
  };
}
