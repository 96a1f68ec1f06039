import { tagsOf } from '../tags/store.ts';
import type { Db } from '../storage/db.ts';
import type { FieldValues } from '../custom-fields/fields.ts';
import type { IdentityKind } from './identity.ts';
import { listVulnerabilitySigns, type VulnerabilitySignRow } from './vulnerability-signs.ts';

export interface IdentityRow {
  id: string;
  kind: IdentityKind;
  value: string;
  /** e-mail: set when mail to this address bounced permanently */
  bouncing_since: Date | null;
  bounce_reason: string | null;
}

export interface CustomerRow {
  id: string;
  name: string;
  segment: string;
  language: string | null;
  vulnerable: boolean;
  media: boolean;
  sales_opt_out: boolean;
  merged_into: string | null;
  /** where the vulnerable flag came from (a confirmed sign in a message, an agent, an import) */
  vulnerable_source: Record<string, unknown> | null;
  /** where the customer's refunds are paid (a bulk refund uses it, so the SEPA export includes them) */
  refund_iban: string | null;
  refund_account_holder: string | null;
  /** the organisation (company) the customer belongs to */
  organisation_id: string | null;
  /** custom field values by key (src/custom-fields/) */
  custom_fields: FieldValues;
  created_at: Date;
  updated_at: Date;
}

export interface Customer extends CustomerRow {
  identities: IdentityRow[];
  /** signs in the customer's messages that they may be vulnerable: suggestions for an agent, and how they were decided */
  vulnerability_signs?: VulnerabilitySignRow[];
  /** the customer's tags and products (one customer only, not in lists) */
  tags?: string[];
}

export const CUSTOMER_COLUMNS =
  'id, name, segment, language, vulnerable, media, sales_opt_out, merged_into, vulnerable_source, refund_iban, refund_account_holder, organisation_id, custom_fields, created_at, updated_at';

export async function loadCustomer(db: Db, accountId: string, id: string, forUpdate = false): Promise<Customer | null> {
  const [row] = await db.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [accountId, id],
  );
  if (!row) return null;
  const identities = await db.query<IdentityRow>(
    'SELECT id, kind, value, bouncing_since, bounce_reason FROM customer_identities WHERE account_id = $1 AND customer_id = $2 ORDER BY created_at, id',
    [accountId, id],
  );
  const vulnerability_signs = await listVulnerabilitySigns(db, accountId, id);
  const tags = await tagsOf(db, accountId, 'customer', id);
  return { ...row, identities, vulnerability_signs, tags };
}

export async function findCustomerIdByIdentity(db: Db, accountId: string, kind: IdentityKind, value: string) {
  const [row] = await db.query<{ customer_id: string }>(
    'SELECT customer_id FROM customer_identities WHERE account_id = $1 AND kind = $2 AND value = $3',
    [accountId, kind, value],
  );
  return row?.customer_id ?? null;
}

/** Pure: what refreshCustomerSearch writes, for a customer whose identities are all at hand. */
export const searchText = (name: string, identities: { value: string }[]) =>
  [name, identities.map((i) => `${i.value} ${i.value.split('@')[0].replaceAll('.', ' ')}`).join(' ')].join(' ');

/** The customer's (or customers') name and identities as one searchable text (kept in step with searchText). */
export async function refreshCustomerSearch(db: Db, accountId: string, id: string | string[]): Promise<void> {
  await db.query(
    `UPDATE customers c SET search_text = c.name || ' ' || coalesce(
       (SELECT string_agg(i.value || ' ' || replace(split_part(i.value, '@', 1), '.', ' '), ' ')
        FROM customer_identities i WHERE i.account_id = c.account_id AND i.customer_id = c.id), '')
     WHERE c.account_id = $1 AND c.id = ANY($2::uuid[])`,
    [accountId, Array.isArray(id) ? id : [id]],
  );
}
