import type { Db } from '../storage/db.ts';
import { notFound } from '../shared/errors.ts';

export type PromiseKind = 'callback' | 'appointment_window' | 'answer_by' | 'refund_by' | 'next_update_by' | 'custom';
export const PROMISE_KINDS: readonly PromiseKind[] = ['callback', 'appointment_window', 'answer_by', 'refund_by', 'next_update_by', 'custom'];
export type PromiseState = 'open' | 'kept' | 'breached' | 'renegotiated' | 'cancelled';
export const PROMISE_STATES: readonly PromiseState[] = ['open', 'kept', 'breached', 'renegotiated', 'cancelled'];

export interface PromiseRow {
  id: string;
  case_id: string;
  customer_id: string;
  owner_id: string;
  kind: PromiseKind;
  description: string;
  window_start: Date | null;
  due_at: Date;
  state: PromiseState;
  source: 'manual' | 'reply' | 'renegotiation';
  source_message_id: string | null;
  remind_at: Date | null;
  reminded_at: Date | null;
  breached_at: Date | null;
  breach_notice_message_id: string | null;
  kept_at: Date | null;
  kept_by: string | null;
  replaced_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const PROMISE_COLUMNS =
  'id, case_id, customer_id, owner_id, kind, description, window_start, due_at, state, source, source_message_id, remind_at, ' +
  'reminded_at, breached_at, breach_notice_message_id, kept_at, kept_by, replaced_by, created_at, updated_at';

export async function loadPromise(db: Db, accountId: string, id: string, forUpdate = false): Promise<PromiseRow> {
  const [row] = await db.query<PromiseRow>(
    `SELECT ${PROMISE_COLUMNS} FROM promises WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [accountId, id],
  );
  if (!row) throw notFound('promise', id);
  return row;
}

/** A breached promise whose customer has not heard from us since: the case may not close. */
export async function untoldBreaches(db: Db, accountId: string, caseId: string): Promise<PromiseRow[]> {
  return db.query<PromiseRow>(
    `SELECT ${PROMISE_COLUMNS} FROM promises WHERE account_id = $1 AND case_id = $2 AND state = 'breached' AND breach_notice_message_id IS NULL`,
    [accountId, caseId],
  );
}
