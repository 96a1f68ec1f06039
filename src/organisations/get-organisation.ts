import type { Db } from '../storage/db.ts';
import { loadOrganisation } from './store.ts';

const PEOPLE = 500;
const CASES = 200;

/** An organisation's page: the organisation, its people (with their e-mail addresses) and their latest cases. */
export async function getOrganisation(db: Db, accountId: string, id: string) {
  const organisation = await loadOrganisation(db, accountId, id);
  const people = await db.query<{ id: string; name: string; segment: string; emails: string[]; open_cases: number }>(
    `SELECT c.id, c.name, c.segment,
       coalesce((SELECT array_agg(i.value ORDER BY i.created_at) FROM customer_identities i
                 WHERE i.account_id = c.account_id AND i.customer_id = c.id AND i.kind = 'email'), '{}') AS emails,
       (SELECT count(*)::int FROM cases k WHERE k.account_id = c.account_id AND k.customer_id = c.id AND k.status NOT IN ('solved', 'closed')) AS open_cases
     FROM customers c WHERE c.account_id = $1 AND c.organisation_id = $2 AND c.merged_into IS NULL
     ORDER BY lower(c.name), c.id LIMIT ${PEOPLE}`,
    [accountId, id],
  );
  const cases = await db.query<{ id: string; ref: string; subject: string; status: string; priority: string; customer_id: string; customer_name: string; updated_at: Date }>(
    `SELECT k.id, k.ref, k.subject, k.status, k.priority, k.customer_id, c.name AS customer_name, k.updated_at
     FROM cases k JOIN customers c ON c.account_id = k.account_id AND c.id = k.customer_id
     WHERE k.account_id = $1 AND c.organisation_id = $2
     ORDER BY k.updated_at DESC, k.id DESC LIMIT ${CASES}`,
    [accountId, id],
  );
  return { ...organisation, people, cases };
}
