/**
 * Word roots for words that burst: one term for a word's family, whatever its form.
 *
 * Customers hit by one fault use the same few words in every form: "gestopt", "stopt", "stoppen",
 * "stopgezet", "stop"; "afgeschreven", "afschrijving", "afschrift"; "session", "sessie". The
 * Snowball stemmer keeps these apart (it removes endings, not the Dutch participle's "ge-", and
 * never splits a compound), so each form is its own rare word and none reaches a burst alone.
 * A word's first letters are a cheap, language-independent root: truncation stemming, which in
 * information retrieval does about as well as a real stemmer for Germanic languages (McNamee &
 * Mayfield, "Character N-Gram Tokenization for European Language Text Retrieval", 2004; McNamee,
 * Nicholas & Mayfield, "Addressing morphological variation in alphabetic languages", SIGIR 2009).
 * Before truncating, a Dutch past participle loses its "ge-", also after a separable particle
 * ("afgeschreven" → "afschreven", "uitgecheckt" → "uitcheckt"): grammar, not vocabulary.
 *
 * A root is coarse on purpose ("stor" holds "storing" and "storten"). That is safe where it is
 * used: a root is a side term (counted, never in a topic's vector) and words that burst test it
 * against the account's own history, so a root that many everyday words share has a high usual
 * rate and does not burst; only a family that is suddenly used by many customers does.
 */
import { STOPWORDS } from '../text/stopwords.ts';

export const ROOT_PREFIX = '√';

/** Letters a root keeps: four holds "stop" (stoppen, stopt, gestopt, stopgezet) and "sess" (sessie, session). */
export const ROOT_LENGTH = 4;

/** At most this many roots per message: enough for a complaint, bounded for a long mail. */
export const MAX_ROOTS = 40;

/** Dutch separable particles that come before the participle's "ge-": "af-ge-schreven", "terug-ge-stort". */
const PARTICLE = '(?:af|op|uit|door|terug|aan|in|mee|over|weg|toe|na|bij|vast|om|los|binnen|voor|tegen|achter|neer|samen|thuis)';
/** ge + at least three letters + the participle's ending (-t, -d, -en): gestopt, gerekend, afgeschreven. */
const PARTICIPLE = new RegExp(`^(${PARTICLE}?)ge([a-z]{3,}(?:t|d|en))$`);

/** The family root of one folded word ("gestopt" → "stop"), or null for short words and numbers. */
export function wordRoot(word: string, language: string): string | null {
  if (!/^[a-z]+$/.test(word)) return null;
  let w = word;
  if (language === 'nl') {
    const p = PARTICIPLE.exec(w);
    if (p) w = p[1] + p[2];
  }
  return w.length >= ROOT_LENGTH ? w.slice(0, ROOT_LENGTH) : null;
}

/**
 * The roots of a message's topic words as side terms (`√stop`), each once, with the word that
 * first gave it as its surface. `tokens` are folded words without stopwords (analysis tokens).
 */
export function rootTerms(tokens: readonly string[], language: string): { terms: string[]; surfaces: string[] } {
  const terms: string[] = [];
  const surfaces: string[] = [];
  const seen = new Set<string>();
  for (const t of tokens) {
    if (terms.length >= MAX_ROOTS) break;
    if (STOPWORDS.nl.has(t) || STOPWORDS.en.has(t)) continue;
    const root = wordRoot(t, language);
    if (!root || seen.has(root)) continue;
    seen.add(root);
    terms.push(ROOT_PREFIX + root);
    surfaces.push(t);
  }
  return { terms, surfaces };
}
