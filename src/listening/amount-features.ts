import { saysMoreThanOnce } from './incident-concepts.ts';
import { foldForMatching } from '../text/normalise.ts';
import type { MoneyMention } from './money.ts';
import {
  CHARGED, REFERENCE, REFERENCE_AFTER, IRREALIS_BEFORE, MODAL_AFTER, OTHER_PERSON, STATED, REFUNDED, NOT_YET, ITSELF_BEFORE, TARIFF_BEFORE,
  RATE_BEFORE, UNIT_PRICE, OWN_UNIT, EARLIER, BALANCE, TOP_UP, ROUGH_BEFORE, ROUGH_AFTER, FROM_TO, CHARGED_NOT_HOLD, HOLD, ALREADY_PAID,
  STILL_BEFORE, LEFT_AFTER, CONTRAST, PRESENT, CONCESSIVE, ACKNOWLEDGED_AFTER, ACKNOWLEDGED_BARE, DISPUTED_AFTER, RATE_AFTER, DIFFERENCE_BEFORE,
  DIFFERENCE_AFTER, REFUND, ON_TOP, CONSEQUENCE, TOTAL, ANOTHER, CAME_ON_TOP, EXTRA_AFTER, COMPUTED, FROM_BEFORE, TO_AFTER, NEGATED_BEFORE, EMPHASIS,
  ITEM, EACH, GONE_AFTER, AF_AFTER, AF_VERB_BEFORE
} from './amount-cues.ts';

export { EACH };

/**
 * The role an amount plays in a complaint, read from the words of its own clause: money taken
 * ("afgeschreven", "rekent", "charged me"), a usual, expected or stated price given for contrast
 * ("normaal", "had moeten", "volgens de app", "instead of"), an earlier period ("vorige maand",
 * "last month"), a balance, a rate, the difference or the amount asked back ("€14 te veel", "the
 * difference of"), a fine or reminder fee on top, the old end of a change ("van €98 naar"). Only
 * closed-class words of Dutch and English (verbs of paying, adverbs of habit and time, modal and
 * comparative constructions), so it holds for any product and wording. disputed-amount.ts weighs
 * these features; this file only reads them.
 */
export interface AmountFeatures {
  /** words that say money went: a charge, a debit, a payment, a bill of */
  charged: boolean;
  /** "€44,80 (klopt niet)", "$12 is wrong" */
  disputed: boolean;
  /** usual, expected, agreed, advertised or stated price; what it should or would have been */
  reference: boolean;
  /** "€2,10, dat klopt", "$4.00, which is fine" */
  acknowledged: boolean;
  /** an earlier period: "vorige maand", "last month", "eerst", "toen was het" */
  earlier: boolean;
  /** a change of situation before it: "maar", "nu", "deze keer", "this time", "suddenly" */
  contrast: boolean;
  /** "terwijl", "whereas", "although": introduces the fact set against the complaint */
  concessive: boolean;
  /** shown by a device, a ticket or a sign ("de app zegt", "the receipt shows", "kaartje zei"): alone it is the charge shown, beside a charge it is the stated price */
  stated: boolean;
  /** money already given back ("€27 is teruggestort", "I got £5 back"): not what is still in dispute */
  refunded: boolean;
  /** the new end of a change: "van €150 naar €235" */
  to: boolean;
  /** a price per unit: "€2,40 per uur", "$5 a month" */
  rate: boolean;
  /** the price of an hour or a ride said in general: "een uur kost €2,25", "which costs £1.10" */
  unitPrice: boolean;
  /** now: "vandaag", "nu", "this time" (weighs against an amount of an earlier time) */
  present: boolean;
  /** what is left on an account or card, or both ends of its move */
  balance: boolean;
  /** the difference or overcharge: "het verschil van €X", "€X te veel", "$X more than usual" */
  difference: boolean;
  /** asked back: "terug", "refund", "crediteren" */
  refund: boolean;
  /** a fine, reminder or collection fee, interest: a cost on top of the charge */
  consequence: boolean;
  /** said to come on top of the charge: "daarbovenop", "on top of that" */
  onTop: boolean;
  /** the old end of a change: "van €98 naar …", "from $38 to …" */
  from: boolean;
  /** "niet €3,20 maar", "not $5" */
  negated: boolean;
  /** "!", "maar liefst", "a whopping" */
  emphasis: boolean;
  /** "twee keer €9,90", "€9,90 dubbel", "2 x 46,80": a repetition said right beside it */
  repeatedNext: boolean;
  /** said to come on top of another: "nog eens", "nogmaals", "another", "a further" */
  another: boolean;
  /** given as the outcome of a sum: "dus €X", "so $X", "dat is €X" */
  computed: boolean;
  /** a part named as an item of a bill: "waarvan €33,10 voor", "due to £22.25 of" */
  item: boolean;
  /** a rough figure or one end of a range: "rond de 2 euro", "een euro of twee", "15 à 20 euro", "about £3", "2 to 3 pounds" */
  rough: boolean;
  /** held or reserved on a card, not (yet) taken: "€150 geblokkeerd", "a hold of £200", "voorlopige reservering", "pre-authorisation" */
  hold: boolean;
  /** paid before and rightly, the fact beside the complaint: "een factuur die ik al betaald had", "I had already paid £2" */
  alreadyPaid: boolean;
  /** named as what several amounts made together: "in totaal", "samen", "altogether" */
  total: boolean;
}


