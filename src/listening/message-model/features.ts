import { NEGATORS } from '../../text/stopwords.ts';
import type { Token } from '../../text/tokenise.ts';
import type { LexiconScore } from '../lexicon-score.ts';
import type { PatternEntry } from '../lexicon/pattern-nl.ts';
import { sarcasmCues, type SarcasmCue } from './sarcasm.ts';

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
  /** sarcasmCues(folded, lexiconSentiment) when the caller has them already */
  sarcasm?: readonly SarcasmCue[];
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

/**
 * The same features written into arrays that are reused from message to message (scoring a
 * message allocates nothing per feature); only the first `textCount` / `metaCount` entries count.
 */
export interface FeatureBuffer {
  text: Int32Array;
  textCount: number;
  textWeight: number;
  meta: Int32Array;
  metaValues: Float64Array;
  metaCount: number;
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
// the named features' ids, worked out once
const ids = <K extends string>(names: Record<K, string>) =>
  Object.fromEntries(Object.entries(names).map(([k, name]) => [k, metaId(name as string)])) as Record<K, number>;
const LANG = ids({ nl: '#lang:nl', en: '#lang:en', other: '#lang:other' });
const LEN = ids({ xs: '#len:xs', s: '#len:s', m: '#len:m', l: '#len:l' });
const SARCASM = ids({ nothing: '#sarcasm:nothing', 'praise-trouble': '#sarcasm:praise-trouble', quoted: '#sarcasm:quoted', 'eye-roll': '#sarcasm:eye-roll' });
const NAMED = ids({
  question: '#question', exclaim: '#exclaim', capitals: '#capitals', shouting: '#shouting', money: '#money', duration: '#duration',
  lexPos: '#lex:pos', lexNeg: '#lex:neg', lexNone: '#lex:none', lexAnger: '#lex:anger',
  emojiPos: '#emoji:pos', emojiNeg: '#emoji:neg', emojiAngry: '#emoji:angry', patternPos: '#pattern:pos', patternNeg: '#pattern:neg',
});

export function newFeatureBuffer(): FeatureBuffer {
  return { text: new Int32Array(1024), textCount: 0, textWeight: 0, meta: new Int32Array(32), metaValues: new Float64Array(32), metaCount: 0 };
}

function pushText(f: FeatureBuffer, id: number): void {
  if (f.textCount === f.text.length) {
    const grown = new Int32Array(f.text.length * 2);
    grown.set(f.text);
    f.text = grown;
  }
  f.text[f.textCount++] = id;
}
function meta(f: FeatureBuffer, id: number, value: number): void {
  // at most 20 named features a message: the buffer never grows
  f.meta[f.metaCount] = id;
  f.metaValues[f.metaCount++] = value;
}

/** The features of one message as plain arrays (training, tests). */
export function messageFeatures(input: FeatureInput): Features {
  const f = fillFeatures(input, input.pattern, newFeatureBuffer());
  return {
    text: Array.from(f.text.subarray(0, f.textCount)),
    textWeight: f.textWeight,
    meta: Array.from(f.meta.subarray(0, f.metaCount)),
    metaValues: Array.from(f.metaValues.subarray(0, f.metaCount)),
  };
}

/** The features of one message written into `f` (its earlier contents are overwritten); returns `f`. */
export function fillFeatures(input: Omit<FeatureInput, 'pattern'>, pattern: ReadonlyMap<string, PatternEntry>, f: FeatureBuffer): FeatureBuffer {
  const { folded } = input;
  f.textCount = 0;
  f.metaCount = 0;

  let prev = 0;
  let lastNegator = -10;
  let i = 0;
  let last = 0;
  const all = input.all;
  for (let t = 0; t < all.length; t++) {
    const tok = all[t]!;
    const w = tok.norm;
    const at = tok.start;
    for (let k = last; k < at; k++) {
      if (isClauseChar(folded.charCodeAt(k))) {
        lastNegator = -10;
        prev = 0;
        break;
      }
    }
    last = tok.end;
    if (NEGATORS.has(w)) lastNegator = i;
    const isNumber = tok.kind === 'number';
    const wordHash = isNumber ? SEED.word : hashString(SEED.word, w);
    const negated = i - lastNegator <= 3 && i !== lastNegator;
    pushText(f, (negated ? fnv(wordHash, SEED.negated) : wordHash) & MASK);
    if (prev) pushText(f, fnv(prev, wordHash ^ SEED.pair) & MASK);
    if (!isNumber && w.length >= 3) grams(w, f);
    prev = wordHash;
    i++;
  }
  const stems = input.stems;
  for (let k = 0; k < stems.length; k++) pushText(f, hashString(SEED.stem, stems[k]!) & MASK);
  f.textWeight = f.textCount ? 1 / Math.sqrt(f.textCount) : 0;

  const lex = input.lexicon;
  meta(f, LANG[input.language], 1);
  meta(f, i < 6 ? LEN.xs : i < 15 ? LEN.s : i < 40 ? LEN.m : LEN.l, 1);
  if (folded.includes('?')) meta(f, NAMED.question, 1);
  if (lex.exclamations) meta(f, NAMED.exclaim, Math.min(3, lex.exclamations) / 3);
  if (lex.capitalWords) meta(f, NAMED.capitals, Math.min(3, lex.capitalWords) / 3);
  if (lex.shouting) meta(f, NAMED.shouting, 1);
  if (MONEY.test(folded)) meta(f, NAMED.money, 1);
  if (DURATION.test(folded)) meta(f, NAMED.duration, 1);
  const s = input.lexiconSentiment;
  if (s > 0) meta(f, NAMED.lexPos, s);
  if (s < 0) meta(f, NAMED.lexNeg, -s);
  if (lex.hits === 0) meta(f, NAMED.lexNone, 1);
  if (lex.anger > 0) meta(f, NAMED.lexAnger, Math.min(2, lex.anger) / 2);
  const [pos, neg, angry] = lex.emoji;
  if (pos) meta(f, NAMED.emojiPos, 1);
  if (neg) meta(f, NAMED.emojiNeg, 1);
  if (angry) meta(f, NAMED.emojiAngry, 1);

  if (pattern.size) {
    let sum = 0;
    let n = 0;
    for (let k = 0; k < stems.length; k++) {
      const e = pattern.get(stems[k]!);
      if (e) {
        sum += e[0];
        n++;
      }
    }
    if (n) meta(f, sum >= 0 ? NAMED.patternPos : NAMED.patternNeg, Math.min(1, Math.abs(sum) / Math.sqrt(n)));
  }

  for (const cue of input.sarcasm ?? sarcasmCues(folded, s)) meta(f, SARCASM[cue], 1);
  return f;
}

const CLAUSE_CHARS = new Uint8Array(128);
for (const c of '.!?;:,\n') CLAUSE_CHARS[c.charCodeAt(0)] = 1;
function isClauseChar(code: number): boolean {
  return code < 128 && CLAUSE_CHARS[code] === 1;
}

/** the character 3- and 4-grams of " word " */
function grams(w: string, out: FeatureBuffer): void {
  const n = w.length + 2;
  for (let k = 0; k + 3 <= n; k++) {
    let h = SEED.gram;
    for (let j = k; j < k + 3; j++) h = Math.imul(h ^ (j === 0 || j === n - 1 ? 32 : w.charCodeAt(j - 1)), 0x01000193) >>> 0;
    pushText(out, h & MASK);
    if (k + 4 <= n) {
      h = Math.imul(h ^ (k + 3 === n - 1 ? 32 : w.charCodeAt(k + 2)), 0x01000193) >>> 0;
      pushText(out, h & MASK);
    }
  }
}
