import type { Db } from '../storage/db.ts';
import type { FieldValues } from '../custom-fields/fields.ts';
import { AppError, isUniqueViolation, notFound } from '../shared/errors.ts';

export interface OrganisationRow {
  id: string;
  name: string;
  segment: string;
  notes: string;
  custom_fields: FieldValues;
  /** its people see each other's cases in the customer portal */
  portal_shares_cases: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface Organisation extends OrganisationRow {
  domains: string[];
  people_count: number;
}

export const ORGANISATION_COLUMNS = 'o.id, o.name, o.segment, o.notes, o.custom_fields, o.portal_shares_cases, o.created_at, o.updated_at';
const WITH_COUNTS = `${ORGANISATION_COLUMNS},
  coalesce((SELECT array_agg(d.domain ORDER BY d.domain) FROM organisation_domains d WHERE d.account_id = o.account_id AND d.organisation_id = o.id), '{}') AS domains,
  (SELECT count(*)::int FROM customers c WHERE c.account_id = o.account_id AND c.organisation_id = o.id AND c.merged_into IS NULL) AS people_count`;

export async function loadOrganisation(db: Db, accountId: string, id: string, forUpdate = false): Promise<Organisation> {
  if (forUpdate) await db.query('SELECT 1 FROM organisations WHERE account_id = $1 AND id = $2 FOR UPDATE', [accountId, id]);
  const [row] = await db.query<Organisation>(`SELECT ${WITH_COUNTS} FROM organisations o WHERE o.account_id = $1 AND o.id = $2`, [accountId, id]);
  if (!row) throw notFound('organisation', id);
  return row;
}

export async function listOrganisations(db: Db, accountId: string, o: { q?: string; limit: number }): Promise<Organisation[]> {
  return db.query<Organisation>(
    `SELECT ${WITH_COUNTS} FROM organisations o
     WHERE o.account_id = $1 AND ($2::text IS NULL OR o.name ILIKE '%' || $2 || '%'
       OR EXISTS (SELECT 1 FROM organisation_domains d WHERE d.account_id = o.account_id AND d.organisation_id = o.id AND d.domain ILIKE '%' || $2 || '%'))
     ORDER BY lower(o.name), o.id LIMIT $3`,
    [accountId, o.q?.replace(/[%_\\]/g, (c) => `\\${c}`) ?? null, o.limit],
  );
}

/** Replaces the domains an organisation claims (after checkDomains); a domain another organisation holds is refused. */
export async function writeDomains(tx: Db, accountId: string, organisationId: string, domains: string[]): Promise<string[]> {
  const taken = await tx.query<{ domain: string; name: string }>(
    `SELECT d.domain, o.name FROM organisation_domains d JOIN organisations o ON o.account_id = d.account_id AND o.id = d.organisation_id
     WHERE d.account_id = $1 AND d.domain = ANY($2::text[]) AND d.organisation_id <> $3`,
    [accountId, domains, organisationId],
  );
  const takenBy = (domain: string, name?: string) =>
    new AppError('domain_taken', `${domain} is already claimed by ${name ?? 'another organisation'}`, 409, { domain });
  if (taken.length) throw takenBy(taken[0].domain, taken[0].name);
  const before = await tx.query<{ domain: string }>('SELECT domain FROM organisation_domains WHERE account_id = $1 AND organisation_id = $2', [accountId, organisationId]);
  await tx.query('DELETE FROM organisation_domains WHERE account_id = $1 AND organisation_id = $2 AND NOT (domain = ANY($3::text[]))', [accountId, organisationId, domains]);
  const had = new Set(before.map((b) => b.domain));
  const added = domains.filter((d) => !had.has(d));
  try {
    // a claim made meanwhile by another organisation loses on the primary key
    await tx.query('INSERT INTO organisation_domains (account_id, domain, organisation_id) SELECT $1, unnest($3::text[]), $2', [accountId, organisationId, added]);
  } catch (err) {
    if (isUniqueViolation(err)) throw takenBy(added.join(', '));
    throw err;
  }
  return added;
}
