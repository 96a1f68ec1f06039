import type { Db } from '../../storage/db.ts';

/**
 * The case a call or a chat message belongs to: the customer's most recently touched case that is
 * still open (not solved, not closed), found through any of their identities — so a customer who
 * mailed and then calls or writes on WhatsApp stays on one case. Null: none (a new case is opened).
 */
export async function openCaseOf(tx: Db, accountId: string, kind: 'phone' | 'email' | 'social', value: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT c.id FROM customer_identities i
     JOIN cases c ON c.account_id = i.account_id AND c.customer_id = i.customer_id
     WHERE i.account_id = $1 AND i.kind = $2 AND i.value = $3 AND c.status NOT IN ('solved', 'closed')
     ORDER BY c.last_contact_at DESC, c.created_at DESC LIMIT 1`,
    [accountId, kind, value],
  );
  return row?.id ?? null;
}

/**
 * Records that an outside event (a call event id, a WhatsApp message id) is being handled, in the
 * caller's transaction. False: it was handled before (a provider's retry) — do nothing. Two
 * deliveries at the same moment meet at the primary key: the second waits and then gets false.
 */
export async function firstDelivery(tx: Db, accountId: string, channel: 'phone' | 'whatsapp' | 'social', eventId: string): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO channel_events (account_id, channel, event_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
    [accountId, channel, eventId],
  );
  return rows.length === 1;
}

export async function linkEvent(tx: Db, accountId: string, channel: 'phone' | 'whatsapp' | 'social', eventId: string, caseId: string | null, messageId: string | null) {
  await tx.query('UPDATE channel_events SET case_id = $4, message_id = $5 WHERE account_id = $1 AND channel = $2 AND event_id = $3',
    [accountId, channel, eventId, caseId, messageId]);
}
