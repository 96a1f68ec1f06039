import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { insertMessage } from '../cases/insert-message.ts';
import type { InboundMessage, IntakeResult } from './types.ts';

/**
 * A bounce is not a customer writing: it marks the failed address as bouncing (permanent
 * failures only), marks our mail that bounced as failed, and shows on the case it belongs to so
 * the agent knows the customer never got the answer. It never opens a case or gets a reply.
 * `caseId`: the case of the mail that bounced, found by its thread (lookup-inbound.ts).
 */
export async function recordBounce(tx: Db, actor: Actor, m: InboundMessage, caseId: string | null): Promise<IntakeResult> {
  const reason = m.automated.reason ?? 'delivery failed';
  const recipients = m.automated.bouncedRecipients.map((r) => r.toLowerCase());
  const marked = m.automated.permanent && recipients.length
    ? await tx.query<{ id: string; customer_id: string; value: string }>(
        `UPDATE customer_identities SET bouncing_since = coalesce(bouncing_since, now()), bounce_reason = $3
         WHERE account_id = $1 AND kind = 'email' AND value = ANY($2::text[]) RETURNING id, customer_id, value`,
        [actor.accountId, recipients, reason.slice(0, 500)],
      )
    : [];
  for (const identity of marked) {
    await recordAudit(tx, actor, { action: 'identity.bouncing', entityType: 'customer', entityId: identity.customer_id, after: { address: identity.value, reason } });
  }
  if (m.references.length) {
    await tx.query(
      `UPDATE messages SET delivery_status = 'failed', delivery_error = $3
       WHERE account_id = $1 AND type = 'outbound' AND email_message_id = ANY($2::text[])`,
      [actor.accountId, m.references, `bounced: ${reason}`.slice(0, 500)],
    );
  }
  if (caseId) {
    const [c] = await tx.query<{ customer_id: string }>('SELECT customer_id FROM cases WHERE account_id = $1 AND id = $2', [actor.accountId, caseId]);
    await insertMessage(tx, actor, {
      caseId,
      type: 'inbound',
      channel: 'email',
      body: m.text.slice(0, 20_000),
      language: null,
      customerId: c.customer_id,
      email: {
        subject: m.subject, messageId: m.externalId, references: m.references, from: m.from.email ?? null, to: m.to,
        automated: 'bounce', inboxId: m.inboxId, notes: [`bounce: ${reason}`, ...m.notes],
      },
    });
  }
  if (!caseId && marked.length === 0) return { outcome: 'dropped', reason: `bounce for an address and a mail this account does not know (${reason})` };
  return { outcome: 'bounce_recorded', identities: marked.length, caseId };
}
