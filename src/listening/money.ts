/**
 * Amounts of money in a message, as integer cents plus currency: "€ 12,50", "12,50 euro",
 * "EUR 3.000,-", "€3.000", "$12.50", "12.50 dollar", "£5", "50 cent". A number counts only
 * next to a currency sign, code or word, so dates, phone numbers, times and percentages are
 * left alone. Dutch and English notation are told apart per number: a separator followed by
 * exactly three digits groups thousands ("3.000", "3,000"), one followed by one or two digits is
 * the decimal mark ("12,50", "12.50"); with both, the last one is the decimal mark.
 */
export type Currency = 'EUR' | 'USD' | 'GBP';

export interface Money {
  cents: number;
  currency: Currency;
}

// The number: digits with optional grouping and decimals, optionally ",-" / ".-" / ",=" for whole euros.
const NUM = String.raw`(\d{1,3}(?:[.,'\u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?:[.,](?:-{1,2}|=|\u2013))?`;
const SIGN_BEFORE = String.raw`(€|\$|£|\b(?:eur|euro|usd|us\$|gbp)\b\.?)`;
const WORD_AFTER = String.raw`(€|\$|£|eur\b|euro(?:'s)?\b|usd\b|dollars?\b|gbp\b|pounds?\b|ponden\b|pond\b|cents?\b|centen\b|pence\b|p\b)`;

// sign before (allowing "€ 12", "EUR 3.000,-", "$ 12.50", a minus between), or amount then word.
const MONEY = new RegExp(
  String.raw`${SIGN_BEFORE}\s?-?\s?${NUM}(?![\d%])|(?<![\d.,\w])-?${NUM}\s?${WORD_AFTER}`,
  'giu',
);

export function findMoney(text: string): Money[] {
  const out: Money[] = [];
  for (const m of text.matchAll(MONEY)) {
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
    if (cents > 0) out.push({ cents, currency });
  }
  return out;
}

function currencyOf(unit: string): Currency {
  if (unit === '$' || unit === 'usd' || unit === 'us$' || unit.startsWith('dollar') || unit === 'cents') return 'USD';
  if (unit === '£' || unit === 'gbp' || unit.startsWith('pound') || unit.startsWith('pond') || unit === 'pence' || unit === 'p') return 'GBP';
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
