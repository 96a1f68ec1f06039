import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import type { Config } from '../config.ts';
import { insertMessage } from '../cases/insert-message.ts';
import type { ReceivedMessage } from '../cases/receive-message.ts';
import { inboxForCase, type InboxRow } from './inboxes/store.ts';
import { outboundEmailFields, SEND_JOB } from './channels/email/outbound.ts';
import { acknowledgementText, shouldAcknowledge } from './acknowledgement-text.ts';
import { roleAddressKind } from './channels/email/role-address.ts';
import type { InboundMessage } from './types.ts';
import { portalUrl, portalUrlFor } from '../portal/portal-url.ts';

/** The sender as the acknowledgement rules see it: one of our inboxes, bouncing, acknowledged in the last hour, the customer's name. */
export interface SenderFacts {
  own: boolean;
  bouncing: boolean;
  recent: number;
  name: string | null;
}

/**
 * Acknowledges a received e-mail when the rules allow (see shouldAcknowledge): the reply is
 * stored on the case as an outbound message and its sending queued, in the same transaction as
 * the customer's message — no acknowledgement for a message that was not kept, none lost.
 */
export async function acknowledge(
  tx: Db,
  actor: Actor,
  m: InboundMessage,
  stored: ReceivedMessage,
  inbox: InboxRow | null,
  config: Pick<Config, 'ACK_PER_SENDER_PER_HOUR' | 'FIRST_RESPONSE_HOURS'> & Partial<Pick<Config, 'PUBLIC_URL'>>,
  /** what the caller already read of the sender in its own lookups (intake: lookup-inbound.ts and the case road), saving this one */
  known?: SenderFacts & { /** the portal's slug when it is on, else null (read in the same lookup) */ portalSlug?: string | null },
): Promise<{ sent: boolean; reason?: string }> {
  const sender = m.from.email;
  if (m.channel !== 'email' || !sender || !inbox) return { sent: false, reason: 'not an e-mail to an inbox' };
  const [facts] = known ? [known] : await tx.query<SenderFacts>(
    `SELECT EXISTS (SELECT 1 FROM inboxes WHERE address = $2) AS own,
       EXISTS (SELECT 1 FROM customer_identities WHERE account_id = $1 AND kind = 'email' AND value = $2 AND bouncing_since IS NOT NULL) AS bouncing,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND to_address = $2 AND automated = 'acknowledgement'
          AND created_at > now() - interval '1 hour') AS recent,
       (SELECT name FROM customers WHERE account_id = $1 AND id = $3) AS name`,
    [actor.accountId, sender, stored.customerId],
  );
  const decision = shouldAcknowledge({
    inboxAcknowledges: inbox.acknowledge,
    createdCase: stored.createdCase,
    automated: m.automated.kind,
    senderRole: roleAddressKind(sender),
    senderIsInbox: facts.own,
    bouncing: facts.bouncing,
    sentLastHour: facts.recent,
    perHour: config.ACK_PER_SENDER_PER_HOUR,
  });
  if (!decision.send) return { sent: false, reason: decision.reason };

  const c = stored.case;
  const text = acknowledgementText({
    language: m.language,
    customerName: facts.name,
    ref: c.ref,
    subject: c.subject,
    answerBy: new Date(Date.now() + config.FIRST_RESPONSE_HOURS * 3_600_000),
    // an inbox without a sender name of its own signs with the account's (mail-defaults.ts)
    team: inbox.name || (await inboxForCase(tx, actor.accountId, inbox.id))?.name || '',
    portalUrl: known?.portalSlug !== undefined ? portalUrlFor(config.PUBLIC_URL, known.portalSlug) : await portalUrl(tx, actor.accountId, config.PUBLIC_URL),
  });
  const fields = await outboundEmailFields(tx, actor.accountId, { ...c, inbox_id: inbox.id }, {
    inbox,
    answering: { email_message_id: m.externalId, email_references: m.references, from_address: sender },
  });
  await insertAcknowledgement(tx, actor, c.id, stored.customerId, text, fields);
  return { sent: true };
}

/** The acknowledgement as an outbound mail on the case, queued for sending when its sender is usable (e-mail and web intake alike). */
export async function insertAcknowledgement(
  tx: Db,
  actor: Actor,
  caseId: string,
  customerId: string | null,
  text: { subject: string; body: string; language: string },
  fields: Awaited<ReturnType<typeof outboundEmailFields>>,
): Promise<void> {
  await insertMessage(tx, actor, {
    caseId,
    type: 'outbound',
    channel: 'email',
    body: text.body,
    language: text.language,
    customerId,
    email: { ...fields, subject: text.subject, automated: 'acknowledgement' },
    job: fields.deliveryStatus === 'queued' ? SEND_JOB : undefined,
  });
}
