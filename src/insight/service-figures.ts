import type { Db } from '../storage/db.ts';

/** The counts behind the dashboard's cases, SLA, promises and cost panels, in one round trip per table. */
export async function serviceFigures(db: Db, range: unknown[], within: (col: string) => string) {
  const [cases, promises, rest] = await Promise.all([
    db.query<{ opened: number; repeat_cases: number; transfers: number; resolved: number; resolved_first_contact: number; resolved_contacts: number; channels: { channel: string; cases: number }[]; sla_breached: number; customers: number; repeat_customers: number; first_response_median_minutes: number | null }>(
      `WITH c AS (
         SELECT id, customer_id, channel, contact_count, transfer_count, status, created_at FROM cases
         -- a merged case is counted once, in the case it went into (which has its contacts)
         WHERE account_id = $1 AND ${within('created_at')} AND merged_into_id IS NULL),
       per_customer AS (SELECT customer_id, count(*) AS n FROM c GROUP BY customer_id),
       first_reply AS (
         SELECT extract(epoch FROM min(m.created_at) - c.created_at) / 60 AS minutes
         FROM c JOIN messages m ON m.account_id = $1 AND m.case_id = c.id AND m.type = 'outbound' AND m.automated IS NULL
         GROUP BY c.id, c.created_at)
       SELECT (SELECT count(*) FROM c)::int AS opened,
         (SELECT count(*) FROM c WHERE contact_count >= 2)::int AS repeat_cases,
         (SELECT coalesce(sum(transfer_count), 0) FROM c)::int AS transfers,
         (SELECT count(*) FROM c WHERE status IN ('solved', 'closed'))::int AS resolved,
         (SELECT count(*) FROM c WHERE status IN ('solved', 'closed') AND contact_count = 1)::int AS resolved_first_contact,
         (SELECT coalesce(sum(contact_count), 0) FROM c WHERE status IN ('solved', 'closed'))::int AS resolved_contacts,
         (SELECT coalesce(json_agg(json_build_object('channel', channel, 'cases', n) ORDER BY n DESC, channel), '[]'::json)
            FROM (SELECT channel, count(*)::int AS n FROM c GROUP BY channel) per_channel) AS channels,
         (SELECT count(*) FROM c WHERE EXISTS (
            SELECT 1 FROM sla_alerts s WHERE s.account_id = $1 AND s.case_id = c.id AND s.state = 'breached'))::int AS sla_breached,
         (SELECT count(*) FROM per_customer)::int AS customers,
         (SELECT count(*) FROM per_customer WHERE n >= 2)::int AS repeat_customers,
         (SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY minutes)::numeric, 1)::float8 FROM first_reply) AS first_response_median_minutes`,
      range,
    ),
    db.query<{ due: number; kept_on_time: number; broken: number; open: number }>(
      `SELECT count(*)::int AS due,
         count(*) FILTER (WHERE state = 'kept' AND breached_at IS NULL)::int AS kept_on_time,
         count(*) FILTER (WHERE breached_at IS NOT NULL OR state = 'breached')::int AS broken,
         count(*) FILTER (WHERE state = 'open')::int AS open
       FROM promises WHERE account_id = $1 AND state <> 'cancelled' AND ${within('due_at')}`,
      range,
    ),
    db.query<{ work_seconds: number; backlog: number; policies: number }>(
      `SELECT (SELECT coalesce(sum(seconds), 0) FROM case_work WHERE account_id = $1 AND day BETWEEN $2::date AND $3::date)::int AS work_seconds,
         (SELECT count(*) FROM cases WHERE account_id = $1 AND status IN ('new', 'open', 'pending_us', 'pending_customer'))::int AS backlog,
         (SELECT count(*) FROM sla_policies WHERE account_id = $1)::int AS policies`,
      [range[0], range[2], range[3]],
    ),
  ]);
  const c = cases[0];
  const p = promises[0];
  const r = rest[0];
  return {
    ...c,
    promises_due: p.due,
    promises_kept_on_time: p.kept_on_time,
    promises_broken: p.broken,
    promises_open: p.open,
    work_seconds: r.work_seconds,
    backlog: r.backlog,
    policies: r.policies,
  };
}
