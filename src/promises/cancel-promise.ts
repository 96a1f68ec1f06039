import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid } from '../shared/errors.ts';
import { mayChangePromise } from './keep-promise.ts';
import { loadPromise, onCase, PROMISE_COLUMNS, type PromiseRow } from './store.ts';

/** Withdraws a promise with a reason. A broken promise cannot be quietly withdrawn: the customer must have been told. */
export async function cancelPromise(db: Db, actor: Actor, id: string, o: { reason: string; now?: Date }): Promise<PromiseRow> {
  return db.transaction(async (tx) => {
    const p = onCase(await loadPromise(tx, actor.accountId, id, true));
    mayChangePromise(actor, p);
    if (p.state !== 'open' && p.state !== 'breached') throw conflict('promise_not_open', `This promise is ${p.state}; it cannot be cancelled`);
    if (p.state === 'breached' && !p.breach_notice_message_id) {
      throw invalid('customer_not_told', 'This promise was broken and the customer has not heard from us since: write to them first');
    }
    const now = o.now ?? new Date();
    const [row] = await tx.query<PromiseRow>(
      `UPDATE promises SET state = 'cancelled', updated_at = $3 WHERE account_id = $1 AND id = $2 RETURNING ${PROMISE_COLUMNS}`,
      [actor.accountId, id, now],
    );
    await recordAudit(tx, actor, { action: 'promise.cancelled', entityType: 'promise', entityId: id, before: { state: p.state }, after: { state: 'cancelled', reason: o.reason.slice(0, 1000) } });
    return row;
  });
}