// A sentence ends at . ! ? (not after "i.p.v.", "bijv.", "ca.", "e.g."), a line break or a semicolon.
const SENTENCE = /(?<=[.!?])(?<!\b(?:i\.p\.v|o\.a|m\.b\.t|bijv|ca|resp|incl|excl|e\.g|i\.e|approx|vs|nr|no)\.)\s+|\n+|;\s*/iu;
// Where a clause begins inside a sentence: a comma, or a conjunction that joins two clauses (kept with the clause it opens);
// not "en"/"and", which as often join two verbs of one clause ("is gestopt en heeft €9,90 gerekend"), nor "maar" where it
// means "only" ("maar een kwartier"); a closing parenthesis ends the aside it closes.
const CLAUSE = /,\s*|\)\s*|\s+(?=(?:terwijl|maar(?!\s+(?:een|één|\d|twee|drie|vier|vijf|tien|kort|even|enkele|heel|zo)\b)|want|omdat|hoewel|whereas|while|but|because|although)\s)/iu;

/** The words that belong to one amount: its sentence, cut at the amounts before and after it, and its clause. */
export function partAround(text: string, all: MoneyMention[], index: number) {
  const m = all[index];
  const headParts = text.slice(index > 0 ? all[index - 1].end : 0, m.start).split(SENTENCE);
  const tailParts = text.slice(m.end, index < all.length - 1 ? all[index + 1].start : text.length).split(SENTENCE);
  const before = headParts[headParts.length - 1] ?? '';
  const after = tailParts[0] ?? '';
  const nextInSentence = index < all.length - 1 && tailParts.length === 1;
  // an amount set off by commas ("het verschil, €6,60, graag terug") belongs to the clause around it
  const head = before.split(CLAUSE).filter((p) => p.trim());
  const tail = after.split(CLAUSE);
  const clauseAfter = !tail[0]?.trim() && /,\s*$/.test(before) && !nextInSentence ? (tail.find((p) => p.trim()) ?? '') : (tail[0] ?? '');
  return { before, after, clauseBefore: /,\s*$/.test(before) && /^\s*,/.test(after) && head.length ? (head[head.length - 1] ?? '') : (before.split(CLAUSE).pop() ?? ''), clauseAfter, nextInSentence };
}

// What, after an amount, opens the words about the next one: a conjunction or a relative pronoun.
const LEADS_ON = /\b(?:en|and|maar|terwijl|want|but|while|whereas|that|which|die|dat|wat|waar|waarvan|whose)\b/iu;
// A conjunction that opens a clause of its own: what follows it is about something else ("…, terwijl het gratis zou zijn").
const OTHER_CLAUSE = /\b(?:terwijl|maar|want|omdat|hoewel|whereas|while|but|because|although)\b/iu;

