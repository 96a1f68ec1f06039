import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { addMessage } from '../cases/add-message.ts';
import type { RefundText } from './refund-messages.ts';

/**
 * The facts for a message about a refund: the customer's name and the case's language. */
export async function refundTextFacts(tx: Db, accountId: string, r: { case_id: string; amount_cents: number; currency: string }): Promise<RefundText & { status: string }> {
  const [row] = await tx.query<{ name: string; language: string | null; ref: string; status: string }>(
    `SELECT cu.name, coalesce(c.language, cu.language) AS language, c.ref, c.status
     FROM cases c JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     WHERE c.account_id = $1 AND c.id = $2`,
    [accountId, r.case_id],
  );
  return { name: row.name || null, language: row.language, caseRef: row.ref, amountCents: r.amount_cents, currency: r.currency, status: row.status };
}

/**
 * Writes to the customer on the refund's case, through the reply checks (a blocking finding stops
 * the whole change). A closed case gets no message (null): a new case would be a new conversation.
 */
export async function tellCustomer(tx: Db, actor: Actor, caseId: string, status: string, body: string, language: string | null): Promise<string | null> {
  if (status === 'closed') return null;
  const m = await addMessage(tx, actor, caseId, { type: 'outbound', body, language: language ?? undefined, isComplaint: false });
  return m.id;
}
