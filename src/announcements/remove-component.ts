import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { bumpStatusVersion } from './status-changes.ts';
import type { ComponentRow } from './components.ts';

/**
 * Takes a component off the status page (admin): it leaves the page, the JSON, the workspace's lists and the
 * choices for new incidents and subscriptions at once. The row stays, marked removed: incidents that named it
 * keep its id in their history, and a subscriber who chose only this component is not widened to all of them.
 * The components of a removed group stay on the page, outside any group. Audited; a second removal is a 404.
 */
export async function removeComponent(db: Db, actor: Actor, id: string): Promise<{ ungrouped: string[] }> {
  requirePermission(actor, 'announcements.settings', 'Removing a status page component');
  return db.transaction(async (tx) => {
    const [before] = await tx.query<ComponentRow>(
      `SELECT id, name_nl, name_en, description_nl, description_en, group_id, position, created_at FROM status_components
       WHERE account_id = $1 AND id = $2 AND removed_at IS NULL FOR UPDATE`, [actor.accountId, id]);
    if (!before) throw notFound('component', id);
    const ungrouped = await tx.query<{ id: string }>(
      'UPDATE status_components SET group_id = NULL WHERE account_id = $1 AND group_id = $2 RETURNING id', [actor.accountId, id]);
    await tx.query('UPDATE status_components SET removed_at = now(), group_id = NULL WHERE account_id = $1 AND id = $2', [actor.accountId, id]);
    const result = { ungrouped: ungrouped.map((r) => r.id) };
    await recordAudit(tx, actor, { action: 'status_component.removed', entityType: 'status_component', entityId: id, before, after: result });
    await bumpStatusVersion(tx, actor.accountId);
    return result;
  });
}
