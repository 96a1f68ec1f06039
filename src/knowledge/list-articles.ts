import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { ARTICLE_COLUMNS, type ArticleRow } from './store.ts';
import type { ArticleLanguage, Visibility } from './types.ts';

export interface ListArticlesOptions {
  limit: number;
  cursor?: string;
  tag?: string;
  visibility?: Visibility;
  /** only articles that have a text in this language */
  language?: ArticleLanguage;
}

/** Articles newest first, with their titles per language (bodies: get the article). */
export async function listArticles(db: Db, accountId: string, opts: ListArticlesOptions) {
  const after = decodeCursor(opts.cursor);
  const rows = await db.query<ArticleRow & { titles: Partial<Record<ArticleLanguage, string>> }>(
    `SELECT ${ARTICLE_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')},
            coalesce((SELECT jsonb_object_agg(t.language, t.title) FROM article_translations t
                      WHERE t.account_id = a.account_id AND t.article_id = a.id), '{}'::jsonb) AS titles
     FROM articles a
     WHERE a.account_id = $1
       AND ($2::text IS NULL OR lower($2) = ANY(SELECT lower(x) FROM unnest(a.tags) x))
       AND ($3::text IS NULL OR a.visibility = $3)
       AND ($4::text IS NULL OR EXISTS (SELECT 1 FROM article_translations t WHERE t.account_id = a.account_id AND t.article_id = a.id AND t.language = $4))
       AND ($5::uuid IS NULL OR (a.created_at, a.id) < (SELECT created_at, id FROM articles WHERE account_id = $1 AND id = $5))
     ORDER BY a.created_at DESC, a.id DESC LIMIT $6`,
    [accountId, opts.tag ?? null, opts.visibility ?? null, opts.language ?? null, after, opts.limit + 1],
  );
  return page(rows, opts.limit);
}
