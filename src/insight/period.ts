/** The days a report covers, in the account's time zone: the last `days` days up to and including today. */
export interface Period {
  days: string[];
  from: string;
  to: string;
  timeZone: string;
}

/** YYYY-MM-DD of an instant in a time zone. */
export const dayIn = (at: Date, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);

export function periodOf(days: number, timeZone: string, now = new Date()): Period {
  const today = dayIn(now, timeZone);
  const list: string[] = [];
  const t = new Date(`${today}T12:00:00Z`);
  for (let i = days - 1; i >= 0; i--) list.push(new Date(t.getTime() - i * 86_400_000).toISOString().slice(0, 10));
  return { days: list, from: list[0], to: today, timeZone };
}

export interface TopicDay {
  topic_id: string | null;
  day: string;
  count: number;
}

export interface TopicSeries {
  topic_id: string | null;
  total: number;
  /** one count per day of the period */
  counts: number[];
}

/**
 * Contacts per topic per day as a chart wants them: the `top` busiest topics each with a count
 * for every day (zeros filled in), and everything else, unclustered included, as one "other"
 * series (topic_id null) so the days still add up to all contacts.
 */
export function topicSeries(rows: readonly TopicDay[], days: readonly string[], top = 6): TopicSeries[] {
  const index = new Map(days.map((d, i) => [d, i]));
  const totals = new Map<string | null, number>();
  for (const r of rows) if (index.has(r.day)) totals.set(r.topic_id, (totals.get(r.topic_id) ?? 0) + r.count);
  const busiest = [...totals]
    .filter(([id]) => id !== null)
    .sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0])))
    .slice(0, top)
    .map(([id]) => id);
  const keep = new Set(busiest);
  const series = new Map<string | null, number[]>(busiest.map((id) => [id, days.map(() => 0)]));
  const other = days.map(() => 0);
  for (const r of rows) {
    const i = index.get(r.day);
    if (i === undefined) continue;
    (keep.has(r.topic_id) ? series.get(r.topic_id)! : other)[i] += r.count;
  }
  const out: TopicSeries[] = busiest.map((id) => ({ topic_id: id, counts: series.get(id)!, total: totals.get(id)! }));
  const otherTotal = other.reduce((a, b) => a + b, 0);
  if (otherTotal > 0) out.push({ topic_id: null, counts: other, total: otherTotal });
  return out;
}

/** A share as a rounded fraction (0–1, three decimals), or null when there is nothing to divide. */
export const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
