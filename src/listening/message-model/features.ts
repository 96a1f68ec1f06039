import { NEGATORS } from '../../text/stopwords.ts';
import type { Token } from '../../text/tokenise.ts';
import type { LexiconScore } from '../lexicon-score.ts';
import type { PatternEntry } from '../lexicon/pattern-nl.ts';
import { sarcasmCues } from './sarcasm.ts';

/**
 * The features the message model reads, the same at training and at run time (pure, no I/O):
 * - words, marked when a negator stands up to three words before them in the clause ("niet~goed");
 * - stems of the content words (nl/en Snowball via src/text/stem.ts);
 * - character 3- and 4-grams inside each word with its boundaries (" terugb", "storn"): robust to
 *   compounds ("parkeersessie"), inflection and typos, which word lists are not;
 * - word pairs ("voor niks", "money back");
 * - the shape: question mark, exclamation marks, capitals, an amount, a duration ("3 weken"),
 *   the length;
 * - the lexicon's judgement (polarity, anger), the Pattern adjectives' mean polarity, and the
 *   sarcasm cues (a positive word beside a complaint context).
 * Text features share a weight of 1/sqrt(n) so long messages do not swamp the lexical ones.
 */
export interface FeatureInput {
  /** foldForMatching(text) */
  folded: string;
  /** its word and number tokens (tokenise) */
  all: readonly Token[];
  language: 'nl' | 'en' | 'other';
  /** the stems of the content words (MessageAnalysis.stems) */
  stems: readonly string[];
  lexicon: LexiconScore;
  /** the lexicon's sentiment (sentimentOf) */
  lexiconSentiment: number;
  /** Pattern polarity by stem (Dutch); pass an empty map for none */
  pattern: ReadonlyMap<string, PatternEntry>;
}

/**
 * Features as hashed ids (FNV-1a into BUCKETS slots, no strings built per n-gram: the model must
 * cost little beside the rest of the analysis) with their values. The same feature may appear
 * more than once; the model is linear, so repeats add up.
 */
export interface Features {
  /** the text features (words, stems, n-grams, pairs), each worth textWeight */
  text: number[];
  textWeight: number;
  /** the named features and their values */
  meta: number[];
  metaValues: number[];
}

export const BUCKETS = 1 << 18;
const MASK = BUCKETS - 1;

const MONEY = /€|\$|£|\beur\b|\beuro\b|\beuros\b|\bdollars?\b|\d+[.,]\d\d\b/;
const DURATION = /\b(\d+|een|twee|drie|vier|vijf|zes|tien|a|one|two|three|four|five|six|ten|several|paar|aantal)\s+(minuten|min|uur|uren|dagen|dag|weken|week|maanden|maand|jaar|minutes|hours|hour|days|day|weeks|week|months|month|years)\b/;

// seeds per kind of feature, so "goed" the word and "goed" the stem are different features
const SEED = { word: 0x811c9dc5, negated: 0x12345679, stem: 0x2468ace1, gram: 0x3c6ef372, pair: 0x5bd1e995, meta: 0x7f4a7c15 };

function fnv(h: number, code: number): number {
  return Math.imul(h ^ code, 0x01000193) >>> 0;
}
function hashString(seed: number, s: string): number {
  let h = seed;
  for (let i = 0; i < s.length; i++) h = fnv(h, s.charCodeAt(i));
  return h;
}
/** the id of a named feature ('#question', '#lex:neg', ...) */
export function metaId(name: string): number {
  return hashString(SEED.meta, name) & MASK;
}
const META = new Map<string, number>();
function meta(f: Features, name: string, value: number): void {
  let id = META.get(name);
  if (id === undefined) META.set(name, (id = metaId(name)));
  f.meta.push(id);
  f.metaValues.push(value);
}

export function messageFeatures(input: FeatureInput): Features {
  const ids: number[] = [];
  const { folded } = input;

  let prev = 0;
  let lastNegator = -10;
  let i = 0;
  let last = 0;
  for (const t of input.all) {
    const w = t.norm;
    const at = t.start;
    for (let k = last; k < at; k++) {
      if (CLAUSE_CHARS.has(folded.charCodeAt(k))) {
        lastNegator = -10;
        prev = 0;
        break;
      }
    }
    last = t.end;
    if (NEGATORS.has(w)) lastNegator = i;
    const isNumber = t.kind === 'number';
    const wordHash = isNumber ? SEED.word : hashString(SEED.word, w);
    const negated = i - lastNegator <= 3 && i !== lastNegator;
    ids.push((negated ? fnv(wordHash, SEED.negated) : wordHash) & MASK);
    if (prev) ids.push(fnv(prev, wordHash ^ SEED.pair) & MASK);
    if (!isNumber && w.length >= 3) grams(w, ids);
    prev = wordHash;
    i++;
  }
  for (const s of input.stems) ids.push(hashString(SEED.stem, s) & MASK);

  const f: Features = { text: ids, textWeight: ids.length ? 1 / Math.sqrt(ids.length) : 0, meta: [], metaValues: [] };

  const lex = input.lexicon;
  meta(f, `#lang:${input.language}`, 1);
  meta(f, `#len:${i < 6 ? 'xs' : i < 15 ? 's' : i < 40 ? 'm' : 'l'}`, 1);
  if (folded.includes('?')) meta(f, '#question', 1);
  if (lex.exclamations) meta(f, '#exclaim', Math.min(3, lex.exclamations) / 3);
  if (lex.capitalWords) meta(f, '#capitals', Math.min(3, lex.capitalWords) / 3);
  if (lex.shouting) meta(f, '#shouting', 1);
  if (MONEY.test(folded)) meta(f, '#money', 1);
  if (DURATION.test(folded)) meta(f, '#duration', 1);
  const s = input.lexiconSentiment;
  if (s > 0) meta(f, '#lex:pos', s);
  if (s < 0) meta(f, '#lex:neg', -s);
  if (lex.hits === 0) meta(f, '#lex:none', 1);
  if (lex.anger > 0) meta(f, '#lex:anger', Math.min(2, lex.anger) / 2);
  const [pos, neg, angry] = lex.emoji;
  if (pos) meta(f, '#emoji:pos', 1);
  if (neg) meta(f, '#emoji:neg', 1);
  if (angry) meta(f, '#emoji:angry', 1);

  if (input.pattern.size) {
    let sum = 0;
    let n = 0;
    for (const st of input.stems) {
      const e = input.pattern.get(st);
      if (e) {
        sum += e[0];
        n++;
      }
    }
    if (n) meta(f, sum >= 0 ? '#pattern:pos' : '#pattern:neg', Math.min(1, Math.abs(sum) / Math.sqrt(n)));
  }

  for (const cue of sarcasmCues(folded, s)) meta(f, `#sarcasm:${cue}`, 1);
  return f;
}

const CLAUSE_CHARS = new Set([...'.!?;:,\n'].map((c) => c.charCodeAt(0)));

/** the character 3- and 4-grams of " word " */
function grams(w: string, out: number[]): void {
  const n = w.length + 2;
  for (let k = 0; k + 3 <= n; k++) {
    let h = SEED.gram;
    for (let j = k; j < k + 3; j++) h = Math.imul(h ^ (j === 0 || j === n - 1 ? 32 : w.charCodeAt(j - 1)), 0x01000193) >>> 0;
    out.push(h & MASK);
    if (k + 4 <= n) {
      h = Math.imul(h ^ (k + 3 === n - 1 ? 32 : w.charCodeAt(k + 2)), 0x01000193) >>> 0;
      out.push(h & MASK);
    }
  }
}
