import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { mayActOn } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden, invalid } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { CASE_COLUMNS, type CaseRow, loadCase, publicCase } from '../cases/store.ts';
import { addBlockIn, type BlockedSender } from './block-list.ts';
import { type BlockKind, blockKeys } from './block-rule.ts';

export type SpamBlock = BlockKind | 'none';

/**
 * Marks a case as spam: its sender's address (or, when the agent chooses, the whole domain) is
 * blocked, so their next mail is dropped at intake; the case is closed and left out of the case
 * lists (cases.spam_at). Audited as case.marked_spam (and sender.blocked). The sender is the last
 * inbound message's From, else the customer's e-mail address.
 */
export async function markSpam(db: Db, actor: Actor, caseIdOrRef: string, block: SpamBlock = 'address') {
  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, caseIdOrRef, true);
    if (!mayActOn(actor, c.owner_id, 'cases.close_others')) throw forbidden(`${c.ref} is a colleague's case: only its owner or a supervisor marks it as spam`);
    // a closed case has an owner (cases_owner_once_triaged): an unowned one is closed in the name of who marks it
    const owner = c.owner_id ?? actor.agentId;
    if (!owner) throw new AppError('owner_required', `${c.ref} has no owner and this token acts for no agent: assign the case first`, 409);
    const [sender] = await tx.query<{ address: string | null }>(
      `SELECT coalesce(
         (SELECT from_address FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'inbound' AND from_address IS NOT NULL ORDER BY created_at DESC LIMIT 1),
         (SELECT value FROM customer_identities WHERE account_id = $1 AND customer_id = $3 AND kind = 'email' ORDER BY value LIMIT 1)) AS address`,
      [actor.accountId, c.id, c.customer_id],
    );
    const keys = blockKeys(sender?.address);
    if (block !== 'none' && !keys) throw invalid('no_sender_address', `${c.ref} has no sender e-mail address to block: mark it with block "none"`);
    let blocked: BlockedSender | null = null;
    if (block !== 'none' && keys) {
      blocked = (await addBlockIn(tx, actor, { kind: block, value: block === 'domain' ? keys.domain : keys.address, reason: `spam: ${c.ref}`, caseId: c.id })).entry;
    }
    const [after] = await tx.query<CaseRow>(
      `UPDATE cases SET status = 'closed', closed_at = coalesce(closed_at, now()), spam_at = coalesce(spam_at, now()), updated_at = now(), owner_id = $3
       WHERE account_id = $1 AND id = $2 RETURNING ${CASE_COLUMNS}`,
      [actor.accountId, c.id, owner],
    );
    if (c.status !== 'closed' || blocked) {
      await recordAudit(tx, actor, { action: 'case.marked_spam', entityType: 'case', entityId: c.id, before: { status: c.status, owner_id: c.owner_id }, after: { status: 'closed', owner_id: owner, spam: true, blocked: blocked ? { kind: blocked.kind, value: blocked.value } : null } });
    }
    await emitEvent(tx, actor.accountId, 'case.updated', publicCase(after));
    return { case: publicCase(after), spam: true as const, blocked };
  });
}
