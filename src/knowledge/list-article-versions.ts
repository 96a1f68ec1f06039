import type { Db } from '../storage/db.ts';
import { VERSION_AUTHOR_JOIN, VERSION_SUMMARY_COLUMNS, type VersionSummary } from './get-article.ts';
import { loadArticle } from './store.ts';
import type { ArticleSnapshot } from './types.ts';

export interface ListVersionsOptions {
  limit: number;
  /** versions older than this one (the previous page's next_before) */
  before?: number;
}

export type ArticleVersion = VersionSummary & ArticleSnapshot;

/** The article's full history, each version with its whole text, newest first. */
export async function listArticleVersions(db: Db, accountId: string, articleId: string, opts: ListVersionsOptions) {
  const row = await loadArticle(db, accountId, articleId);
  const rows = await db.query<ArticleVersion>(
    `SELECT ${VERSION_SUMMARY_COLUMNS}, v.slug, v.tags, v.translations FROM article_versions v ${VERSION_AUTHOR_JOIN}
     WHERE v.account_id = $1 AND v.article_id = $2 AND ($3::int IS NULL OR v.version < $3)
     ORDER BY v.version DESC LIMIT $4`,
    [accountId, row.id, opts.before ?? null, opts.limit + 1],
  );
  const data = rows.slice(0, opts.limit);
  return { data, next_before: rows.length > opts.limit ? data[data.length - 1].version : null };
}
