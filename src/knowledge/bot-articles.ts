import type { ArticleHit } from './search-articles.ts';
import type { ArticleLanguage } from './types.ts';

export const BOT_MAX_ARTICLES = 3;
/** an article ranked below this share of the best one answers a different question: left out */
export const BOT_MIN_SHARE = 0.3;

export interface BotArticle {
  title: string;
  /** the help centre's page of the article, in the visitor's language: /help/<centre>/articles/<slug>?lang=nl */
  path: string;
}

/**
 * Which help-centre articles the chat bot offers: only public ones (the search reads nothing else;
 * checked here again, so an internal article cannot slip through a change of the query), each
 * once, in the visitor's language, the best first and at most three; an article far below the
 * best is left out. No terms, or no hits: nothing — the bot then says nothing at all.
 */
export function chooseBotArticles(hits: readonly Pick<ArticleHit, 'id' | 'slug' | 'visibility' | 'language' | 'title' | 'rank'>[], o: {
  language: ArticleLanguage;
  helpSlug: string;
  max?: number;
  minShare?: number;
}): BotArticle[] {
  const usable = hits.filter((h) => h.visibility === 'public' && h.language === o.language && h.rank > 0 && h.title.trim());
  if (!usable.length) return [];
  const best = Math.max(...usable.map((h) => h.rank));
  const seen = new Set<string>();
  const out: BotArticle[] = [];
  for (const h of [...usable].sort((a, b) => b.rank - a.rank)) {
    if (out.length >= (o.max ?? BOT_MAX_ARTICLES)) break;
    if (seen.has(h.id) || h.rank < best * (o.minShare ?? BOT_MIN_SHARE)) continue;
    seen.add(h.id);
    out.push({ title: h.title.trim().replace(/\s+/g, ' '), path: `/help/${encodeURIComponent(o.helpSlug)}/articles/${encodeURIComponent(h.slug)}?lang=${o.language}` });
  }
  return out;
}

/**
 * The bot's message as stored on the case and shown in the widget: a first line that says it is an
 * automatic answer, one "• title: path" line per article (the widget makes these links), and where
 * to find a person. Text only, in the visitor's language.
 */
export function botAnswerText(articles: readonly BotArticle[], language: ArticleLanguage): string {
  const lines = articles.map((a) => `• ${a.title}: ${a.path}`);
  return language === 'en'
    ? ['Automatic answer: these help-centre articles may help.', ...lines, 'Not what you need? Choose "Talk to a person".'].join('\n')
    : ['Automatisch antwoord: deze artikelen uit het helpcentrum kunnen u helpen.', ...lines, 'Niet wat u zoekt? Kies "Praat met een medewerker".'].join('\n');
}
