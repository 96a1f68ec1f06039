import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { notFound } from '../../shared/errors.ts';
import { isPermission, requirePermission } from '../permissions.ts';
import { AGENT_COLUMNS, type AgentRow } from '../create-agent.ts';
import { requireHeldByActor } from './compose.ts';
import { loadCustomRole } from './store.ts';

/**
 * Give an agent a custom role, or take it away (null) (roles.manage). An agent has at most one; it adds
 * to their built-in role. Counts from their next request, in every open session.
 */
export async function assignCustomRole(db: Db, actor: Actor, agentId: string, roleId: string | null): Promise<AgentRow> {
  requirePermission(actor, 'roles.manage', 'Giving an agent a custom role');
  return db.transaction(async (tx) => {
    const [before] = await tx.query<AgentRow>(`SELECT ${AGENT_COLUMNS} FROM agents WHERE account_id = $1 AND id = $2 FOR UPDATE`, [actor.accountId, agentId]);
    if (!before) throw notFound('agent', agentId);
    const role = roleId === null ? null : await loadCustomRole(tx, actor.accountId, roleId);
    if (role) requireHeldByActor(actor, role.permissions.filter(isPermission), 'Giving an agent a custom role');
    if (before.custom_role_id === (role?.id ?? null)) return before;
    const [after] = await tx.query<AgentRow>(
      `UPDATE agents SET custom_role_id = $3 WHERE account_id = $1 AND id = $2 RETURNING ${AGENT_COLUMNS}`, [actor.accountId, agentId, role?.id ?? null]);
    await recordAudit(tx, actor, {
      action: 'agent.custom_role_changed', entityType: 'agent', entityId: agentId,
      before: { custom_role_id: before.custom_role_id }, after: { custom_role_id: role?.id ?? null, custom_role: role?.name ?? null },
    });
    return after;
  });
}
