import { foldForMatching } from '../text/normalise.ts';
import { incidentConcepts, saysMoreThanOnce } from './incident-concepts.ts';
import { findMoneyMentions, type Money, type MoneyMention } from './money.ts';
import { weighSums } from './amount-sums.ts';

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
  String.raw`\b(?:normaal|normaliter|meestal|gewoonlijk|doorgaans|altijd|standaard|vaste?|gebruikelijke?|gewone|hoort|hoorde|horen|zou(?:den)?|moet(?:en)?|had(?:den)? (?:moeten|horen)|verwacht\w*|in plaats van|i\.?p\.?v\.?|ipv|vorige|eerder|afgesproken|usual|normal|typical|usually|normally|typically|always|regular(?:ly)?|standard|should|would|expected|supposed|instead of|rather than|previous(?:ly)?|used to|agreed)\b`,
  'iu',
);
// A reference price named after its amount: "€2,10 had moeten zijn", "$2.10 should have been", "is normaal".
const REFERENCE_AFTER = new RegExp(
  String.raw`^\s*(?:[^.!?\d€$£]{0,25}?)\b(?:had(?:den)? moeten|zou(?:den)? moeten|moet(?:en)?|hoort|hoorde|is normaal|normaal|gebruikelijk|should(?: have)?|would(?: have)?|is normal|normally|usually|as usual|as agreed|zoals afgesproken|zoals altijd)\b`,
  'iu',
);
// What says the money went: a charge, a debit, a payment taken.
const CHARGED = new RegExp(
  String.raw`\b(?:afgeschreven|afgeschreven|afgeboekt|ge[iï]ncasseerd|afgetrokken|gerekend|berekend|rekent|rekende|in rekening|gefactureerd|betaald|kwijt|ingehouden|van\s+(?:mijn|m'n|mn|onze|ons|de)\s+(?:rekening|bankrekening|account|saldo)\s+(?:gehaald|gegaan|af)|op\s+(?:mijn|m'n|mn|onze|de)\s+(?:rekening|bankrekening|factuur|nota|afschrift|bankafschrift)|on\s+(?:my|our|the)\s+(?:bill|invoice|statement|bank\s+statement)|charged|billed|debited|deducted|took|taken|withdrawn|paid|cost me|out of my account)\b`,
  'iu',
);
// A balance is what is left, not what was taken ("mijn saldo ging van €31,20 naar €7,20").
const BALANCE = /\b(?:saldo|tegoed|balance|remaining\s+credit)\b/iu;
// Every one of the repeated charges was wrong ("beide ritten", "both times"), not one of them a duplicate.
const EACH = /\b(?:beide|allebei|alle\s+(?:twee|drie|vier)|both|each\s+time|every\s+time|elke\s+keer|iedere\s+keer)\b/iu;
// A contrast or change of situation before the amount in its sentence.
const CONTRAST = /\b(?:maar|terwijl|nu|ineens|opeens|plots(?:eling)?|deze keer|dit keer|toch|but|whereas|now|suddenly|this time|yet)\b/iu;
// Right after an amount, the customer says that one is right ("€ 2,10, dat klopt", "$4.00 (that's fine)"): not in dispute.
const ACKNOWLEDGED_AFTER =
  /^\s*[,:;(-]?\s*(?:en\s+|and\s+)?(?:dat|die|dit|that|which|this)?\s*(?:klopt|(?:is|was)\s+(?:correct|juist|terecht|goed|prima|in\s+orde|ok[eé]?|right|fine|ok(?:ay)?)|'s\s+(?:correct|right|fine|ok(?:ay)?))\b(?!\s+(?:niet|not)\b)/iu;
const DISPUTED_AFTER =
  /^\s*[,:;(-]?\s*(?:en\s+|and\s+)?(?:dat|die|dit|that|which|this)?\s*(?:klopt\s+niet|(?:is|was)\s+(?:niet\s+(?:correct|juist|terecht|goed)|onterecht|onjuist|fout|te\s+veel|not\s+(?:correct|right)|wrong|incorrect)|(?:'s|is)\s+wrong)\b/iu;
const RATE_AFTER = /^\s*(?:(?:per|p\/|\/|pro)\s*\p{L}{1,15}|(?:a|an)\s+(?:hour|hr|minute|day|month|week|year|time|ride|trip|line|piece)|each\b|apiece)/iu;

const SENTENCE = /(?<=[.!?])\s+(?=\S)|\n+|;\s*/u;

interface Scored {
  m: MoneyMention;
  score: number;
  reference: boolean;
  rate: boolean;
}

export function disputedAmount(
  text: string,
  mentions: MoneyMention[] = findMoneyMentions(text),
  /** the case's subject: "Te veel betaald" says what a one-line body ("8,60 voor 5 minuten??") is about */
  opts: { subject?: string } = {},
): DisputedAmount | null {
  if (!mentions.length) return null;
  const repeated = repeatedIn(text);
  const scored: Scored[] = mentions.map((m, i) => ({ m, ...scoreMention(text, mentions, i, repeated) }));
  // the same amount twice ("twee keer €9,90", "€9,90 and again €9,90"): one amount, counted once, stronger —
  // unless the text calls it usual or right somewhere ("€22,50 (klopt) … ik betaal alleen de €22,50")
  const byValue = new Map<string, Scored>();
  for (const s of scored) {
    const k = `${s.m.currency}:${s.m.cents}`;
    const seen = byValue.get(k);
    if (!seen) byValue.set(k, { ...s });
    else if (seen.reference || s.reference) Object.assign(seen, { score: Math.min(seen.score, s.score), reference: true, rate: seen.rate || s.rate });
    else Object.assign(seen, { score: Math.max(seen.score, s.score) + 0.5, rate: seen.rate || s.rate });
  }
  const values = [...byValue.values()];
  const sums = values.map((x) => ({ cents: x.m.cents, currency: x.m.currency, score: x.score, reference: x.reference, rate: x.rate }));
  weighSums(sums);
  values.forEach((x, i) => (x.score = sums[i].score));
  const ranked = values.sort((a, b) => b.score - a.score || b.m.start - a.m.start);
  const [best, second] = ranked;
  const certain = (!best.m.implicit || bareButClear(text, mentions, mentions.indexOf(best.m), byValue.size, opts.subject)) && best.score > 0 && (!second || best.score - second.score >= 1);
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
function scoreMention(text: string, all: MoneyMention[], index: number, repeated: boolean): { score: number; reference: boolean; rate: boolean } {
  const m = all[index];
  const { before, after, reference, charged } = cuesOf(text, all, index);
  let score = 0.5;
  if (reference) score -= 2;
  // "€44,80 (klopt niet)", "€12 was wrong": the customer says this one is the wrong one
  if (DISPUTED_AFTER.test(after)) score += 1;
  const multiple = all.some((o, j) => j !== index && o.currency === m.currency && [2, 3].some((k) => o.cents * k === m.cents));
  if (repeated && EACH.test(text)) {
    // each of the repeated charges was wrong ("beide ritten €4,00 … €8,00"): what they made together
    if (multiple) score += 1.5;
  } else if (repeated) {
    // the amount that was taken twice is the one in dispute ("89 euro dubbel afgeschreven", "2 x 46,80")...
    if (repeatedNextTo(before, after)) score += 1.5;
    // ...not the total it made ("twee keer 164,50, dus €329 kwijt"): an exact multiple of another amount named
    if (multiple) score -= 2;
  }
  // "mijn saldo ging van €31,20 naar €7,20": both ends of a balance's move, within its sentence
  if (BALANCE.test(sentenceBefore(text, m.start).slice(-60))) score -= 1.5;
  // a price per unit is never what was charged ("€1,95 per uur", "€5 per maand extra"); its total may be
  const rate = RATE_AFTER.test(after);
  if (rate) score -= 2;
  if (charged) score += 1.5;
  // a contrast introduces the new situation, unless it introduces the reference ("terwijl het €2 had moeten zijn")
  if (!reference && CONTRAST.test(before)) score += 1;
  if (/^\s*(?:!|\?!|\(!\))/u.test(after) || /\b(?:maar liefst|wel|zomaar|whopping|a full)\s*$/iu.test(before)) score += 0.5;
  if (m.implicit) score -= 0.25;
  // a later amount is more often the charge than an earlier one
  score += all.length > 1 ? (index / (all.length - 1)) * 0.3 : 0;
  return { score, reference, rate };
}

/**
 * An amount written without a currency could be something else (a balance, a time): it is taken
 * for certain when its own clause says it was charged (or charged again); when it is the only
 * amount of a message that says, anywhere or in its subject, that money was taken; or when the
 * text sets it against another amount it calls usual or right ("normaal 2 euro, nu 16,40").
 */
function bareButClear(text: string, all: MoneyMention[], index: number, distinct: number, subject = ''): boolean {
  const { before, after, charged } = cuesOf(text, all, index);
  if (charged || repeatedNextTo(before, after)) return true;
  if (distinct === 1) {
    const whole = `${subject}\n${text}`;
    return CHARGED.test(whole) || incidentConcepts(foldForMatching(whole)).some((c) => c.concept !== 'duration');
  }
  return all.some((o, j) => o.cents !== all[index].cents && cuesOf(text, all, j).reference);
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
  const reference = REFERENCE.test(before) || (!nextInSentence && REFERENCE_AFTER.test(after)) || ACKNOWLEDGED_AFTER.test(after);
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

/** The text of the amount's sentence before it. */
function sentenceBefore(text: string, at: number): string {
  const parts = text.slice(0, at).split(SENTENCE);
  return parts[parts.length - 1] ?? '';
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
