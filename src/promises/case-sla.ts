import type { Db } from '../storage/db.ts';
import type { Pause } from './due-time.ts';
import { getServiceSettings } from './settings.ts';
import { policyFor, type SlaClock, slaClocks, type SlaPolicy } from './sla-clock.ts';
import { listSlaPolicies } from './manage-sla-policies.ts';
import type { ValuesByEntity } from '../custom-fields/conditions.ts';

interface CaseFacts {
  id: string;
  ref: string;
  subject: string;
  status: string;
  priority: string;
  channel: string;
  owner_id: string | null;
  segment: string | null;
  fields: ValuesByEntity;
  created_at: Date;
  solved_at: Date | null;
  first_response_at: Date | null;
  awaiting_since: Date | null;
}

export interface CaseSla {
  case_id: string;
  ref: string;
  subject: string;
  owner_id: string | null;
  policy: { id: string; name: string } | null;
  clocks: SlaClock[];
}

/**
 * Service-level clocks for cases: one case, or every case that is not solved or closed. The facts
 * (first reply, the customer message still unanswered, pauses) come from the messages and the
 * pause log; the arithmetic is the pure slaClocks.
 */
export async function caseSla(db: Db, accountId: string, o: { caseId?: string; now?: Date }): Promise<CaseSla[]> {
  const now = o.now ?? new Date();
  const facts = await db.query<CaseFacts>(
    `SELECT c.id, c.ref, c.subject, c.status, c.priority, c.channel, c.owner_id, cu.segment,
       json_build_object('case', c.custom_fields, 'customer', cu.custom_fields, 'organisation', o.custom_fields) AS fields,
       -- a merge keeps the earlier clock, a split starts it at the first moved customer message (src/cases/)
       coalesce(c.sla_started_at, c.created_at) AS created_at, c.solved_at,
       fr.at AS first_response_at, aw.at AS awaiting_since
     FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     LEFT JOIN organisations o ON o.account_id = cu.account_id AND o.id = cu.organisation_id
     LEFT JOIN LATERAL (SELECT min(created_at) AS at, max(created_at) AS last FROM messages m
       WHERE m.account_id = c.account_id AND m.case_id = c.id AND m.type = 'outbound' AND m.automated IS NULL) fr ON true
     LEFT JOIN LATERAL (SELECT min(created_at) AS at FROM messages m
       WHERE m.account_id = c.account_id AND m.case_id = c.id AND m.type = 'inbound' AND m.automated IS NULL
         AND m.created_at > coalesce(fr.last, '-infinity'::timestamptz)) aw ON true
     WHERE c.account_id = $1 AND ($2::uuid IS NULL OR c.id = $2) AND ($2::uuid IS NOT NULL OR c.status NOT IN ('solved', 'closed'))`,
    [accountId, o.caseId ?? null],
  );
  if (!facts.length) return [];
  const [policies, settings, pauseRows] = await Promise.all([
    listSlaPolicies(db, accountId),
    getServiceSettings(db, accountId),
    db.query<{ case_id: string; started_at: Date; ended_at: Date | null }>(
      'SELECT case_id, started_at, ended_at FROM case_pauses WHERE account_id = $1 AND case_id = ANY($2::uuid[]) ORDER BY started_at',
      [accountId, facts.map((f) => f.id)],
    ),
  ]);
  const pauses = new Map<string, Pause[]>();
  for (const p of pauseRows) pauses.set(p.case_id, [...(pauses.get(p.case_id) ?? []), { start: p.started_at, end: p.ended_at }]);
  return facts.map((f) => {
    const policy: SlaPolicy | null = policyFor(policies, f);
    return {
      case_id: f.id, ref: f.ref, subject: f.subject, owner_id: f.owner_id,
      policy: policy && { id: policy.id, name: policy.name },
      clocks: policy
        ? slaClocks({ policy, calendar: settings.calendar, pauses: pauses.get(f.id) ?? [], createdAt: f.created_at, firstResponseAt: f.first_response_at,
            awaitingSince: f.first_response_at ? f.awaiting_since : null, solvedAt: f.solved_at, now })
        : [],
    };
  });
}

/** Open cases with a clock at risk or breached, worst first: what owners and supervisors must look at now. */
export async function casesAtRisk(db: Db, accountId: string, o: { state?: 'at_risk' | 'breached'; now?: Date }) {
  const all = await caseSla(db, accountId, { now: o.now });
  const rank = { breached: 0, at_risk: 1 } as const;
  const hits = all
    .map((c) => ({ ...c, worst: c.clocks.filter((k) => k.state === 'breached' || k.state === 'at_risk') }))
    .filter((c) => c.worst.length && (!o.state || c.worst.some((k) => k.state === o.state)))
    .sort((a, b) => rank[a.worst[0].state as 'at_risk' | 'breached'] - rank[b.worst[0].state as 'at_risk' | 'breached']);
  return { data: hits.map(({ worst: _w, ...c }) => c) };
}
