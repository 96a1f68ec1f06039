export interface NewTopicEvent {
  at: Date;
  customerId: string;
}

export interface NewTopicSignalOptions {
  /** Distinct customers needed within the window. Default 5. */
  minCustomers?: number;
  /** Window length in hours, ending at `now`. Default 48. */
  windowHours?: number;
}

export interface NewTopicSignal {
  fires: boolean;
  customers: number;
  /** Events counted (several per customer possible). */
  events: number;
  /** When the threshold was first reached inside the window, if it was. */
  firedAt: Date | null;
  reason: string;
}

/**
 * The product rule for a brand-new topic, which has no baseline yet: fire on absolute evidence,
 * >= minCustomers distinct customers within the last windowHours up to `now` (events after `now`
 * are ignored: no look-ahead).
 */
export function newTopicSignal(events: NewTopicEvent[], now: Date, options: NewTopicSignalOptions = {}): NewTopicSignal {
  const minCustomers = options.minCustomers ?? 5;
  const windowHours = options.windowHours ?? 48;
  const from = now.getTime() - windowHours * 3_600_000;
  const inWindow = events
    .filter((e) => e.at.getTime() > from && e.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const seen = new Set<string>();
  let firedAt: Date | null = null;
  for (const e of inWindow) {
    seen.add(e.customerId);
    if (!firedAt && seen.size >= minCustomers) firedAt = e.at;
  }
  const fires = seen.size >= minCustomers;
  const reason = fires
    ? `${seen.size} distinct customers within ${windowHours} h (threshold ${minCustomers})`
    : `${seen.size} of ${minCustomers} distinct customers within ${windowHours} h`;
  return { fires, customers: seen.size, events: inWindow.length, firedAt, reason };
}

/**
 * The hourly counts behind a signal, for its chart: `hours` buckets ending with the hour of
 * `until`, each with the expected level (a new topic has no baseline: 0).
 */
export function hourlySeries(times: Date[], until: Date, hours = 48): { at: string; count: number; expected: number }[] {
  const HOUR = 3_600_000;
  const last = Math.floor(until.getTime() / HOUR) * HOUR;
  const first = last - (hours - 1) * HOUR;
  const counts = new Array<number>(hours).fill(0);
  for (const t of times) {
    const i = Math.floor((t.getTime() - first) / HOUR);
    if (i >= 0 && i < hours) counts[i]++;
  }
  return counts.map((count, i) => ({ at: new Date(first + i * HOUR).toISOString(), count, expected: 0 }));
}
