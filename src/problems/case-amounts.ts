import type { Db } from '../storage/db.ts';
import { disputedAmount, type DisputedAmount } from '../listening/disputed-amount.ts';
import { findMoneyMentions } from '../listening/money.ts';

/**
 * Per case, the amount its customer's complaint is about: from the newest inbound message that
 * names an amount, the one it disputes (see disputed-amount.ts), with whether that choice is
 * certain and the other amounts; where no message names one, the case's subject when it does.
 * Read from the message text each time, so a better rule applies to old messages too. One query
 * for all cases (a second for the few without an amount in their messages).
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
  // no amount in any message, but in the subject ("€ 12,30 onterecht afgeschreven" above "zie onderwerp"): read the
  // subject as the first line of the newest message
  const rest = caseIds.filter((id) => !out.has(id));
  if (!rest.length) return out;
  const subjects = await db.query<{ case_id: string; body: string; subject: string }>(
    `SELECT DISTINCT ON (m.case_id) m.case_id, m.body, c.subject
     FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
     WHERE m.account_id = $1 AND m.case_id = ANY($2::uuid[]) AND m.type = 'inbound'
     ORDER BY m.case_id, m.created_at DESC, m.id DESC`,
    [accountId, rest],
  );
  for (const r of subjects) {
    const subject = r.subject.replace(/^\s*((re|fw|fwd|antw|doorst)\s*:\s*)+/i, '');
    const text = `${subject}\n${r.body}`;
    const mentions = findMoneyMentions(text);
    if (!mentions.length || mentions.some((m) => m.start > subject.length)) continue;
    const d = disputedAmount(text, mentions);
    if (d) out.set(r.case_id, d);
  }
  return out;
}
