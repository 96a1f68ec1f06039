import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { termDelta } from './terms.ts';
import { ARTICLE_LANGUAGES, type ArticleLanguage, type ArticleSnapshot, type TranslationText, type Visibility } from './types.ts';

export interface ArticleRow {
  id: string;
  slug: string;
  visibility: Visibility;
  tags: string[];
  version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  published_at: Date | null;
  /** the version the help centre shows; a later edit waits for someone who may publish */
  published_version: number | null;
}

export const ARTICLE_COLUMNS = 'id, slug, visibility, tags, version, created_by, created_at, updated_at, published_at, published_version';

export interface TranslationRow extends TranslationText {
  article_id: string;
  language: ArticleLanguage;
  updated_at: Date;
}

export type StoredTranslations = Partial<Record<ArticleLanguage, TranslationText & { updated_at: Date }>>;

/** One article of this account (404 for any other account's id). */
export async function loadArticle(db: Db, accountId: string, id: string, forUpdate = false): Promise<ArticleRow> {
  const rows = isUuid(id)
    ? await db.query<ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE account_id = $1 AND id = $2${forUpdate ? ' FOR UPDATE' : ''}`, [accountId, id])
    : [];
  if (!rows[0]) throw notFound('article', id);
  return rows[0];
}

/** The current texts of these articles, by article id and language. */
export async function loadTranslations(db: Db, accountId: string, articleIds: string[]): Promise<Map<string, StoredTranslations>> {
  const out = new Map<string, StoredTranslations>();
  if (!articleIds.length) return out;
  const rows = await db.query<TranslationRow>(
    `SELECT article_id, language, title, body, updated_at FROM article_translations
     WHERE account_id = $1 AND article_id = ANY($2::uuid[]) ORDER BY language`,
    [accountId, articleIds],
  );
  for (const r of rows) {
    const t = out.get(r.article_id) ?? {};
    t[r.language] = { title: r.title, body: r.body, updated_at: r.updated_at };
    out.set(r.article_id, t);
  }
  return out;
}

/** The article as the API shows it. */
export function toArticle(row: ArticleRow, translations: StoredTranslations = {}) {
  return { ...row, translations };
}

export function snapshotOf(row: Pick<ArticleRow, 'slug' | 'tags'>, translations: StoredTranslations): ArticleSnapshot {
  const t: ArticleSnapshot['translations'] = {};
  for (const lang of ARTICLE_LANGUAGES) {
    const x = translations[lang];
    if (x) t[lang] = { title: x.title, body: x.body };
  }
  return { slug: row.slug, tags: row.tags, translations: t };
}

/**
 * Sets (or with null removes) one language's text of an article and keeps article_terms, the
 * per-term article counts suggestions rely on, in step, in the caller's transaction.
 */
export async function writeTranslation(tx: Db, accountId: string, articleId: string, language: ArticleLanguage, text: TranslationText | null) {
  const [old] = await tx.query<{ lexemes: string[] }>(
    `SELECT tsvector_to_array(tsv) AS lexemes FROM article_translations WHERE account_id = $1 AND article_id = $2 AND language = $3`,
    [accountId, articleId, language],
  );
  let lexemes: string[] = [];
  if (text) {
    const [row] = await tx.query<{ lexemes: string[] }>(
      `INSERT INTO article_translations (account_id, article_id, language, title, body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, article_id, language) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body, updated_at = now()
       RETURNING tsvector_to_array(tsv) AS lexemes`,
      [accountId, articleId, language, text.title, text.body],
    );
    lexemes = row.lexemes;
  } else if (old) {
    await tx.query('DELETE FROM article_translations WHERE account_id = $1 AND article_id = $2 AND language = $3', [accountId, articleId, language]);
  }
  const delta = termDelta(old?.lexemes ?? [], lexemes);
  if (!delta.lexemes.length) return;
  // One statement, rows in lexeme order: +1 inserts or increments; -1 arrives as df 0 and decrements.
  await tx.query(
    `INSERT INTO article_terms (account_id, language, lexeme, df)
     SELECT $1, $2, u.lexeme, greatest(u.change, 0) FROM unnest($3::text[], $4::int[]) AS u(lexeme, change) ORDER BY u.lexeme
     ON CONFLICT (account_id, language, lexeme)
     DO UPDATE SET df = greatest(0, article_terms.df + CASE WHEN EXCLUDED.df = 0 THEN -1 ELSE 1 END)`,
    [accountId, language, delta.lexemes, delta.changes],
  );
}

/** Appends one version (a full snapshot) to the article's history. */
export async function insertVersion(tx: Db, actor: Actor, articleId: string, version: number, snap: ArticleSnapshot, changed: string[]) {
  await tx.query(
    `INSERT INTO article_versions (account_id, article_id, version, slug, tags, translations, changed, actor_type, actor_id, author_agent_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [actor.accountId, articleId, version, snap.slug, snap.tags, JSON.stringify(snap.translations), changed, actor.type, actor.id, actor.agentId],
  );
}

/** Slugs of this account equal to base or base-<something>, to pick a free one. */
export async function slugsLike(db: Db, accountId: string, base: string): Promise<string[]> {
  const rows = await db.query<{ slug: string }>(
    `SELECT slug FROM articles WHERE account_id = $1 AND (slug = $2 OR starts_with(slug, $2 || '-'))`,
    [accountId, base],
  );
  return rows.map((r) => r.slug);
}

/**
 * Recounts article_terms of one account from the stored texts. Writes through the use cases keep
 * the counts exact; this is for data loaded by other means (benchmarks, imports) and repairs.
 */
export async function refreshArticleTerms(db: Db, accountId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('DELETE FROM article_terms WHERE account_id = $1', [accountId]);
    await tx.query(
      `INSERT INTO article_terms (account_id, language, lexeme, df)
       SELECT $1, t.language, l.lexeme, count(*) FROM article_translations t, unnest(tsvector_to_array(t.tsv)) AS l(lexeme)
       WHERE t.account_id = $1 GROUP BY t.language, l.lexeme`,
      [accountId],
    );
  });
}