/**
 * The words after an amount that are about it: up to the next clause of its own; when another amount follows in
 * the sentence, only if a clause boundary comes first (the words leading up to that amount are about that one).
 */
function ownPartAfter(after: string, clauseAfter: string, nextInSentence: boolean): string {
  if (nextInSentence) {
    if (clauseAfter.length < after.length) return clauseAfter;
    // "€1,50 moeten kosten en jullie hebben €15,00 …": up to the word that opens what leads to the next amount
    const lead = LEADS_ON.exec(after);
    return lead ? after.slice(0, lead.index) : '';
  }
  const cut = OTHER_CLAUSE.exec(after);
  return cut ? after.slice(0, cut.index) : after;
}

/** The text of the amount's sentence before it. */
function sentenceBefore(text: string, at: number): string {
  const parts = text.slice(0, at).split(SENTENCE);
  return parts[parts.length - 1] ?? '';
}

/** Pure: the features of one amount among all amounts of a text. */
export function amountFeatures(text: string, all: MoneyMention[], index: number): AmountFeatures {
  const part = partAround(text, all, index);
  const { before, after, clauseAfter, nextInSentence } = part;
  // "€1,20 zou het moeten zijn … €22,05 afgeschreven": words that said what the amount before was are not about this one
  const prev = index > 0 ? partAround(text, all, index - 1) : null;
  const prevPart = prev && before === text.slice(all[index - 1].end, all[index].start) ? prev : null;
  const taken = prevPart ? REFERENCE_AFTER.exec(ownPartAfter(prevPart.after, prevPart.clauseAfter, prevPart.nextInSentence)) : null;
  const clauseBefore = before.slice(Math.max(before.length - part.clauseBefore.length, taken?.[0].length ?? 0));
  const clause = `${clauseBefore} ${clauseAfter}`;
  const fromHere = FROM_BEFORE.test(before) && TO_AFTER.test(after);
  // words after an amount that lead up to the next amount in its clause are about that one
  const ownAfter = ownPartAfter(after, clauseAfter, nextInSentence);
  return {
    // ("12.50 weg", "er ging 8,40 af voor …": the particle of money gone after it)
    charged: CHARGED.test(clauseBefore) || CHARGED.test(clauseAfter) || GONE_AFTER.test(clauseAfter) || (AF_AFTER.test(clauseAfter) && AF_VERB_BEFORE.test(clauseBefore)),
    disputed: DISPUTED_AFTER.test(after),
    // words after an amount that lead up to the next amount in the sentence are about that one
    reference: REFERENCE.test(clauseBefore) || OTHER_PERSON.test(clauseBefore) || REFERENCE_AFTER.test(ownAfter) || (IRREALIS_BEFORE.test(clauseBefore) && MODAL_AFTER.test(ownAfter)) || (TARIFF_BEFORE.test(clauseBefore) && !CHARGED.test(clause)),
    stated: STATED.test(clauseBefore),
    refunded: REFUNDED.test(clause) && !NOT_YET.test(clause),
    to: /^\s*(?:geworden|gaan\s+kosten)\b/iu.test(after) || (/\b(?:naar|to)\s*$/iu.test(before) && index > 0 && FROM_BEFORE.test(text.slice(index > 1 ? all[index - 2].end : 0, all[index - 1].start))),
    acknowledged: ACKNOWLEDGED_AFTER.test(after) || ACKNOWLEDGED_BARE.test(after) || ITSELF_BEFORE.test(clauseBefore),
    earlier: EARLIER.test(clauseBefore) || EARLIER.test(ownAfter),
    // "terwijl ik maar een uur stond en het uurtarief €2,20 is": a concessive clause is no change of situation
    contrast: CONTRAST.test(clauseBefore) && !CONCESSIVE.test(clauseBefore) && !EARLIER.test(clauseBefore),
    concessive: CONCESSIVE.test(clauseBefore),
    rate: RATE_AFTER.test(after) || RATE_BEFORE.test(clauseBefore),
    unitPrice: !OWN_UNIT.test(clauseBefore) && (UNIT_PRICE.test(clauseBefore) || (/^\s*(?:kost|costs?)\b/iu.test(after) && UNIT_PRICE.test(`${clauseBefore} kost`))),
    present: PRESENT.test(clauseBefore) && !EARLIER.test(clauseBefore),
    // "mijn saldo ging van €31,20 naar €7,20": both ends of a balance's move, within its sentence
    balance:
      (BALANCE.test(sentenceBefore(text, all[index].start).slice(-60)) && !CHARGED.test(clause)) ||
      ((BALANCE.test(clauseBefore) || (!nextInSentence && BALANCE.test(clauseAfter))) && !CHARGED.test(clause)) ||
      LEFT_AFTER.test(after) ||
      // "Vanochtend stond mijn tegoed op €25,00. Nu nog €3,15.": what is still there, after a balance named just before
      (STILL_BEFORE.test(clauseBefore) && BALANCE.test(text.slice(Math.max(0, all[index].start - 120), all[index].start)) && !CHARGED.test(clause)) ||
      TOP_UP.test(clause),
    difference: DIFFERENCE_BEFORE.test(before) || DIFFERENCE_AFTER.test(after),
    refund: REFUND.test(clause),
    // "een boete van €60", "€15 aanmaningskosten": named right beside it
    consequence: CONSEQUENCE.test(clauseBefore.slice(-30)) || CONSEQUENCE.test(after.slice(0, 25)) || ON_TOP.test(clauseBefore),
    onTop: ON_TOP.test(clauseBefore),
    from: fromHere,
    negated: NEGATED_BEFORE.test(before),
    emphasis: EMPHASIS.after.test(after) || EMPHASIS.before.test(before),
    repeatedNext: repeatedIn(`${before.slice(-24)} ${after.slice(0, 24)}`),
    another: ANOTHER.test(clauseBefore) || EXTRA_AFTER.test(after) || CAME_ON_TOP.test(clause),
    computed: COMPUTED.test(clauseBefore),
    total: TOTAL.test(clauseBefore) || TOTAL.test(clauseAfter.slice(0, 20)),
    // (said roughly in its own words: "twee euro en een paar cent", "een dertig euro" — money-words.ts)
    rough: Boolean(all[index].rough) || (ROUGH_BEFORE.test(text.slice(Math.max(0, all[index].start - 40), all[index].start)) && !FROM_TO.test(text.slice(Math.max(0, all[index].start - 40), all[index].start))) || (ROUGH_AFTER.test(after) && !fromHere && !RATE_AFTER.test(after)),
    hold: HOLD.test(clause) && !CHARGED_NOT_HOLD.test(clause),
    alreadyPaid: ALREADY_PAID.test(clause),
    item: ITEM.before.test(before) || (ITEM.after.test(after) && !REFUND.test(clauseAfter)) || (prev !== null && /\b(?:due\s+to|because\s+of|vanwege|waarvan|of\s+which)\s*$/iu.test(prev.after)),
  };
}

