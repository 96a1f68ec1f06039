import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { conflict, isUniqueViolation } from '../../shared/errors.ts';
import { requirePermission } from '../permissions.ts';
import { checkPermissionNames, requireHeldByActor } from './compose.ts';
import { type CustomRoleRow, loadCustomRole } from './store.ts';

export interface CreateCustomRoleOptions {
  name: string;
  description?: string;
  permissions: readonly string[];
}

/** Compose a custom role from permission names (roles.manage); 422 for a name that does not exist. */
export async function createCustomRole(db: Db, actor: Actor, opts: CreateCustomRoleOptions): Promise<CustomRoleRow> {
  requirePermission(actor, 'roles.manage', 'Composing a custom role');
  const permissions = checkPermissionNames(opts.permissions);
  requireHeldByActor(actor, permissions, 'Composing a custom role');
  return db.transaction(async (tx) => {
    let id: string;
    try {
      [{ id }] = await tx.query<{ id: string }>(
        'INSERT INTO custom_roles (account_id, name, description, permissions, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [actor.accountId, opts.name.trim(), opts.description?.trim() ?? '', permissions, actor.agentId],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('custom_role_exists', `A custom role named "${opts.name.trim()}" already exists`);
      throw err;
    }
    await recordAudit(tx, actor, { action: 'custom_role.created', entityType: 'custom_role', entityId: id, after: { name: opts.name.trim(), permissions } });
    return loadCustomRole(tx, actor.accountId, id);
  });
}
