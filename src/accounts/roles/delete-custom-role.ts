import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { requirePermission } from '../permissions.ts';
import { type CustomRoleRow, loadCustomRole } from './store.ts';

/**
 * Delete a custom role (roles.manage): its agents lose it, and what it granted, in the same transaction;
 * their open sessions from their next request. Each agent's loss is in the audit log too.
 */
export async function deleteCustomRole(db: Db, actor: Actor, id: string): Promise<CustomRoleRow> {
  requirePermission(actor, 'roles.manage', 'Deleting a custom role');
  return db.transaction(async (tx) => {
    const role = await loadCustomRole(tx, actor.accountId, id, true);
    const agents = await tx.query<{ id: string }>(
      'UPDATE agents SET custom_role_id = NULL WHERE account_id = $1 AND custom_role_id = $2 RETURNING id', [actor.accountId, id]);
    for (const a of agents) {
      await recordAudit(tx, actor, { action: 'agent.custom_role_changed', entityType: 'agent', entityId: a.id, before: { custom_role_id: id, custom_role: role.name }, after: { custom_role_id: null, reason: 'role deleted' } });
    }
    await tx.query('DELETE FROM custom_roles WHERE account_id = $1 AND id = $2', [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'custom_role.deleted', entityType: 'custom_role', entityId: id, before: { name: role.name, permissions: role.permissions, agent_ids: role.agent_ids } });
    return { ...role, agent_ids: [] };
  });
}