// Between two amounts of one enumeration ("€12,10, €9,70 en €31,55"): nothing but a separator.
const LIST_GAP = /^\s*(?:,|;|\/|&|\+|en|and|of|or|én)?\s*(?:nog\s+)?$/iu;
const SHARED: (keyof AmountFeatures)[] = ['charged', 'reference', 'earlier', 'contrast', 'concessive', 'balance', 'consequence'];

/** Pure: the features of every amount, the members of an enumeration sharing the cues of the clause around it. */
export function featuresOfAll(text: string, all: MoneyMention[]): AmountFeatures[] {
  const fs = all.map((_, i) => amountFeatures(text, all, i));
  let start = 0;
  for (let i = 1; i <= all.length; i++) {
    if (i < all.length && LIST_GAP.test(text.slice(all[i - 1].end, all[i].start))) continue;
    if (i - start > 1) {
      const group = fs.slice(start, i);
      for (const key of SHARED) if (group.some((f) => f[key])) for (const f of group) f[key] = true;
    }
    start = i;
  }
  return fs;
}

/** Pure and cheap (it runs on every message with money): its clause says the amount was charged, or calls it usual or earlier. */
export function chargedOrReference(text: string, all: MoneyMention[], index: number): boolean {
  // the whole sentence around it (a comma inside a date or a list must not hide "charged"), or the sentence before
  // when the amount opens one ("waarom staat dit 2x op mijn afschrift?? 96 euro en …")
  const { after, clauseBefore, clauseAfter, nextInSentence } = partAround(text, all, index);
  const head = text.slice(index > 0 ? all[index - 1].end : 0, all[index].start).split(SENTENCE).filter((p) => p.trim()).pop() ?? '';
  if (CHARGED.test(head) || CHARGED.test(after) || REFERENCE.test(clauseBefore) || EARLIER.test(clauseBefore)) return true;
  const ownAfter = ownPartAfter(after, clauseAfter, nextInSentence);
  return REFERENCE_AFTER.test(ownAfter) || EARLIER.test(ownAfter);
}

