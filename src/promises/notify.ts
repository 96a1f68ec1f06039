import type { Db } from '../storage/db.ts';

/** Puts a notification in an agent's list (the workspace shows it; webhooks carry the same event). */
export async function notify(tx: Db, accountId: string, n: { agentIds: string[]; kind: string; body: string; caseId?: string | null; promiseId?: string | null }) {
  if (!n.agentIds.length) return;
  await tx.query(
    `INSERT INTO notifications (account_id, agent_id, kind, body, case_id, promise_id)
     SELECT $1, a, $3, $4, $5, $6 FROM unnest($2::uuid[]) AS a`,
    [accountId, [...new Set(n.agentIds)], n.kind, n.body.slice(0, 2000), n.caseId ?? null, n.promiseId ?? null],
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
