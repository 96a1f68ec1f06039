import { foldForMatching } from './normalise.ts';

export type TokenKind = 'word' | 'number';

export interface Token {
  /** as the customer wrote it */
  text: string;
  /** folded: lower case, no diacritics, plain apostrophe */
  norm: string;
  start: number;
  end: number;
  kind: TokenKind;
}

// A word is letters, optionally joined by an apostrophe or hyphen to more letters: "auto's",
// "m'n", "don't", "e-mail", "klanten-service". A leading elision ("'s avonds") is left out.
// A number is digits with inner separators ("12,50", "3.000", "06-12345678" is three numbers).
const TOKEN = /(\p{L}[\p{L}\p{M}]*(?:['-][\p{L}\p{M}]+)*)|(\p{N}+(?:[.,]\p{N}+)*)/gu;

/**
 * Word and number tokens with their offsets in `text`. Pass `folded` when the caller already
 * has foldForMatching(text), to fold once per message.
 */
export function tokenise(text: string, folded = foldForMatching(text)): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN)) {
    const start = m.index!;
    const end = start + m[0].length;
    out.push({ text: text.slice(start, end), norm: m[0], start, end, kind: m[1] ? 'word' : 'number' });
  }
  return out;
}

/** Just the folded words, in order: the input for stopwords, stemming and lexicons. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenise(text)) if (t.kind === 'word') out.push(t.norm);
  return out;
}
