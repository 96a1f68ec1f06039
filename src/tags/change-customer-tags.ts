import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { nextTags, parseTagChange, type TagChange } from './tags.ts';
import { tagsOf, writeTags } from './store.ts';

/** Adds and removes a customer's tags (PUT /customers/:id/tags replaces them all); audited as customer.tags_changed. */
export async function changeCustomerTags(db: Db, actor: Actor, customerId: string, change: TagChange): Promise<{ customer_id: string; tags: string[] }> {
  const parsed = parseTagChange(change);
  return db.transaction(async (tx) => {
    const [c] = await tx.query('SELECT 1 FROM customers WHERE account_id = $1 AND id = $2 FOR UPDATE', [actor.accountId, customerId]);
    if (!c) throw notFound('customer', customerId);
    const before = await tagsOf(tx, actor.accountId, 'customer', customerId);
    const after = nextTags(before, parsed, true);
    if (JSON.stringify(before) !== JSON.stringify(after)) {
      await writeTags(tx, actor.accountId, 'customer', customerId, after);
      await recordAudit(tx, actor, { action: 'customer.tags_changed', entityType: 'customer', entityId: customerId, before, after });
    }
    return { customer_id: customerId, tags: after };
  });
}
