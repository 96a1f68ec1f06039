import type { Db } from '../storage/db.ts';
import { conflict, notFound } from '../shared/errors.ts';

export type PromiseKind = 'callback' | 'appointment_window' | 'answer_by' | 'refund_by' | 'next_update_by' | 'custom';
export const PROMISE_KINDS: readonly PromiseKind[] = ['callback', 'appointment_window', 'answer_by', 'refund_by', 'next_update_by', 'custom'];
export type PromiseState = 'open' | 'kept' | 'breached' | 'renegotiated' | 'cancelled';
export const PROMISE_STATES: readonly PromiseState[] = ['open', 'kept', 'breached', 'renegotiated', 'cancelled'];

export interface PromiseRow {
  id: string;
  /** null for an incident's promised next update (incident_id) */
  case_id: string | null;
  customer_id: string | null;
  incident_id: string | null;
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
  'id, case_id, customer_id, incident_id, owner_id, kind, description, window_start, due_at, state, source, source_message_id, remind_at, ' +
  'reminded_at, breached_at, breach_notice_message_id, kept_at, kept_by, replaced_by, created_at, updated_at';

/** A promise made on a case (to its customer), as most promises are. */
export type CasePromiseRow = PromiseRow & { case_id: string; customer_id: string };

/**
 * An incident's promised next update belongs to no case: it is kept by posting the update (or broken
 * when it is overdue), never by hand. Refuses such a promise where a case's promise is needed.
 */
export function onCase(p: PromiseRow): CasePromiseRow {
  if (p.case_id === null || p.customer_id === null) {
    throw conflict('incident_promise', `This promise is the next public update of incident ${p.incident_id}: it is kept by posting that update, and replaced by the time the update promises`);
  }
  return p as CasePromiseRow;
}

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
