import { parseClock, type BusinessCalendar, type Weekday } from '../../promises/calendar.ts';
import { businessMinutesBetween } from '../../promises/due-time.ts';
import { DAY_MS, localToUtc, MINUTE_MS, utcToLocal, weekdayOf } from '../../promises/zoned-time.ts';

export interface Slot {
  start: Date;
  end: Date;
  /** callbacks this slot can still take */
  free: number;
}

export interface SlotRules {
  calendar: BusinessCalendar;
  slotMinutes: number;
  /** callbacks one slot takes */
  capacity: number;
  /** when set, what a slot [start, end) (UTC ms) takes instead of `capacity`: e.g. from the agents on the callback rota then */
  capacityAt?: (start: number, end: number) => number;
  daysAhead: number;
  now: Date;
  /** booked callbacks by slot start (ms) */
  booked: ReadonlyMap<number, number>;
  /** no slot starting sooner than this after now: someone must see the booking first */
  leadMinutes?: number;
}

/**
 * The callback slots a customer may book: the desk's opening hours cut into slots, from `leadMinutes`
 * after now up to `daysAhead` days, each wholly open — a public holiday (Dutch by default), a closure
 * or closing time inside it rules it out (the same business-time arithmetic as every due time) —
 * and with room left. Pure: the caller reads what is booked.
 */
export function callbackSlots(r: SlotRules): Slot[] {
  const zone = r.calendar.timeZone;
  const from = r.now.getTime() + (r.leadMinutes ?? 30) * MINUTE_MS;
  const firstDay = Math.floor(utcToLocal(zone, r.now.getTime()) / DAY_MS);
  const out: Slot[] = [];
  for (let n = firstDay; n <= firstDay + r.daysAhead; n++) {
    for (const iv of r.calendar.weekly[weekdayOf(n) as Weekday]) {
      const open = parseClock(iv.start)!, close = parseClock(iv.end, true)!;
      for (let m = open; m + r.slotMinutes <= close; m += r.slotMinutes) {
        const start = localToUtc(zone, n * DAY_MS + m * MINUTE_MS);
        const end = start + r.slotMinutes * MINUTE_MS;
        if (start < from) continue;
        if (businessMinutesBetween(new Date(start), new Date(end), r.calendar) < r.slotMinutes) continue;
        const free = (r.capacityAt ? r.capacityAt(start, end) : r.capacity) - (r.booked.get(start) ?? 0);
        if (free > 0) out.push({ start: new Date(start), end: new Date(end), free });
      }
    }
  }
  return out;
}

/** The slot starting at `start`, if it is one a customer may book now. */
export function findSlot(r: SlotRules, start: Date): Slot | null {
  return callbackSlots(r).find((s) => s.start.getTime() === start.getTime()) ?? null;
}
