import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { ANNOUNCEMENT_COLUMNS, type AnnouncementRow, type AnnouncementStatus, deliveryCounts, loadAnnouncement } from './store.ts';

/** Announcements, the latest effective date first. */
export async function listAnnouncements(db: Db, accountId: string, o: { limit: number; cursor?: string; status?: AnnouncementStatus }) {
  const after = decodeCursor(o.cursor);
  const rows = await db.query<AnnouncementRow>(
    `SELECT ${ANNOUNCEMENT_COLUMNS} FROM announcements
     WHERE account_id = $1 AND ($2::text IS NULL OR status = $2)
       AND ($3::uuid IS NULL OR (effective_at, id) < (SELECT effective_at, id FROM announcements WHERE account_id = $1 AND id = $3))
     ORDER BY effective_at DESC, id DESC LIMIT $4`,
    [accountId, o.status ?? null, after, o.limit + 1],
  );
  return page(rows, o.limit);
}

/** One announcement with its delivery (per state) and, if the notice was overridden, who did it. */
export async function getAnnouncement(db: Db, accountId: string, id: string) {
  const a = await loadAnnouncement(db, accountId, id);
  const delivery = await deliveryCounts(db, accountId, id);
  const [by] = a.override_by ? await db.query<{ name: string }>('SELECT name FROM agents WHERE account_id = $1 AND id = $2', [accountId, a.override_by]) : [];
  return { ...a, delivery, override_by_name: by?.name ?? null };
}
