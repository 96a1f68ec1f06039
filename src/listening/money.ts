/**
 * Amounts of money in a message, as integer cents plus currency: "€ 12,50", "12,50 euro",
 * "EUR 3.000,-", "€3.000", "$12.50", "12.50 dollar", "£5", "50 cent". A number counts only
 * next to a currency sign, code or word, so dates, phone numbers, times and percentages are
 * left alone. Dutch and English notation are told apart per number: a separator followed by
 * exactly three digits groups thousands ("3.000", "3,000"), one followed by one or two digits is
 * the decimal mark ("12,50", "12.50"); with both, the last one is the decimal mark.
 */
import { wordAmounts, type WordAmount } from './money-words.ts';
import { AF_AFTER, AF_VERB_BEFORE, GONE_AFTER } from './amount-cues.ts';

export type Currency = 'EUR' | 'USD' | 'GBP';

export interface Money {
  cents: number;
  currency: Currency;
}

// The number: digits with optional grouping and decimals, optionally ",-" / ".-" / ",=" for whole euros.
const NUM = String.raw`(\d{1,3}(?:[.,'\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:[.,](?:-{1,2}|=|\u2013))?`;
const SIGN_BEFORE = String.raw`(€|\$|£|\b(?:eur|euro|usd|us\$|gbp)(?![a-z])\.?)`;
const WORD_AFTER = String.raw`((?:€|\$|£)(?!\s?\d)|eur\b|euro(?:'s|s)?\b|euries\b|ekkies\b|piek\b|quid\b|bucks?\b|usd\b|dollars?\b|gbp\b|pounds?\b|ponden\b|pond\b|cents?\b|centen\b|pence\b|p\b)`;

// sign before (allowing "€ 12", "EUR 3.000,-", "$ 12.50", a minus between), or amount then word.
const MONEY = new RegExp(
  String.raw`${SIGN_BEFORE}\s?-?\s?${NUM}(?![\d%]|-\d)|(?<![\d.,\w])-?${NUM}\s{0,3}${WORD_AFTER}`,
  'giu',
);

/** An amount with where it stands in the text; `implicit`: written without a currency (see below). */
export interface MoneyMention extends Money {
  start: number;
  end: number;
  implicit: boolean;
  /** said roughly ("twee euro en een paar cent", "een dertig euro"): never taken without a person's look */
  rough?: boolean;
  /** (while reading) the words name no currency ("a tenner"): the text's own */
  unnamed?: boolean;
}

export function findMoney(text: string): Money[] {
  return findMoneyMentions(text, { implicit: false }).map(({ cents, currency }) => ({ cents, currency }));
}

/**
 * Every amount with its place in the text. With `implicit` (the default) also a number written
 * like a price without a currency ("9,90", "16.40") when the words around it are about paying
 * ("afgeschreven", "betaald", "charged", "kost"): customers often leave the euro sign out. Times
 * ("12.30 uur"), dates and percentages stay out.
 */
