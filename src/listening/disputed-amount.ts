import { foldForMatching } from '../text/normalise.ts';
import { saysMoreThanOnce } from './incident-concepts.ts';
import { findMoneyMentions, type Money, type MoneyMention } from './money.ts';

/**
 * Which of the amounts in a complaint is the one it is about: the amount charged or disputed, not
 * a usual price given for contrast ("normaal rond de 2 euro, nu 16,40"), a rate ("€2,40 per uur")
 * or what it should have been ("instead of $2.10"). Each amount is weighed by the words of its own
 * clause — what introduces a reference price (habit, expectation, comparison), what says money
 * left the customer (a charge, a debit), a contrast before it ("maar", "but", "this time") — and by
 * its place (the charged amount tends to come after the usual one). When the two best are close,
 * or the only one is written without a currency, the choice is uncertain: the alternatives are
 * given and nobody should use the amount without a look.
 */
export interface DisputedAmount {
  amount: Money;
  certain: boolean;
  /** the other amounts, best first */
  alternatives: Money[];
}

// What marks an amount as the usual, expected or reference price (closed-class words of habit,
// expectation and comparison; Dutch and English).
const REFERENCE = new RegExp(
  String.raw`\b(?:normaal|normaliter|meestal|gewoonlijk|doorgaans|altijd|standaard|vaste?|gebruikelijke?|hoort|hoorde|horen|zou(?:den)?|moet(?:en)?|had(?:den)? (?:moeten|horen)|verwacht\w*|in plaats van|i\.?p\.?v\.?|ipv|vorige|eerder|afgesproken|usually|normally|typically|always|regular(?:ly)?|standard|should|would|expected|supposed|instead of|rather than|previous(?:ly)?|used to|agreed)\b`,
  'iu',
);
// A reference price named after its amount: "€2,10 had moeten zijn", "$2.10 should have been", "is normaal".
const REFERENCE_AFTER = new RegExp(
  String.raw`^\s*(?:[^.!?\d€$£]{0,25}?)\b(?:had(?:den)? moeten|zou(?:den)? moeten|moet(?:en)?|hoort|hoorde|is normaal|normaal|gebruikelijk|should(?: have)?|would(?: have)?|is normal|normally|usually|as usual|as agreed|zoals afgesproken|zoals altijd)\b`,
  'iu',
);
// What says the money went: a charge, a debit, a payment taken.
const CHARGED = new RegExp(
  String.raw`\b(?:afgeschreven|afgeschreven|afgeboekt|ge[iï]ncasseerd|afgetrokken|gerekend|berekend|rekent|rekende|in rekening|gefactureerd|betaald|kwijt|ingehouden|van\s+(?:mijn|m'n|mn|onze|ons|de)\s+(?:rekening|bankrekening|account|saldo)\s+(?:gehaald|gegaan|af)|charged|billed|debited|deducted|took|taken|withdrawn|paid|cost me|out of my account)\b`,
  'iu',
);
// A contrast or change of situation before the amount in its sentence.
const CONTRAST = /\b(?:maar|terwijl|nu|ineens|opeens|plots(?:eling)?|deze keer|dit keer|toch|but|whereas|now|suddenly|this time|yet)\b/iu;
const RATE_AFTER = /^\s*(?:per|p\/|\/|pro|a|an|each)\s*(?:uur|u\b|minuut|min|dag|maand|mnd|week|jaar|keer|rit|kwartier|hour|hr|minute|day|month|week|year|time|ride|trip)/iu;

const SENTENCE = /(?<=[.!?])\s+(?=\S)|\n+|;\s*/u;

interface Scored {
  m: MoneyMention;
  score: number;
}

export function disputedAmount(text: string, mentions: MoneyMention[] = findMoneyMentions(text)): DisputedAmount | null {
  if (!mentions.length) return null;
  const repeated = repeatedIn(text);
  const scored: Scored[] = mentions.map((m, i) => ({ m, score: scoreMention(text, mentions, i, repeated) }));
  // the same amount twice ("twee keer €9,90", "€9,90 and again €9,90"): one amount, counted once, stronger
  const byValue = new Map<string, Scored>();
  for (const s of scored) {
    const k = `${s.m.currency}:${s.m.cents}`;
    const seen = byValue.get(k);
    if (seen) seen.score = Math.max(seen.score, s.score) + 0.5;
    else byValue.set(k, { ...s });
  }
  const ranked = [...byValue.values()].sort((a, b) => b.score - a.score || b.m.start - a.m.start);
  const [best, second] = ranked;
  // an amount written without a currency is certain only when its own clause says it was charged (or charged again)
  const certain = (!best.m.implicit || chargedInClause(text, mentions, mentions.indexOf(best.m))) && best.score > 0 && (!second || best.score - second.score >= 1);
  return {
    amount: { cents: best.m.cents, currency: best.m.currency },
    certain,
    alternatives: ranked.slice(1).map((s) => ({ cents: s.m.cents, currency: s.m.currency })),
  };
}

