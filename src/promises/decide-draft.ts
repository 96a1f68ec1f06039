import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { addMessage } from '../cases/add-message.ts';
import { renegotiatePromise } from './renegotiate-promise.ts';

interface DraftRow {
  id: string;
  case_id: string;
  promise_id: string | null;
  body: string;
  reason: string;
  status: 'pending' | 'sent' | 'discarded';
  proposed_due_at: Date | null;
  sent_message_id: string | null;
  created_at: Date;
}
const DRAFT_COLUMNS = 'id, case_id, promise_id, body, reason, status, proposed_due_at, sent_message_id, created_at';

export async function listDrafts(db: Db, accountId: string, status: DraftRow['status'] = 'pending') {
  return { data: await db.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM drafts WHERE account_id = $1 AND status = $2 ORDER BY created_at, id`, [accountId, status]) };
}

/**
 * A supervisor approves a draft (possibly edited): it goes to the customer through the normal
 * outbound path. For a broken promise the proposed new time becomes the renegotiated promise.
 */
export async function approveDraft(db: Db, actor: Actor, id: string, o: { body?: string; due_at?: Date; now?: Date } = {}) {
  requirePermission(actor, 'drafts.approve', 'Approving a message to the customer');
  const d = await loadDraft(db, actor.accountId, id);
  if (d.status !== 'pending') throw conflict('draft_decided', `This draft was already ${d.status}`);
  const body = o.body?.trim() || d.body;
  let messageId: string;
  if (d.promise_id) {
    const { previous } = await renegotiatePromise(db, actor, d.promise_id, { dueAt: o.due_at ?? d.proposed_due_at ?? new Date(Date.now() + 86_400_000), message: body, now: o.now });
    messageId = previous.breach_notice_message_id!;
  } else {
    messageId = (await addMessage(db, actor, d.case_id, { type: 'outbound', body })).id;
  }
  return db.transaction(async (tx) => {
    await tx.query(`UPDATE drafts SET status = 'sent', sent_message_id = $3, decided_by = $4, decided_at = now() WHERE account_id = $1 AND id = $2`,
      [actor.accountId, id, messageId, actor.agentId]);
    await recordAudit(tx, actor, { action: 'draft.approved', entityType: 'case', entityId: d.case_id, after: { draft_id: id, message_id: messageId } });
    return loadDraft(tx, actor.accountId, id);
  });
}

export async function discardDraft(db: Db, actor: Actor, id: string, reason: string) {
  requirePermission(actor, 'drafts.approve', 'Discarding a message to the customer');
  return db.transaction(async (tx) => {
    const d = await loadDraft(tx, actor.accountId, id);
    if (d.status !== 'pending') throw conflict('draft_decided', `This draft was already ${d.status}`);
    await tx.query(`UPDATE drafts SET status = 'discarded', decided_by = $3, decided_at = now() WHERE account_id = $1 AND id = $2`, [actor.accountId, id, actor.agentId]);
    await recordAudit(tx, actor, { action: 'draft.discarded', entityType: 'case', entityId: d.case_id, after: { draft_id: id, reason: reason.slice(0, 1000) } });
    return loadDraft(tx, actor.accountId, id);
  });
}

async function loadDraft(db: Db, accountId: string, id: string): Promise<DraftRow> {
  const [row] = await db.query<DraftRow>(`SELECT ${DRAFT_COLUMNS} FROM drafts WHERE account_id = $1 AND id = $2`, [accountId, id]);
  if (!row) throw notFound('draft', id);
  return row;
}
