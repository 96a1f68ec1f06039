import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';
import { PREFERENCE_KINDS, type PreferenceKind, type PreferenceSource } from './contact-decision.ts';

export interface ContactPreferenceRow {
  customer_id: string;
  kind: PreferenceKind;
  allowed: boolean;
  source: PreferenceSource;
  message_id: string | null;
  case_id: string | null;
  /** source 'message': the sentence that said it */
  sentence: string | null;
  set_by: string | null;
  set_at: Date;
}

export const PREFERENCE_COLUMNS = 'customer_id, kind, allowed, source, message_id, case_id, sentence, set_by, set_at';

/**
 * A customer's preferences, one per kind; a kind nobody set is allowed and shown with source null.
 * The older sales flag without a row (set before preferences existed, by import or a merge) shows as
 * refused by an agent.
 */
export async function listContactPreferences(db: Db, accountId: string, customerId: string) {
  const [c] = await db.query<{ sales_opt_out: boolean }>('SELECT sales_opt_out FROM customers WHERE account_id = $1 AND id = $2', [accountId, customerId]);
  if (!c) throw notFound('customer', customerId);
  const rows = await db.query<ContactPreferenceRow>(`SELECT ${PREFERENCE_COLUMNS} FROM contact_preferences WHERE account_id = $1 AND customer_id = $2`, [accountId, customerId]);
  return PREFERENCE_KINDS.map((kind) => {
    const row = rows.find((r) => r.kind === kind);
    if (row && !(kind === 'sales' && row.allowed && c.sales_opt_out)) return row;
    const refusedByFlag = kind === 'sales' && c.sales_opt_out;
    return { customer_id: customerId, kind, allowed: !refusedByFlag, source: refusedByFlag ? ('agent' as const) : null, message_id: null, case_id: null, sentence: null, set_by: null, set_at: null };
  });
}
