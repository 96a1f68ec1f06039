import type { Db } from '../storage/db.ts';
import type { Config } from '../config.ts';
import { systemActor } from '../shared/actor.ts';
import { receiveMessageIn } from '../cases/receive-message.ts';
import { acknowledge } from './acknowledge.ts';
import { acknowledgeByMail } from './acknowledge-by-mail.ts';
import type { InboxRow } from './inboxes/store.ts';
import { recordBounce } from './record-bounce.ts';
import { insertAttachments, type CheckedAttachment } from './store-attachments.ts';
import { lookupInbound } from './lookup-inbound.ts';
import { announcementAnswered, linkAnnouncementReply, recordAnnouncementBounce, replyTokenOf } from '../announcements/announcement-feedback.ts';
import type { InboundMessage, IntakeResult } from './types.ts';
import { blockFor } from '../spam/block-list.ts';

export type IntakeConfig = Pick<Config, 'ACK_PER_SENDER_PER_HOUR' | 'FIRST_RESPONSE_HOURS' | 'ATTACHMENT_MAX_BYTES'> & Partial<Pick<Config, 'PUBLIC_URL'>>;

/** A message read and refined (receive-message.ts, prepareInbound), ready to be stored: nothing left that needs no database. */
export interface PreparedInbound {
  message: InboundMessage;
  inbox: InboxRow | null;
  attachments: { keep: CheckedAttachment[]; notes: string[] };
}

/** Stores one prepared message in the caller's transaction, which already holds its thread lock (lockThreads). */
export async function storeInbound(tx: Db, p: PreparedInbound, config: IntakeConfig): Promise<IntakeResult> {
  const { message: m, attachments } = p;
  const actor = systemActor(m.accountId);
  // a blocked sender or domain (src/spam/): nothing stored, nothing acknowledged
  if (m.automated.kind !== 'bounce') {
    const blocked = await blockFor(tx, actor.accountId, m.from.email);
    if (blocked) return { outcome: 'dropped', reason: `sender ${blocked.kind} is blocked (${blocked.id})`, blocked: true };
  }
  const look = await lookupInbound(tx, actor.accountId, m);
  if (look.duplicate) return { outcome: 'duplicate', messageId: look.duplicate.id, caseId: look.duplicate.case_id };
  if (m.automated.kind === 'bounce') {
    const announcements = await recordAnnouncementBounce(tx, actor.accountId, m, look.caseId !== null);
    const r = await recordBounce(tx, actor, m, look.caseId);
    return announcements && r.outcome === 'dropped' ? { outcome: 'bounce_recorded', identities: 0, caseId: null } : r;
  }
  // a person answering an announcement: their reply becomes a case linked to it (announcement-feedback.ts)
  // (its Reply-To names the recipient: `inbox+a-<token>@…`; that tag is no case reference)
  const token = replyTokenOf(m.caseRef);
  const answered = m.automated.kind === null && !look.caseId ? await announcementAnswered(tx, actor.accountId, { token, references: m.references, from: m.from.email }) : null;

  const stored = await receiveMessageIn(tx, actor, {
    customer: m.from,
    subject: m.subject,
    body: m.newText,
    channel: m.channel,
    language: m.language ?? undefined,
    caseRef: token ? undefined : m.caseRef ?? undefined,
    threadedCaseId: look.caseId,
    threadedCase: look.threaded,
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
  if (answered) await linkAnnouncementReply(tx, actor, answered, stored.case.id);
  const sender = { own: look.sender.own, recent: look.sender.acknowledgedLastHour, bouncing: stored.customer.bouncing, name: stored.customer.name };
  // e-mail answers in its own thread; the other doors (the contact form) acknowledge by mail too
  const ack = m.channel === 'email'
    ? await acknowledge(tx, actor, m, stored, p.inbox, config, sender)
    : await acknowledgeByMail(tx, actor, m, stored, config, sender);
  return {
    outcome: 'stored',
    caseId: stored.case.id,
    caseRef: stored.case.ref,
    messageId: stored.message.id,
    createdCase: stored.createdCase,
    acknowledged: ack.sent,
    ...('answerBy' in ack ? { answerBy: ack.answerBy as Date } : {}),
  };
}
