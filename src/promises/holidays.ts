// Public holidays from date-holidays, as the days (or parts of days) a service desk is closed.
//
// Only holidays of date-holidays' type 'public' count. For the Netherlands that is Nieuwjaar, Tweede paasdag,
// Koningsdag (27 April, or the 26th when the 27th is a Sunday), Hemelvaartsdag, Tweede pinksterdag, Kerstmis and
// Tweede kerstdag (Pasen and Pinksteren fall on Sundays anyway). Bevrijdingsdag (5 May) is NOT a day off here:
// date-holidays types it 'school', and most collective agreements only give it off every fifth year (2025, 2030).
// Goede Vrijdag ('school') and Oudejaarsavond ('bank') are not days off either. A desk that closes on such a day
// adds it as a closure in its calendar.
import type Holidays from 'date-holidays';
import { lazyModule } from '../shared/lazy-module.ts';
import { DAY_MS, MINUTE_MS } from './zoned-time.ts';

export interface HolidayRegion {
  /** ISO 3166-1 alpha-2, e.g. 'NL' */
  country: string;
  /** a state or province as date-holidays names it, e.g. 'NY' for the United States */
  region?: string;
}

/** A closed stretch of one local date: minutes from local midnight, [from, to), 0–1440. */
export interface HolidayPart {
  date: string; // 'YYYY-MM-DD'
  from: number;
  to: number;
  name: string;
}

// the table of every country's holidays is large: read on first use (issue 21, idle memory)
const HolidaysOf = lazyModule((load) => load('date-holidays') as typeof Holidays);
const instances = new Map<string, Holidays>();
const byYear = new Map<string, Map<string, HolidayPart[]>>();
let countries: Record<string, string> | null = null;

function instance(country: string, region?: string): Holidays {
  const key = `${country}/${region ?? ''}`;
  let hd = instances.get(key);
  if (!hd) {
    const H = HolidaysOf();
    hd = region ? new H(country, region) : new H(country);
    instances.set(key, hd);
  }
  return hd;
}

/** Whether date-holidays knows the country (and region, if given). */
export function isKnownHolidayRegion(country: string, region?: string): boolean {
  countries ??= new (HolidaysOf())().getCountries();
  if (typeof country !== 'string' || !Object.hasOwn(countries, country)) return false;
  if (region === undefined) return true;
  const states = new (HolidaysOf())().getStates(country) ?? {};
  return typeof region === 'string' && Object.hasOwn(states, region);
}

/**
 * Public holidays of one year, keyed by local date. Cached per (country, region, year): date-holidays takes
 * milliseconds per year, which must not be paid per due-time computation.
 */
export function publicHolidays(place: HolidayRegion, year: number): ReadonlyMap<string, readonly HolidayPart[]> {
  const key = `${place.country}/${place.region ?? ''}/${year}`;
  let days = byYear.get(key);
  if (days) return days;
  days = new Map();
  for (const h of instance(place.country, place.region).getHolidays(year)) {
    if (h.type !== 'public') continue;
    // h.date is the local start, 'YYYY-MM-DD HH:MM:SS' (sometimes followed by an offset); a few holidays start at
    // noon (half days) and a few last several days.
    const [y, mo, d, hh, mm] = h.date.split(/[- :]/).map(Number);
    let day = Math.floor(Date.UTC(y, mo - 1, d) / DAY_MS);
    let from = hh * 60 + mm;
    let left = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / MINUTE_MS));
    // A day of 23 or 25 hours (summer time) still closes the whole local date.
    if (from === 0 && left % 1440 >= 1380) left = Math.round(left / 1440) * 1440;
    while (left > 0) {
      const to = Math.min(1440, from + left);
      const date = new Date(day * DAY_MS).toISOString().slice(0, 10);
      const parts = days.get(date) ?? [];
      parts.push({ date, from, to, name: h.name });
      days.set(date, parts);
      left -= to - from;
      from = 0;
      day++;
    }
  }
  byYear.set(key, days);
  return days;
}

/** Closed minute ranges of one local date (empty when it is no public holiday). */
export function holidayPartsOn(place: HolidayRegion, date: string): readonly HolidayPart[] {
  const year = Number(date.slice(0, 4));
  const own = publicHolidays(place, year).get(date) ?? [];
  // a holiday of several days that starts late in December spills into January
  if (!date.startsWith(`${year}-01-`)) return own;
  const spilled = publicHolidays(place, year - 1).get(date);
  return spilled ? [...own, ...spilled] : own;
}
