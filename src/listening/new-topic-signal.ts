/** The absolute rule is for young topics; established ones go through the hourly baseline (sweep-topics.ts). */
export const YOUNG_TOPIC_DAYS = 7;

/**
 * A contact that is not plainly a complaint still counts towards a young topic's signal, with this
 * weight: five customers fire when four plainly complain and one just writes about it. Measured on
 * the development set's 14 days of background mail: 0.6 raised 7 false signals on everyday how-to
 * topics, 0.45 two, 0.3 none (and the same first signal on its stories).
 */
export const CONTACT_WEIGHT = 0.3;

/** The same as isComplaintLike (listen-to-message.ts), or angry, in SQL over message_analysis `a`: such a contact weighs fully. */
export const COMPLAINT_LIKE_SQL =
  "('complaint' = ANY(a.intents) OR 'refund_request' = ANY(a.intents) OR 'cancellation' = ANY(a.intents) OR a.sentiment <= -0.2 OR a.anger >= 0.5)";

export interface NewTopicEvent {
  at: Date;
  customerId: string;
  /**
   * How much this contact says something is wrong, 0..1 (default 1): a complaint, a refund or
   * cancellation request, anger or a negative tone count fully; any other contact counts too, less.
   */
  weight?: number;
}

export interface NewTopicSignalOptions {
  /** Distinct customers needed within the window. Default 5. */
  minCustomers?: number;
  /** Window length in hours, ending at `now`. Default 48. */
  windowHours?: number;
  /**
   * The customers' weights together (each customer counts with their strongest contact) must reach
   * this as well. Default: minCustomers - 1, so five customers fire when three of them plainly
   * complain, or six when none does.
   */
  minWeight?: number;
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
 * are ignored: no look-ahead). Every contact counts, whatever it was labelled: how plainly a
 * customer complains weighs in (minWeight), it does not decide whether they are counted.
 */
export function newTopicSignal(events: NewTopicEvent[], now: Date, options: NewTopicSignalOptions = {}): NewTopicSignal {
  const minCustomers = options.minCustomers ?? 5;
  const windowHours = options.windowHours ?? 48;
  const minWeight = options.minWeight ?? minCustomers - 1;
  const from = now.getTime() - windowHours * 3_600_000;
  const inWindow = events
    .filter((e) => e.at.getTime() > from && e.at.getTime() <= now.getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  // each customer counts once, with their strongest contact
  const seen = new Map<string, number>();
  let weight = 0;
  let firedAt: Date | null = null;
  for (const e of inWindow) {
    const w = Math.min(1, Math.max(0, e.weight ?? 1));
    const before = seen.get(e.customerId) ?? 0;
    if (w > before) {
      weight += w - before;
      seen.set(e.customerId, w);
    } else if (!seen.has(e.customerId)) seen.set(e.customerId, before);
    if (!firedAt && seen.size >= minCustomers && weight >= minWeight - 1e-9) firedAt = e.at;
  }
  const fires = seen.size >= minCustomers && weight >= minWeight - 1e-9;
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
