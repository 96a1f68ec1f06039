import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';
import { loadArticle } from './store.ts';
import type { ArticleSnapshot } from './types.ts';
import { diffSnapshots } from './version-diff.ts';

/** What changed from one version of an article to another (either order), word by word. */
export async function diffVersions(db: Db, accountId: string, articleId: string, from: number, to: number) {
  const row = await loadArticle(db, accountId, articleId);
  const versions = await db.query<ArticleSnapshot & { version: number }>(
    `SELECT version, slug, tags, translations FROM article_versions
     WHERE account_id = $1 AND article_id = $2 AND version = ANY($3::int[])`,
    [accountId, row.id, [from, to]],
  );
  const get = (v: number) => {
    const found = versions.find((x) => x.version === v);
    if (!found) throw new AppError('version_not_found', `Article ${row.id} has no version ${v} (it is at version ${row.version})`, 404);
    return found;
  };
  const a = get(from);
  const b = get(to);
  return { article_id: row.id, from, to, ...diffSnapshots(a, b) };
}
