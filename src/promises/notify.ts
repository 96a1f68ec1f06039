import type { Db } from '../storage/db.ts';
import { LIVE_CHANNEL } from '../live/notice.ts';

/**
 * Puts a notification in an agent's list (the workspace shows it; webhooks carry the same event)
 * and rings their bell live: one `notification.created` notice per agent, sent on commit.
 * With `followers`, the case's followers (src/cases/follow-case.ts) get it too — what the owner
 * hears about a case, they hear — except `except` (who did the thing: nobody is told of their own act).
 */
export async function notify(tx: Db, accountId: string, n: {
  agentIds: string[]; kind: string; body: string; caseId?: string | null; promiseId?: string | null; followers?: boolean; except?: string | null;
}) {
  const followers = Boolean(n.followers && n.caseId);
  if (!n.agentIds.length && !followers) return;
  await tx.query(
    `WITH n AS (
       INSERT INTO notifications (account_id, agent_id, kind, body, case_id, promise_id)
       SELECT $1, a, $3, $4, $5, $6 FROM (
         SELECT unnest($2::uuid[]) AS a
         UNION
         SELECT f.agent_id FROM case_followers f JOIN agents g ON g.account_id = f.account_id AND g.id = f.agent_id AND g.active
         WHERE $8::boolean AND f.account_id = $1 AND f.case_id = $5) AS who
       WHERE a IS DISTINCT FROM $9::uuid
       RETURNING id, agent_id, case_id)
     SELECT pg_notify($7, json_strip_nulls(json_build_object('account_id', $1::text, 'event', 'notification.created',
       'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'agent_id', agent_id, 'case_id', case_id, 'id', id))::text)
     FROM n`,
    [accountId, [...new Set(n.agentIds)], n.kind, n.body.slice(0, 2000), n.caseId ?? null, n.promiseId ?? null, LIVE_CHANNEL, followers, n.except ?? null],
  );
}

/** Who an owner's problems escalate to: the active supervisors and admins of their team, else of the account. */
export async function supervisorsOf(tx: Db, accountId: string, agentId: string): Promise<string[]> {
  const rows = await tx.query<{ id: string; same_team: boolean }>(
    `SELECT s.id, (s.team_id IS NOT DISTINCT FROM o.team_id AND o.team_id IS NOT NULL) AS same_team
     FROM agents s JOIN agents o ON o.account_id = s.account_id AND o.id = $2
     WHERE s.account_id = $1 AND s.active AND s.role IN ('supervisor', 'admin') AND s.id <> $2`,
    [accountId, agentId],
  );
  const team = rows.filter((r) => r.same_team);
  return (team.length ? team : rows).map((r) => r.id);
}
