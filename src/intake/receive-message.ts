import type { Db } from '../storage/db.ts';
import type { Config } from '../config.ts';
import { systemActor } from '../shared/actor.ts';
import { isUniqueViolation } from '../shared/errors.ts';
import { receiveMessageIn } from '../cases/receive-message.ts';
import { acknowledge } from './acknowledge.ts';
import type { InboxRow } from './inboxes/store.ts';
import { isDrop, PIPELINE } from './pipeline/index.ts';
import { recordBounce } from './record-bounce.ts';
import { checkAttachments, insertAttachments } from './store-attachments.ts';
import { findDuplicate, findThreadCase, lockThread } from './thread.ts';
import type { ChannelAdapter, InboundMessage, IntakeResult } from './types.ts';

export type IntakeConfig = Pick<Config, 'ACK_PER_SENDER_PER_HOUR' | 'FIRST_RESPONSE_HOURS' | 'ATTACHMENT_MAX_BYTES'>;

/**
 * The main road for a message from outside, read top to bottom:
 *   a channel adapter turns what arrived into an InboundMessage
 *   → the pipeline steps refine it, or drop it with a reason
 *   → in one transaction: a second delivery of the same message is recognised; a bounce marks the
 *     address; otherwise the customer is identified, the case found (thread, reference, repeat
 *     contact) or opened, the message and its attachments stored, and the acknowledgement queued
 * Returns only after the transaction committed: callers (the SMTP listener's 250, IMAP's \Seen)
 * confirm on that.
 */
export async function receiveInbound<Raw>(
  db: Db,
  adapter: ChannelAdapter<Raw>,
  raw: Raw,
  target: { accountId: string; inbox: InboxRow | null; to: string | null; envelopeFrom?: string | null },
  config: IntakeConfig,
): Promise<IntakeResult> {
  let m: InboundMessage = await adapter.toInbound(raw, { ...target, inboxId: target.inbox?.id ?? null });
  for (const step of PIPELINE) {
    const next = await step(m);
    if (isDrop(next)) return { outcome: 'dropped', reason: next.drop };
    m = next;
  }
  const attachments = await checkAttachments(m.attachments, config.ATTACHMENT_MAX_BYTES);
  const actor = systemActor(m.accountId);
  try {
    return await db.transaction(async (tx): Promise<IntakeResult> => {
      await lockThread(tx, actor.accountId, m);
      const duplicate = await findDuplicate(tx, actor.accountId, m.externalId);
      if (duplicate) return { outcome: 'duplicate', messageId: duplicate.id, caseId: duplicate.case_id };
      if (m.automated.kind === 'bounce') return recordBounce(tx, actor, m);

      const stored = await receiveMessageIn(tx, actor, {
        customer: m.from,
        subject: m.subject,
        body: m.newText,
        channel: m.channel,
        language: m.language ?? undefined,
        caseRef: m.caseRef ?? undefined,
        threadedCaseId: await findThreadCase(tx, actor.accountId, m),
        inboxId: m.inboxId,
        automated: m.automated.kind,
        email: {
          subject: m.subject || null,
          messageId: m.externalId,
          references: m.references,
          from: m.from.email ?? null,
          to: m.to,
          originalBody: m.text === m.newText ? null : m.text,
          html: m.html,
          notes: [...m.notes, ...(m.automated.reason ? [`automated: ${m.automated.reason}`] : []), ...attachments.notes],
        },
      });
      await insertAttachments(tx, actor.accountId, stored.message.id, attachments.keep);
      const ack = await acknowledge(tx, actor, m, stored, target.inbox, config);
      return {
        outcome: 'stored',
        caseId: stored.case.id,
        caseRef: stored.case.ref,
        messageId: stored.message.id,
        createdCase: stored.createdCase,
        acknowledged: ack.sent,
      };
    });
  } catch (err) {
    // the same message committed by another connection between our check and our insert
    if (isUniqueViolation(err, 'messages_email_message_id')) {
      const duplicate = await findDuplicate(db, actor.accountId, m.externalId);
      if (duplicate) return { outcome: 'duplicate', messageId: duplicate.id, caseId: duplicate.case_id };
    }
    throw err;
  }
}
