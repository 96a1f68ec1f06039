import type { Db } from '../storage/db.ts';
import { loadArticle, loadTranslations, toArticle } from './store.ts';

export interface VersionSummary {
  version: number;
  changed: string[];
  actor_type: string;
  actor_id: string | null;
  author_agent_id: string | null;
  author_name: string | null;
  created_at: Date;
}

export const VERSION_SUMMARY_COLUMNS = `v.version, v.changed, v.actor_type, v.actor_id, v.author_agent_id, ag.name AS author_name, v.created_at`;
export const VERSION_AUTHOR_JOIN = `LEFT JOIN agents ag ON ag.account_id = v.account_id AND ag.id = v.author_agent_id`;

/** One article with its current texts and its history (who changed what, when), newest version first. */
export async function getArticle(db: Db, accountId: string, articleId: string) {
  const row = await loadArticle(db, accountId, articleId);
  const [translations, versions] = await Promise.all([
    loadTranslations(db, accountId, [row.id]),
    db.query<VersionSummary>(
      `SELECT ${VERSION_SUMMARY_COLUMNS} FROM article_versions v ${VERSION_AUTHOR_JOIN}
       WHERE v.account_id = $1 AND v.article_id = $2 ORDER BY v.version DESC LIMIT 100`,
      [accountId, row.id],
    ),
  ]);
  return { ...toArticle(row, translations.get(row.id)), versions };
}
