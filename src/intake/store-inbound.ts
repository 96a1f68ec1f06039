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
import { blockKeys } from '../spam/block-rule.ts';
import { caseFactsQuery, type ReceiveMessageOptions } from '../cases/receive-message.ts';

export type IntakeConfig = Pick<Config, 'ACK_PER_SENDER_PER_HOUR' | 'FIRST_RESPONSE_HOURS' | 'ATTACHMENT_MAX_BYTES'> & Partial<Pick<Config, 'PUBLIC_URL'>>;

/** A message read and refined (receive-message.ts, prepareInbound), ready to be stored: nothing left that needs no database. */
export interface PreparedInbound {
  message: InboundMessage;
  inbox: InboxRow | null;
  attachments: { keep: CheckedAttachment[]; notes: string[] };
  /** the inbox came from the SMTP listener's short cache: check in the transaction that it still takes mail (else refused) */
  recheckInbox?: boolean;
}

/** Stores one prepared message in the caller's transaction, which already holds its thread lock (lockThreads). */
/** The case road's lookup for a message, or null when it has no identity (receiveMessageIn then says why). */
function roadQuery(road: ReceiveMessageOptions) {
  try {
    return caseFactsQuery(road);
  } catch {
    return null;
  }
}

export async function storeInbound(tx: Db, p: PreparedInbound, config: IntakeConfig): Promise<IntakeResult> {
  const { message: m, attachments } = p;
  const actor = systemActor(m.accountId);
  const bounce = m.automated.kind === 'bounce';
  // a person answering an announcement: their reply becomes a case linked to it (announcement-feedback.ts)
  // (its Reply-To names the recipient: `inbox+a-<token>@…`; that tag is no case reference)
  const token = replyTokenOf(m.caseRef);
  const road: ReceiveMessageOptions = {
    customer: m.from,
    subject: m.subject,
    body: m.newText,
    channel: m.channel,
    language: m.language ?? undefined,
    caseRef: token ? undefined : m.caseRef ?? undefined,
    inboxId: m.inboxId,
    automated: m.automated.kind === 'bounce' ? null : m.automated.kind,
  };
  // one statement: a second delivery, the thread, the sender's block, the portal and the case road's facts
  const look = await lookupInbound(tx, actor.accountId, m, { block: bounce ? null : blockKeys(m.from.email), facts: bounce ? null : roadQuery(road),
    inbox: p.recheckInbox && p.inbox ? { id: p.inbox.id, address: p.inbox.address } : null });
  // the inbox was removed, moved to another address or unverified since the listener looked it up
  if (p.recheckInbox && p.inbox && !look.inboxOk) return { outcome: 'dropped', reason: `no such inbox here any more (${p.inbox.address})` };
  // a blocked sender or domain (src/spam/): nothing stored, nothing acknowledged
  if (look.blocked) return { outcome: 'dropped', reason: `sender ${look.blocked.kind} is blocked (${look.blocked.id})`, blocked: true };
  if (look.duplicate) return { outcome: 'duplicate', messageId: look.duplicate.id, caseId: look.duplicate.case_id };
  if (m.automated.kind === 'bounce') {
    const announcements = await recordAnnouncementBounce(tx, actor.accountId, m, look.caseId !== null);
    const r = await recordBounce(tx, actor, m, look.caseId);
    return announcements && r.outcome === 'dropped' ? { outcome: 'bounce_recorded', identities: 0, caseId: null } : r;
  }
  const answered = m.automated.kind === null && !look.caseId ? await announcementAnswered(tx, actor.accountId, { token, references: m.references, from: m.from.email }) : null;

  const stored = await receiveMessageIn(tx, actor, {
    ...road,
    threadedCaseId: look.caseId,
    threadedCase: look.threaded,
    facts: look.facts ?? undefined,
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
  const sender = { own: look.sender.own, recent: look.sender.acknowledgedLastHour, bouncing: stored.customer.bouncing, name: stored.customer.name, portalSlug: look.portalSlug };
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
