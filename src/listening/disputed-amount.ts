import { foldForMatching } from '../text/normalise.ts';
import { incidentConcepts } from './incident-concepts.ts';
import { findMoneyMentions, type Money, type MoneyMention } from './money.ts';
import { weighSums, type AmountValue } from './amount-sums.ts';
import { amountFeatures, chargedOrReference, EACH, featuresOfAll, repeatedIn, saysCharged, SEVERAL_CHARGES, timesIn, type AmountFeatures } from './amount-features.ts';
import { contested, eachOfSeveral, explained, ownMentions } from './amount-certainty.ts';

/**
 * Which of the amounts in a complaint is the one it is about: the amount charged or disputed, not
 * a usual price given for contrast ("normaal rond de 2 euro, nu 16,40"), a rate ("€2,40 per uur"),
 * what it should have been ("instead of $2.10"), a balance, an earlier month's charge, a fine on
 * top, or the difference the customer works out ("dus €14,40 te veel"). Each amount gets the
 * features of its own clause (amount-features.ts), weighed by one table (WEIGHTS); the same amount
 * named twice counts once; the sums among the amounts adjust the scores (amount-sums.ts). The choice
 * is certain only when the best leads the next by MARGIN and nothing says a person should choose
 * (a usual price plus an unworded third amount, the difference beside its charge, a bare number
 * nobody says was paid): a wrong amount promises a customer the wrong refund, a flagged one asks a
 * supervisor to pick from the alternatives.
 */
export interface DisputedAmount {
  amount: Money;
  certain: boolean;
  /** the other amounts, best first */
  alternatives: Money[];
}

/**
 * How much each feature of an amount's clause (amount-features.ts) says "this is the amount the complaint is
 * about". Set by hand on our own examples and the development stories (bench/amounts-eval.ts), then checked
 * against the margin below: a choice whose lead over the next amount is smaller is flagged, never guessed.
 */
export const WEIGHTS = {
  base: 0.5,
  charged: 1.5,
  disputed: 1,
  reference: -2,
  acknowledged: -2,
  earlier: -1.5,
  contrast: 1,
  concessive: -1,
  rate: -2,
  unitPrice: -1.5,
  present: 1,
  balance: -1.5,
  consequence: -1.5,
  /** "and then another €30": the added charge leans ahead, but "eerst €12, daarna nog eens €30" stays a person's call */
  another: 0.5,
  from: -1,
  negated: -2,
  emphasis: 0.5,
  /** asked back, when there are several amounts */
  refund: 0.5,
  implicit: -0.25,
  /** from the first amount to the last: the charge tends to come after the usual price */
  position: 0.3,
  /** repeated charges: the amount taken twice, not the total it made */
  repeatedNext: 1.5,
  multipleOfAnother: -2,
  /** each of the repeated charges was wrong: what they made together */
  totalOfEach: 1.5,
  /** named twice as a charge taken twice ("twee keer", "nog eens") */
  namedTwice: 0.5,
  /** what the sums among the amounts say (amount-sums.ts), as one adjustment */
  sums: 1,
  /** shown by a device, a ticket or a sign, beside another amount: the stated price */
  stated: -2,
  /** already given back: not what is still in dispute */
  refunded: -2,
  /** the new end of a change ("van €150 naar €235") */
  to: 1,
  /** worded as the difference ("7 euro te veel", "€132 meer"), beside other amounts: what the charge was over, not the charge */
  difference: -1,
  /** a rough figure or one end of a range ("een euro of twee", "15 à 20 euro"): a usual price remembered, not a charge read off a statement */
  rough: -1,
  /** held or reserved on a card, not taken ("€150 geblokkeerd", "a hold of £200") */
  hold: -1.5,
  /** paid before and rightly ("een factuur die ik al betaald had") */
  alreadyPaid: -1.5,
} as const;
/** The lead the best amount needs over the next to be taken without a person's look. */
export const MARGIN = 1;

export type WeightName = keyof typeof WEIGHTS;
/** How many times each weight applies to one amount (its features, read by mentionParts); its score is the dot product. */
export type Parts = Partial<Record<WeightName, number>>;
export type Weights = Record<WeightName, number>;
export const dot = (p: Parts, w: Weights): number => {
  let s = 0;
  for (const k in p) s += (p[k as WeightName] ?? 0) * (w[k as WeightName] ?? 0);
  return s;
};

