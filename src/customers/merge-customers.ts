import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { type Customer, loadCustomer, refreshCustomerSearch } from './store.ts';

/**
 * One person found twice: `sourceId` is folded into `targetId`. Its identities, cases and
 * messages move; flags that protect the customer (vulnerable, media, sales opt-out) are kept
 * if either record had them; the source stays as a tombstone pointing at the target.
 */
export async function mergeCustomers(db: Db, actor: Actor, targetId: string, sourceId: string): Promise<Customer> {
  requirePermission(actor, 'customers.merge', 'Merging customers');
  if (targetId === sourceId) throw new AppError('merge_into_self', 'A customer cannot be merged into itself', 422);
  return db.transaction(async (tx) => {
    // lock both in a fixed order so two opposite merges cannot deadlock
    const [first, second] = [targetId, sourceId].sort();
    const a = await loadCustomer(tx, actor.accountId, first, true);
    const b = await loadCustomer(tx, actor.accountId, second, true);
    const target = a?.id === targetId ? a : b;
    const source = a?.id === sourceId ? a : b;
    if (!target || target.id !== targetId) throw notFound('customer', targetId);
    if (!source || source.id !== sourceId) throw notFound('customer', sourceId);
    for (const c of [target, source]) {
      if (c.merged_into) throw new AppError('customer_merged', `Customer ${c.id} was already merged into ${c.merged_into}`, 409);
    }
    const params = [actor.accountId, sourceId, targetId];
    const movedIdentities = await tx.query<{ id: string }>(
      'UPDATE customer_identities SET customer_id = $3 WHERE account_id = $1 AND customer_id = $2 RETURNING id', params);
    await tx.query('UPDATE vulnerability_signs SET customer_id = $3 WHERE account_id = $1 AND customer_id = $2', params);
    const movedCases = await tx.query<{ id: string }>(
      'UPDATE cases SET customer_id = $3, updated_at = now() WHERE account_id = $1 AND customer_id = $2 RETURNING id', params);
    await tx.query('UPDATE messages SET customer_id = $3 WHERE account_id = $1 AND customer_id = $2', params);
    // the tags (and products) go with the person: the survivor carries both sets
    await tx.query(
      `INSERT INTO customer_tags (account_id, customer_id, tag) SELECT account_id, $3::uuid, tag FROM customer_tags
       WHERE account_id = $1 AND customer_id = $2 ON CONFLICT DO NOTHING`, params);
    await tx.query('DELETE FROM customer_tags WHERE account_id = $1 AND customer_id = $2', [actor.accountId, sourceId]);
    await tx.query(
      `UPDATE customers t SET
         name = CASE WHEN t.name = '' THEN s.name ELSE t.name END,
         language = coalesce(t.language, s.language),
         vulnerable = t.vulnerable OR s.vulnerable, media = t.media OR s.media,
         vulnerable_source = CASE WHEN t.vulnerable THEN t.vulnerable_source ELSE s.vulnerable_source END,
         sales_opt_out = t.sales_opt_out OR s.sales_opt_out, updated_at = now()
       FROM customers s WHERE t.account_id = $1 AND t.id = $3 AND s.account_id = $1 AND s.id = $2`,
      params,
    );
    await tx.query(`UPDATE customers SET merged_into = $3, search_text = '', updated_at = now() WHERE account_id = $1 AND id = $2`, params);
    await refreshCustomerSearch(tx, actor.accountId, targetId);
    const summary = {
      source_id: sourceId,
      target_id: targetId,
      identities: movedIdentities.map((r) => r.id),
      cases: movedCases.map((r) => r.id),
    };
    await recordAudit(tx, actor, { action: 'customer.merged', entityType: 'customer', entityId: targetId, before: target, after: summary });
    await recordAudit(tx, actor, { action: 'customer.merged_away', entityType: 'customer', entityId: sourceId, before: source, after: summary });
    return (await loadCustomer(tx, actor.accountId, targetId))!;
  });
}