/** The text says a charge happened more than once ("twee keer", "2x", "dubbel", "twice"), not that one amount is a multiple of a price ("het dubbele", "twice the amount"). */
export function repeatedIn(text: string): boolean {
  return saysMoreThanOnce(foldForMatching(text)) && !MULTIPLE_OF_PRICE.test(text);
}
// one amount that is a multiple of the right one: "precies het dubbele", "twice the amount", "three times what it should be"
const MULTIPLE_OF_PRICE = /\b(?:het\s+(?:dubbele|drievoudige|tienvoudige)|(?:twee|drie|tien)\s+keer\s+(?:zoveel|zo\s+veel|zo\s+duur|het\s+bedrag)|(?:twice|double|three\s+times|ten\s+times)\s+(?:the|what|as\s+much)|double\s+the)\b/iu;

/**
 * How many times the text says a charge was taken ("twee keer", "3x", "dubbel", "twice", "drie afschrijvingen"), or
 * null when it gives no count. A total of repeated charges is this many times the charge, not any multiple.
 */
export function timesIn(text: string): number | null {
  const t = foldForMatching(text);
  const word = /\b(?:(\d|twee|drie|vier|two|three|four)\s*(?:x|×|keer|maal|times|afschrijvingen|incasso'?s|betalingen|charges|payments|debits|transactions)|(tweemaal|twice|dubbel\w*|double\w*|duplica\w*)|(driemaal|thrice))\b/u.exec(t);
  if (!word) return null;
  if (word[2]) return 2;
  if (word[3]) return 3;
  const n = /^\d$/.test(word[1]) ? Number(word[1]) : ({ twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4 } as Record<string, number>)[word[1]];
  return n && n >= 2 ? n : null;
}

/**
 * The text says several different charges were taken for what should have been one or none ("2 afschrijvingen … 3,20 en
 * 16,80", "charged twice – €6.40 and then €19.20", "ik betaal twee abonnementen"): which of them is wrong, the words seldom say.
 */
export const SEVERAL_CHARGES =
  /\b(?:(?:\d|twee|drie|two|three|beide|meerdere|several|multiple|both)\s+(?:\p{L}+\s+)?(?:afschrijvingen|afboekingen|incasso'?s|betalingen|transacties|abonnementen|bedragen|charges|payments|debits|transactions|subscriptions)|charged\s+(?:me\s+)?twice|twice\s+charged|(?:twee|2)\s*(?:keer|x)\s+(?:afgeschreven|betaald|gerekend|ge[iï]ncasseerd|afgeboekt))\b/iu;

export const saysCharged = (text: string): boolean => CHARGED.test(text);