const ROUGHLY = /\b(?:bijna|ruim|ongeveer|zo'?n|circa|ca\.?|rond(?:\s+de)?|pakweg|about|around|almost|nearly|roughly|approximately|some)\s*$/iu;
// A line of a bill quoted by the customer ("'data roaming'", "\"premium SMS\""), and a bill.
const QUOTED_LINE = /['"‘“][^'"’”\n\d]{3,40}['"’”]/u;
const BILL = /\b(?:factuur|nota|rekening|afschrift|bill|invoice|statement)\b/iu;

export interface Scored {
  m: MoneyMention;
  f: AmountFeatures;
  score: number;
  parts: Parts;
  reference: boolean;
  rate: boolean;
}

export function disputedAmount(
  text: string,
  mentions: MoneyMention[] = findMoneyMentions(text),
  /** the case's subject: "Te veel betaald" says what a one-line body ("8,60 voor 5 minuten??") is about */
  opts: { subject?: string; /** the lead to be certain (bench/amounts-eval.ts sweeps it) */ margin?: number; /** bench/amounts-fit.ts */ weights?: Weights } = {},
): DisputedAmount | null {
  if (!mentions.length) return null;
  mentions = ownMentions(text, mentions);
  const { ranked, unsure, distinct } = rankAmounts(text, mentions, opts.weights ?? WEIGHTS);
  // several different charges said to be taken: a smaller one nobody explains may as well be the wrong one
  const several = SEVERAL_CHARGES.test(text);
  const [best, second] = ranked;
  // the two ends of a balance's move and nothing else ("mijn tegoed was €50,00 en is nu €21,40"): what it took is the
  // first suggestion, for a person to confirm (the customer never wrote it, and the drop may hold more than one charge)
  if (distinct === 2 && best.f.balance && second.f.balance && best.m.currency === second.m.currency && !best.m.implicit && !second.m.implicit) {
    const [hi, lo] = best.m.cents > second.m.cents ? [best.m, second.m] : [second.m, best.m];
    return { amount: { cents: hi.cents - lo.cents, currency: hi.currency }, certain: false, alternatives: [hi, lo].map((m) => ({ cents: m.cents, currency: m.currency })) };
  }
  // one amount taken more than once, each time wrongly ("allebei doorgerekend … twee keer €6,50", "in september en oktober elk
  // €13,99"): what they made together is the first suggestion, the one charge the other, for a person to choose
  if (distinct === 1 && !best.f.balance && eachOfSeveral(text, mentions)) {
    const n = timesIn(text) ?? 2;
    return { amount: { cents: best.m.cents * n, currency: best.m.currency }, certain: false, alternatives: [{ cents: best.m.cents, currency: best.m.currency }] };
  }
  // one amount (however often named) that the customer says was taken or asks back is the one, whatever else its clause says
  // (also when it is the price per month it was taken at: "twee incasso's van €59,95 … mijn abonnement is €59,95 per maand")
  const only = distinct === 1 && (best.f.charged || best.f.refund || best.f.disputed) && !best.f.balance;
  const certain =
    (!best.m.implicit || bareButClear(text, mentions, mentions.indexOf(best.m), distinct, opts.subject)) &&
    (best.score > 0 || only) &&
    (!second || best.score - second.score >= (opts.margin ?? MARGIN)) &&
    !unsure.has(best) &&
    // a rough sum of the customer's own ("dus bijna 60 euro", "so about $90"): the charges it adds up are the exact ones
    !(best.f.computed && second && ROUGHLY.test(text.slice(Math.max(0, best.m.start - 16), best.m.start))) &&
    // what is left on a card or account is never what was taken
    !best.f.balance &&
    // the difference, while the charge it is the difference of is named too: which one a reply should give is not clear
    !(best.f.difference && ranked.slice(1).some((o) => o.m.currency === best.m.currency && o.m.cents > best.m.cents && !o.reference && !o.rate && !o.f.balance)) &&
    // a rough figure ("een euro of twee", "15 à 20 euro") or a hold on a card is never read off as the charge
    !best.f.rough && !(best.f.hold && !best.f.charged) &&
    // every other amount has a role of its own that says why it is not the one (usual, earlier, a rate, a balance, a part of
    // the sum, …): an amount nobody explains could be the charge as well, whatever the scores say
    ranked.slice(1).every((o) => explained(o, best, several, contested(best, ranked)));
  return {
    amount: { cents: best.m.cents, currency: best.m.currency },
    certain,
    alternatives: ranked.slice(1).map((s) => ({ cents: s.m.cents, currency: s.m.currency })),
  };
}

/** Pure: the distinct amounts of a text, best first, each with its score and the parts it was made of. */
export function rankAmounts(text: string, mentions: MoneyMention[], weights: Weights = WEIGHTS) {
  const repeated = repeatedIn(text);
  const each = repeated && EACH.test(text);
  const count = timesIn(text);
  // the multiples a total of repeated charges can be: up to the count the text gives, else two or three
  const times = count ? Array.from({ length: count - 1 }, (_, i) => i + 2) : [2, 3];
  const features = featuresOfAll(text, mentions);
  const distinct = new Set(mentions.map((m) => `${m.currency}:${m.cents}`)).size;
  const scored: Scored[] = mentions.map((m, i) => {
    const f = features[i];
    const parts = mentionParts(features, mentions, i, repeated, each, times);
    return { m, f, parts, score: dot(parts, weights), reference: f.reference || f.acknowledged || (f.stated && distinct > 1 && !f.charged), rate: f.rate };
  });
  // the same amount twice ("twee keer €9,90", "€9,90 and again €9,90"): one amount, counted once, stronger —
  // unless the text calls it usual or right somewhere ("€22,50 (klopt) … ik betaal alleen de €22,50")
  const byValue = new Map<string, Scored>();
  for (const s of scored) {
    const k = `${s.m.currency}:${s.m.cents}`;
    const seen = byValue.get(k);
    if (!seen) byValue.set(k, { ...s, f: { ...s.f }, parts: { ...s.parts } });
    else {
      for (const key of Object.keys(s.f) as (keyof AmountFeatures)[]) seen.f[key] ||= s.f[key];
      // the old end of a change named again, not as taken ("van €150 naar €235 … €150 is ruim voldoende"), is still the old price
      if (seen.reference || s.reference || ((seen.f.from || s.f.from) && !seen.f.charged && !s.f.charged && !seen.f.refund && !s.f.refund)) Object.assign(seen, { score: Math.min(seen.score, s.score), parts: s.score < seen.score ? { ...s.parts } : seen.parts, reference: true, rate: seen.rate || s.rate });
      // named twice as a charge taken twice ("twee keer", "nog eens"): stronger; two days at the same price are not
      else {
        const parts = s.score > seen.score ? { ...s.parts } : seen.parts;
        if (repeated || s.f.another || seen.f.another) parts.namedTwice = 1;
        Object.assign(seen, { parts, score: dot(parts, weights), rate: seen.rate || s.rate });
      }
    }
  }
  const values = [...byValue.values()];
  const sums: AmountValue[] = values.map((x) => ({
    cents: x.m.cents, currency: x.m.currency, score: x.score, reference: x.reference, rate: x.rate,
    acknowledged: x.f.acknowledged, difference: x.f.difference, charged: x.f.charged, refund: x.f.refund && !x.f.charged, item: x.f.item, balance: x.f.balance, computed: x.f.computed, total: x.f.total,
  }));
  weighSums(sums, { billLines: QUOTED_LINE.test(text) && BILL.test(text) });
  values.forEach((x, i) => {
    const delta = sums[i].score - x.score;
    if (delta) x.parts.sums = delta;
    x.score = dot(x.parts, weights);
  });
  const unsure = new Set(values.filter((_, i) => sums[i].unsure));
  const ranked = values.sort((a, b) => b.score - a.score || b.m.start - a.m.start);
  return { ranked, unsure, distinct: byValue.size };
}

/**
 * Pure: which weights apply to one mention (its score is their sum: how strongly it reads as the amount the complaint is about). `repeated`: the text
 * says a charge happened more than once ("twee keer", "2x", "dubbel", "twice"); `each`: every one
 * of those charges was wrong ("beide ritten").
 */
export function mentionParts(features: AmountFeatures[], all: MoneyMention[], index: number, repeated: boolean, each: boolean, times: number[] = [2, 3]): Parts {
  const f = features[index];
  const chargedElsewhere = features.some((o, j) => j !== index && o.charged && !o.concessive && all[j].cents !== all[index].cents);
  const m = all[index];
  const p: Parts = {};
  const add = (k: WeightName, x = 1) => (p[k] = (p[k] ?? 0) + x);
  const several = all.some((o) => o.cents !== m.cents);
  add('base');
  if (f.reference || f.acknowledged) add(f.acknowledged ? 'acknowledged' : 'reference');
  if (f.disputed) add('disputed');
  // (a price per piece times a count makes a total, not a duplicate: "3 stuks à €14,95, totaal €44,85")
  const multiple = all.some((o, j) => j !== index && !features[j].rate && o.currency === m.currency && times.some((k) => o.cents * k === m.cents));
  const ofTotal = !f.rate && all.some((o, j) => features[j].total && o.currency === m.currency && [2, 3].some((k) => m.cents * k === o.cents));
  if (each) {
    if (multiple) add('totalOfEach');
  } else if (repeated || (f.total && multiple)) {
    // the amount that was taken twice is the one in dispute ("89 euro dubbel afgeschreven", "2 x 46,80")...
    if (f.repeatedNext) add('repeatedNext');
    // ...not the total it made ("twee keer 164,50, dus €329 kwijt"): an exact multiple of another amount named
    if (multiple) add('multipleOfAnother');
  }
  // "in totaal €251,80" beside "€125,90": the total of two or three of the same charge; the charge is that one, unless called usual
  if (!each && ofTotal && !f.reference && !f.acknowledged && !f.repeatedNext) add('repeatedNext');
  if (f.balance) add('balance');
  if (f.rate && features.some((o, j) => !o.rate && all[j].cents !== m.cents)) add('rate');
  // a usual payment is still the usual price ("meestal betaal ik zo'n 3 euro"); a payment in a concessive clause is the
  // fact set against the complaint ("terwijl ik keurig €2,40 heb betaald", "whereas the room was prepaid ($98)")
  // nor is a charge called right, or a payment of an earlier time beside this one's ("een week eerder betaalde ik €0,80")
  // (the verb of a difference is not a charge of its own: "het te veel betaalde bedrag van €25,90", "7 euro te veel gerekend")
  if (f.charged && !f.reference && !f.acknowledged && !(several && (f.concessive || f.earlier || f.alreadyPaid || f.hold || f.rough || f.difference))) add('charged');
  if (f.another && several) add('another');
  // a contrast introduces the new situation, unless it introduces the reference ("terwijl het €2 had moeten zijn")
  if (!f.reference && f.contrast && !f.concessive) add('contrast');
  if (several) {
    if (f.earlier) add('earlier');
    if (f.unitPrice) add('unitPrice');
    // "vorige week €11,20 … vandaag €16,40": now, set against an amount of an earlier time
    if (f.present && !f.earlier && features.some((o, j) => j !== index && o.earlier && all[j].cents !== m.cents)) add('present');
    if (f.concessive) add('concessive');
    // a fine or fee on top of a charge named beside it ("€8,90 … en nog een aanmaning van €15")
    if (f.consequence && chargedElsewhere) add('consequence');
    if (f.from) add('from');
    if (f.negated) add('negated');
    if (f.refund && !f.refunded) add('refund');
    if (f.refunded) add('refunded');
    if (f.stated && !f.charged) add('stated');
    if (f.to && !f.balance) add('to');
    if (f.rough) add('rough');
    if (f.difference) add('difference');
    if (f.hold && !f.charged) add('hold');
    if (f.alreadyPaid) add('alreadyPaid');
  }
  if (f.emphasis) add('emphasis');
  if (m.implicit) add('implicit');
  if (all.length > 1) add('position', index / (all.length - 1));
  return p;
}

/**
 * An amount written without a currency could be something else (a balance, a time): it is taken
 * for certain when its own clause says it was charged (or charged again); when it is the only
 * amount of a message that says, anywhere or in its subject, that money was taken; or when the
 * text sets it against another amount it calls usual or right ("normaal 2 euro, nu 16,40").
 */
function bareButClear(text: string, all: MoneyMention[], index: number, distinct: number, subject = ''): boolean {
  const f = amountFeatures(text, all, index);
  if (f.charged || f.repeatedNext) return true;
  if (distinct === 1) {
    const whole = `${subject}\n${text}`;
    return saysCharged(whole) || incidentConcepts(foldForMatching(whole)).some((c) => c.concept !== 'duration');
  }
  return all.some((o, j) => o.cents !== all[index].cents && (amountFeatures(text, all, j).reference || amountFeatures(text, all, j).rough));
}

/**
 * A charge is disputed in the text: an amount with the words of money taken in its clause, or
 * set against what it should have been. A factual complaint often says no more than that
 * ("De app rekent €9,90. Tien minuten!").
 */
export function disputesACharge(text: string, mentions: MoneyMention[] = findMoneyMentions(text)): boolean {
  return mentions.some((_, i) => chargedOrReference(text, mentions, i));
}
