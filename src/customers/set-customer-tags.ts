import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';

/** Replaces a customer's tags (also products: "product:glasvezel"), which announcements can target. */
export async function setCustomerTags(db: Db, actor: Actor, customerId: string, tags: string[]): Promise<string[]> {
  const wanted = [...new Set(tags.map((t) => t.trim().toLowerCase()))].sort();
  return db.transaction(async (tx) => {
    const [c] = await tx.query('SELECT 1 FROM customers WHERE account_id = $1 AND id = $2 FOR UPDATE', [actor.accountId, customerId]);
    if (!c) throw notFound('customer', customerId);
    const before = (await tx.query<{ tag: string }>('SELECT tag FROM customer_tags WHERE account_id = $1 AND customer_id = $2 ORDER BY tag', [actor.accountId, customerId])).map((r) => r.tag);
    await tx.query('DELETE FROM customer_tags WHERE account_id = $1 AND customer_id = $2 AND NOT (tag = ANY($3::text[]))', [actor.accountId, customerId, wanted]);
    await tx.query('INSERT INTO customer_tags (account_id, customer_id, tag) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING', [actor.accountId, customerId, wanted]);
    if (JSON.stringify(before) !== JSON.stringify(wanted)) await recordAudit(tx, actor, { action: 'customer.tags_changed', entityType: 'customer', entityId: customerId, before, after: wanted });
    return wanted;
  });
}
