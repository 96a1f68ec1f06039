import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, forbidden } from '../shared/errors.ts';
import { mayActOn } from '../accounts/permissions.ts';
import { emitEvent } from '../webhooks/events.ts';
import { loadPromise, onCase, PROMISE_COLUMNS, type PromiseRow } from './store.ts';

/** The actions that keep a promise; a reply keeps answer/update promises on its own (see promises-on-reply). */
export const KEEPING_ACTIONS = ['callback_logged', 'appointment_kept', 'refund_paid', 'answered', 'done'] as const;
export type KeepingAction = (typeof KEEPING_ACTIONS)[number];

/**
 * Records that a promise was kept, by the action that kept it (the callback logged, the refund
 * paid). A promise that is no longer open cannot be kept; one kept late stays breached.
 */
export async function keepPromise(db: Db, actor: Actor, id: string, o: { action: KeepingAction; note?: string; now?: Date }): Promise<PromiseRow> {
  return db.transaction(async (tx) => {
    const p = onCase(await loadPromise(tx, actor.accountId, id, true));
    mayChangePromise(actor, p);
    if (p.state !== 'open') throw conflict('promise_not_open', `This promise is ${p.state}; only an open promise can be kept`);
    return markKept(tx, actor, p, o.note ? `${o.action}: ${o.note.slice(0, 500)}` : o.action, o.now ?? new Date());
  });
}

export async function markKept(tx: Db, actor: Actor, p: PromiseRow, keptBy: string, now: Date): Promise<PromiseRow> {
  const [row] = await tx.query<PromiseRow>(
    `UPDATE promises SET state = 'kept', kept_at = $3, kept_by = $4, updated_at = $3
     WHERE account_id = $1 AND id = $2 AND state = 'open' RETURNING ${PROMISE_COLUMNS}`,
    [actor.accountId, p.id, now, keptBy],
  );
  await recordAudit(tx, actor, { action: 'promise.kept', entityType: 'promise', entityId: p.id, before: { state: p.state }, after: { state: 'kept', kept_by: keptBy } });
  await emitEvent(tx, actor.accountId, 'promise.kept', row);
  return row;
}

/** An agent keeps, cancels or renegotiates their own promises; a supervisor also a colleague's. */
export function mayChangePromise(actor: Actor, p: Pick<PromiseRow, 'owner_id'>): void {
  if (!mayActOn(actor, p.owner_id, 'promises.change_others')) throw forbidden("This is a colleague's promise: only its owner or a supervisor changes it");
}
