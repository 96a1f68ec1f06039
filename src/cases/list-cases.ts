import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import type { CaseStatus } from './status.ts';
import { CASE_COLUMNS, type CaseRow, publicCase } from './store.ts';

export interface ListCasesOptions {
  limit: number;
  cursor?: string;
  status?: CaseStatus[];
  ownerId?: string;
  customerId?: string;
  /** cases transferred at least this many times ("van het kastje naar de muur") */
  passedAround?: number;
}

export async function listCases(db: Db, accountId: string, opts: ListCasesOptions) {
  const after = decodeCursor(opts.cursor);
  // with the customer's name, so an inbox needs no request per row
  const rows = await db.query<CaseRow & { customer_name: string }>(
    `SELECT ${CASE_COLUMNS.split(',').map((c) => `cases.${c.trim()}`).join(', ')},
       (SELECT name FROM customers cu WHERE cu.account_id = cases.account_id AND cu.id = cases.customer_id) AS customer_name
     FROM cases
     WHERE account_id = $1
       AND ($2::text[] IS NULL OR status = ANY($2::text[]))
       AND ($3::uuid IS NULL OR owner_id = $3)
       AND ($4::uuid IS NULL OR customer_id = $4)
       AND ($5::int IS NULL OR transfer_count >= $5)
       AND ($6::uuid IS NULL OR (created_at, id) < (SELECT created_at, id FROM cases WHERE account_id = $1 AND id = $6))
     ORDER BY created_at DESC, id DESC LIMIT $7`,
    [accountId, opts.status?.length ? opts.status : null, opts.ownerId ?? null, opts.customerId ?? null,
      opts.passedAround ?? null, after, opts.limit + 1],
  );
  const result = page(rows, opts.limit);
  return { data: result.data.map((r) => ({ ...publicCase(r), customer_name: r.customer_name })), next_cursor: result.next_cursor };
}
