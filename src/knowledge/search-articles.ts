import type { Db } from '../storage/db.ts';
import { highlight } from '../cases/search.ts';
import { AppError } from '../shared/errors.ts';
import type { ArticleLanguage, Visibility } from './types.ts';

export interface SearchArticlesOptions {
  query: string;
  /** only texts in this language; both when absent */
  language?: ArticleLanguage;
  /** the help centre passes 'public' */
  visibility?: Visibility;
  limit: number;
}

export interface ArticleHit {
  id: string;
  slug: string;
  visibility: Visibility;
  tags: string[];
  language: ArticleLanguage;
  title: string;
  /** HTML-escaped body text with matches in <mark>…</mark> */
  snippet: string;
  rank: number;
  updated_at: Date;
}

/**
 * Ranked full-text search over article texts. Each text is indexed with its own language's
 * stemmer, and the query is parsed with the same one (Dutch texts with 'dutch', English with
 * 'english'), so "retourneren" finds "retourneer" and "returning" finds "returns". Both arms
 * of the OR are GIN index scans. Titles weigh more than bodies.
 */
export async function searchArticles(db: Db, accountId: string, opts: SearchArticlesOptions): Promise<ArticleHit[]> {
  const q = opts.query.trim();
  if (!q) throw new AppError('query_required', 'Give a search query in q', 400);
  const rows = await db.query<ArticleHit>(
    `WITH q AS (SELECT websearch_to_tsquery('dutch', $2) AS nl, websearch_to_tsquery('english', $2) AS en),
     hits AS (
       SELECT t.article_id, t.language, t.title, t.body,
              ts_rank_cd(t.tsv, CASE t.language WHEN 'nl' THEN q.nl ELSE q.en END) AS rank
       FROM article_translations t, q
       WHERE t.account_id = $1 AND ($3::text IS NULL OR t.language = $3)
         AND ((t.language = 'nl' AND t.tsv @@ q.nl) OR (t.language = 'en' AND t.tsv @@ q.en))
     ),
     top AS (
       SELECT h.*, a.slug, a.visibility, a.tags, a.updated_at FROM hits h
       JOIN articles a ON a.account_id = $1 AND a.id = h.article_id
       WHERE $4::text IS NULL OR a.visibility = $4
       ORDER BY h.rank DESC, a.updated_at DESC, h.article_id, h.language LIMIT $5
     )
     SELECT top.article_id AS id, top.slug, top.visibility, top.tags, top.language, top.title, top.rank::float8 AS rank, top.updated_at,
            ts_headline(CASE top.language WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END, top.body,
              CASE top.language WHEN 'nl' THEN q.nl ELSE q.en END,
              'StartSel=⟦, StopSel=⟧, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
     FROM top CROSS JOIN q
     ORDER BY top.rank DESC, top.updated_at DESC, top.article_id, top.language`,
    [accountId, q, opts.language ?? null, opts.visibility ?? null, opts.limit],
  );
  // ⟦ ⟧ are the markers highlight() turns into <mark> after escaping the text
  return rows.map((r) => ({ ...r, snippet: highlight(r.snippet) }));
}
