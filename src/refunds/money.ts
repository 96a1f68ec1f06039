// Money as integer cents, read from what people and billing systems write ("12,50", "1.234,56",
// "12.5", "€ 7"), and the currency codes we accept (ISO 4217, as Intl knows them).

const CURRENCIES = new Set<string>(
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['EUR', 'USD', 'GBP', 'CHF', 'SEK', 'DKK', 'NOK', 'PLN', 'CZK'],
);

export const isCurrency = (code: string) => /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);

const PLAIN = /^(\d{1,13})(?:([.,])(\d{1,2}))?$/;

export type AmountParse = { ok: true; cents: number } | { ok: false; reason: string };

/**
 * A decimal amount as cents. `decimal` says which separator marks the cents: ',' (Dutch: 1.234,56)
 * or '.' (1,234.56); 'auto' takes the last of the two that is followed by 1–2 digits. More than two
 * decimals is refused unless they are zeros (fractional cents do not exist).
 */
export function parseAmount(raw: string, decimal: ',' | '.' | 'auto' = 'auto'): AmountParse {
  const quick = plainCents(raw, decimal);
  if (quick >= 0) return { ok: true, cents: quick };
  // what billing exports write nearly always ("12.50", "7", "0,5"): no thousands to guess at
  const plain = PLAIN.exec(raw);
  if (plain && (!plain[2] || decimal === 'auto' || plain[2] === decimal)) {
    const cents = Number(plain[1]) * 100 + (plain[3] ? Number(plain[3].length === 1 ? `${plain[3]}0` : plain[3]) : 0);
    return { ok: true, cents };
  }
  let s = raw.trim().replace(/^(€|EUR)\s*/i, '').replace(/\s*(€|EUR)$/i, '').replace(/[\s\u00a0']/g, '');
  if (!s) return { ok: false, reason: 'empty amount' };
  let negative = false;
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1);
  }
  let sep: string | null = decimal === 'auto' ? null : decimal;
  if (decimal === 'auto') {
    const m = /[.,](\d*)$/.exec(s);
    const lastComma = s.lastIndexOf(','), lastDot = s.lastIndexOf('.');
    if (m && (lastComma >= 0) !== (lastDot >= 0)) {
      // one kind of separator: decimal unless it groups thousands ("1.234" or "1,234,567")
      const only = lastComma >= 0 ? ',' : '.';
      const groups = s.split(only);
      sep = groups.length > 2 || (groups[1].length === 3 && groups[0].length <= 3 && groups[0] !== '0') ? null : only;
    } else if (m) sep = lastComma > lastDot ? ',' : '.';
  }
  const thousands = sep === ',' ? '.' : sep === '.' ? ',' : /[.,]/;
  const [whole, frac = '', extra] = (sep ? s.split(thousands).join('') : s.replace(/[.,]/g, '')).split(sep ?? '\u0000');
  if (extra !== undefined || !/^\d+$/.test(whole || '0') || !/^\d*$/.test(frac) || (!whole && !frac)) return { ok: false, reason: `"${raw.trim()}" is not an amount` };
  if (frac.length > 2 && /[^0]/.test(frac.slice(2))) return { ok: false, reason: `"${raw.trim()}" has fractions of a cent` };
  const cents = Number(whole || '0') * 100 + Number((frac + '00').slice(0, 2));
  if (!Number.isSafeInteger(cents)) return { ok: false, reason: `"${raw.trim()}" is too large` };
  return { ok: true, cents: negative ? -cents : cents };
}

/** "€ 12,50" (nl) or "€12.50" (en). */
export function formatMoney(cents: number, currency: string, language: string | null | undefined): string {
  const locale = language === 'en' ? 'en-GB' : 'nl-NL';
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/**
 * PLAIN's amounts ("12.50", "7", "0,5") read digit by digit, without a match array: the cents, or -1
 * for anything else (then the full reading decides).
 */
function plainCents(raw: string, decimal: ',' | '.' | 'auto'): number {
  const len = raw.length;
  let whole = 0;
  let i = 0;
  for (; i < len; i++) {
    const c = raw.charCodeAt(i) - 48;
    if (c < 0 || c > 9) break;
    whole = whole * 10 + c;
  }
  if (i === 0 || i > 13) return -1;
  if (i === len) return whole * 100;
  const sep = raw[i];
  if ((sep !== '.' && sep !== ',') || (decimal !== 'auto' && sep !== decimal)) return -1;
  const frac = len - i - 1;
  if (frac < 1 || frac > 2) return -1;
  const d1 = raw.charCodeAt(i + 1) - 48;
  const d2 = frac === 2 ? raw.charCodeAt(i + 2) - 48 : 0;
  if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
  return whole * 100 + d1 * 10 + d2;
}
