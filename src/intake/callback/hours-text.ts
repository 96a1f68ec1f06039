import type { OpenInterval, Weekday } from '../../promises/calendar.ts';
import { invalid } from '../../shared/errors.ts';
import type { Absence } from './callback-rota.ts';

// Dutch and English day names as people type them (ma, maandag, mon, monday), Sunday = 0
const DAYS: Record<string, Weekday> = {};
[['zo', 'zondag', 'sun', 'sunday'], ['ma', 'maandag', 'mon', 'monday'], ['di', 'dinsdag', 'tue', 'tuesday'], ['wo', 'woensdag', 'wed', 'wednesday'],
  ['do', 'donderdag', 'thu', 'thursday'], ['vr', 'vrijdag', 'fri', 'friday'], ['za', 'zaterdag', 'sat', 'saturday']]
  .forEach((names, day) => names.forEach((n) => (DAYS[n] = day as Weekday)));
const dayOf = (name: string, item: string): Weekday => {
  const d = DAYS[name.toLowerCase()];
  if (d === undefined) throw invalid('hours_unknown_day', `"${item}": "${name}" is not a day; use ma, di, wo, do, vr, za, zo (or mon … sun)`);
  return d;
};

/**
 * Weekly hours written the way a person would: "ma-vr 09:00-12:00, wo 13:00-17:00" (Dutch or English
 * day names, a range of days wraps past Sunday: "za-ma"). Times are checked later with the calendar's rules.
 */
export function parseHours(text: string): Partial<Record<Weekday, OpenInterval[]>> {
  const weekly: Partial<Record<Weekday, OpenInterval[]>> = {};
  for (const raw of text.split(/[,;]/)) {
    const item = raw.trim();
    if (!item) continue;
    const m = /^([a-z]+)(?:\s*[-–]\s*([a-z]+))?\s+(\d{1,2}[:.]\d{2})\s*[-–]\s*(\d{1,2}[:.]\d{2})$/i.exec(item);
    if (!m) throw invalid('hours_unreadable', `"${item}": write a day or days and a time, e.g. "ma-vr 09:00-17:00"`);
    const first = dayOf(m[1], item), last = m[2] ? dayOf(m[2], item) : first;
    const clock = (s: string) => s.replace('.', ':').padStart(5, '0');
    for (let d = first; ; d = ((d + 1) % 7) as Weekday) {
      (weekly[d] ??= []).push({ start: clock(m[3]), end: clock(m[4]) });
      if (d === last) break;
    }
  }
  return weekly;
}

/** Absences written as "2027-01-11" or "2027-07-19..2027-08-06", separated by commas. */
export function parseAbsences(text: string): Absence[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean).map((item) => {
    const [start, end, ...rest] = item.split('..').map((s) => s.trim());
    if (rest.length || !start) throw invalid('absence_unreadable', `"${item}": write a date or a range, e.g. 2027-07-19..2027-08-06`);
    return { start, end: end || start };
  });
}

const SHORT = { nl: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'], en: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] } as const;

/** Weekly hours the way parseHours reads them, days with the same hours joined: "ma-vr 09:00-12:00, wo 13:00-17:00". */
export function formatHours(weekly: Record<Weekday, OpenInterval[]>, lang: 'nl' | 'en' = 'nl'): string {
  const order: Weekday[] = [1, 2, 3, 4, 5, 6, 0];
  const key = (d: Weekday) => weekly[d].map((i) => `${i.start}-${i.end}`).join(' ');
  // each distinct interval gets the runs of consecutive days that have it
  const intervals = [...new Set(order.flatMap((d) => weekly[d].map((i) => `${i.start}-${i.end}`)))];
  const parts: { first: number; text: string }[] = [];
  for (const iv of intervals) {
    let run: Weekday[] = [];
    const flush = () => {
      if (run.length) parts.push({ first: order.indexOf(run[0]), text: `${SHORT[lang][run[0]]}${run.length > 1 ? `-${SHORT[lang][run.at(-1)!]}` : ''} ${iv}` });
      run = [];
    };
    for (const d of order) (key(d).split(' ').includes(iv) ? run.push(d) : flush());
    flush();
  }
  return parts.sort((a, b) => a.first - b.first).map((p) => p.text).join(', ');
}

/** Absences the way parseAbsences reads them. */
export const formatAbsences = (list: readonly Absence[]) => list.map((a) => (a.start === a.end ? a.start : `${a.start}..${a.end}`)).join(', ');
