import type { ArticleLanguage } from './types.ts';

/**
 * Choosing what to look up for a suggestion. A customer's message is long and mostly ordinary
 * words; the few that tell what it is about are the ones few articles contain. Each stemmed term
 * of the message comes with its count in the message (tf) and the number of articles of that
 * language containing it (df, from article_terms); we keep the terms with the highest
 * BM25-style inverse document frequency, and look up articles with an OR of just those
 * (a GIN index lookup), scored by the weights of the terms they contain.
 */
export interface MessageTerm {
  lexeme: string;
  /** occurrences in the message */
  tf: number;
  /** articles (translations of this language) that contain it */
  df: number;
}

export interface WeightedTerm extends MessageTerm {
  weight: number;
}

export const MAX_SUGGESTION_TERMS = 8;
/**
 * At most this many (term, article) matches are looked at per suggestion: the sum of the chosen
 * terms' document counts. Keeps the lookup's cost bounded however common the message's words are.
 */
export const MATCH_BUDGET = 1500;

/** Words of greeting and politeness: frequent in messages, say nothing about the subject. Stemmed in SQL with the language's own config. */
export const FILLER: Record<ArticleLanguage, string> = {
  nl: 'hallo hoi beste geachte heer mevrouw goedemorgen goedemiddag goedenavond groet groeten vriendelijke hartelijke mvg bedankt dank alvast graag alstublieft svp klantenservice',
  en: 'hi hello hey dear sir madam morning afternoon evening regards kind best sincerely cheers thanks thank please customer service',
};

export function idf(df: number, totalDocs: number): number {
  return Math.log(1 + (totalDocs - df + 0.5) / (df + 0.5));
}

/**
 * The message's most informative terms: present in at least one article, rarest first (weighted by
 * how often the message repeats them). Terms in more than half of the articles are left out while
 * rarer ones exist: they would match most of the knowledge base and decide nothing. Terms are
 * taken while their article counts add up to at most budget (the first always), so a message of
 * only everyday words cannot make the lookup touch the whole knowledge base.
 */
export function chooseSuggestionTerms(
  terms: readonly MessageTerm[],
  totalDocs: number,
  max = MAX_SUGGESTION_TERMS,
  budget = MATCH_BUDGET,
): WeightedTerm[] {
  const usable = terms.filter((t) => t.df > 0 && t.lexeme.length > 1);
  const telling = usable.filter((t) => t.df <= Math.max(1, totalDocs / 2));
  const pool = telling.length ? telling : usable;
  const ranked = pool
    .map((t) => ({ ...t, weight: round4(idf(t.df, Math.max(totalDocs, t.df)) * (1 + Math.log(Math.max(1, t.tf)))) }))
    .sort((a, b) => b.weight - a.weight || (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0));
  const out: WeightedTerm[] = [];
  let matches = 0;
  for (const t of ranked) {
    if (out.length >= max) break;
    if (out.length && matches + t.df > budget) continue;
    out.push(t);
    matches += t.df;
  }
  return out;
}

/**
 * A lexeme as a tsquery operand, taken literally (no parsing, no stemming again): quotes and
 * backslashes escaped; weights 'A' limits the match to titles.
 */
export function tsqueryTerm(lexeme: string, weights?: string): string {
  const quoted = `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  return weights ? `${quoted}:${weights}` : quoted;
}

/** 'a' | 'b' | 'c' */
export function orQuery(lexemes: readonly string[]): string {
  return lexemes.map((l) => tsqueryTerm(l)).join(' | ');
}

const QUOTE_HEADER = /^(op .{4,200} schreef .{1,200}:|on .{4,200} wrote:|-----\s*(original message|oorspronkelijk bericht)\s*-----|van: .+|from: .+)$/i;

/**
 * The part of a message that is the customer's own words: quoted lines ("> …"), everything after a
 * reply header ("Op … schreef …:", "On … wrote:") or a signature separator ("-- ") are left out,
 * and the rest is capped so a pasted log cannot make the lookup slow.
 */
export function suggestionText(body: string, maxChars = 5000): string {
  const out: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '--' || QUOTE_HEADER.test(t)) break;
    if (t.startsWith('>')) continue;
    out.push(line);
  }
  const text = out.join('\n').trim();
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

/** How an edit changes the per-term document counts: +1 for lexemes gained, -1 for lexemes lost, sorted (rows are locked in one order). */
export function termDelta(before: readonly string[], after: readonly string[]): { lexemes: string[]; changes: number[] } {
  const a = new Set(before);
  const b = new Set(after);
  const rows: Array<[string, number]> = [];
  for (const l of b) if (!a.has(l)) rows.push([l, 1]);
  for (const l of a) if (!b.has(l)) rows.push([l, -1]);
  rows.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return { lexemes: rows.map((r) => r[0]), changes: rows.map((r) => r[1]) };
}
