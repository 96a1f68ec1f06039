import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
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
  /** the customer the caller already found for this identity (null: none), saving the lookup */
  found?: { id: string; name: string } | null,
): Promise<{ customerId: string; created: boolean }> {
  const existing = found !== undefined
    ? found
    : (await tx.query<{ id: string; name: string }>(
        `SELECT c.id, c.name FROM customer_identities i JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id
         WHERE i.account_id = $1 AND i.kind = $2 AND i.value = $3`,
        [actor.accountId, identity.kind, identity.value],
      ))[0];
  if (existing) {
    // fill in a name we did not know yet; never overwrite one an agent may have corrected
    if (fields.name?.trim() && existing.name === '') {
      await tx.query(`UPDATE customers SET name = $3, updated_at = now() WHERE account_id = $1 AND id = $2 AND name = ''`, [
        actor.accountId,
        existing.id,
        fields.name.trim(),
      ]);
    }
    return { customerId: existing.id, created: false };
  }
  // the customer, its identity and the audit row in one statement; the search text as refreshCustomerSearch would make it;
  // a first contact from a domain an organisation claims belongs to it (what linkCustomersByDomain does, in the same statement)
  const name = (fields.name ?? '').trim();
  const [c] = await tx.query<{ id: string; won: boolean }>(
    `WITH c AS (
       INSERT INTO customers (account_id, name, language, search_text, organisation_id)
       VALUES ($1, $2::text, $3, $2::text || ' ' || $4::text || ' ' || replace(split_part($4::text, '@', 1), '.', ' '),
         (SELECT organisation_id FROM organisation_domains WHERE $5::text = 'email' AND account_id = $1 AND domain = split_part($4::text, '@', 2)))
       RETURNING id),
     i AS (
       INSERT INTO customer_identities (account_id, customer_id, kind, value) SELECT $1, c.id, $5::text, $4::text FROM c
       ON CONFLICT (account_id, kind, value) DO NOTHING RETURNING customer_id),
     a AS (
       INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, after, request_id)
       SELECT $1, $6::text, $7::uuid, 'customer.created', 'customer', i.customer_id,
         jsonb_build_object('name', $8::text, 'identities', jsonb_build_array(jsonb_build_object('kind', $5::text, 'value', $4::text))), $9::text
       FROM i)
     SELECT c.id, EXISTS (SELECT 1 FROM i) AS won FROM c`,
    [actor.accountId, name, fields.language ?? null, identity.value, identity.kind, actor.type, actor.id, fields.name ?? '', actor.requestId ?? null],
  );
  if (!c.won) {
    // another transaction stored the identity first: that customer it is, ours goes again
    await tx.query('DELETE FROM customers WHERE account_id = $1 AND id = $2', [actor.accountId, c.id]);
    const id = (await findCustomerIdByIdentity(tx, actor.accountId, identity.kind, identity.value))!;
    return { customerId: id, created: false };
  }
  return { customerId: c.id, created: true };
}
