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
