import { createRequire } from 'node:module';

/**
 * Snowball stemmers from nlp.js (@nlpjs/lang-nl, @nlpjs/lang-en-min, MIT): Dutch is the original
 * Snowball Dutch algorithm (100% agreement with Snowball's dutch_porter test vocabulary, see
 * bench/analysis-eval.ts), English is Snowball English (Porter2). nlp.js ships CommonJS without
 * types, hence the require and the small interface.
 */
interface Stemmer {
  stemWord(word: string): string;
}
const require = createRequire(import.meta.url);
const { StemmerNl } = require('@nlpjs/lang-nl') as { StemmerNl: new () => Stemmer };
const { StemmerEn } = require('@nlpjs/lang-en-min') as { StemmerEn: new () => Stemmer };

export type StemLanguage = 'nl' | 'en';

const STEMMERS: Record<StemLanguage, Stemmer> = { nl: new StemmerNl(), en: new StemmerEn() };

// Word frequencies are Zipfian, so a small cache answers most look-ups; it is cleared when
// full, which keeps memory bounded however many messages pass.
const CACHE_LIMIT = 50_000;
const CACHES: Record<StemLanguage, Map<string, string>> = { nl: new Map(), en: new Map() };

/**
 * The stem of one folded word (lower case, as `words()` returns it). Elisions and plural
 * apostrophes are dropped first: "auto's" -> "auto", "klant's" -> "klant".
 */
export function stem(word: string, language: StemLanguage): string {
  const cache = CACHES[language];
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const bare = word.endsWith("'s") ? word.slice(0, -2) : word;
  const out = bare.length <= 2 ? bare : STEMMERS[language].stemWord(bare);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, out);
  return out;
}
