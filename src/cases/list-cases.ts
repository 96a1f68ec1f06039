import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { invalid } from '../shared/errors.ts';
import type { CaseStatus } from './status.ts';
import { MAX_TAGS } from '../tags/tags.ts';
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
  /** the cases this agent follows (src/cases/follow-case.ts) */
  followedBy?: string;
}

const COLUMNS = CASE_COLUMNS.split(',').map((c) => `cases.${c.trim()}`).join(', ');

/**
 * The case list, newest first, keyset-paged; no count of the whole filtered set (the workspace pages
 * with the cursor). The WHERE clause holds only the filters asked for: one statement per combination,
 * so that the planner sees each as it is. A catch-all `($n IS NULL OR …)` form made the planner cost
 * every filter (tags as a correlated count) and choose a bitmap scan of all cases with a field value and
 * a sort, where walking the newest cases and probing their tags answers a page (issue 19, bench/case-filters.ts).
 * Customer name and tags come in the same statement: one round trip for the page.
 */
export async function listCases(db: Db, accountId: string, opts: ListCasesOptions) {
  const after = decodeCursor(opts.cursor);
  const fields = opts.fields && Object.keys(opts.fields).length ? filterObject(await fieldDefinitions(db, accountId, 'case'), opts.fields) : null;
  const tags = [...new Set(opts.tags ?? [])];
  // no case carries more (nextTags); this also bounds the number of distinct statements
  if (tags.length > MAX_TAGS) throw invalid('too_many_tags', `Filter on at most ${MAX_TAGS} tags (${tags.length} given)`);

  const params: unknown[] = [accountId];
  const p = (v: unknown) => `$${params.push(v)}`;
  const where = ['cases.account_id = $1', opts.spam ? 'cases.spam_at IS NOT NULL' : 'cases.spam_at IS NULL'];
  if (opts.status?.length) where.push(`cases.status = ANY(${p(opts.status)}::text[])`);
  if (opts.ownerId) where.push(`cases.owner_id = ${p(opts.ownerId)}::uuid`);
  if (opts.customerId) where.push(`cases.customer_id = ${p(opts.customerId)}::uuid`);
  if (opts.followedBy) where.push(`cases.id IN (SELECT f.case_id FROM case_followers f WHERE f.account_id = $1 AND f.agent_id = ${p(opts.followedBy)}::uuid)`);
  if (opts.passedAround !== undefined) where.push(`cases.transfer_count >= ${p(opts.passedAround)}::int`);
  if (after) where.push(`(cases.created_at, cases.id) < (SELECT created_at, id FROM cases c WHERE c.account_id = $1 AND c.id = ${p(after)}::uuid)`);
  if (opts.teamId) {
    const team = p(opts.teamId);
    where.push(`(cases.team_id = ${team}::uuid OR cases.owner_id IN (SELECT id FROM agents WHERE account_id = $1 AND team_id = ${team}::uuid))`);
  }
  if (opts.topicId) {
    where.push(`EXISTS (SELECT 1 FROM messages m JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
      WHERE m.account_id = $1 AND m.case_id = cases.id AND a.topic_id = ${p(opts.topicId)}::uuid)`);
  }
  for (const tag of tags) where.push(`EXISTS (SELECT 1 FROM case_tags t WHERE t.account_id = $1 AND t.case_id = cases.id AND t.tag = ${p(tag)}::text)`);
  if (fields) where.push(`cases.custom_fields @> ${p(JSON.stringify(fields))}::jsonb`);

  const rows = await db.query<CaseRow & { customer_name: string; tags: string[] }>(
    `SELECT ${COLUMNS},
       (SELECT name FROM customers cu WHERE cu.account_id = cases.account_id AND cu.id = cases.customer_id) AS customer_name,
       ARRAY(SELECT t.tag FROM case_tags t WHERE t.account_id = cases.account_id AND t.case_id = cases.id ORDER BY t.tag) AS tags
     FROM cases
     WHERE ${where.join('\n       AND ')}
     ORDER BY cases.created_at DESC, cases.id DESC LIMIT ${p(opts.limit + 1)}::int`,
    params,
  );
  const result = page(rows, opts.limit);
  return { data: result.data.map((r) => ({ ...publicCase(r), customer_name: r.customer_name, tags: r.tags })), next_cursor: result.next_cursor };
}
