import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';

export type RefundState = 'requested' | 'approved' | 'paid' | 'rejected';
export const REFUND_STATES: readonly RefundState[] = ['requested', 'approved', 'paid', 'rejected'];
export type RefundDestination = 'iban' | 'original_payment';

export interface RefundRow {
  id: string;
  case_id: string;
  customer_id: string;
  amount_cents: number;
  currency: string;
  reason: string;
  charge_id: string | null;
  destination: RefundDestination;
  iban: string | null;
  account_holder: string | null;
  state: RefundState;
  requested_by: string | null;
  approved_by: string | null;
  approved_at: Date | null;
  rejected_by: string | null;
  rejected_at: Date | null;
  rejection_reason: string | null;
  told_message_id: string | null;
  batch_id: string | null;
  paid_at: Date | null;
  promise_id: string | null;
  finding_id: string | null;
  problem_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export const REFUND_COLUMNS =
  'id, case_id, customer_id, amount_cents, currency, reason, charge_id, destination, iban, account_holder, state, requested_by, ' +
  'approved_by, approved_at, rejected_by, rejected_at, rejection_reason, told_message_id, batch_id, paid_at, promise_id, finding_id, ' +
  'problem_id, created_at, updated_at';

export async function loadRefund(db: Db, accountId: string, id: string, forUpdate = false): Promise<RefundRow> {
  const [row] = await db.query<RefundRow>(
    `SELECT ${REFUND_COLUMNS} FROM refunds WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [accountId, id],
  );
  if (!row) throw notFound('refund', id);
  return row;
}