export function findMoneyMentions(text: string, opts: { implicit?: boolean } = {}): MoneyMention[] {
  const out: MoneyMention[] = [];
  // what the patterns cannot match without: a digit, a currency word (most messages have neither)
  const digits = DIGIT.test(text);
  if (digits) for (const m of text.matchAll(MONEY)) {
    const before = m[1];
    const number = before ? m[2]! : m[3]!;
    const unit = (before ?? m[4]!).toLowerCase().replace(/\.$/, '');
    // "5 p" is too weak on its own: only take "p" glued to the number ("50p")
    if (unit === 'p' && /\s/.test(m[0])) continue;
    const value = parseAmount(number);
    if (value === null) continue;
    const currency = currencyOf(unit);
    const subunit = /^(cents?|centen|pence|p)$/.test(unit);
    const cents = subunit ? Math.round(value) : Math.round(value * 100);
    if (cents > 0) out.push({ cents, currency, start: m.index!, end: m.index! + m[0].length, implicit: false });
  }
  // "12 euro 50", "12 euro en 50 cent": the cents after a whole amount written with a currency word
  if (digits) for (const o of out) {
    if (o.cents % 100 !== 0) continue;
    if (!/(?:euros?|eur|dollars?|pounds?|pond(?:en)?)$/iu.test(text.slice(o.start, o.end))) continue;
    const more = CENTS_AFTER.exec(text.slice(o.end));
    if (!more) continue;
    o.cents += Number(more[1]);
    o.end += more[0].length;
  }
  if (digits && out.length > 1) for (let i = out.length - 1; i >= 0; i--) if (out.some((o, j) => j !== i && out[i].start >= o.start && out[i].end <= o.end)) out.splice(i, 1);
  // "14,-", "€ 7,--": whole euros in Dutch notation, money without a sign
  if (digits) for (const m of text.matchAll(DASH_EUROS)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (out.some((o) => start < o.end && end > o.start)) continue;
    const value = parseAmount(m[1]);
    if (value) out.push({ cents: Math.round(value * 100), currency: 'EUR', start, end, implicit: false });
  }
  // written out: "veertien euro", "twaalf euro vijftig", "een tientje", "a tenner", "vijf euries" (money-words.ts)
  const words = WORDS_HINT.test(text) || PAYING.test(text) || GONE_WORD.test(text) ? wordAmounts(text) : [];
  for (const w of words) {
    if (w.implicit) continue;
    const overlapping = out.filter((o) => w.start < o.end && w.end > o.start);
    // "twaalf euro 50" read as "euro 50" by the pattern above: the words say more
    // ("dertig euro en 15 cent": the cents are the words' own tail)
    if (overlapping.some((o) => o.start <= w.start || !/^(?:eur|euro\b|\d{1,2}\s*(?:cents?|centen|pence|p)\b)/iu.test(text.slice(o.start)))) continue;
    for (const o of overlapping) out.splice(out.indexOf(o), 1);
    out.push({ cents: w.cents, currency: w.currency ?? 'EUR', start: w.start, end: w.end, implicit: false, ...(w.rough ? { rough: true } : {}), ...(w.currency ? {} : { unnamed: true }) });
  }
  out.sort((a, b) => a.start - b.start);
  // a bare amount, "a tenner", "twelve fifty": in the currency the text names elsewhere, else euros
  const currency = out.find((o) => !o.unnamed)?.currency ?? 'EUR';
  for (const o of out) if (o.unnamed) {
    o.currency = currency;
    delete o.unnamed;
  }
  if (opts.implicit === false) return out;
  const mentionsCurrency = CURRENCY_ANYWHERE.test(text);
  // bare numbers written like a price, and prices said aloud without a currency ("twaalf vijftig", "twelve ninety-five")
  const bare = digits ? [...text.matchAll(BARE)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, raw: m[0], spoken: null as WordAmount | null })) : [];
  const spoken = words.filter((w) => w.implicit).map((w) => ({ start: w.start, end: w.end, raw: '', spoken: w as WordAmount | null }));
  // (twice: a price before the one that words about paying stand beside is near it only once that one is in)
  const candidates = bare.concat(spoken).sort((x, y) => x.start - y.start);
  for (const c of candidates.length > 1 ? candidates.concat(candidates) : candidates) {
    const { start, end, raw } = c;
    if (out.some((o) => start < o.end && end > o.start)) continue;
    // "op 12.03", "on 3.11": a day and a month after a word that introduces a date
    if (/^\d{1,2}\.(?:0[1-9]|1[0-2])$/.test(raw) && DATE_BEFORE.test(text.slice(Math.max(0, start - 8), start))) continue;
    // "om 10.15", "van 9.15 tot 9.40", "13.00-13.45": a time of day, not a price
    if (raw && isTimeOfDay(text, raw, start, end)) continue;
    const around = text.slice(Math.max(0, start - 45), Math.min(text.length, end + 45)).toLowerCase();
    // about paying, or in the sentence of an amount with a currency ("normaal 2 euro, nu ineens 16,40"); or written
    // the Dutch way (a decimal comma, or said aloud) and asked about ("17,60???"), or set against a price named before
    // ("… een paar euro. Nu ineens 27,50"), or set against another number in a text about money ("21,10 in plaats van 1,10")
    // (two prices set against each other need no currency: "15,30 ipv 2,55")
    const shaped = c.spoken !== null || raw.includes(',');
    const priceLike = shaped && (/^\s*(?:\?|!)/.test(text.slice(end, end + 3)) || INSTEAD_PAIR.test(text.slice(end, end + 24)) || INSTEAD_PAIR_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || (mentionsCurrency && (NOW_BEFORE.test(text.slice(Math.max(0, start - 24), start)) || INSTEAD.test(text.slice(Math.max(0, start - 20), start)) || INSTEAD.test(text.slice(end, end + 32)))));
    // …or listed right after another amount ("2 afschrijvingen, 3,20 en 16,80")
    const listed = out.some((o) => o.end <= start && LIST_GAP.test(text.slice(o.end, start)));
    // …or the total of amounts named before ("3 keer 12,50 af, in totaal 37,50")
    const total = out.length > 0 && TOTAL_BEFORE.test(text.slice(Math.max(0, start - 24), start));
    // …or, shaped like a price, in the sentence of another price ("normaal twee vijftig, nu ineens elf vijfenzeventig")
    const near = (o: MoneyMention) => sameSentence(text, o, { start, end }) && (!o.implicit || shaped);
    if (!PAYING.test(around) && !priceLike && !listed && !total && !moneyGone(text, start, end) && !out.some(near)) continue;
    if (c.spoken) {
      out.push({ cents: c.spoken.cents, currency: c.spoken.currency ?? currency, start, end, implicit: true, ...(c.spoken.rough ? { rough: true } : {}) });
      continue;
    }
    const value = parseAmount(raw);
    if (value) out.push({ cents: Math.round(value * 100), currency, start, end, implicit: true });
  }
  return out.sort((a, b) => a.start - b.start);
}

