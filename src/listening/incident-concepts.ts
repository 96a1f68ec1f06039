import { foldForMatching } from '../text/normalise.ts';
import { numberInWords } from './number-words.ts';

/**
 * What a message says about an incident, whatever words it uses: a few meaning classes that
 * customers hit by one fault express in a dozen ways and in two languages. "twee keer
 * geïncasseerd", "2x op mijn afschrift", "dubbel betaald", "charged twice", "210 euro x2" share
 * no word, but all say *it happened more than once*; "te veel afgeschreven", "way too much",
 * "overcharged" say *more than it should be*; "na tien minuten", "for 3 hours" give *a length of
 * time*. Added to a message's topic terms (as `≈twice`, `≈excess`, `≈duration`), such a class is a
 * word like any other for words that burst: it bursts only when far more customers use it in a
 * few hours than the account's own history predicts, so a class common in everyday mail ("ik heb
 * al twee keer gebeld") has a high usual rate and needs a real surge.
 *
 * The classes are grammar, not an incident's vocabulary: counts and multiplicatives (digits,
 * number words, "x2"), comparatives of excess, and number + time unit. They are written for
 * Dutch and English; input is folded text (lower case, no diacritics; see text/normalise.ts).
 */
export type IncidentConcept = 'twice' | 'excess' | 'duration';

export const CONCEPT_PREFIX = '≈';

/** A count word or digit, then "keer/maal/x/times": "2x", "twee keer", "3 maal", "two times". */
const COUNT = String.raw`(?:\d{1,2}|[a-z]+)`;
const TIMES = new RegExp(String.raw`\b(${COUNT})\s*(?:x|×|keer|maal|times)(?![a-z])`, 'g');
/** "x2", "× 3" after an amount or a word ("210 euro x2"). */
const X_COUNT = /(?:^|[\s(])[x×]\s?([2-9])\b/;
/** One word that says "more than once": tweemaal, driemaal, twice, thrice, dubbel(e), double(d), duplicate(s), doppelt. */
// (not "dubbelchecken", "double-check": checking twice is no repeated charge)
const MULTIPLE_WORD = /\b(?:tweemaal|driemaal|viermaal|twice|thrice|dubbel(?![\s-]?check)\w*|double(?![\s-]?check)\w*|duplica\w*)\b/;
/** "nog een keer / nog eens / once more / one more time" after a charge: the same thing again. */
const ONCE_MORE = /\b(?:nog\s+(?:een\s*)?keer|nog\s+eens|once\s+more|a\s+second\s+time|een\s+tweede\s+keer)\b/;

/** More than it should be: "te veel", "teveel", "te hoog", "veel hoger", "too much", "overcharged", "excessive". */
const EXCESS = /\b(?:te\s?veel|te\s+hoog\w*|te\s+duur|veel\s+(?:hoger|meer|duurder)|(?:fors|flink|stuk)\s+(?:hoger|meer|duurder)|meer\s+dan\s+(?:normaal|anders|gewoonlijk)|hoger\s+dan\s+(?:normaal|anders|gewoonlijk)|too\s+(?:much|high|expensive)|way\s+more|more\s+than\s+(?:usual|normal)|higher\s+than\s+(?:usual|normal)|overcharg\w*|overbill\w*|excessive\w*|buitensporig\w*|exorbitant\w*)\b/;

/** A number (digits or words) and a unit of time: "10 minuten", "tien min", "anderhalf uur", "3 hours", "een kwartier". */
const DURATION = new RegExp(
  String.raw`\b(\d{1,3}(?:[.,]\d)?|[a-z]+|een\s+half|anderhalf|half)\s*(?:sec(?:onden?|onds?)?|min(?:uten|uut|utes?|s)?|kwartier|uur|uren|hours?|hrs?|dagen|dag|days?|weken|week|weeks?)\b`,
  'g',
);

const SMALL_COUNT_WORDS = new Set(['een', 'one', 'a', 'an', 'anderhalf', 'half', 'een half']);

function isCount(word: string, min: number): boolean {
  if (/^\d+$/.test(word)) return Number(word) >= min;
  const n = numberInWords(word);
  return n !== null && n >= min;
}

export interface ConceptMention {
  concept: IncidentConcept;
  /** where the words that said it are (the folded text keeps the original's offsets) */
  at: number;
  length: number;
}

/** Where a folded text first says *more than once*, or null. */
function moreThanOnce(folded: string): RegExpExecArray | RegExpMatchArray | null {
  return MULTIPLE_WORD.exec(folded) ?? X_COUNT.exec(folded) ?? ONCE_MORE.exec(folded) ?? [...folded.matchAll(TIMES)].find((m) => isCount(m[1], 2)) ?? null;
}

/** Whether a folded text says *more than once* (the one class the disputed amount asks about). */
export function saysMoreThanOnce(folded: string): boolean {
  return moreThanOnce(folded) !== null;
}

/** The incident classes in a folded text, each once, with the first phrase that said it. */
export function incidentConcepts(folded: string): ConceptMention[] {
  const out: ConceptMention[] = [];
  const twice = moreThanOnce(folded);
  const excess = EXCESS.exec(folded);
  const duration = [...folded.matchAll(DURATION)].find((m) => /^\d/.test(m[1]) || SMALL_COUNT_WORDS.has(m[1]) || isCount(m[1], 1));
  for (const [concept, m] of [['twice', twice], ['excess', excess], ['duration', duration]] as const) {
    if (!m) continue;
    const lead = m[0].length - m[0].trimStart().length;
    out.push({ concept, at: m.index! + lead, length: m[0].trim().length });
  }
  return out;
}

/**
 * The classes of a text as topic terms (`≈twice`) with the words that said them as their surface
 * (shown wherever the term is shown: "twee keer", "te veel").
 */
export function conceptTerms(text: string): { terms: string[]; surfaces: string[] } {
  const found = incidentConcepts(foldForMatching(text));
  return { terms: found.map((c) => CONCEPT_PREFIX + c.concept), surfaces: found.map((c) => text.slice(c.at, c.at + c.length)) };
}
