import type { LexiconScore } from './lexicon-score.ts';
import { round } from './sentiment.ts';

/**
 * Anger 0..1: how likely a person is angry rather than merely unhappy. Disappointment
 * ("teleurgesteld", "not good") is negative sentiment with little anger; anger is carried by
 * anger words, curses and accusations ("woedend", "oplichters", "scam"), repeated frustration
 * ("voor de zoveelste keer", "fed up"), angry emoji, and by shouting: several exclamation marks,
 * words or whole messages in CAPITALS; and threats (the reputation risk level: media, lawyers).
 * Negativity itself adds a little. The sum of that evidence
 * is mapped to 0..1 by 1 - e^-x, so each further piece of evidence adds less.
 */
export function angerOf(score: LexiconScore, sentiment: number, reputationLevel = 0): number {
  const [, negative, angry] = score.emoji;
  let raw = score.anger + 0.6 * angry + 0.1 * negative + 0.15 * reputationLevel;
  if (sentiment < 0.2) {
    raw += 0.12 * Math.min(5, Math.max(0, score.exclamations - 1));
    if (score.shouting) raw += 0.6;
  }
  raw += 0.3 * Math.max(0, -sentiment);
  return round(1 - Math.exp(-Math.max(0, raw)));
}
