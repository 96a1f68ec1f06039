import type { Intent } from '../intents.ts';
import { round } from '../sentiment.ts';
import type { HeadScores } from './score-message.ts';

/**
 * How the message model's probabilities and the rules' readings make one answer (pure).
 * Rules stay: an explicit "ik wil mijn geld terug" is a refund request whatever the model says.
 * The model adds what no list foresaw (a factual complaint, a refund asked in other words) when
 * it is confident enough. Thresholds were set on bench/eval-dev by cross-validation
 * (scripts/train-message-model.ts --cv), not on the blind set.
 */
export const THRESHOLDS = {
  complaint: 0.4,
  refund_request: 0.5,
  opt_out: 0.4,
  cancellation: 0.8,
};
/**
 * Sentiment = lexicon × its weight + (p(positive) − p(negative)) × the model's + shift. The shift
 * is set so that on the dev folds the errors lean neither way (as many too positive as too
 * negative): issue 14 found the lexicon alone leaning positive.
 */
export const SENTIMENT_MIX = { lexicon: 0.2, model: 0.4, shift: 0 };
/** Anger = the rules' anger × its weight + p(anger) × the model's, clipped to 0..1. */
export const ANGER_MIX = { rules: 1, model: 0.6 };

/** -1..1: the lexicon's reading (sarcasm already turned round) and the model's, added and clipped. */
export function combineSentiment(lexicon: number, heads: HeadScores | null): number {
  if (!heads) return lexicon;
  const m = heads.positive - heads.negative;
  return round(Math.max(-1, Math.min(1, SENTIMENT_MIX.lexicon * lexicon + SENTIMENT_MIX.model * m + SENTIMENT_MIX.shift)));
}

/** 0..1: the rules' anger and the model's probability. */
export function combineAnger(rules: number, heads: HeadScores | null): number {
  if (!heads) return rules;
  return round(Math.max(0, Math.min(1, ANGER_MIX.rules * rules + ANGER_MIX.model * heads.anger)));
}

/** The rules' intents, plus those the model is confident of, in the canonical order. */
export function combineIntents(rules: readonly Intent[], heads: HeadScores | null): Intent[] {
  if (!heads) return [...rules];
  const out = new Set(rules);
  for (const intent of ['complaint', 'refund_request', 'opt_out', 'cancellation'] as const) {
    if (heads[intent] >= THRESHOLDS[intent]) out.add(intent);
  }
  return ORDER.filter((i) => out.has(i));
}
const ORDER: Intent[] = ['complaint', 'question', 'cancellation', 'refund_request', 'opt_out'];
