import { NEGATORS } from '../../text/stopwords.ts';
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
  language: 'nl' | 'en' | 'other';
  /** the stems of the content words (MessageAnalysis.stems) */
  stems: readonly string[];
  lexicon: LexiconScore;
  /** the lexicon's sentiment (sentimentOf) */
  lexiconSentiment: number;
  /** Pattern polarity by stem (Dutch); pass an empty map for none */
  pattern: ReadonlyMap<string, PatternEntry>;
}

export type Features = Map<string, number>;

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}]+)*/gu;
const CLAUSE = /[.!?;:,\n]/;
const MONEY = /€|\$|£|\beur\b|\beuro\b|\beuros\b|\bdollars?\b|\d+[.,]\d\d\b/;
const DURATION = /\b(\d+|een|twee|drie|vier|vijf|zes|tien|a|one|two|three|four|five|six|ten|several|paar|aantal)\s+(minuten|min|uur|uren|dagen|dag|weken|week|maanden|maand|jaar|minutes|hours|hour|days|day|weeks|week|months|month|years)\b/;

export function messageFeatures(input: FeatureInput): Features {
  const f: Features = new Map();
  const text: string[] = [];
  const { folded } = input;

  let prev = '';
  let lastNegator = -10;
  let i = 0;
  let last = 0;
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    if (CLAUSE.test(folded.slice(last, m.index))) {
      lastNegator = -10;
      prev = '';
    }
    last = m.index! + w.length;
    if (NEGATORS.has(w)) lastNegator = i;
    const isNumber = w.charCodeAt(0) < 0x3a;
    const token = isNumber ? '#' : w;
    text.push(i - lastNegator <= 3 && i !== lastNegator ? `w:~${token}` : `w:${token}`);
    if (prev) text.push(`b:${prev} ${token}`);
    if (!isNumber && w.length >= 3) {
      const padded = ` ${w} `;
      for (let n = 3; n <= 4; n++) for (let k = 0; k + n <= padded.length; k++) text.push(`c:${padded.slice(k, k + n)}`);
    }
    prev = token;
    i++;
  }
  for (const s of input.stems) text.push(`s:${s}`);

  const weight = text.length ? 1 / Math.sqrt(text.length) : 0;
  for (const t of text) f.set(t, (f.get(t) ?? 0) + weight);

  const lex = input.lexicon;
  f.set(`#lang:${input.language}`, 1);
  f.set(`#len:${i < 6 ? 'xs' : i < 15 ? 's' : i < 40 ? 'm' : 'l'}`, 1);
  if (folded.includes('?')) f.set('#question', 1);
  if (lex.exclamations) f.set('#exclaim', Math.min(3, lex.exclamations) / 3);
  if (lex.capitalWords) f.set('#capitals', Math.min(3, lex.capitalWords) / 3);
  if (lex.shouting) f.set('#shouting', 1);
  if (MONEY.test(folded)) f.set('#money', 1);
  if (DURATION.test(folded)) f.set('#duration', 1);
  const s = input.lexiconSentiment;
  if (s > 0) f.set('#lex:pos', s);
  if (s < 0) f.set('#lex:neg', -s);
  if (lex.hits === 0) f.set('#lex:none', 1);
  if (lex.anger > 0) f.set('#lex:anger', Math.min(2, lex.anger) / 2);
  const [pos, neg, angry] = lex.emoji;
  if (pos) f.set('#emoji:pos', 1);
  if (neg) f.set('#emoji:neg', 1);
  if (angry) f.set('#emoji:angry', 1);

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
    if (n) f.set(sum >= 0 ? '#pattern:pos' : '#pattern:neg', Math.min(1, Math.abs(sum) / Math.sqrt(n)));
  }

  for (const cue of sarcasmCues(folded, s)) f.set(`#sarcasm:${cue}`, 1);
  return f;
}
