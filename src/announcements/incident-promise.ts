import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { emitEvent } from '../webhooks/events.ts';
import { PROMISE_COLUMNS, type PromiseRow } from '../promises/store.ts';
import type { IncidentRow } from './incident-store.ts';

/**
 * An open incident's "next update by" is a promise in the C5 sense: a row in `promises` (kind
 * next_update_by, no case), so it shows in "promises due", counts in the kept rate and has one owner.
 * Its reminder, overdue alert and escalation come from the incident sweep (sweep-incidents.ts), which
 * also breaks it; posting an update keeps it (or, late, leaves it broken) and makes the next one.
 */

const describe = (i: Pick<IncidentRow, 'title'>) => `Volgende update over storing "${i.title.nl.slice(0, 200)}"`;

/** The incident's current promise: one open promise per incident (a unique index holds this). */
export async function promiseNextUpdate(tx: Db, actor: Actor, i: Pick<IncidentRow, 'id' | 'title' | 'owner_id'>, dueAt: Date, now: Date): Promise<PromiseRow> {
  const [row] = await tx.query<PromiseRow>(
    `INSERT INTO promises (account_id, incident_id, owner_id, kind, description, due_at, source, created_at, updated_at)
     VALUES ($1, $2, $3, 'next_update_by', $4, $5, 'manual', $6, $6) RETURNING ${PROMISE_COLUMNS}`,
    [actor.accountId, i.id, i.owner_id, describe(i), dueAt, now],
  );
  await recordAudit(tx, actor, { action: 'promise.made', entityType: 'promise', entityId: row.id, after: { incident_id: i.id, kind: row.kind, due_at: row.due_at, owner_id: row.owner_id } });
  await emitEvent(tx, actor.accountId, 'promise.made', row);
  return row;
}

/**
 * An update was posted: the promise it answers is kept when in time; when late it is broken (by the
 * sweep already, or here if the sweep has not come by). Either way the next promise, if any,
 * replaces it; a resolving update makes none, so the incident's promises end with it.
 */
export async function settleNextUpdate(tx: Db, actor: Actor, i: Pick<IncidentRow, 'id' | 'title' | 'owner_id'>, o: { updateId: string; late: boolean; nextUpdateAt: Date | null; now: Date }) {
  // the old promise leaves the open state before the new one enters it (one open promise per incident)
  const settled = await tx.query<PromiseRow>(
    `UPDATE promises SET state = CASE WHEN $4::boolean THEN 'breached' ELSE 'kept' END,
       breached_at = CASE WHEN $4::boolean THEN due_at ELSE breached_at END,
       kept_at = CASE WHEN $4::boolean THEN NULL ELSE $3::timestamptz END,
       kept_by = CASE WHEN $4::boolean THEN NULL ELSE 'incident_update:' || $5 END, updated_at = $3
     WHERE account_id = $1 AND incident_id = $2 AND state = 'open' RETURNING ${PROMISE_COLUMNS}`,
    [actor.accountId, i.id, o.now, o.late, o.updateId],
  );
  for (const p of settled) {
    await recordAudit(tx, actor, { action: `promise.${p.state}`, entityType: 'promise', entityId: p.id, before: { state: 'open' }, after: { state: p.state, kept_by: p.kept_by } });
    await emitEvent(tx, actor.accountId, p.state === 'kept' ? 'promise.kept' : 'promise.breached', p);
  }
  if (!o.nextUpdateAt) return null;
  const next = await promiseNextUpdate(tx, actor, i, o.nextUpdateAt, o.now);
  await tx.query(
    'UPDATE promises SET replaced_by = $3 WHERE account_id = $1 AND incident_id = $2 AND id <> $3 AND replaced_by IS NULL',
    [actor.accountId, i.id, next.id],
  );
  return next;
}

/** The sweep found the promised update overdue: the promise is broken, once. */
export async function breakNextUpdate(tx: Db, actor: Actor, incidentId: string, now: Date): Promise<PromiseRow | null> {
  const [p] = await tx.query<PromiseRow>(
    `UPDATE promises SET state = 'breached', breached_at = $3, updated_at = $3
     WHERE account_id = $1 AND incident_id = $2 AND state = 'open' AND due_at <= $3 RETURNING ${PROMISE_COLUMNS}`,
    [actor.accountId, incidentId, now],
  );
  if (!p) return null;
  await recordAudit(tx, actor, { action: 'promise.breached', entityType: 'promise', entityId: p.id, after: { incident_id: incidentId, due_at: p.due_at, breached_at: p.breached_at } });
  await emitEvent(tx, actor.accountId, 'promise.breached', p);
  return p;
}
