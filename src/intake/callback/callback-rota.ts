import { type OpenInterval, parseClock, validateWeekly, type Weekday } from '../../promises/calendar.ts';
import { invalid } from '../../shared/errors.ts';
import { DAY_MS, MINUTE_MS, utcToLocal, weekdayOf } from '../../promises/zoned-time.ts';

/** A whole-day absence (holiday leave, a course): local dates, both days included. */
export interface Absence {
  start: string;
  end: string;
  reason?: string;
}

/** When one agent takes callbacks: weekly hours in the desk's time zone, minus absences. */
export interface AgentHours {
  agentId: string;
  weekly: Record<Weekday, OpenInterval[]>;
  absences: Absence[];
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MAX_ABSENCES = 100;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' that names a real date, else null. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Date(ms).toISOString().slice(0, 10) === date ? ms / DAY_MS : null;
}

/**
 * Checks an agent's callback hours as sent by a user or the API; throws a 422 that says what to fix.
 * Hours may be empty on every day (the agent takes no callbacks); absences are sorted by start.
 */
export function validateAgentHours(input: { weekly?: unknown; absences?: unknown }): Omit<AgentHours, 'agentId'> {
  const weekly = validateWeekly(input.weekly ?? {});
  const list = input.absences ?? [];
  if (!Array.isArray(list)) throw invalid('absences_invalid', 'absences must be a list of { start, end } dates');
  if (list.length > MAX_ABSENCES) throw invalid('absences_too_many', `At most ${MAX_ABSENCES} absences; remove ones that are over`);
  const absences = list.map((a: Partial<Absence> | null, i): Absence => {
    const start = typeof a?.start === 'string' ? dayNumber(a.start) : null;
    const end = typeof a?.end === 'string' ? dayNumber(a.end) : null;
    if (start === null || end === null) throw invalid('absence_invalid_date', `Absence ${i + 1}: "${a?.start}"–"${a?.end}" is not a pair of dates; use YYYY-MM-DD`);
    if (end < start) throw invalid('absence_ends_before_start', `Absence ${i + 1}: ${a!.start}–${a!.end} ends before it starts`);
    const reason = typeof a?.reason === 'string' && a.reason.trim() ? a.reason.trim().slice(0, 200) : undefined;
    return { start: a!.start!, end: a!.end!, ...(reason ? { reason } : {}) };
  });
  absences.sort((a, b) => a.start.localeCompare(b.start));
  return { weekly, absences };
}

/**
 * The agents who take callbacks for the whole of a slot [start, end) (UTC ms): the slot lies inside one
 * of their intervals on its local weekday in `timeZone`, and its local day is in none of their
 * absences. Pure; in rota order.
 */
export function onDuty(rota: readonly AgentHours[], timeZone: string, start: number, end: number): string[] {
  const local = utcToLocal(timeZone, start);
  const day = Math.floor(local / DAY_MS);
  const from = (local - day * DAY_MS) / MINUTE_MS;
  const to = from + (end - start) / MINUTE_MS;
  const weekday = weekdayOf(day) as Weekday;
  const out: string[] = [];
  for (const a of rota) {
    const covered = a.weekly[weekday].some((iv) => parseClock(iv.start)! <= from && to <= parseClock(iv.end, true)!);
    if (!covered) continue;
    if (a.absences.some((x) => dayNumber(x.start)! <= day && day <= dayNumber(x.end)!)) continue;
    out.push(a.agentId);
  }
  return out;
}
