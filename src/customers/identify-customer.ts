import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import type { Identity } from './identity.ts';
import { findCustomerIdByIdentity } from './store.ts';

/**
 * The customer behind an (already normalised) identity, created on first contact.
 * Call inside a transaction. When two first contacts race, the unique identity decides
 * and the loser's fresh customer row is removed again.
 */
export async function identifyCustomer(
  tx: Db,
  actor: Actor,
  identity: Identity,
  fields: { name?: string; language?: string | null },
): Promise<{ customerId: string; created: boolean }> {
  const existing = await findCustomerIdByIdentity(tx, actor.accountId, identity.kind, identity.value);
  if (existing) {
    // fill in a name we did not know yet; never overwrite one an agent may have corrected
    if (fields.name?.trim()) {
      await tx.query(`UPDATE customers SET name = $3, updated_at = now() WHERE account_id = $1 AND id = $2 AND name = ''`, [
        actor.accountId,
        existing,
        fields.name.trim(),
      ]);
    }
    return { customerId: existing, created: false };
  }
  // the search text as refreshCustomerSearch would make it for one identity, written with the row
  const [c] = await tx.query<{ id: string }>(
    `INSERT INTO customers (account_id, name, language, search_text)
     VALUES ($1, $2::text, $3, $2::text || ' ' || $4::text || ' ' || replace(split_part($4::text, '@', 1), '.', ' ')) RETURNING id`,
    [actor.accountId, (fields.name ?? '').trim(), fields.language ?? null, identity.value],
  );
  const [won] = await tx.query<{ id: string }>(
    `INSERT INTO customer_identities (account_id, customer_id, kind, value) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id, kind, value) DO NOTHING RETURNING id`,
    [actor.accountId, c.id, identity.kind, identity.value],
  );
  if (!won) {
    await tx.query('DELETE FROM customers WHERE account_id = $1 AND id = $2', [actor.accountId, c.id]);
    const id = (await findCustomerIdByIdentity(tx, actor.accountId, identity.kind, identity.value))!;
    return { customerId: id, created: false };
  }
  await recordAudit(tx, actor, {
    action: 'customer.created',
    entityType: 'customer',
    entityId: c.id,
    after: { name: fields.name ?? '', identities: [identity] },
  });
  return { customerId: c.id, created: true };
}