const DIGIT = /\d/;

const TIME_LIKE = /^(?:[01]?\d|2[0-3])[.:][0-5]\d$/;
const AT_TIME = /\b(?:om|tot|vanaf|tussen|sinds|rond|at|until|till|since|around)\s+$/iu;
const RANGE_AFTER = /^\s*(?:tot|until|till|to|[-–])\s*\d{1,2}[.:]\d{2}\b/iu;
const RANGE_BEFORE = /\d{1,2}[.:]\d{2}\s*(?:[-–]|tot|until|till|to)\s*$/iu;

/** A bare h.mm after a word of time ("om 10.15") or in a range of two ("van 9.15 tot 9.40", "13.00-13.45"). */
function isTimeOfDay(text: string, number: string, start: number, end: number): boolean {
  if (!TIME_LIKE.test(number)) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 12);
  if (AT_TIME.test(before)) return true;
  const otherEnd = RANGE_AFTER.exec(after)?.[0].match(/\d{1,2}[.:]\d{2}/)?.[0] ?? RANGE_BEFORE.exec(before)?.[0].match(/\d{1,2}[.:]\d{2}/)?.[0];
  return otherEnd !== undefined && TIME_LIKE.test(otherEnd);
}
// after "12 euro": " 50", " en 50 cent" — not a count of minutes, days or times
const CENTS_AFTER = /^\s+(?:en\s+|and\s+)?(\d{2})(?:\s*(?:cent|centen|ct|cents|pence|p)\b)?(?![\d%]|[.,:]\d|\s*(?:uur|u\b|h\b|min|minuten|minutes|dag|dagen|days?|keer|times|x\b|%|procent|percent|kwartier|jaar|years?|maand|months?|week|weken|weeks?))/iu;
const DASH_EUROS = /(?<![\d.,\w€$£])(\d{1,3}(?:\.\d{3})+|\d{1,6}),(?:-{1,2}|=|\u2013)(?![\d\w])/gu;

/** Two spans in one sentence, not far apart. */
function sameSentence(text: string, a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  const between = a.end <= b.start ? text.slice(a.end, b.start) : text.slice(b.end, a.start);
  return between.length <= 150 && !/[.!?](?:\s|$)|\n/.test(between);
}
// what an amount in words cannot be read without: a currency, a coin or note, "komma" (else words about paying)
const WORDS_HINT = /eur|pond|pound|dollar|cent|pence|quid|buck|piek|ballen|ekkie|grand|tenner|fiver|anderhal|halve|vijfje|tientje|kwartje|dubbeltje|knaak|knaken|briefje|biljet|note|komma|point|punt/iu;
const TOTAL_BEFORE = /\b(?:in\s+totaal|totaal|samen|bij\s+elkaar|opgeteld|in\s+total|total|altogether|combined)\s*(?:is|was|dus|:)?\s*$/iu;
/** After the amount, the particle of money gone ("12.50 weg", "8,40 van mijn rekening af"), or "af" of a verb of taking before it. */
export function moneyGone(text: string, start: number, end: number): boolean {
  const after = text.slice(end, end + 60);
  return GONE_AFTER.test(after) || (AF_AFTER.test(after) && AF_VERB_BEFORE.test(text.slice(Math.max(0, start - 40), start)));
}
const GONE_WORD = /(?<![\p{L}])(?:af|eraf|weg|kwijt|verdwenen|gone|missing)(?![\p{L}])/iu;

