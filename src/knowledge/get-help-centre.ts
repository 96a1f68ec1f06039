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
       SELECT DISTINCT ON (a.id) a.slug, a.tags, t.language, t.title
       FROM articles a JOIN article_translations t ON t.account_id = a.account_id AND t.article_id = a.id
       WHERE a.account_id = $1 AND a.visibility = 'public'
       ORDER BY a.id, (t.language = $2) DESC
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
    `SELECT a.slug, a.tags, t.language, t.title, t.body, t.updated_at,
            ARRAY(SELECT language FROM article_translations x WHERE x.account_id = a.account_id AND x.article_id = a.id ORDER BY language DESC) AS languages
     FROM articles a JOIN article_translations t ON t.account_id = a.account_id AND t.article_id = a.id
     WHERE a.account_id = $1 AND a.slug = $2 AND a.visibility = 'public'
     ORDER BY (t.language = $3) DESC LIMIT 1`,
    [accountId, slug, language],
  );
  return row ?? null;
}
