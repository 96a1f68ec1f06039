import type { Db } from '../storage/db.ts';
import { highlight } from '../cases/search.ts';
import { loadCase } from '../cases/store.ts';
import { guessLanguage } from '../text/language.ts';
import { chooseSuggestionTerms, FILLER, orQuery, suggestionText, tsqueryTerm, type MessageTerm, type WeightedTerm } from './terms.ts';
import type { ArticleHit } from './search-articles.ts';
import { configFor, type ArticleLanguage } from './types.ts';

/** An article hit as search gives it, scored for the case instead of ranked. */
export type Suggestion = Omit<ArticleHit, 'rank' | 'updated_at'> & {
  /** 0–1: the share of the chosen terms' weight the article contains (title matches count half extra) */
  score: number;
};

export const SUGGESTION_LIMIT = 5;

/** The message's stemmed terms that occur in at least one article, with their counts, and the number of articles. */
export const TERMS_SQL = `
  WITH m AS (
    SELECT lexeme, coalesce(array_length(positions, 1), 1) AS tf FROM unnest(to_tsvector($2::regconfig, $3))
    WHERE lexeme <> ALL (tsvector_to_array(to_tsvector($2::regconfig, $4)))
  )
  SELECT m.lexeme, m.tf, t.df,
         (SELECT count(*) FROM article_translations WHERE account_id = $1 AND language = $5) AS total
  FROM m JOIN article_terms t ON t.account_id = $1 AND t.language = $5 AND t.lexeme = m.lexeme AND t.df > 0`;

/**
 * The ranked lookup. Each chosen term finds its articles through the GIN index
 * (article_translations_search: one bitmap index scan per term, no recheck, the stored vectors
 * are not even decompressed); an article scores the summed weights of the terms it contains.
 * The best RERANK get half as much again for each term in their title and a proximity tie-break
 * (ts_rank_cd); the top rows get a snippet.
 * $1 account, $2 language, $3 per-term tsqueries, $4 weights, $5 limit, $6 text search config,
 * $7 the terms OR-ed (tie-break and highlighting).
 */
const RERANK = 50;
export const SUGGEST_SQL = `
  WITH terms AS (SELECT * FROM unnest($3::tsquery[], $4::float8[]) AS u(q, w)),
  body AS (
    SELECT t.article_id, sum(terms.w) AS score
    FROM terms JOIN article_translations t ON t.account_id = $1 AND t.language = $2 AND t.tsv @@ terms.q
    GROUP BY t.article_id
    ORDER BY score DESC, t.article_id LIMIT ${RERANK}
  ),
  top AS (
    SELECT b.article_id, t.title, t.body,
           b.score + 0.5 * (SELECT coalesce(sum(terms.w), 0) FROM terms WHERE title.v @@ terms.q) AS score,
           ts_rank_cd(t.tsv, $7::tsquery) AS rank
    FROM body b
    JOIN article_translations t ON t.account_id = $1 AND t.language = $2 AND t.article_id = b.article_id
    CROSS JOIN LATERAL (SELECT to_tsvector($6::regconfig, t.title) AS v) title
    ORDER BY score DESC, rank DESC, b.article_id LIMIT $5
  )
  SELECT top.article_id AS id, a.slug, a.visibility, a.tags, top.title, top.score::float8 AS score,
         ts_headline($6::regconfig, top.body, $7::tsquery,
           'StartSel=⟦, StopSel=⟧, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
  FROM top JOIN articles a ON a.account_id = $1 AND a.id = top.article_id
  ORDER BY top.score DESC, top.rank DESC, top.article_id`;

/** The parameters of SUGGEST_SQL for these terms. */
export function suggestParams(accountId: string, language: ArticleLanguage, terms: Pick<WeightedTerm, 'lexeme' | 'weight'>[], limit = SUGGESTION_LIMIT) {
  return [
    accountId,
    language,
    terms.map((t) => tsqueryTerm(t.lexeme)),
    terms.map((t) => t.weight),
    limit,
    configFor(language),
    orQuery(terms.map((t) => t.lexeme)),
  ];
}

/**
 * Articles that may answer a case, from its latest inbound message: the top 5 with scores,
 * in the message's language (given, else guessed, else the case's, else Dutch).
 */
export async function suggestArticles(db: Db, accountId: string, caseIdOrRef: string, limit = SUGGESTION_LIMIT) {
  const c = await loadCase(db, accountId, caseIdOrRef);
  const [msg] = await db.query<{ id: string; body: string; language: string | null }>(
    `SELECT id, body, language FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'inbound'
     ORDER BY created_at DESC, id DESC LIMIT 1`,
    [accountId, c.id],
  );
  const empty = (language: ArticleLanguage) => ({ case_id: c.id, message_id: msg?.id ?? null, language, terms: [], data: [] as Suggestion[] });
  if (!msg) return empty(articleLanguage(c.language) ?? 'nl');
  const text = suggestionText(msg.body);
  const language = articleLanguage(msg.language) ?? guessLanguage(text) ?? articleLanguage(c.language) ?? 'nl';

  const found = await db.query<MessageTerm & { total: number }>(TERMS_SQL, [accountId, configFor(language), text, FILLER[language], language]);
  const terms = chooseSuggestionTerms(found, found[0]?.total ?? 0);
  if (!terms.length) return empty(language);

  const rows = await db.query<Omit<Suggestion, 'language'>>(SUGGEST_SQL, suggestParams(accountId, language, terms, limit));
  const max = 1.5 * terms.reduce((s, t) => s + t.weight, 0);
  return {
    case_id: c.id,
    message_id: msg.id,
    language,
    terms: terms.map((t) => ({ term: t.lexeme, weight: t.weight })),
    data: rows.map((r) => ({ ...r, language, score: Math.round((r.score / max) * 1000) / 1000, snippet: highlight(r.snippet) })),
  };
}

function articleLanguage(code: string | null | undefined): ArticleLanguage | null {
  const l = (code ?? '').toLowerCase();
  if (l === 'nl' || l.startsWith('nl-')) return 'nl';
  if (l === 'en' || l.startsWith('en-')) return 'en';
  return null;
}
