import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, conflict } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { decideApproval } from './approval.ts';
import { getRefundSettings } from './settings.ts';
import { loadRefund, REFUND_COLUMNS, type RefundRow } from './store.ts';

/** Approves a requested refund: an agent up to the account's limit, a supervisor (not the requester) above it. */
export async function approveRefund(db: Db, actor: Actor, id: string, o: { now?: Date } = {}): Promise<RefundRow> {
  return db.transaction(async (tx) => {
    const r = await loadRefund(tx, actor.accountId, id, true);
    if (r.state !== 'requested') throw conflict('refund_not_requested', `This refund is ${r.state}; only a requested refund can be approved`);
    const settings = await getRefundSettings(tx, actor.accountId);
    const ok = decideApproval(actor, r, settings.agent_limit_cents);
    if (!ok.ok) throw new AppError(ok.code, ok.message, 403);
    const now = o.now ?? new Date();
    const [row] = await tx.query<RefundRow>(
      `UPDATE refunds SET state = 'approved', approved_by = $3, approved_at = $4, updated_at = $4
       WHERE account_id = $1 AND id = $2 RETURNING ${REFUND_COLUMNS}`,
      [actor.accountId, id, actor.agentId, now],
    );
    await recordAudit(tx, actor, { action: 'refund.approved', entityType: 'refund', entityId: id, before: { state: r.state }, after: { state: 'approved', needs: ok.needs } });
    await emitEvent(tx, actor.accountId, 'refund.approved', row);
    return row;
  });
}
