import { fileURLToPath } from 'node:url';
import { lazyModule } from '../shared/lazy-module.ts';
import { countMarkers, dutchAndAfrikaans, type MarkerCounts } from './language-markers.ts';
import { words as wordsOf } from './tokenise.ts';

/**
 * Language identification for listening: nl, en or other, with a confidence.
 *
 * Two sources of evidence. ELD (Efficient Language Detector, Apache-2.0, character n-grams of 60
 * languages, the "small" table) is right on 99.9% of Dutch and English sentences in lingua's test
 * sets, but it does not know Afrikaans (which it calls Dutch) and guesses on one or two words.
 * Our marker words (language-markers.ts) settle short customer messages ("Bedankt!", "refund",
 * "Opzeggen") and tell Dutch from Afrikaans. Figures: bench/analysis-eval.ts.
 *
 * Loading ELD's table takes about 0.8 s and some 130 MB once per process, which is why this lives
 * apart from `guessLanguage` (language.ts), and why the table is loaded on the first text that needs
 * it rather than when the module is imported: a server that has analysed nothing yet (an idle
 * `luister serve`, the CLI) does not carry it (issue 21: idle memory).
 */
export type DetectedLanguage = 'nl' | 'en' | 'other';

export interface LanguageGuess {
  language: DetectedLanguage;
  /** 0..1: how sure; 0 when there is nothing to go on (no letters) */
  confidence: number;
  /** the ISO 639-1 code behind 'other' when one was recognised ('de', 'fr', 'af', ...), else '' */
  detected: string;
}

const MAX_CHARS = 1000;
const MAX_NGRAM_CHARS = 500;
const NOT_TEXT = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/gi;
const MAY_LINK = /https?:\/\/|www\./i;

/**
 * `wordsOfText`: words(text) when the caller has them already; used when the sample is the whole
 * text (no more than MAX_CHARS, no links or addresses), which saves folding and tokenising again.
 */
export function detectLanguage(text: string, wordsOfText?: readonly string[]): LanguageGuess {
  const cut = text.slice(0, MAX_CHARS);
  // only an "@" or a link can start what NOT_TEXT takes out (its address half is slow to rule out)
  const sample = cut.includes('@') || MAY_LINK.test(cut) ? cut.replace(NOT_TEXT, ' ') : cut;
  const words = wordsOfText && sample === text ? wordsOfText : wordsOf(sample);
  if (words.length === 0) return { language: 'other', confidence: 0, detected: '' };

  // One to three words: n-grams are a guess, a known word is not.
  if (words.length <= 3) {
    const known = markerDecision(countMarkers(words));
    if (known) return known;
  }

  // A real sentence names its language in function words: when they are many and one-sided,
  // the n-gram model (most of the cost) has nothing to add.
  const frame = countMarkers(words, true);
  const obvious = clearMajority(frame, 4, 4);
  if ((obvious === 'nl' || obvious === 'en') && words.length >= 8) {
    const af = obvious === 'nl' ? afrikaansOverDutch(words, sample) : 0;
    if (af <= 0) return { language: obvious, confidence: lengthConfidence(words.length, 0.05), detected: obvious };
  }

  const result = ngramModel().detect(sample.slice(0, MAX_NGRAM_CHARS));
  const scores = result.getScores();
  const top = result.language;
  const reliable = result.isReliable();

  let language: string = top;
  const frameLanguage = clearMajority(frame, 2, 2);
  // A message in a Dutch frame with English names or nouns in it is Dutch (and the reverse),
  // as long as the n-grams found the frame language plausible at all.
  if ((frameLanguage === 'nl' || frameLanguage === 'en') && (scores[frameLanguage] ?? 0) >= 0.9 * (scores[top] ?? 0)) {
    language = frameLanguage;
  }

  if (language === 'nl' && afrikaansOverDutch(words, sample) > 0) {
    return { language: 'other', confidence: lengthConfidence(words.length, -0.1), detected: 'af' };
  }
  if (language === 'nl' || language === 'en') {
    let adjust = frame[language] > 0 ? 0.05 : 0;
    if (language !== top) adjust -= 0.1;
    if (!reliable) adjust -= 0.15;
    return { language, confidence: lengthConfidence(words.length, adjust), detected: language };
  }
  return { language: 'other', confidence: lengthConfidence(words.length, reliable ? 0 : -0.15), detected: top };
}

/** The language with at least `min` markers and `factor` times as many as any other, or null. */
function clearMajority(m: MarkerCounts, min: number, factor: number): keyof MarkerCounts | null {
  const entries = (Object.entries(m) as [keyof MarkerCounts, number][]).sort((a, b) => b[1] - a[1]);
  const [best, next] = [entries[0]!, entries[1]!];
  return best[1] >= min && best[1] >= factor * next[1] ? best[0] : null;
}

/** > 0 when the Afrikaans evidence outweighs the Dutch (only asked of text that looks Dutch). */
function afrikaansOverDutch(words: readonly string[], sample: string): number {
  const { dutch, afrikaans } = dutchAndAfrikaans(words);
  const af = afrikaans + circumflexes(sample);
  return af > 0 ? af - dutch : 0;
}

/** Short texts: a strict majority of marker words, or nothing. */
function markerDecision(m: MarkerCounts): LanguageGuess | null {
  const entries = (Object.entries(m) as [keyof MarkerCounts, number][]).sort((a, b) => b[1] - a[1]);
  const [best, next] = [entries[0]!, entries[1]!];
  if (best[1] === 0 || best[1] === next[1]) return null;
  const language: DetectedLanguage = best[0] === 'nl' || best[0] === 'en' ? best[0] : 'other';
  return { language, confidence: Math.min(0.85, 0.6 + 0.1 * (best[1] - next[1])), detected: best[0] };
}

function circumflexes(text: string): number {
  return (text.match(/[\u00ea\u00f4\u00fb]/g) ?? []).length;
}

/**
 * How sure, mostly from length: on lingua's test sets an n-gram call is right about 60% of the
 * time on one word, 75-85% on two, and 99.8% on a sentence (bench/analysis-eval.ts has the
 * table). Marker words of the same language, a reliable n-gram result and agreement between the
 * two move it up or down a little.
 */
function lengthConfidence(words: number, adjust: number): number {
  const base = words <= 1 ? 0.6 : words === 2 ? 0.75 : words === 3 ? 0.85 : words <= 5 ? 0.9 : words <= 9 ? 0.95 : 0.97;
  return Math.round(Math.max(0.05, Math.min(0.99, base + adjust)) * 100) / 100;
}

type Eld = typeof import('eld/small')['eld'];
/**
 * ELD's "small" table, loaded synchronously on first use. The package is ESM only and exports no
 * `require` condition, so its entry is resolved as an import would and then required by path
 * (Node.js 20.19+ and 22.12+ load a synchronous ES module with require).
 */
const ngramModel = lazyModule((load): Eld => (load(fileURLToPath(import.meta.resolve('eld/small'))) as typeof import('eld/small')).eld);
