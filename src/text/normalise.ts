/**
 * Text folded for matching: lower case, diacritics removed ("geïnteresseerd" -> "geinteresseerd"),
 * typographic apostrophes, quotes, dashes and spaces made plain. The result has exactly the
 * length of the input (one UTF-16 unit in, one out), so an offset found in the folded text is an
 * offset in the original: matchers search the folded text and report spans of what the customer
 * wrote.
 */
export function foldForMatching(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (code < 0x41) {
      out += ch;
      continue;
    }
    if (code <= 0x5a) {
      out += String.fromCharCode(code + 32);
      continue;
    }
    if (code < 0x80) {
      out += ch;
      continue;
    }
    out += foldChar(ch);
  }
  return out;
}

const FOLD_CACHE = new Map<string, string>();
const PUNCT: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u00b4': "'", '\u0060': "'", '\u2032': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u00ab': '"', '\u00bb': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-',
  '\u00a0': ' ', '\u2007': ' ', '\u202f': ' ', '\u2009': ' ', '\u200a': ' ',
};

function foldChar(ch: string): string {
  const hit = FOLD_CACHE.get(ch);
  if (hit !== undefined) return hit;
  let out = PUNCT[ch];
  if (out === undefined) {
    const lower = ch.toLowerCase();
    const base = lower.normalize('NFD').replace(/\p{M}+/gu, '');
    // Keep the one-unit-in, one-unit-out promise: letters like "ß" or "İ" whose folding changes
    // length stay as they are (lower-cased when that keeps the length).
    out = base.length === 1 ? base : lower.length === 1 ? lower : ch;
  }
  if (FOLD_CACHE.size < 4096) FOLD_CACHE.set(ch, out);
  return out;
}

/**
 * Text for display-independent processing (clustering, hashing): NFC, folded, invisible
 * characters dropped, runs of white space collapsed to one space, trimmed. Offsets are not kept.
 */
export function normalise(text: string): string {
  return foldForMatching(text.normalize('NFC'))
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
