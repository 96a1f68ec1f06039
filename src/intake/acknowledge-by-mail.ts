import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import type { Config } from '../config.ts';
import type { ReceivedMessage } from '../cases/receive-message.ts';
import { inboxForCase } from './inboxes/store.ts';
import { outboundEmailFields } from './channels/email/outbound.ts';
import { acknowledgementText, shouldAcknowledge } from './acknowledgement-text.ts';
import { roleAddressKind } from './channels/email/role-address.ts';
import { answerBy } from './answer-by.ts';
import { insertAcknowledgement, type SenderFacts } from './acknowledge.ts';
import type { InboundMessage } from './types.ts';
import { portalUrl } from '../portal/portal-url.ts';

/**
 * Acknowledges a message that came through another door than e-mail (the contact form, the portal) by e-mail,
 * through the same outbound path as every reply: the case reference and when the customer hears
 * from us (their service level), in their language, sent from the account's inbox. The same rules
 * as for e-mail (shouldAcknowledge): only for a new case, never to a role address, at most a few
 * an hour to one address. Returns the answer-by time either way: the page shows it too.
 */
export async function acknowledgeByMail(
  tx: Db,
  actor: Actor,
  m: InboundMessage,
  stored: ReceivedMessage,
  config: Pick<Config, 'ACK_PER_SENDER_PER_HOUR' | 'FIRST_RESPONSE_HOURS'> & Partial<Pick<Config, 'PUBLIC_URL'>>,
  facts: SenderFacts,
): Promise<{ sent: boolean; reason?: string; answerBy: Date }> {
  const c = stored.case;
  // a new case is answered from when it opened; a message on an existing one (a portal reply) from when it came
  const due = await answerBy(tx, actor.accountId, c, stored.createdCase ? new Date(c.created_at) : m.receivedAt, config.FIRST_RESPONSE_HOURS);
  const sender = m.from.email;
  if (!sender) return { sent: false, reason: 'no e-mail address to acknowledge to', answerBy: due };
  const decision = shouldAcknowledge({
    inboxAcknowledges: true,
    createdCase: stored.createdCase,
    automated: m.automated.kind,
    senderRole: roleAddressKind(sender),
    senderIsInbox: facts.own,
    bouncing: facts.bouncing,
    sentLastHour: facts.recent,
    perHour: config.ACK_PER_SENDER_PER_HOUR,
  });
  if (!decision.send) return { sent: false, reason: decision.reason, answerBy: due };

  const inbox = await inboxForCase(tx, actor.accountId, null);
  const [account] = await tx.query<{ name: string; time_zone: string | null }>(
    `SELECT a.name, s.time_zone FROM accounts a LEFT JOIN account_settings s ON s.account_id = a.account_id WHERE a.account_id = $1`,
    [actor.accountId],
  );
  const text = acknowledgementText({
    language: m.language,
    customerName: facts.name,
    ref: c.ref,
    subject: c.subject,
    answerBy: due,
    team: inbox?.name || account.name,
    timeZone: account.time_zone ?? undefined,
    portalUrl: await portalUrl(tx, actor.accountId, config.PUBLIC_URL),
  });
  const fields = await outboundEmailFields(tx, actor.accountId, c, inbox ? { inbox } : {});
  await insertAcknowledgement(tx, actor, c.id, stored.customerId, text, fields);
  return { sent: fields.deliveryStatus === 'queued', reason: fields.deliveryError ?? undefined, answerBy: due };
}
