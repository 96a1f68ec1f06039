import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { diff, recordAudit } from '../../shared/audit.ts';
import { conflict, isUniqueViolation } from '../../shared/errors.ts';
import { requirePermission } from '../permissions.ts';
import { nextPermissions, requireHeldByActor } from './compose.ts';
import { type CustomRoleRow, loadCustomRole } from './store.ts';

export interface UpdateCustomRoleOptions {
  name?: string;
  description?: string;
  /** replaces the whole list */
  permissions?: readonly string[];
  /** added to the list (after a replacement, if both) */
  grant?: readonly string[];
  /** taken from the list */
  revoke?: readonly string[];
}

/**
 * Rename a custom role or change what it grants (roles.manage). Its agents' open sessions have the new
 * permissions from their next request: a session reads them on every request.
 */
export async function updateCustomRole(db: Db, actor: Actor, id: string, opts: UpdateCustomRoleOptions): Promise<CustomRoleRow> {
  requirePermission(actor, 'roles.manage', 'Changing a custom role');
  return db.transaction(async (tx) => {
    const before = await loadCustomRole(tx, actor.accountId, id, true);
    const permissions = nextPermissions(before.permissions, opts);
    // what is added must be held by who adds it; taking away is always allowed
    requireHeldByActor(actor, permissions.filter((p) => !before.permissions.includes(p)), 'Changing a custom role');
    const name = opts.name?.trim() ?? before.name;
    const description = opts.description?.trim() ?? before.description;
    const d = diff(before as unknown as Record<string, unknown>, { name, description, permissions });
    if (!d.changed) return before;
    try {
      await tx.query('UPDATE custom_roles SET name = $3, description = $4, permissions = $5, updated_at = now() WHERE account_id = $1 AND id = $2',
        [actor.accountId, id, name, description, permissions]);
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('custom_role_exists', `A custom role named "${name}" already exists`);
      throw err;
    }
    await recordAudit(tx, actor, { action: 'custom_role.updated', entityType: 'custom_role', entityId: id, before: d.before, after: d.after });
    return loadCustomRole(tx, actor.accountId, id);
  });
}
