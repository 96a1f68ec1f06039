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
  /** of those paid in the period with the charge they pay back: the median hours from the charge to paid */
  median_hours_charge_to_paid: number | null;
  /** of those paid in the period on a case the customer wrote in: the median hours from their first message to paid */
  median_hours_complaint_to_paid: number | null;
  /** the last 12 months (the account's zone), oldest first: refunds paid and the three medians */
  by_month: RefundMonth[];
}

export interface RefundMonth {
  month: string;
  paid: number;
  median_hours_to_paid: number | null;
  median_hours_charge_to_paid: number | null;
  median_hours_complaint_to_paid: number | null;
}

/**
 * Each paid refund with its three spans in hours: from the request, from the charge it pays back (when
 * known), and from the customer's first message on its case (when they wrote: a case we opened for a
 * finding has none — the refund came before the complaint).
 */
const PAID_SPANS = `
  SELECT r.paid_at,
    extract(epoch FROM r.paid_at - r.created_at) / 3600 AS h_request,
    extract(epoch FROM r.paid_at - ch.charged_at) / 3600 AS h_charge,
    extract(epoch FROM r.paid_at - (SELECT min(m.created_at) FROM messages m
      WHERE m.account_id = r.account_id AND m.case_id = r.case_id AND m.type = 'inbound')) / 3600 AS h_complaint
  FROM refunds r LEFT JOIN charges ch ON ch.account_id = r.account_id AND ch.charge_ref = r.charge_id
  WHERE r.account_id = $1 AND r.state = 'paid'`;
const median = (col: string) => `(percentile_cont(0.5) WITHIN GROUP (ORDER BY ${col}))::float8`;

/**
 * Time to refund (C6, C8): Luister's promise is to refund as fast as it charges — a charge takes
 * seconds, so what the dashboard shows is how many hours a refund takes from the request to the
 * money leaving, and how long the oldest unpaid one has waited; beside it the hours from the charge
 * itself to paid and from the customer's first complaint to paid, in the period and per month. `range` is [account, zone, from, to]
 * and `within` the dashboard's period condition on a column (see dashboard.ts).
 */
export async function refundFigures(db: Db, range: unknown[], within: (col: string) => string, now: Date): Promise<RefundFigures> {
  const [r] = await db.query<{
    requested: number; paid: number; paid_cents: string | null; median_hours: number | null; max_hours: number | null; waiting: number; oldest_hours: number | null;
    charge_hours: number | null; complaint_hours: number | null;
  }>(
    `SELECT
       (SELECT count(*)::int FROM refunds WHERE account_id = $1 AND ${within('created_at')}) AS requested,
       p.paid, p.paid_cents, p.median_hours, p.max_hours, w.waiting, w.oldest_hours, s.charge_hours, s.complaint_hours
     FROM (SELECT count(*)::int AS paid, sum(amount_cents)::text AS paid_cents,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM paid_at - created_at) / 3600)::float8 AS median_hours,
             max(extract(epoch FROM paid_at - created_at) / 3600)::float8 AS max_hours
           FROM refunds WHERE account_id = $1 AND state = 'paid' AND ${within('paid_at')}) p,
          (SELECT count(*)::int AS waiting, (extract(epoch FROM $5::timestamptz - min(created_at)) / 3600)::float8 AS oldest_hours
           FROM refunds WHERE account_id = $1 AND state IN ('requested', 'approved')) w,
          (SELECT ${median('h_charge')} AS charge_hours, ${median('h_complaint')} AS complaint_hours
           FROM (${PAID_SPANS} AND ${within('r.paid_at')}) x) s`,
    [...range, now],
  );
  // per month, the twelve up to the period's end
  const months = await db.query<{ month: string; paid: number; request_hours: number | null; charge_hours: number | null; complaint_hours: number | null }>(
    `SELECT to_char(date_trunc('month', paid_at AT TIME ZONE $2), 'YYYY-MM') AS month, count(*)::int AS paid,
       ${median('h_request')} AS request_hours, ${median('h_charge')} AS charge_hours, ${median('h_complaint')} AS complaint_hours
     FROM (${PAID_SPANS}
       AND r.paid_at >= (date_trunc('month', $3::date::timestamp) - interval '11 months') AT TIME ZONE $2
       AND r.paid_at < ($3::date + 1)::timestamp AT TIME ZONE $2) x
     GROUP BY 1 ORDER BY 1`,
    [range[0], range[1], range[3]],
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
    median_hours_charge_to_paid: round(r.charge_hours),
    median_hours_complaint_to_paid: round(r.complaint_hours),
    by_month: months.map((m) => ({
      month: m.month, paid: Number(m.paid), median_hours_to_paid: round(m.request_hours),
      median_hours_charge_to_paid: round(m.charge_hours), median_hours_complaint_to_paid: round(m.complaint_hours),
    })),
  };
}