/**
 * Pure: how strongly one mention reads as the amount the complaint is about. `repeated`: the text
 * says a charge happened more than once ("twee keer", "2x", "dubbel", "twice").
 */
function scoreMention(text: string, all: MoneyMention[], index: number, repeated: boolean): number {
  const m = all[index];
  const { before, after, reference, charged } = cuesOf(text, all, index);
  let score = 0.5;
  if (reference) score -= 2;
  if (repeated) {
    // the amount that was taken twice is the one in dispute ("89 euro dubbel afgeschreven", "2 x 46,80")...
    if (repeatedNextTo(before, after)) score += 1.5;
    // ...not the total it made ("twee keer 164,50, dus €329 kwijt"): an exact multiple of another amount named
    if (all.some((o, j) => j !== index && o.currency === m.currency && [2, 3].some((k) => o.cents * k === m.cents))) score -= 2;
  }
  if (RATE_AFTER.test(after)) score -= 1;
  if (charged) score += 1.5;
  // a contrast introduces the new situation, unless it introduces the reference ("terwijl het €2 had moeten zijn")
  if (!reference && CONTRAST.test(before)) score += 1;
  if (/^\s*(?:!|\?!|\(!\))/u.test(after) || /\b(?:maar liefst|wel|zomaar|whopping|a full)\s*$/iu.test(before)) score += 0.5;
  if (m.implicit) score -= 0.25;
  // a later amount is more often the charge than an earlier one
  score += all.length > 1 ? (index / (all.length - 1)) * 0.3 : 0;
  return score;
}

function chargedInClause(text: string, all: MoneyMention[], index: number): boolean {
  const { before, after, charged } = cuesOf(text, all, index);
  return charged || repeatedNextTo(before, after);
}

/** "twee keer €9,90", "€9,90 dubbel", "2 x 46,80": said right beside the amount, not somewhere in its sentence. */
function repeatedNextTo(before: string, after: string): boolean {
  return repeatedIn(`${before.slice(-24)} ${after.slice(0, 24)}`);
}

function repeatedIn(text: string): boolean {
  return saysMoreThanOnce(foldForMatching(text));
}

/** The words around one amount, and whether they call it a reference price or a charge. */
function cuesOf(text: string, all: MoneyMention[], index: number) {
  const { before, after, nextInSentence } = partAround(text, all, index);
  // words after an amount that lead up to the next amount in the sentence are about that one
  const reference = REFERENCE.test(before) || (!nextInSentence && REFERENCE_AFTER.test(after));
  const charged = CHARGED.test(before) || CHARGED.test(after);
  return { before, after, reference, charged };
}

/**
 * The words that belong to this amount: from the start of its sentence or the amount before it,
 * to the end of its sentence or the amount after it.
 */
function partAround(text: string, all: MoneyMention[], index: number) {
  const m = all[index];
  const headParts = text.slice(index > 0 ? all[index - 1].end : 0, m.start).split(SENTENCE);
  const tailParts = text.slice(m.end, index < all.length - 1 ? all[index + 1].start : text.length).split(SENTENCE);
  return { before: headParts[headParts.length - 1] ?? '', after: tailParts[0] ?? '', nextInSentence: index < all.length - 1 && tailParts.length === 1 };
}

/**
 * A charge is disputed in the text: an amount with the words of money taken in its clause, or
 * set against what it should have been. A factual complaint often says no more than that
 * ("De app rekent €9,90. Tien minuten!").
 */
export function disputesACharge(text: string, mentions: MoneyMention[] = findMoneyMentions(text)): boolean {
  return mentions.some((_, i) => {
    const { reference, charged } = cuesOf(text, mentions, i);
    return charged || reference;
  });
}
