import { EACH, repeatedIn } from './amount-features.ts';
import type { Scored } from './disputed-amount.ts';
import type { MoneyMention } from './money.ts';

/**
 * When the choice of disputed-amount.ts may be taken without a person's look (issue 14: a wrong amount promises a customer
 * the wrong refund). The scores say which amount leads; these rules say whether the others are accounted for: every other
 * amount needs a role that says why it is not the charge (usual, earlier, a rate, a balance, a hold, a rough figure, part of
 * the sum, a smaller price beside a charge, …). An amount nobody explains could be the charge as well, whatever the scores
 * say, and the customer is flagged with the alternatives instead.
 */

/**
 * Another amount is explained when its own words or the sums give it a role that is not the charge in dispute: a usual,
 * right or stated price, an earlier time, a rate, a balance, a hold, a rough figure, money already back or paid before, the
 * old end of a change, a fine beside a charge, the difference or total the sums make of the best one.
 */
export function explained(o: Scored, best: Scored, severalCharges = false, contested = true): boolean {
  const f = o.f;
  if (o.reference || o.rate || f.balance || f.earlier || f.acknowledged || f.refunded || f.from || f.negated || f.rough || f.hold || f.alreadyPaid || f.unitPrice) return true;
  if (f.concessive || (f.stated && !f.charged)) return true;
  // a fine or fee beside a charge the complaint is plainly about (set against a usual price, disputed, "nu"), unless the fee is
  // said to be taken itself ("ik kreeg een boete van €95 … die boete klopt niet"); beside a charge nobody disputes, the fee
  // may be the complaint ("Daar kwam €15 servicekosten bij")
  if (f.consequence) return (f.onTop || (!o.parts.charged && contested)) && (best.f.charged || best.f.disputed);
  // the sums place it (a total, a part or the difference of the best one); a multiple of a charge taken twice
  if ((o.parts.sums ?? 0) < 0 || o.parts.multipleOfAnother) return true;
  // one of the charges that were each wrong, beside the total they made ("beide ritten … €4,00 erbij … €8,00")
  if (best.parts.totalOfEach && best.m.cents % o.m.cents === 0) return true;
  if (o.m.currency !== best.m.currency) return true;
  const smaller = o.m.cents < best.m.cents;
  // the difference the customer works out, below the charge it is the difference of ("7 euro te veel … ik betaalde €9,10")
  if (f.difference && smaller) return true;
  // the same digits with the decimal point moved ("kaartje van €3,10 … belast met €31,00"): the price and what was taken
  if (best.m.cents === o.m.cents * 10 || best.m.cents === o.m.cents * 100) return true;
  // a smaller amount nobody says was taken, beside one that is said to be taken (or set against it): the price it should
  // have been, however it is worded ("een sessie van één uur (€2,40)", "de app zelf zegt dat de sessie €1,30 kostte")
  // (several charges for one thing: the one many times larger is the run-on, the small one the real price — "2 afschrijvingen,
  // 3,20 en 16,80")
  const farSmaller = o.m.cents * 3 <= best.m.cents;
  return smaller && (!severalCharges || farSmaller) && (farSmaller || !o.parts.charged) && !o.f.disputed && !o.parts.another && !o.parts.repeatedNext && !o.f.emphasis && (positive(best) || severalCharges);
}

/** The complaint is plainly about this amount: set against a usual, earlier or rough price, disputed, or "nu", "!" beside it. */
export const contested = (best: Scored, ranked: Scored[]): boolean =>
  Boolean(best.f.disputed || best.parts.contrast || best.parts.present || best.f.emphasis || best.parts.repeatedNext || best.parts.namedTwice || best.f.refund || (best.parts.sums ?? 0) > 0) ||
  ranked.some((r) => r !== best && (r.reference || r.rate || r.f.earlier || r.f.rough || r.f.unitPrice || r.f.difference));

