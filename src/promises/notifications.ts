import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { invalid, notFound } from '../shared/errors.ts';

/** The acting agent's notifications, newest first (unread only unless asked). */
export async function listNotifications(db: Db, actor: Actor, o: { unread?: boolean; limit: number }) {
  if (!actor.agentId) throw invalid('agent_required', 'Notifications belong to an agent: use an agent session or an agent-created token');
  const rows = await db.query<{ id: string; kind: string; body: string; case_id: string | null; promise_id: string | null; created_at: Date; read_at: Date | null }>(
    `SELECT id, kind, body, case_id, promise_id, created_at, read_at FROM notifications
     WHERE account_id = $1 AND agent_id = $2 AND (NOT $3::boolean OR read_at IS NULL) ORDER BY created_at DESC, id LIMIT $4`,
    [actor.accountId, actor.agentId, o.unread ?? false, o.limit],
  );
  return { data: rows };
}

export async function markNotificationRead(db: Db, actor: Actor, id: string) {
  const [row] = await db.query<{ id: string }>(
    `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE account_id = $1 AND id = $2 AND agent_id = $3 RETURNING id`,
    [actor.accountId, id, actor.agentId],
  );
  if (!row) throw notFound('notification', id);
  return { id: row.id, read: true };
}
