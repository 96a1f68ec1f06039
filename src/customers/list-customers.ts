import type { Db } from '../storage/db.ts';
import { filterObject } from '../custom-fields/fields.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { CUSTOMER_COLUMNS, type Customer, type CustomerRow, type IdentityRow } from './store.ts';

export interface ListCustomersOptions {
  limit: number;
  cursor?: string;
  segment?: string;
  includeMerged?: boolean;
  organisationId?: string;
  /** custom field filters, key -> query value */
  fields?: Record<string, string>;
}

export async function listCustomers(db: Db, accountId: string, opts: ListCustomersOptions) {
  const after = decodeCursor(opts.cursor);
  const fields = opts.fields && Object.keys(opts.fields).length ? filterObject(await fieldDefinitions(db, accountId, 'customer'), opts.fields) : null;
  const rows = await db.query<CustomerRow>(
    `SELECT ${CUSTOMER_COLUMNS} FROM customers
     WHERE account_id = $1 AND ($2::text IS NULL OR segment = $2) AND ($3::boolean OR merged_into IS NULL)
       AND ($4::uuid IS NULL OR (created_at, id) < (SELECT created_at, id FROM customers WHERE account_id = $1 AND id = $4))
       AND ($6::uuid IS NULL OR organisation_id = $6) AND ($7::jsonb IS NULL OR custom_fields @> $7::jsonb)
     ORDER BY created_at DESC, id DESC LIMIT $5`,
    [accountId, opts.segment ?? null, opts.includeMerged ?? false, after, opts.limit + 1, opts.organisationId ?? null, fields ? JSON.stringify(fields) : null],
  );
  const result = page(rows, opts.limit);
  const ids = result.data.map((r) => r.id);
  const identities = ids.length
    ? await db.query<IdentityRow & { customer_id: string }>(
        'SELECT id, customer_id, kind, value, bouncing_since, bounce_reason FROM customer_identities WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) ORDER BY created_at, id',
        [accountId, ids],
      )
    : [];
  const data: Customer[] = result.data.map((r) => ({
    ...r,
    identities: identities.filter((i) => i.customer_id === r.id).map(({ customer_id: _, ...identity }) => identity),
  }));
  return { data, next_cursor: result.next_cursor };
}
