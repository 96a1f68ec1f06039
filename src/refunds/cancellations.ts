import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid, notFound } from '../shared/errors.ts';

export interface CancellationRow {
  id: string;
  customer_id: string;
  product: string | null;
  cancelled_at: Date;
  note: string | null;
  recorded_by: string | null;
  created_at: Date;
}
const COLUMNS = 'id, customer_id, product, cancelled_at, note, recorded_by, created_at';

/**
 * A customer's cancellation, as they told an agent or as another system reports it through the API:
 * from `cancelled_at` on no charge is due for the product (for anything, without a product). Ledger
 * detection then finds every later charge ("charged after cancellation") and proposes its refund.
 * The ledger can carry cancellations too (its optional cancelled_at column).
 */
export async function recordCancellation(db: Db, actor: Actor, customerId: string, o: { cancelled_at: Date; product?: string | null; note?: string | null }): Promise<CancellationRow> {
  if (Number.isNaN(o.cancelled_at.getTime())) throw invalid('invalid_time', 'cancelled_at: not a date and time', { field: 'cancelled_at' });
  const product = o.product?.trim() || null;
  const note = o.note?.trim() || null;
  return db.transaction(async (tx) => {
    const [c] = await tx.query<{ id: string }>('SELECT coalesce(merged_into, id) AS id FROM customers WHERE account_id = $1 AND id = $2', [actor.accountId, customerId]);
    if (!c) throw notFound('customer', customerId);
    const [row] = await tx.query<CancellationRow>(
      `INSERT INTO customer_cancellations (account_id, customer_id, product, cancelled_at, note, recorded_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [actor.accountId, c.id, product, o.cancelled_at, note, actor.agentId],
    );
    await recordAudit(tx, actor, { action: 'customer.cancellation_recorded', entityType: 'customer', entityId: c.id, after: { id: row.id, product, cancelled_at: row.cancelled_at } });
    return row;
  });
}

export async function listCancellations(db: Db, accountId: string, customerId: string): Promise<{ data: CancellationRow[] }> {
  const [c] = await db.query('SELECT 1 FROM customers WHERE account_id = $1 AND id = $2', [accountId, customerId]);
  if (!c) throw notFound('customer', customerId);
  const rows = await db.query<CancellationRow>(
    `SELECT ${COLUMNS} FROM customer_cancellations WHERE account_id = $1 AND customer_id = $2 ORDER BY cancelled_at DESC, id LIMIT 500`, [accountId, customerId]);
  return { data: rows };
}
