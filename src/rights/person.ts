import type { Db } from '../storage/db.ts';

/** Everything that identifies one customer: their ids (with those merged into them), cases, and the values to look for in copies. */
export interface Person {
  customerId: string;
  customerIds: string[];
  caseIds: string[];
  erasedAt: Date | null;
  name: string;
  /** name and identity values: found anywhere in the account, they are this person (at least 4 characters) */
  values: string[];
  /** case subjects, promise descriptions, sentences: theirs where they sit on the person's own entities */
  texts: string[];
}

export async function personOf(db: Db, accountId: string, customerId: string, forUpdate = false): Promise<Person | null> {
  const [c] = await db.query<{ id: string; name: string; erased_at: Date | null }>(
    `SELECT id, name, erased_at FROM customers WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [accountId, customerId]);
  if (!c) return null;
  const merged = await db.query<{ id: string; name: string }>('SELECT id, name FROM customers WHERE account_id = $1 AND merged_into = $2', [accountId, customerId]);
  const customerIds = [customerId, ...merged.map((m) => m.id)];
  // one after another: inside a transaction there is one connection (pg refuses overlapping queries on it)
  const identities = await db.query<{ value: string }>('SELECT value FROM customer_identities WHERE account_id = $1 AND customer_id = ANY($2::uuid[])', [accountId, customerIds]);
  const cases = await db.query<{ id: string; subject: string }>('SELECT id, subject FROM cases WHERE account_id = $1 AND customer_id = ANY($2::uuid[])', [accountId, customerIds]);
  const promises = await db.query<{ description: string }>('SELECT description FROM promises WHERE account_id = $1 AND customer_id = ANY($2::uuid[])', [accountId, customerIds]);
  const sentences = await db.query<{ sentence: string }>(
    `SELECT sentence FROM contact_preferences WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) AND sentence IS NOT NULL
     UNION ALL SELECT sentence FROM vulnerability_signs WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [accountId, customerIds]);
  const clean = (xs: string[]) => [...new Set(xs.map((v) => v.trim()).filter((v) => v.length >= 4))];
  return {
    customerId, customerIds, caseIds: cases.map((x) => x.id), erasedAt: c.erased_at, name: c.name,
    values: clean([c.name, ...merged.map((m) => m.name), ...identities.map((i) => i.value)]),
    texts: clean([...cases.map((x) => x.subject), ...promises.map((x) => x.description), ...sentences.map((s) => s.sentence)]),
  };
}
