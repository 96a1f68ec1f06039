import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';

export type HitType = 'case' | 'message' | 'customer';

export interface SearchOptions {
  query: string;
  types?: HitType[];
  limit: number;
  cursor?: string;
}

export interface SearchHit {
  type: HitType;
  id: string;
  case_id: string | null;
  case_ref: string | null;
  title: string;
  /** HTML-escaped text with matches in <mark>…</mark> */
  snippet: string;
  rank: number;
  created_at: Date;
}

// Markers unlikely in real text; replaced after HTML-escaping the snippet.
const START = '⟦';
const STOP = '⟧';

/**
 * Ranked full-text search over case subjects, messages (and notes) and customers of one
 * account. Every row was indexed with the text search configuration of its own language
 * (dutch, english or simple); the query is parsed with all three and OR-ed, so "betalingen"
 * finds a Dutch "betaald" and an English "payments" finds "payment". Uses the GIN indexes.
 */
export async function search(db: Db, accountId: string, opts: SearchOptions) {
  const q = opts.query.trim();
  if (!q) throw new AppError('query_required', 'Give a search query in q', 400);
  const offset = decodeOffset(opts.cursor);
  const types = opts.types?.length ? opts.types : ['case', 'message', 'customer'];
  const rows = await db.query<SearchHit & { case_subject: string | null }>(
    `WITH q AS NOT MATERIALIZED (
       SELECT websearch_to_tsquery('dutch', $2) || websearch_to_tsquery('english', $2) || websearch_to_tsquery('simple', $2) AS query
     ),
     hits AS (
       SELECT 'case' AS type, c.id, c.id AS case_id, c.search_config AS cfg, c.subject AS text,
              ts_rank_cd(c.subject_tsv, q.query) AS rank, c.created_at
       FROM cases c, q WHERE 'case' = ANY($3::text[]) AND c.account_id = $1 AND c.subject_tsv @@ q.query
       UNION ALL
       SELECT 'message', m.id, m.case_id, m.search_config, m.body, ts_rank_cd(m.tsv, q.query), m.created_at
       FROM messages m, q WHERE 'message' = ANY($3::text[]) AND m.account_id = $1 AND m.tsv @@ q.query
       UNION ALL
       SELECT 'customer', cu.id, NULL, 'simple'::regconfig, cu.search_text, ts_rank_cd(cu.search_tsv, q.query), cu.created_at
       FROM customers cu, q WHERE 'customer' = ANY($3::text[]) AND cu.account_id = $1 AND cu.merged_into IS NULL
         AND cu.search_tsv @@ q.query
     ),
     top AS (SELECT * FROM hits ORDER BY rank DESC, created_at DESC, id LIMIT $4 OFFSET $5)
     SELECT top.type, top.id, top.case_id, c.ref AS case_ref, c.subject AS case_subject, cu.name AS customer_name,
            top.rank::float8 AS rank, top.created_at,
            ts_headline(top.cfg, top.text, q.query,
              'StartSel=${START}, StopSel=${STOP}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
     FROM top CROSS JOIN q
     LEFT JOIN cases c ON c.account_id = $1 AND c.id = top.case_id
     LEFT JOIN customers cu ON cu.account_id = $1 AND top.type = 'customer' AND cu.id = top.id
     ORDER BY top.rank DESC, top.created_at DESC, top.id`,
    [accountId, q, types, opts.limit + 1, offset],
  );
  const data = rows.slice(0, opts.limit).map((r) => {
    const { case_subject, customer_name, ...hit } = r as typeof r & { customer_name: string | null };
    return {
      ...hit,
      title: (hit.type === 'customer' ? customer_name : case_subject) ?? '',
      snippet: highlight(r.snippet),
    };
  });
  const next_cursor = rows.length > opts.limit ? Buffer.from(String(offset + opts.limit)).toString('base64url') : null;
  return { data, next_cursor };
}

export function highlight(raw: string): string {
  return escapeHtml(raw).split(START).join('<mark>').split(STOP).join('</mark>');
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

function decodeOffset(cursor: string | undefined): number {
  if (!cursor) return 0;
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Number.isInteger(n) || n < 0 || n > 10_000) throw new AppError('invalid_cursor', 'The cursor is not one this API returned', 400);
  return n;
}
