import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid, isUniqueViolation } from '../shared/errors.ts';
import { freeSlug, normaliseTags, slugify } from './slug.ts';
import { ARTICLE_COLUMNS, type ArticleRow, insertVersion, slugsLike, snapshotOf, toArticle, writeTranslation, type StoredTranslations } from './store.ts';
import { ARTICLE_LANGUAGES, type Translations } from './types.ts';
import { changedFields } from './version-diff.ts';

export interface CreateArticleOptions {
  translations: Translations;
  /** derived from the (Dutch, else English) title when not given */
  slug?: string;
  tags?: string[];
}

/** A new article, internal until published, with its first version. */
export async function createArticle(db: Db, actor: Actor, opts: CreateArticleOptions) {
  const languages = ARTICLE_LANGUAGES.filter((l) => opts.translations[l]);
  if (!languages.length) throw invalid('translation_required', 'Give the article a Dutch (nl) or English (en) title and body');
  const tags = normaliseTags(opts.tags ?? []);
  try {
    return await db.transaction(async (tx) => {
      let slug = opts.slug;
      if (!slug) {
        const base = slugify(opts.translations[languages[0]]!.title) || 'artikel';
        slug = freeSlug(base, await slugsLike(tx, actor.accountId, base));
      }
      const [row] = await tx.query<ArticleRow>(
        `INSERT INTO articles (account_id, slug, tags, created_by) VALUES ($1, $2, $3, $4) RETURNING ${ARTICLE_COLUMNS}`,
        [actor.accountId, slug, tags, actor.agentId],
      );
      const stored: StoredTranslations = {};
      for (const lang of languages) {
        const t = opts.translations[lang]!;
        await writeTranslation(tx, actor.accountId, row.id, lang, t);
        stored[lang] = { ...t, updated_at: row.created_at };
      }
      const snap = snapshotOf(row, stored);
      const changed = changedFields({ slug: '', tags: [], translations: {} }, snap);
      await insertVersion(tx, actor, row.id, 1, snap, changed);
      await recordAudit(tx, actor, {
        action: 'article.created',
        entityType: 'article',
        entityId: row.id,
        after: { slug, tags, version: 1, titles: Object.fromEntries(languages.map((l) => [l, stored[l]!.title])) },
      });
      return toArticle(row, stored);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'slug')) throw conflict('slug_taken', `Another article of this account already has the slug "${opts.slug}"`);
    throw err;
  }
}
