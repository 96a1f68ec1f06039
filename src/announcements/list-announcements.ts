import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { ANNOUNCEMENT_COLUMNS, type AnnouncementRow, type AnnouncementStatus, deliveryCounts, loadAnnouncement, type RecipientState } from './store.ts';

/** Announcements, the latest effective date first, each with its send progress (recipients per state). */
export async function listAnnouncements(db: Db, accountId: string, o: { limit: number; cursor?: string; status?: AnnouncementStatus }) {
  const after = decodeCursor(o.cursor);
  const rows = await db.query<AnnouncementRow & { override_by_name: string | null }>(
    `SELECT ${ANNOUNCEMENT_COLUMNS},
       (SELECT g.name FROM agents g WHERE g.account_id = announcements.account_id AND g.id = announcements.override_by) AS override_by_name
     FROM announcements
     WHERE account_id = $1 AND ($2::text IS NULL OR status = $2)
       AND ($3::uuid IS NULL OR (effective_at, id) < (SELECT effective_at, id FROM announcements WHERE account_id = $1 AND id = $3))
     ORDER BY effective_at DESC, id DESC LIMIT $4`,
    [accountId, o.status ?? null, after, o.limit + 1],
  );
  const delivery = await deliveryOf(db, accountId, rows.map((r) => r.id));
  return page(rows.map((r) => ({ ...r, delivery: delivery.get(r.id) ?? emptyDelivery() })), o.limit);
}

const emptyDelivery = (): Record<RecipientState, number> & { total: number; vulnerable: number } =>
  ({ queued: 0, sending: 0, sent: 0, bounced: 0, replied: 0, skipped: 0, total: 0, vulnerable: 0 });

/** The send progress of many announcements in one statement: recipients per state. */
async function deliveryOf(db: Db, accountId: string, ids: string[]) {
  const out = new Map<string, ReturnType<typeof emptyDelivery>>();
  if (!ids.length) return out;
  const rows = await db.query<{ announcement_id: string; state: RecipientState; n: number; v: number }>(
    `SELECT announcement_id, state, count(*)::int AS n, count(*) FILTER (WHERE vulnerable)::int AS v FROM announcement_recipients
     WHERE account_id = $1 AND announcement_id = ANY($2::uuid[]) GROUP BY announcement_id, state`,
    [accountId, ids],
  );
  for (const r of rows) {
    const d = out.get(r.announcement_id) ?? emptyDelivery();
    d[r.state] = r.n;
    d.total += r.n;
    d.vulnerable += r.v;
    out.set(r.announcement_id, d);
  }
  return out;
}

/** One announcement with its delivery (per state) and, if the notice was overridden, who did it. */
export async function getAnnouncement(db: Db, accountId: string, id: string) {
  const a = await loadAnnouncement(db, accountId, id);
  const delivery = await deliveryCounts(db, accountId, id);
  const [by] = a.override_by ? await db.query<{ name: string }>('SELECT name FROM agents WHERE account_id = $1 AND id = $2', [accountId, a.override_by]) : [];
  return { ...a, delivery, override_by_name: by?.name ?? null };
}