/** Its own words say this amount was taken, disputed, or set against another ("nu", "vandaag", "nog eens", "!"). */
const positive = (s: Scored): boolean =>
  Boolean(s.parts.charged || s.f.disputed || s.parts.contrast || s.parts.present || s.f.emphasis || s.parts.another || s.parts.repeatedNext || s.parts.to || (s.parts.sums ?? 0) > 0);


// each of the charges was wrong: "beide", "allebei", "both", "elk", "each"
const EACH_OR_ELK = new RegExp(`${EACH.source}|\\b(?:elk|elke|ieder|iedere|each)\\b(?!\\s+(?:uur|hour|dag|day|maand|month|week|jaar|year|rit|ride))`, 'iu');
// "in elk geval", "each other": no each; "een van de twee", "one of them": one of the repeats is the wrong one
const NOT_EACH = /\b(?:in\s+(?:elk|ieder)\s+geval|each\s+other|elk\s+moment|allebei\s+met)\b/giu;
const ONE_OF = /(?<![\p{L}\d])(?:(?:een|één|1)\s+van\s+(?:de|die|beide)|(?:eentje|één)\s+(?:terug|ervan)|one\s+of\s+(?:them|the|those)|(?:een|één|one)\s+(?:keer|time)\s+(?:te\s+veel|too\s+many))\b/iu;
// where a quoted earlier mail begins: a header line, or a line of "> "
const QUOTE_START = /(?:^|\n)\s*(?:>|(?:op|on)\s[^\n]{3,80}\s(?:schreef|wrote)[^\n]{0,80}:|-{2,}\s*(?:original message|oorspronkelijk bericht|forwarded message|doorgestuurd bericht)|(?:van|from):\s[^\n]+\n\s*(?:verzonden|sent|datum|date):)/iu;
const QUOTED_LINE_AT = /^\s*>/u;
// "elk €13,99", "each £4.15", "telkens €9,90": one amount for each of several charges
const EACH_RIGHT_BEFORE = /\b(?:elk|elke|ieder|iedere|each|telkens|allebei|beide|both)\s*(?:keer\s+|time\s+)?(?:€|\$|£|eur)?\s*$/iu;
// "die twee bedragen terug", "both charges back": several charges of the one amount named, all asked back
const THESE_AMOUNTS = /\b(?:die|deze|those|these|both|beide|allebei|alle)\s+(?:twee|drie|vier|2|3|4)?\s*(?:bedragen|afschrijvingen|incasso'?s|betalingen|charges|amounts|payments|debits)\b[^.!?]{0,40}\b(?:terug|retour|back|refund\w*)|\b(?:refund|terug\w*)\s+(?:both|all|allebei|beide|alle)\b/iu;

/** The customer's own amounts: not those of an earlier mail quoted below ("> …", "Op 3 dec schreef …:", "On … wrote:"). */
export function ownMentions(text: string, mentions: MoneyMention[]): MoneyMention[] {
  const quoted = QUOTE_START.exec(text)?.index ?? text.length;
  const own = mentions.filter((m) => m.start < quoted && !QUOTED_LINE_AT.test(text.slice(text.lastIndexOf('\n', m.start) + 1, m.start)));
  return own.length && own.length < mentions.length ? own : mentions;
}

/**
 * One amount for each of several charges that were all wrong ("allebei doorgerekend … twee keer €6,50", "elk €13,99",
 * "die twee bedragen terug"), not one duplicate among them ("een van de twee", "allebei met de omschrijving").
 */
export function eachOfSeveral(text: string, mentions: MoneyMention[]): boolean {
  if (ONE_OF.test(text)) return false;
  const eachBefore = mentions.some((m) => EACH_RIGHT_BEFORE.test(text.slice(Math.max(0, m.start - 16), m.start)));
  return (repeatedIn(text) && EACH_OR_ELK.test(text.replace(NOT_EACH, ' '))) || eachBefore || THESE_AMOUNTS.test(text);
}
