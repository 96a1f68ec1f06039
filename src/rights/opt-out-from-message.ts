import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { optOutSentence } from './opt-out-sentence.ts';
import { setContactPreference } from './set-contact-preference.ts';

/**
 * After analysis: a customer who wrote "bel me niet meer" has refused sales contact — the
 * preference is set at once, by the customer, with the message and the sentence. Nothing happens
 * when they already refused, nor when an agent changed it after this message (an agent's undo
 * stands; a re-run of the analysis does not overrule it).
 */
export async function optOutFromMessage(
  db: Db,
  accountId: string,
  m: { id: string; caseId: string; customerId: string | null; body: string; at: Date },
): Promise<boolean> {
  if (!m.customerId) return false;
  const customerId = m.customerId;
  return db.transaction(async (tx) => {
    const [current] = await tx.query<{ allowed: boolean; source: string; set_at: Date; message_id: string | null }>(
      `SELECT p.allowed, p.source, p.set_at, p.message_id FROM contact_preferences p
       WHERE p.account_id = $1 AND p.customer_id = $2 AND p.kind = 'sales'`,
      [accountId, customerId],
    );
    if (current && !current.allowed) return false;
    if (current && (current.message_id === m.id || new Date(current.set_at) > m.at)) return false;
    const [erased] = await tx.query('SELECT 1 FROM customers WHERE account_id = $1 AND id = $2 AND erased_at IS NULL', [accountId, customerId]);
    if (!erased) return false;
    const actor: Actor = { accountId, type: 'customer', id: customerId, role: 'agent', agentId: null };
    await setContactPreference(tx, actor, {
      customerId, kind: 'sales', allowed: false, source: 'message', messageId: m.id, caseId: m.caseId, sentence: optOutSentence(m.body),
    });
    return true;
  });
}
