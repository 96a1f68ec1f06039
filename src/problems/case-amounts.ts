import type { Db } from '../storage/db.ts';
import { disputedAmount, type DisputedAmount } from '../listening/disputed-amount.ts';

/**
 * Per case, the amount its customer's complaint is about: from the newest inbound message that
 * names an amount, the one it disputes (see disputed-amount.ts), with whether that choice is
 * certain and the other amounts. Read from the message text each time, so a better rule applies
 * to old messages too. One query for all cases.
 */
export async function caseAmounts(db: Db, accountId: string, caseIds: string[]): Promise<Map<string, DisputedAmount>> {
  const out = new Map<string, DisputedAmount>();
  if (!caseIds.length) return out;
  const rows = await db.query<{ case_id: string; body: string; subject: string }>(
    `SELECT DISTINCT ON (m.case_id) m.case_id, m.body, c.subject
     FROM messages m JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
     JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
     WHERE m.account_id = $1 AND m.case_id = ANY($2::uuid[]) AND m.type = 'inbound' AND jsonb_array_length(a.money) > 0
     ORDER BY m.case_id, m.created_at DESC, m.id DESC`,
    [accountId, caseIds],
  );
  for (const r of rows) {
    const d = disputedAmount(r.body, undefined, { subject: r.subject });
    if (d) out.set(r.case_id, d);
  }
  return out;
}
