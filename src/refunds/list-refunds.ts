import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { REFUND_COLUMNS, type RefundRow, type RefundState } from './store.ts';

/** What the refunds queue shows: where each refund is, and whether its promise is overdue. */
export type RefundQueue = 'requested' | 'awaiting_approval' | 'approved' | 'in_batch' | 'paid' | 'rejected' | 'overdue';
export const REFUND_QUEUES: readonly RefundQueue[] = ['requested', 'awaiting_approval', 'approved', 'in_batch', 'paid', 'rejected', 'overdue'];

export interface RefundListRow extends RefundRow {
  case_ref: string;
  customer_name: string;
  due_at: Date | null;
  promise_state: string | null;
  /** requested above the agent limit: a supervisor approves it */
  needs_supervisor: boolean;
  overdue: boolean;
}

const QUEUE_SQL: Record<RefundQueue, string> = {
  requested: `r.state = 'requested'`,
  awaiting_approval: `r.state = 'requested' AND r.amount_cents > coalesce(s.agent_limit_cents, 5000)`,
  approved: `r.state = 'approved' AND r.batch_id IS NULL`,
  in_batch: `r.state = 'approved' AND r.batch_id IS NOT NULL`,
  paid: `r.state = 'paid'`,
  rejected: `r.state = 'rejected'`,
  overdue: `r.state IN ('requested', 'approved') AND (p.state = 'breached' OR (p.state = 'open' AND p.due_at < $2))`,
};

export async function listRefunds(
  db: Db,
  accountId: string,
  q: { limit: number; cursor?: string; queue?: RefundQueue; state?: RefundState; case_id?: string; customer_id?: string; now?: Date },
) {
  const after = decodeCursor(q.cursor);
  const params: unknown[] = [accountId, q.now ?? new Date()];
  const where = ['r.account_id = $1'];
  if (q.queue) where.push(QUEUE_SQL[q.queue]);
  if (q.state) where.push(`r.state = $${params.push(q.state)}`);
  if (q.case_id) where.push(`r.case_id = $${params.push(q.case_id)}`);
  if (q.customer_id) where.push(`r.customer_id = $${params.push(q.customer_id)}`);
  if (after) where.push(`(r.created_at, r.id) < (SELECT created_at, id FROM refunds WHERE account_id = $1 AND id = $${params.push(after)})`);
  const rows = await db.query<RefundListRow>(
    `SELECT ${REFUND_COLUMNS.split(', ').map((c) => `r.${c}`).join(', ')}, c.ref AS case_ref, cu.name AS customer_name,
       p.due_at, p.state AS promise_state,
       (r.amount_cents > coalesce(s.agent_limit_cents, 5000)) AS needs_supervisor,
       (r.state IN ('requested', 'approved') AND (p.state = 'breached' OR (p.state = 'open' AND p.due_at < $2))) AS overdue
     FROM refunds r
     JOIN cases c ON c.account_id = r.account_id AND c.id = r.case_id
     JOIN customers cu ON cu.account_id = r.account_id AND cu.id = r.customer_id
     LEFT JOIN promises p ON p.account_id = r.account_id AND p.id = r.promise_id
     LEFT JOIN refund_settings s ON s.account_id = r.account_id
     WHERE ${where.join(' AND ')}
     ORDER BY r.created_at DESC, r.id DESC LIMIT ${q.limit + 1}`,
    params,
  );
  return page(rows.map((r) => ({ ...r, overdue: Boolean(r.overdue) })), q.limit);
}
