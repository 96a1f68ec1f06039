import type { Db } from '../storage/db.ts';

export interface RefundFigures {
  /** refunds asked for in the period (by a customer's request taken up by an agent, a finding or a bulk refund) */
  requested: number;
  /** refunds paid in the period, and how much */
  paid: number;
  paid_cents: number;
  /** of those paid in the period: the median and the slowest hours from request to paid */
  median_hours_to_paid: number | null;
  max_hours_to_paid: number | null;
  /** refunds not paid nor rejected now, and how many hours the oldest has waited */
  waiting: number;
  oldest_waiting_hours: number | null;
}

/**
 * Time to refund (C6, C8): Luister's promise is to refund as fast as it charges — a charge takes
 * seconds, so what the dashboard shows is how many hours a refund takes from the request to the
 * money leaving, and how long the oldest unpaid one has waited. `range` is [account, zone, from, to]
 * and `within` the dashboard's period condition on a column (see dashboard.ts).
 */
export async function refundFigures(db: Db, range: unknown[], within: (col: string) => string, now: Date): Promise<RefundFigures> {
  const [r] = await db.query<{
    requested: number; paid: number; paid_cents: string | null; median_hours: number | null; max_hours: number | null; waiting: number; oldest_hours: number | null;
  }>(
    `SELECT
       (SELECT count(*)::int FROM refunds WHERE account_id = $1 AND ${within('created_at')}) AS requested,
       p.paid, p.paid_cents, p.median_hours, p.max_hours, w.waiting, w.oldest_hours
     FROM (SELECT count(*)::int AS paid, sum(amount_cents)::text AS paid_cents,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - created_at) / 3600)::float8 AS median_hours,
             max(extract(epoch FROM paid_at - created_at) / 3600)::float8 AS max_hours
           FROM refunds WHERE account_id = $1 AND state = 'paid' AND ${within('paid_at')}) p,
          (SELECT count(*)::int AS waiting, (extract(epoch FROM $5::timestamptz - min(created_at)) / 3600)::float8 AS oldest_hours
           FROM refunds WHERE account_id = $1 AND state IN ('requested', 'approved')) w`,
    [...range, now],
  );
  const round = (x: number | null) => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);
  return {
    requested: Number(r.requested),
    paid: Number(r.paid),
    paid_cents: Number(r.paid_cents ?? 0),
    median_hours_to_paid: round(r.median_hours),
    max_hours_to_paid: round(r.max_hours),
    waiting: Number(r.waiting),
    oldest_waiting_hours: r.waiting ? round(r.oldest_hours) : null,
  };
}
