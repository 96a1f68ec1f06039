import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import type { CaseStatus } from './status.ts';
import { tagsOfCases } from '../tags/store.ts';
import { filterObject } from '../custom-fields/fields.ts';
import { fieldDefinitions } from '../custom-fields/store.ts';
import { CASE_COLUMNS, type CaseRow, publicCase } from './store.ts';

export interface ListCasesOptions {
  limit: number;
  cursor?: string;
  status?: CaseStatus[];
  ownerId?: string;
  customerId?: string;
  /** cases transferred at least this many times ("van het kastje naar de muur") */
  passedAround?: number;
  /** the team's cases: its own, and those owned by its members */
  teamId?: string;
  /** cases with a message the listening put in this topic */
  topicId?: string;
  /** cases carrying every one of these tags */
  tags?: string[];
  /** custom field filters, key -> query value (checked against the account's case fields) */
  fields?: Record<string, string>;
  /** only the cases marked as spam (src/spam/); otherwise they are left out */
  spam?: boolean;
}

export async function listCases(db: Db, accountId: string, opts: ListCasesOptions) {
  const after = decodeCursor(opts.cursor);
  const fields = opts.fields && Object.keys(opts.fields).length ? filterObject(await fieldDefinitions(db, accountId, 'case'), opts.fields) : null;
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
       AND ($8::uuid IS NULL OR team_id = $8 OR owner_id IN (SELECT id FROM agents WHERE account_id = $1 AND team_id = $8))
       AND ($9::uuid IS NULL OR EXISTS (
         SELECT 1 FROM messages m JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
         WHERE m.account_id = $1 AND m.case_id = cases.id AND a.topic_id = $9))
       AND ($10::text[] IS NULL OR (SELECT count(*) FROM case_tags t
         WHERE t.account_id = $1 AND t.case_id = cases.id AND t.tag = ANY($10::text[])) = cardinality($10::text[]))
       AND ($11::jsonb IS NULL OR custom_fields @> $11::jsonb)
       AND (CASE WHEN $12::boolean THEN spam_at IS NOT NULL ELSE spam_at IS NULL END)
     ORDER BY created_at DESC, id DESC LIMIT $7`,
    [accountId, opts.status?.length ? opts.status : null, opts.ownerId ?? null, opts.customerId ?? null,
      opts.passedAround ?? null, after, opts.limit + 1, opts.teamId ?? null, opts.topicId ?? null, opts.tags?.length ? opts.tags : null,
      fields ? JSON.stringify(fields) : null, opts.spam ?? false],
  );
  const result = page(rows, opts.limit);
  const tags = await tagsOfCases(db, accountId, result.data.map((r) => r.id));
  return { data: result.data.map((r) => ({ ...publicCase(r), customer_name: r.customer_name, tags: tags.get(r.id) ?? [] })), next_cursor: result.next_cursor };
}
