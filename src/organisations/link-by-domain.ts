import type { Db } from '../storage/db.ts';

/**
 * Puts customers without an organisation in the organisation that claims the domain of one of
 * their e-mail addresses. Limited to some customers (new ones, one whose address changed) or to
 * some domains (just claimed); with neither, every unlinked customer of the account. A customer
 * already in an organisation keeps it: an agent's choice is never overwritten. Returns how many moved.
 */
export async function linkCustomersByDomain(tx: Db, accountId: string, only: { customerIds?: string[]; domains?: string[] } = {}): Promise<number> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE customers c SET organisation_id = m.organisation_id, updated_at = now()
     FROM (
       SELECT DISTINCT ON (i.customer_id) i.customer_id, d.organisation_id
       FROM organisation_domains d
       JOIN customer_identities i ON i.account_id = d.account_id AND i.kind = 'email' AND split_part(i.value, '@', 2) = d.domain
       WHERE d.account_id = $1
         AND ($2::uuid[] IS NULL OR i.customer_id = ANY($2::uuid[]))
         AND ($3::text[] IS NULL OR d.domain = ANY($3::text[]))
       ORDER BY i.customer_id, i.created_at
     ) m
     WHERE c.account_id = $1 AND c.id = m.customer_id AND c.organisation_id IS NULL AND c.merged_into IS NULL
     RETURNING c.id`,
    [accountId, only.customerIds ?? null, only.domains ?? null],
  );
  return rows.length;
}