// A number written like a price (two decimals), not a time, date, version or percentage.
const BARE = /(?<![\d.,:/\-\w€$£])\d{1,4}[.,]\d{2}(?![\d%]|[.,:/-]\d|\s?(?:uur|u\b|h\b|min|am\b|pm\b|%|procent|percent|km|m\b|meter|cm|mm|kg|gram|g\b|liter|l\b|gb|mb|kwh|kb))/giu;
const NOW_BEFORE = /\b(?:nu|ineens|opeens|plots(?:eling)?|toch|weer|deze\s+keer|dit\s+keer|vandaag|vanochtend|vanmorgen|gisteren|now|suddenly|this\s+time|today|yesterday|this\s+morning)\s*(?:\p{L}+\s+){0,2}$/iu;
const INSTEAD = /\b(?:in\s+plaats\s+van|i\.?p\.?v\.?|instead\s+of|rather\s+than)\b/iu;
const INSTEAD_PAIR = /^\s*(?:in\s+plaats\s+van|i\.?p\.?v\.?|instead\s+of|rather\s+than)\s*\d{1,4},\d{2}\b/iu;
const INSTEAD_PAIR_BEFORE = /\b\d{1,4},\d{2}\s*(?:in\s+plaats\s+van|i\.?p\.?v\.?|instead\s+of|rather\s+than)\s*$/iu;
// between two amounts of one enumeration: nothing but a separator
const LIST_GAP = /^\s*(?:,|;|\/|&|\+|en|and|of|or)\s*$/iu;
const CURRENCY_ANYWHERE = /€|\beur(?:o|o's|os)?\b|\bcent\b/iu;
const DATE_BEFORE = /\b(?:op|om|sinds|tot|vanaf|per|on|at|since|until|from)\s+$/i;
// Words about paying, near a bare number, make it an amount.
const PAYING = /\b(?:eraf|bank-?app\w*|bankafschrift\w*|betaal\w*|betaald\w*|betal\w*|pakte|kwijt|afgeschreven|afschrijving\w*|afschrift\w*|afgeboekt|ge[iï]ncasseerd|incasso\w*|(?:ge|be|af|aan)?reken\w*|in rekening|kost(?:te|en|\b)\w*|bedrag\w*|tarief\w*|prijs\w*|factu\w*|charg\w*|paid|pay\w*|cost\w*|bill\w*|debit\w*|fees?\b|price\w*|amount\w*|refund\w*|terugbeta\w*|terugstort\w*)/u;

function currencyOf(unit: string): Currency {
  if (unit === '$' || unit === 'usd' || unit === 'us$' || unit.startsWith('dollar') || unit.startsWith('buck') || unit === 'cents') return 'USD';
  if (unit === '£' || unit === 'gbp' || unit.startsWith('pound') || unit.startsWith('pond') || unit === 'quid' || unit === 'pence' || unit === 'p') return 'GBP';
  return 'EUR'; // €, eur, euro, and Dutch "cent"/"centen"
}

/** "3.000,50" -> 3000.5; "3,000.50" -> 3000.5; "12,50" -> 12.5; "3.000" -> 3000; null if malformed. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/[\u00a0\u202f']/g, '.');
  const lastSep = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  if (lastSep < 0) return Number(s);
  const decimals = s.length - lastSep - 1;
  const hasDecimal = decimals === 1 || decimals === 2;
  const intPart = hasDecimal ? s.slice(0, lastSep) : s;
  const fracPart = hasDecimal ? s.slice(lastSep + 1) : '';
  const digits = intPart.replace(/[.,]/g, '');
  if (!/^\d+$/.test(digits)) return null;
  return Number(digits) + (fracPart ? Number(fracPart) / 10 ** fracPart.length : 0);
}
