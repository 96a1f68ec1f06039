import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, conflict, invalid } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { decideApproval } from './approval.ts';
import { rejectionText } from './refund-messages.ts';
import { getRefundSettings } from './settings.ts';
import { loadRefund, REFUND_COLUMNS, type RefundRow } from './store.ts';
import { refundTextFacts, tellCustomer } from './tell-customer.ts';

/**
 * Rejects a refund with a reason that the customer is told in their language (through the reply
 * checks); its promise is withdrawn. Whoever may approve the amount may reject it; a refund already
 * in a SEPA batch or paid cannot be rejected.
 */
export async function rejectRefund(db: Db, actor: Actor, id: string, o: { reason: string; now?: Date }): Promise<RefundRow> {
  const reason = o.reason.trim();
  if (!reason) throw invalid('reason_required', 'reason: tell the customer why', { field: 'reason' });
  return db.transaction(async (tx) => {
    const r = await loadRefund(tx, actor.accountId, id, true);
    if (r.state !== 'requested' && r.state !== 'approved') throw conflict('refund_not_open', `This refund is ${r.state}; it cannot be rejected`);
    if (r.batch_id) throw conflict('refund_in_batch', 'This refund is in a SEPA batch that was exported: it is paid or failed at the bank, not rejected here');
    const settings = await getRefundSettings(tx, actor.accountId);
    const ok = decideApproval(actor, { ...r, requested_by: null }, settings.agent_limit_cents);
    if (!ok.ok) throw new AppError(ok.code, ok.message.replace('approves', 'decides on'), 403);
    const now = o.now ?? new Date();
    const facts = await refundTextFacts(tx, actor.accountId, r);
    const messageId = await tellCustomer(tx, actor, r.case_id, facts.status, rejectionText(facts, reason), facts.language);
    const [row] = await tx.query<RefundRow>(
      `UPDATE refunds SET state = 'rejected', rejected_by = $3, rejected_at = $4, rejection_reason = $5, told_message_id = $6, updated_at = $4
       WHERE account_id = $1 AND id = $2 RETURNING ${REFUND_COLUMNS}`,
      [actor.accountId, id, actor.agentId, now, reason.slice(0, 1000), messageId],
    );
    if (r.promise_id) {
      // the customer was told: the promise is withdrawn (a breached one stays breached)
      await tx.query(`UPDATE promises SET state = 'cancelled', updated_at = $3 WHERE account_id = $1 AND id = $2 AND state = 'open'`, [actor.accountId, r.promise_id, now]);
      await recordAudit(tx, actor, { action: 'promise.cancelled', entityType: 'promise', entityId: r.promise_id, after: { state: 'cancelled', reason: 'refund rejected' } });
    }
    await recordAudit(tx, actor, { action: 'refund.rejected', entityType: 'refund', entityId: id, before: { state: r.state }, after: { state: 'rejected', reason, told_message_id: messageId } });
    await emitEvent(tx, actor.accountId, 'refund.rejected', row);
    return row;
  });
}
