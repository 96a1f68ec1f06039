import type { Db } from '../storage/db.ts';
import { highlight } from '../cases/search.ts';
import type { ArticleHit } from './search-articles.ts';
import type { ArticleLanguage } from './types.ts';
import { orQuery } from './terms.ts';

/**
 * The help centre's search: over the *published* text of public articles (the snapshot of their
 * published version), never over an edit that waits to be published. Indexed on the fly, weighted
 * as the agents' index (titles above bodies): a help centre holds hundreds of public articles, not
 * millions, and its pages are cached.
 */
export async function searchHelpCentre(db: Db, accountId: string, opts: {
  query: string;
  language?: ArticleLanguage;
  limit: number;
  /** stemmed terms to match any of, instead of the query's words (the chat bot: terms chosen from a visitor's message, as suggestions choose them) */
  anyOf?: string[];
}): Promise<ArticleHit[]> {
  const q = opts.query.trim();
  const anyOf = opts.anyOf?.length ? orQuery(opts.anyOf) : null;
  if (!q && !anyOf) return [];
  const rows = await db.query<ArticleHit>(
    `WITH q AS (SELECT coalesce($5::tsquery, websearch_to_tsquery('dutch', $2)) AS nl, coalesce($5::tsquery, websearch_to_tsquery('english', $2)) AS en),
     pub AS (
       SELECT a.id, v.slug, v.tags, v.created_at AS updated_at, t.key AS language, t.value->>'title' AS title, t.value->>'body' AS body,
              CASE t.key WHEN 'nl' THEN 'dutch'::regconfig ELSE 'english'::regconfig END AS cfg
       FROM articles a
       JOIN article_versions v ON v.account_id = a.account_id AND v.article_id = a.id AND v.version = a.published_version
       CROSS JOIN LATERAL jsonb_each(v.translations) t
       WHERE a.account_id = $1 AND a.visibility = 'public' AND ($3::text IS NULL OR t.key = $3)
     ),
     hits AS (
       SELECT pub.*, ts_rank_cd(setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, body), 'B'),
                                CASE language WHEN 'nl' THEN q.nl ELSE q.en END) AS rank
       FROM pub, q
       WHERE (setweight(to_tsvector(cfg, title), 'A') || setweight(to_tsvector(cfg, body), 'B')) @@ CASE language WHEN 'nl' THEN q.nl ELSE q.en END
       ORDER BY rank DESC, updated_at DESC, id, language LIMIT $4
     )
     SELECT hits.id, hits.slug, 'public' AS visibility, hits.tags, hits.language, hits.title, hits.rank::float8 AS rank, hits.updated_at,
            ts_headline(hits.cfg, hits.body, CASE hits.language WHEN 'nl' THEN q.nl ELSE q.en END,
              'StartSel=⟦, StopSel=⟧, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
     FROM hits CROSS JOIN q
     ORDER BY hits.rank DESC, hits.updated_at DESC, hits.id, hits.language`,
    [accountId, q, opts.language ?? null, opts.limit, anyOf],
  );
  return rows.map((r) => ({ ...r, snippet: highlight(r.snippet) }));
}
