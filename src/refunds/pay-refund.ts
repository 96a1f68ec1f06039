import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { markKept } from '../promises/keep-promise.ts';
import { loadPromise } from '../promises/store.ts';
import { emitEvent } from '../webhooks/events.ts';
import { paidText } from './refund-messages.ts';
import { loadRefund, REFUND_COLUMNS, type RefundRow } from './store.ts';
import { refundTextFacts, tellCustomer } from './tell-customer.ts';

/**
 * Records that an approved refund was paid: its refund_by promise is kept (one paid late stays
 * breached) and the customer is told their amount. Joins the caller's transaction (a batch pays many).
 */
export async function markRefundPaid(db: Db, actor: Actor, id: string, o: { now?: Date; batchId?: string } = {}): Promise<RefundRow> {
  requirePermission(actor, 'refunds.pay', 'Marking a refund paid');
  return db.transaction(async (tx) => {
    const r = await loadRefund(tx, actor.accountId, id, true);
    if (r.state !== 'approved') throw conflict('refund_not_approved', `This refund is ${r.state}; only an approved refund is paid`);
    if (r.batch_id && r.batch_id !== o.batchId) throw conflict('refund_in_batch', 'This refund is in a SEPA batch: mark the batch paid');
    const now = o.now ?? new Date();
    const facts = await refundTextFacts(tx, actor.accountId, r);
    const messageId = await tellCustomer(tx, actor, r.case_id, facts.status, paidText(facts, r.destination, r.iban), facts.language);
    const [row] = await tx.query<RefundRow>(
      `UPDATE refunds SET state = 'paid', paid_at = $3, told_message_id = coalesce($4, told_message_id), updated_at = $3
       WHERE account_id = $1 AND id = $2 RETURNING ${REFUND_COLUMNS}`,
      [actor.accountId, id, now, messageId],
    );
    if (r.promise_id) {
      const p = await loadPromise(tx, actor.accountId, r.promise_id, true);
      if (p.state === 'open') await markKept(tx, actor, p, `refund_paid: ${id}`, now);
    }
    await recordAudit(tx, actor, { action: 'refund.paid', entityType: 'refund', entityId: id, before: { state: r.state }, after: { state: 'paid', batch_id: r.batch_id, told_message_id: messageId } });
    await emitEvent(tx, actor.accountId, 'refund.paid', row);
    return row;
  });
}
