import type { Db } from '../storage/db.ts';
import { getHelpCentreSettings } from './get-help-centre.ts';
import { searchHelpCentre } from './search-help-centre.ts';
import { TERMS_SQL } from './suggest-articles.ts';
import { chooseSuggestionTerms, FILLER, suggestionText, type MessageTerm } from './terms.ts';
import { configFor, type ArticleLanguage } from './types.ts';
import { chooseBotArticles, type BotArticle } from './bot-articles.ts';

/**
 * The help-centre articles that may answer a visitor's question: the message's telling terms are
 * chosen as article suggestions choose them (rare terms first, filler left out), then looked up in
 * the help centre's own search — the published text of public articles only — in the visitor's
 * language; chooseBotArticles keeps at most three. Nothing without a public help centre to link to.
 */
export async function helpCentreAnswer(db: Db, accountId: string, question: string, language: ArticleLanguage): Promise<BotArticle[]> {
  const { slug } = await getHelpCentreSettings(db, accountId);
  if (!slug) return [];
  const text = suggestionText(question);
  const found = await db.query<MessageTerm & { total: number }>(TERMS_SQL, [accountId, configFor(language), text, FILLER[language], language]);
  const terms = chooseSuggestionTerms(found, found[0]?.total ?? 0);
  if (!terms.length) return [];
  const hits = await searchHelpCentre(db, accountId, { query: '', language, limit: 10, anyOf: terms.map((t) => t.lexeme) });
  return chooseBotArticles(hits, { language, helpSlug: slug });
}
