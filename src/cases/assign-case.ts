import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden, notFound } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from './store.ts';

/**
 * Triage: gives an unowned case its one accountable owner and opens it. An agent may take a
 * case themselves; a supervisor may assign anyone. A case that has an owner changes hands only
 * through a transfer the receiver accepts.
 */
export async function assignCase(db: Db, actor: Actor, caseIdOrRef: string, agentId: string) {
  if (agentId !== actor.agentId && !can(actor, 'cases.assign_others')) {
    throw forbidden('Agents can take a case themselves; assigning it to someone else needs a supervisor');
  }
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    if (c.owner_id) {
      throw new AppError('case_has_owner', `Case ${c.ref} already has an owner; offer a transfer instead`, 409, { owner_id: c.owner_id });
    }
    const agent = await tx.query('SELECT 1 FROM agents WHERE account_id = $1 AND id = $2 AND active', [actor.accountId, agentId]);
    if (!agent.length) throw notFound('agent', agentId);
    const [after] = await tx.query<CaseRow>(
      `UPDATE cases SET owner_id = $3, status = CASE WHEN status = 'new' THEN 'open' ELSE status END, updated_at = now()
       WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, c.id, agentId],
    );
    await recordAudit(tx, actor, {
      action: 'case.assigned',
      entityType: 'case',
      entityId: c.id,
      before: { owner_id: null, status: c.status },
      after: { owner_id: agentId, status: after.status },
    });
    await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
    return publicCase(after);
  });
}
