import type { LexiconScore } from './lexicon-score.ts';

/**
 * Sentiment -1 (very negative) .. 1 (very positive) from a lexicon pass: the sum of word and
 * phrase polarities plus emoji, pushed further by exclamation marks and by a shouted message,
 * squashed like VADER's compound score (x / sqrt(x² + α)) so that one mildly negative word
 * gives about -0.4 and a string of them approaches -1. 0 means no opinion found.
 */
export function sentimentOf(score: LexiconScore): number {
  const [positive, negative, angry] = score.emoji;
  let total = score.polarity + 0.3 * positive - 0.3 * negative - 0.4 * angry;
  if (total !== 0) {
    total += Math.sign(total) * 0.08 * Math.min(4, score.exclamations);
    if (score.shouting) total *= 1.3;
  }
  return round(total / Math.sqrt(total * total + 1));
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
