import { mayChangePromise } from './keep-promise.ts';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid } from '../shared/errors.ts';
import { addMessage } from '../cases/add-message.ts';
import { makePromise } from './make-promise.ts';
import { loadPromise, onCase, PROMISE_COLUMNS, type PromiseRow } from './store.ts';

/**
 * Agrees a new time: the promise becomes `renegotiated` and a new one with the new time replaces
 * it. A breached promise is renegotiated only together with a message to the customer (the
 * apology with the new time), sent through the case's channel.
 */
export async function renegotiatePromise(
  db: Db,
  actor: Actor,
  id: string,
  o: { dueAt: Date; windowStart?: Date | null; message?: string; now?: Date },
): Promise<{ previous: PromiseRow; promise: PromiseRow }> {
  const now = o.now ?? new Date();
  const p = onCase(await loadPromise(db, actor.accountId, id));
  mayChangePromise(actor, p);
  if (p.state !== 'open' && p.state !== 'breached') throw conflict('promise_not_open', `This promise is ${p.state}; it cannot be renegotiated`);
  if (p.state === 'breached' && !p.breach_notice_message_id && !o.message?.trim()) {
    throw invalid('customer_not_told', 'This promise was broken: renegotiate it with a message to the customer (an apology and the new time)');
  }
  // the message goes out first, through the normal outbound path (reply checker, channel), in its own transaction
  const message = o.message?.trim() ? await addMessage(db, actor, p.case_id, { type: 'outbound', body: o.message }) : null;
  return db.transaction(async (tx) => {
    const current = onCase(await loadPromise(tx, actor.accountId, id, true));
    const next = await makePromise(tx, actor, {
      caseId: current.case_id, kind: current.kind, description: current.description, dueAt: o.dueAt,
      windowStart: o.windowStart ?? null, ownerId: current.owner_id, source: 'renegotiation', sourceMessageId: message?.id ?? null, now,
    });
    const [previous] = await tx.query<PromiseRow>(
      `UPDATE promises SET state = CASE WHEN state = 'open' THEN 'renegotiated' ELSE state END, replaced_by = $3, updated_at = $4,
         breach_notice_message_id = coalesce(breach_notice_message_id, $5)
       WHERE account_id = $1 AND id = $2 RETURNING ${PROMISE_COLUMNS}`,
      [actor.accountId, id, next.id, now, message?.id ?? null],
    );
    await recordAudit(tx, actor, {
      action: 'promise.renegotiated', entityType: 'promise', entityId: id,
      before: { state: current.state, due_at: current.due_at }, after: { state: previous.state, replaced_by: next.id, due_at: next.due_at },
    });
    return { previous, promise: next };
  });
}
