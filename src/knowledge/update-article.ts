import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { canPublish } from './publish-article.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, invalid, isUniqueViolation } from '../shared/errors.ts';
import { normaliseTags } from './slug.ts';
import { ARTICLE_COLUMNS, type ArticleRow, insertVersion, loadArticle, loadTranslations, snapshotOf, toArticle, writeTranslation, type StoredTranslations } from './store.ts';
import { ARTICLE_LANGUAGES, type ArticleLanguage, type ArticleSnapshot, type TranslationText } from './types.ts';
import { changedFields } from './version-diff.ts';

export interface UpdateArticleOptions {
  /** per language: new title and/or body; null removes that language (one must remain) */
  translations?: Partial<Record<ArticleLanguage, Partial<TranslationText> | null>>;
  slug?: string;
  tags?: string[];
  /** when given, the edit applies only if the article is still at this version (else 409) */
  expectedVersion?: number;
}

/**
 * An edit: the article's new text becomes a new version; an edit that changes nothing adds none.
 * On a public article the help centre keeps showing the published version until someone who may
 * publish edits it or publishes it.
 */
export async function updateArticle(db: Db, actor: Actor, articleId: string, opts: UpdateArticleOptions) {
  try {
    return await db.transaction(async (tx) => {
      const before = await loadArticle(tx, actor.accountId, articleId, true);
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== before.version) {
        throw conflict('version_conflict', `Article ${before.id} is at version ${before.version}, not ${opts.expectedVersion}: reload it and edit again`);
      }
      const current = (await loadTranslations(tx, actor.accountId, [before.id])).get(before.id) ?? {};
      const prev = snapshotOf(before, current);
      const next: ArticleSnapshot = {
        slug: opts.slug ?? prev.slug,
        tags: opts.tags ? normaliseTags(opts.tags) : prev.tags,
        translations: { ...prev.translations },
      };
      for (const lang of ARTICLE_LANGUAGES) {
        const change = opts.translations?.[lang];
        if (change === undefined) continue;
        if (change === null) {
          delete next.translations[lang];
          continue;
        }
        const base = prev.translations[lang];
        if (!base && (change.title === undefined || change.body === undefined)) {
          throw invalid('translation_incomplete', `A new ${lang} translation needs both a title and a body`);
        }
        next.translations[lang] = { title: change.title ?? base!.title, body: change.body ?? base!.body };
      }
      if (!ARTICLE_LANGUAGES.some((l) => next.translations[l])) {
        throw invalid('translation_required', 'An article keeps at least one language; add the other before removing this one');
      }
      const changed = changedFields(prev, next);
      if (!changed.length) return toArticle(before, current);

      const version = before.version + 1;
      // a public article's edit goes live only when its author may publish; else it waits
      const goesLive = before.visibility === 'public' && canPublish(actor);
      const [after] = await tx.query<ArticleRow>(
        `UPDATE articles SET slug = $3, tags = $4, version = $5, updated_at = now(),
           published_version = CASE WHEN $6::boolean THEN $5 ELSE published_version END
         WHERE account_id = $1 AND id = $2 RETURNING ${ARTICLE_COLUMNS}`,
        [actor.accountId, before.id, next.slug, next.tags, version, goesLive],
      );
      const stored: StoredTranslations = {};
      for (const lang of ARTICLE_LANGUAGES) {
        const t = next.translations[lang];
        const touched = changed.includes(`${lang}.title`) || changed.includes(`${lang}.body`);
        if (touched) await writeTranslation(tx, actor.accountId, before.id, lang, t ?? null);
        if (t) stored[lang] = { ...t, updated_at: touched ? after.updated_at : current[lang]!.updated_at };
      }
      await insertVersion(tx, actor, before.id, version, next, changed);
      await recordAudit(tx, actor, {
        action: 'article.updated',
        entityType: 'article',
        entityId: before.id,
        before: { version: before.version, ...pick(prev, changed) },
        after: { version, changed, ...pick(next, changed) },
      });
      return toArticle(after, stored);
    });
  } catch (err) {
    if (isUniqueViolation(err, 'slug')) throw conflict('slug_taken', `Another article of this account already has the slug "${opts.slug}"`);
    throw err;
  }
}

/** Slug and tags as they were and are, for the audit log (texts stay in the versions). */
function pick(s: ArticleSnapshot, changed: string[]) {
  return { ...(changed.includes('slug') ? { slug: s.slug } : {}), ...(changed.includes('tags') ? { tags: s.tags } : {}) };
}
