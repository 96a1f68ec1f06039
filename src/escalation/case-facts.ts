import type { Db } from '../storage/db.ts';
import type { Tier } from '../cases/status.ts';
import { businessMinutesBetween } from '../promises/due-time.ts';
import { getServiceSettings } from '../promises/settings.ts';
import type { EscalationFacts } from './rules.ts';

export interface CaseFactsRow {
  id: string;
  ref: string;
  tier: Tier;
  status: string;
  contact_count: number;
  created_at: Date;
  segment: string;
  vulnerable: boolean;
  media: boolean;
  reopened: number;
  max_anger: number | null;
  max_risk: number;
  breached: number;
}

/** The facts the escalation rules need, for one case or every open case of an account. */
export async function escalationFacts(db: Db, accountId: string, o: { caseId?: string; now?: Date }): Promise<(EscalationFacts & { id: string; ref: string })[]> {
  const rows = await db.query<CaseFactsRow>(
    `SELECT c.id, c.ref, c.tier, c.status, c.contact_count, c.created_at, cu.segment, cu.vulnerable, cu.media,
       (SELECT count(*)::int FROM audit_log l WHERE l.account_id = c.account_id AND l.entity_id = c.id
          AND l.before->>'status' = 'solved' AND coalesce(l.after->>'status', '') NOT IN ('solved', 'closed', '')) AS reopened,
       (SELECT max(a.anger) FROM message_analysis a JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
          WHERE a.account_id = c.account_id AND m.case_id = c.id) AS max_anger,
       coalesce((SELECT max(a.reputation_risk)::int FROM message_analysis a JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
          WHERE a.account_id = c.account_id AND m.case_id = c.id), 0) AS max_risk,
       (SELECT count(*)::int FROM promises p WHERE p.account_id = c.account_id AND p.case_id = c.id AND p.state = 'breached') AS breached
     FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     WHERE c.account_id = $1 AND ($2::uuid IS NULL OR c.id = $2) AND ($2::uuid IS NOT NULL OR c.status NOT IN ('solved', 'closed'))`,
    [accountId, o.caseId ?? null],
  );
  const { calendar } = await getServiceSettings(db, accountId);
  const now = o.now ?? new Date();
  return rows.map((r) => ({
    id: r.id,
    ref: r.ref,
    tier: r.tier,
    status: r.status,
    contactCount: r.contact_count,
    reopenedCount: r.reopened,
    maxAnger: r.max_anger === null ? null : Number(r.max_anger),
    maxReputationRisk: r.max_risk,
    segment: r.segment,
    vulnerable: r.vulnerable,
    media: r.media,
    breachedPromises: r.breached,
    businessMinutesOpen: businessMinutesBetween(new Date(r.created_at), now, calendar),
  }));
}
