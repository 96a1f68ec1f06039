import type { Span } from '../types.ts';
import { bodyWithoutSignature, sentences } from '../text-match.ts';
import { modelSentences, probability, thresholdOf, type ModelLabel } from './classify.ts';
import { CUE_LABELS, features } from './features.ts';
import { vetoed } from './veto.ts';

// The checks of one draft ask about the same sentences one label after another: features once per sentence.
const CACHE_LIMIT = 512;
const CACHE = new Map<string, Uint32Array>();
function featuresOf(label: ModelLabel, sentence: string, language: 'nl' | 'en'): Uint32Array {
  const withCues = CUE_LABELS.has(label);
  const key = (withCues ? 'c' : 'p') + language + sentence;
  let f = CACHE.get(key);
  if (!f) {
    if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
    f = features(sentence, language, withCues);
    CACHE.set(key, f);
  }
  return f;
}

export interface ModelHit extends Span {
  probability: number;
}

/**
 * The sentences of a reply (no greeting, no sign-off) that the model finds carry the label, at the
 * label's shipped threshold, leaving out the sentences the checks' own exceptions rule out.
 */
export function findModelHits(label: ModelLabel, text: string, language: 'nl' | 'en'): ModelHit[] {
  const threshold = thresholdOf(label);
  if (threshold === null) return [];
  const hits: ModelHit[] = [];
  for (const s of modelSentences(bodyWithoutSignature(text), sentences)) {
    if (vetoed(label, s.text)) continue;
    const p = probability(label, s.text, language, featuresOf(label, s.text, language));
    if (p >= threshold) hits.push({ start: s.start, end: s.start + s.text.length, text: s.text, probability: p });
  }
  return hits;
}

/** The mean probability over the reply's sentences: how much of the reply carries the label (stock phrasing). */
export function meanProbability(label: ModelLabel, text: string, language: 'nl' | 'en'): number {
  const ss = modelSentences(bodyWithoutSignature(text), sentences);
  if (!ss.length) return 0;
  return ss.reduce((sum, s) => sum + probability(label, s.text, language, featuresOf(label, s.text, language)), 0) / ss.length;
}
