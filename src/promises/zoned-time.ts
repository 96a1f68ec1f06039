// Wall-clock time in an IANA time zone, with nothing but Intl (no tz library is installed).
// A "local ms" value is a wall-clock time encoded as if it were UTC: Date.UTC(y, m - 1, d, h, min).
// Day numbers are local civil dates counted in days since 1970-01-01 (which was a Thursday).

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical name of a time zone ('europe/amsterdam' → 'Europe/Amsterdam'), or null when Intl does not know it. */
export function canonicalTimeZone(timeZone: string): string | null {
  if (typeof timeZone !== 'string' || timeZone.trim() === '') return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** Offset of the zone from UTC at that instant, in ms (Amsterdam in summer: +7,200,000). */
export function zoneOffsetMs(timeZone: string, utcMs: number): number {
  const whole = Math.floor(utcMs / 1000) * 1000;
  let year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0, bc = false;
  for (const p of formatter(timeZone).formatToParts(whole)) {
    switch (p.type) {
      case 'year': year = Number(p.value); break;
      case 'month': month = Number(p.value); break;
      case 'day': day = Number(p.value); break;
      case 'hour': hour = Number(p.value); break;
      case 'minute': minute = Number(p.value); break;
      case 'second': second = Number(p.value); break;
      case 'era': bc = p.value.startsWith('B'); break;
    }
  }
  const local = Date.UTC(bc ? 1 - year : year, month - 1, day, hour, minute, second);
  // Date.UTC maps years 0–99 to 1900–1999; only relevant for dates nobody will ask about, but be exact anyway.
  const fixed = year < 100 && !bc ? new Date(local).setUTCFullYear(year) : local;
  return fixed - whole;
}

/** The wall-clock time at that instant, as local ms. */
export function utcToLocal(timeZone: string, utcMs: number): number {
  return utcMs + zoneOffsetMs(timeZone, utcMs);
}

/**
 * The instant at which the wall clock shows `localMs`. Like Temporal's 'compatible' disambiguation:
 * a time that occurs twice (the hour repeated when summer time ends) gives the earlier instant; a time that
 * does not exist (the hour skipped when summer time starts) is moved forward by the size of the gap,
 * so 02:30 on the last Sunday of March in Amsterdam becomes 03:30 CEST.
 */
export function localToUtc(timeZone: string, localMs: number): number {
  // Assumes at most one transition within a day on either side, which holds for every real zone.
  const before = zoneOffsetMs(timeZone, localMs - DAY_MS);
  const after = zoneOffsetMs(timeZone, localMs + DAY_MS);
  const early = localMs - before;
  if (before === after) {
    const off = zoneOffsetMs(timeZone, early);
    return off === before ? early : localMs - off; // a transition inside the window after all: trust the real one
  }
  const late = localMs - after;
  const earlyValid = zoneOffsetMs(timeZone, early) === before;
  const lateValid = zoneOffsetMs(timeZone, late) === after;
  if (earlyValid && lateValid) return Math.min(early, late); // repeated hour
  if (earlyValid) return early;
  if (lateValid) return late;
  return early; // skipped hour: read the wall time with the offset from before the gap
}

/** Day number of a local calendar date (month 1–12). */
export function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** 'YYYY-MM-DD' of a day number. */
export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Weekday of a day number, Sunday = 0. */
export function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Local date and time of an instant as 'YYYY-MM-DDTHH:MM' (for messages and tests). */
export function formatLocal(timeZone: string, utcMs: number): string {
  return new Date(utcToLocal(timeZone, utcMs)).toISOString().slice(0, 16);
}
