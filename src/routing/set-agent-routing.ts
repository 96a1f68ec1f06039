import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { forbidden, notFound } from '../shared/errors.ts';
import type { Tier } from '../cases/status.ts';

export interface AgentRoutingInput {
  languages?: string[];
  skills?: string[];
  available?: boolean;
  max_open_cases?: number;
  tier?: Tier;
}

/**
 * What routing knows of an agent. Agents set their own availability, languages and skills; the
 * tier they work in and their maximum load are a supervisor's call.
 */
export async function setAgentRouting(db: Db, actor: Actor, agentId: string, input: AgentRoutingInput) {
  const self = actor.agentId === agentId;
  if (!self && !can(actor, 'routing.manage')) throw forbidden('Only a supervisor can change another agent\'s routing');
  if ((input.tier !== undefined || input.max_open_cases !== undefined) && !can(actor, 'routing.manage')) {
    throw forbidden('Tier and maximum load are set by a supervisor');
  }
  return db.transaction(async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>(
      'SELECT id, languages, skills, available, max_open_cases, tier FROM agents WHERE account_id = $1 AND id = $2 FOR UPDATE', [actor.accountId, agentId]);
    if (!before) throw notFound('agent', agentId);
    const norm = (l?: string[]) => l && [...new Set(l.map((x) => x.trim().toLowerCase()).filter(Boolean))];
    const [after] = await tx.query<{ id: string; languages: string[]; skills: string[]; available: boolean; max_open_cases: number; tier: Tier }>(
      `UPDATE agents SET languages = coalesce($3, languages), skills = coalesce($4, skills), available = coalesce($5, available),
         max_open_cases = coalesce($6, max_open_cases), tier = coalesce($7, tier)
       WHERE account_id = $1 AND id = $2 RETURNING id, languages, skills, available, max_open_cases, tier`,
      [actor.accountId, agentId, norm(input.languages) ?? null, norm(input.skills) ?? null, input.available ?? null, input.max_open_cases ?? null, input.tier ?? null],
    );
    await recordAudit(tx, actor, { action: 'agent.routing_updated', entityType: 'agent', entityId: agentId, before, after });
    return after;
  });
}
