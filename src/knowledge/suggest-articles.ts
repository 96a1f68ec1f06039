import type { Db } from '../storage/db.ts';
import { highlight } from '../cases/search.ts';
import { loadCase } from '../cases/store.ts';
import { guessLanguage } from '../text/language.ts';
import { chooseSuggestionTerms, FILLER, orQuery, suggestionText, tsqueryTerm, type MessageTerm, type WeightedTerm } from './terms.ts';
import { configFor, type ArticleLanguage, type Visibility } from './types.ts';

export interface Suggestion {
  id: string;
  slug: string;
  visibility: Visibility;
  tags: string[];
  language: ArticleLanguage;
  title: string;
  /** HTML-escaped body text with the matched terms in <mark>…</mark> */
  snippet: string;
  /** 0–1: the share of the chosen terms' weight the article contains (title matches count extra) */
  score: number;
}

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
 * The ranked lookup: an OR of the chosen terms finds the candidates through the GIN index
 * (article_translations_search); each is scored by the weights of the terms it contains, half
 * as much again when a term is in the title. Only the top rows get a snippet.
 * $1 account, $2 language, $3 OR tsquery, $4 per-term tsqueries, $5 the same limited to titles,
 * $6 weights, $7 limit, $8 text search config.
 */
export const SUGGEST_SQL = `
  WITH hits AS (
    SELECT t.article_id, t.title, t.body, t.tsv FROM article_translations t
    WHERE t.account_id = $1 AND t.language = $2 AND t.tsv @@ $3::tsquery
  ),
  top AS (
    SELECT h.article_id, h.title, h.body,
           (SELECT sum(u.w * ((h.tsv @@ u.q)::int + 0.5 * (h.tsv @@ u.qa)::int))
            FROM unnest($4::tsquery[], $5::tsquery[], $6::float8[]) AS u(q, qa, w)) AS score,
           ts_rank_cd(h.tsv, $3::tsquery) AS rank
    FROM hits h
    ORDER BY score DESC, rank DESC, h.article_id LIMIT $7
  )
  SELECT top.article_id AS id, a.slug, a.visibility, a.tags, top.title, top.score::float8 AS score,
         ts_headline($8::regconfig, top.body, $3::tsquery,
           'StartSel=⟦, StopSel=⟧, MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
  FROM top JOIN articles a ON a.account_id = $1 AND a.id = top.article_id
  ORDER BY top.score DESC, top.rank DESC, top.article_id`;

/** The parameters of SUGGEST_SQL for these terms. */
export function suggestParams(accountId: string, language: ArticleLanguage, terms: WeightedTerm[], limit = SUGGESTION_LIMIT) {
  return [
    accountId,
    language,
    orQuery(terms.map((t) => t.lexeme)),
    terms.map((t) => tsqueryTerm(t.lexeme)),
    terms.map((t) => tsqueryTerm(t.lexeme, 'A')),
    terms.map((t) => t.weight),
    limit,
    configFor(language),
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
