import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden, isUniqueViolation, notFound } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from './store.ts';
import { notify } from '../promises/notify.ts';

export interface TransferRow {
  id: string;
  case_id: string;
  from_agent_id: string | null;
  to_agent_id: string;
  note: string | null;
  status: 'offered' | 'accepted' | 'declined' | 'cancelled';
  /** offered by routing rather than by a person: a decline passes it on */
  routed: boolean;
  created_at: Date;
  responded_at: Date | null;
}

export const TRANSFER_COLUMNS = 'id, case_id, from_agent_id, to_agent_id, note, status, routed, created_at, responded_at';

/**
 * Offers a case to another agent. Until they accept, the current owner stays accountable.
 * Only the owner (or a supervisor) can offer; one open offer per case at a time.
 */
export async function offerTransfer(db: Db, actor: Actor, caseIdOrRef: string, opts: { toAgentId: string; note?: string }) {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    if (!c.owner_id) throw new AppError('case_unowned', `Case ${c.ref} has no owner yet: assign it instead of transferring`, 409);
    if (c.owner_id !== actor.agentId && !can(actor, 'cases.assign_others')) {
      throw forbidden(`Only the owner of ${c.ref} or a supervisor can transfer it`);
    }
    if (opts.toAgentId === c.owner_id) throw new AppError('transfer_to_owner', 'The receiver already owns this case', 422);
    const to = await tx.query('SELECT 1 FROM agents WHERE account_id = $1 AND id = $2 AND active', [actor.accountId, opts.toAgentId]);
    if (!to.length) throw notFound('agent', opts.toAgentId);
    let t: TransferRow;
    try {
      [t] = await tx.query<TransferRow>(
        `INSERT INTO case_transfers (account_id, case_id, from_agent_id, to_agent_id, note)
         VALUES ($1, $2, $3, $4, $5) RETURNING ${TRANSFER_COLUMNS}`,
        [actor.accountId, c.id, c.owner_id, opts.toAgentId, opts.note ?? null],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('transfer_pending', `Case ${c.ref} already has an open transfer offer`, 409);
      throw err;
    }
    await recordAudit(tx, actor, { action: 'case.transfer_offered', entityType: 'case', entityId: c.id, after: t });
    // the receiver hears of it at once, not only when they happen to open the case
    await notify(tx, actor.accountId, {
      agentIds: [opts.toAgentId], kind: 'case.offered', caseId: c.id,
      body: `${c.ref} "${c.subject}" wordt je aangeboden${opts.note ? `: ${opts.note.slice(0, 300)}` : ''}`,
    });
    return t;
  });
}

type Response = 'accept' | 'decline' | 'cancel';

/**
 * The receiver accepts (ownership moves, transfer_count + 1) or declines; the sender or a
 * supervisor may cancel. Either way the offer is closed.
 */
export async function respondToTransfer(db: Db, actor: Actor, caseIdOrRef: string, transferId: string, response: Response) {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    const [t] = await tx.query<TransferRow>(
      `SELECT ${TRANSFER_COLUMNS} FROM case_transfers WHERE account_id = $1 AND case_id = $2 AND id = $3 FOR UPDATE`,
      [actor.accountId, c.id, transferId],
    );
    if (!t) throw notFound('transfer', transferId);
    if (t.status !== 'offered') throw new AppError('transfer_closed', `This transfer was already ${t.status}`, 409);
    if (response === 'cancel') {
      if (actor.agentId !== t.from_agent_id && !can(actor, 'cases.assign_others')) throw forbidden('Only the sender or a supervisor can cancel a transfer');
    } else if (actor.agentId !== t.to_agent_id) {
      throw forbidden('Only the receiving agent can accept or decline a transfer');
    }
    const status = response === 'accept' ? 'accepted' : response === 'decline' ? 'declined' : 'cancelled';
    const [closed] = await tx.query<TransferRow>(
      `UPDATE case_transfers SET status = $3, responded_at = now() WHERE account_id = $1 AND id = $2 RETURNING ${TRANSFER_COLUMNS}`,
      [actor.accountId, t.id, status],
    );
    let after: CaseRow = c;
    if (response === 'accept') {
      [after] = await tx.query<CaseRow>(
        // taking an unowned case from routing is its first assignment, not a transfer
        `UPDATE cases SET owner_id = $3, transfer_count = transfer_count + CASE WHEN owner_id IS NULL THEN 0 ELSE 1 END, updated_at = now(),
           status = CASE WHEN status = 'new' THEN 'open' ELSE status END
         WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
        [actor.accountId, c.id, t.to_agent_id],
      );
      await emitEvent(tx, actor.accountId, 'case.transferred', { case: publicCase(after), transfer: closed });
    }
    await recordAudit(tx, actor, {
      action: `case.transfer_${status}`,
      entityType: 'case',
      entityId: c.id,
      before: { owner_id: c.owner_id, transfer_count: c.transfer_count },
      after: { owner_id: after.owner_id, transfer_count: after.transfer_count, transfer_id: t.id },
    });
    return { case: publicCase(after), transfer: closed };
  });
}
