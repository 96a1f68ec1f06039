import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { loadOrganisation, type Organisation } from './store.ts';

/** Deletes an organisation (supervisor): its people stay, without an organisation; its domains are free again. */
export async function deleteOrganisation(db: Db, actor: Actor, id: string): Promise<Organisation> {
  requirePermission(actor, 'organisations.delete', 'Deleting an organisation');
  return db.transaction(async (tx) => {
    const before = await loadOrganisation(tx, actor.accountId, id, true);
    await tx.query('UPDATE customers SET organisation_id = NULL, updated_at = now() WHERE account_id = $1 AND organisation_id = $2', [actor.accountId, id]);
    await tx.query('DELETE FROM organisation_domains WHERE account_id = $1 AND organisation_id = $2', [actor.accountId, id]);
    await tx.query('DELETE FROM organisations WHERE account_id = $1 AND id = $2', [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'organisation.deleted', entityType: 'organisation', entityId: id, before });
    return before;
  });
}
