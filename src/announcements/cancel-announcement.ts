import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { bumpStatusVersion } from './settings.ts';
import { type AnnouncementRow, ANNOUNCEMENT_COLUMNS, loadAnnouncement } from './store.ts';

/** Stops an announcement that has not gone out to everyone: who has it, has it; nobody else gets it. */
export async function cancelAnnouncement(db: Db, actor: Actor, id: string, reason: string): Promise<AnnouncementRow> {
  requirePermission(actor, 'announcements.schedule', 'Cancelling an announcement');
  return db.transaction(async (tx) => {
    const a = await loadAnnouncement(tx, actor.accountId, id, true);
    if (a.status === 'sent' || a.status === 'cancelled') throw conflict('announcement_finished', `This announcement is ${a.status}; it can no longer be cancelled`);
    const [row] = await tx.query<AnnouncementRow>(
      `UPDATE announcements SET status = 'cancelled', updated_at = now() WHERE account_id = $1 AND id = $2 RETURNING ${ANNOUNCEMENT_COLUMNS}`, [actor.accountId, id]);
    const skipped = await tx.query(
      `UPDATE announcement_recipients SET state = 'skipped', skip_reason = 'cancelled' WHERE account_id = $1 AND announcement_id = $2 AND state = 'queued' RETURNING 1`,
      [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'announcement.cancelled', entityType: 'announcement', entityId: id, before: { status: a.status }, after: { status: 'cancelled', reason: reason.slice(0, 1000), not_sent: skipped.length } });
    if (a.show_on_status_page) await bumpStatusVersion(tx, actor.accountId);
    return row;
  });
}
