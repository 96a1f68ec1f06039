import { findMoneyMentions } from './money.ts';
import { chargedOrReference } from './amount-features.ts';
import { CONCEPT_PREFIX } from './incident-concepts.ts';

/**
 * One more meaning class for words that burst (see incident-concepts.ts): *money was taken, and the
 * customer disputes it* — an amount with the words of a charge in its clause ("€9,90 afgeschreven",
 * "de app rekent €9,90", "charged me $14") or set against what it should have been ("normaal 2 euro,
 * nu 16,40"). Twenty customers hit by one billing fault write twenty ways, but nearly all of them
 * name the amount that was taken; the class is what those messages share when their words do not.
 *
 * It is grammar, not an incident's vocabulary, and like the other classes it is a side term tested
 * against the account's own history: where disputed charges are everyday mail its usual rate is high
 * and only a real surge of them bursts.
 */
export const CHARGED_TERM = `${CONCEPT_PREFIX}charged`;

/** The class as a side term, with the disputed amount as it was written as its surface; none when no charge is disputed. */
export function moneyTakenTerms(text: string): { terms: string[]; surfaces: string[] } {
  const mentions = findMoneyMentions(text);
  const i = mentions.findIndex((_, k) => chargedOrReference(text, mentions, k));
  if (i < 0) return { terms: [], surfaces: [] };
  return { terms: [CHARGED_TERM], surfaces: [text.slice(mentions[i].start, mentions[i].end).trim()] };
}
