import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { can } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { forbidden } from '../shared/errors.ts';
import { ARTICLE_COLUMNS, type ArticleRow, loadArticle, loadTranslations, toArticle } from './store.ts';
import type { Visibility } from './types.ts';

/**
 * Public: the article's current version appears in the account's help centre, readable without
 * signing in. Publishing an article that is already public publishes its latest edit.
 */
export const publishArticle = (db: Db, actor: Actor, articleId: string) => setVisibility(db, actor, articleId, 'public');

/** Internal again: agents only; the help centre stops showing it at once (pages are cacheable for a minute). */
export const unpublishArticle = (db: Db, actor: Actor, articleId: string) => setVisibility(db, actor, articleId, 'internal');

/** Who may put text in front of the public: supervisors and admins. */
export const canPublish = (actor: Actor) => can(actor, 'articles.publish');

async function setVisibility(db: Db, actor: Actor, articleId: string, visibility: Visibility) {
  if (!canPublish(actor)) throw forbidden('Publishing to the help centre, or taking an article off it, needs a supervisor or admin');
  return db.transaction(async (tx) => {
    const before = await loadArticle(tx, actor.accountId, articleId, true);
    let row = before;
    const pendingEdit = visibility === 'public' && before.published_version !== before.version;
    if (before.visibility !== visibility || pendingEdit) {
      [row] = await tx.query<ArticleRow>(
        `UPDATE articles SET visibility = $3,
           published_at = CASE WHEN $3 = 'public' THEN now() ELSE published_at END,
           published_version = CASE WHEN $3 = 'public' THEN version ELSE NULL END
         WHERE account_id = $1 AND id = $2 RETURNING ${ARTICLE_COLUMNS}`,
        [actor.accountId, before.id, visibility],
      );
      await recordAudit(tx, actor, {
        action: visibility === 'public' ? 'article.published' : 'article.unpublished',
        entityType: 'article',
        entityId: before.id,
        before: { visibility: before.visibility, published_version: before.published_version },
        after: { visibility, version: row.version, published_version: row.published_version },
      });
    }
    const translations = await loadTranslations(tx, actor.accountId, [row.id]);
    return toArticle(row, translations.get(row.id));
  });
}
