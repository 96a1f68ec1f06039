import type { Db } from '../storage/db.ts';
import { type HelpCentreSettings, type HelpContact, settings } from './set-help-centre.ts';
import type { ArticleLanguage } from './types.ts';

/**
 * What the public help centre reads. Only public articles, always: the visibility test is in
 * every query here, so an internal article cannot reach a page by any path.
 */
export interface HelpCentre {
  accountId: string;
  name: string;
  slug: string;
  contact: HelpContact | null;
}

export async function getHelpCentreSettings(db: Db, accountId: string): Promise<HelpCentreSettings> {
  const [a] = await db.query<{ help_slug: string | null; help_contact: HelpContact | null }>(
    'SELECT help_slug, help_contact FROM accounts WHERE account_id = $1',
    [accountId],
  );
  return settings(a?.help_slug ?? null, a?.help_contact ?? null);
}

export async function findHelpCentre(db: Db, slug: string): Promise<HelpCentre | null> {
  const [a] = await db.query<{ account_id: string; name: string; help_contact: HelpContact | null }>(
    'SELECT account_id, name, help_contact FROM accounts WHERE help_slug = $1',
    [slug],
  );
  return a ? { accountId: a.account_id, name: a.name, slug, contact: a.help_contact } : null;
}

/** The text the help centre shows: the snapshot of the version that was published. */
const PUBLISHED = `JOIN article_versions v ON v.account_id = a.account_id AND v.article_id = a.id AND v.version = a.published_version`;

export interface PublicArticleSummary {
  slug: string;
  tags: string[];
  language: ArticleLanguage;
  title: string;
}

/** Public articles, each in the wanted language when it has it, else in the other. */
export async function listPublicArticles(db: Db, accountId: string, language: ArticleLanguage, max = 2000): Promise<PublicArticleSummary[]> {
  return db.query<PublicArticleSummary>(
    `SELECT * FROM (
       SELECT DISTINCT ON (a.id) v.slug, v.tags, t.key AS language, t.value->>'title' AS title
       FROM articles a ${PUBLISHED}
       CROSS JOIN LATERAL jsonb_each(v.translations) t
       WHERE a.account_id = $1 AND a.visibility = 'public'
       ORDER BY a.id, (t.key = $2) DESC
     ) x ORDER BY lower(title) LIMIT $3`,
    [accountId, language, max],
  );
}

export interface PublicArticle extends PublicArticleSummary {
  body: string;
  updated_at: Date;
  /** the languages the article is written in */
  languages: ArticleLanguage[];
}

export async function getPublicArticle(db: Db, accountId: string, slug: string, language: ArticleLanguage): Promise<PublicArticle | null> {
  const [row] = await db.query<PublicArticle>(
    `SELECT v.slug, v.tags, t.key AS language, t.value->>'title' AS title, t.value->>'body' AS body, v.created_at AS updated_at,
            ARRAY(SELECT k FROM jsonb_object_keys(v.translations) k ORDER BY k DESC) AS languages
     FROM articles a ${PUBLISHED}
     CROSS JOIN LATERAL jsonb_each(v.translations) t
     WHERE a.account_id = $1 AND v.slug = $2 AND a.visibility = 'public'
     ORDER BY (t.key = $3) DESC LIMIT 1`,
    [accountId, slug, language],
  );
  return row ?? null;
}
