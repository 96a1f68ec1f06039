import type { Span } from './types.ts';

/**
 * Phrase matching for the reply checks. Patterns are written as plain regex sources with
 * spaces meaning "any whitespace"; word edges are Unicode-aware (\b is ASCII-only in JS, so
 * "vóór" or "geïnteresseerd" would break it).
 */
export function phrases(sources: string[]): RegExp {
  // " ?" is optional whitespace, " " required whitespace; a source never ends in a space
  const body = sources.map((s) => s.trimEnd().replace(/ \?/g, '\\s*').replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');
}

export function firstMatch(text: string, re: RegExp): Span | null {
  re.lastIndex = 0;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : null;
}

export function allMatches(text: string, re: RegExp): Span[] {
  re.lastIndex = 0;
  const out: Span[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return out;
}

export interface Sentence {
  start: number;
  text: string;
}

/**
 * Sentences with their offsets; line breaks end a sentence too (greetings, signatures). A point between digits
 * ("20.000 euro", "artikel 7.2") does not end one.
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /(?:[^.!?\n]|(?<=\d)\.(?=\d))+(?:[.!?]+|\n|$)/g;
  for (const m of text.matchAll(re)) {
    const t = m[0].trim();
    if (t) out.push({ start: m.index! + m[0].indexOf(t), text: t });
  }
  return out;
}

/** The sentence (as `sentences` cuts them) that holds position `at`: the words a finding can be judged by. */
export function sentenceAt(text: string, at: number): string {
  let found = '';
  for (const s of sentences(text)) {
    if (s.start > at) break;
    found = s.text;
  }
  return found;
}

/** The body without the closing lines (greeting + signature), so they do not count as content. */
export function bodyWithoutSignature(text: string): string {
  const lines = text.split(/\r?\n/);
  const i = lines.findIndex((l) => CLOSING.test(l.trim()));
  return i >= 0 ? lines.slice(0, i).join('\n') : text;
}

export const CLOSING =
  /^(met )?(vriendelijke|hartelijke|beste|warme|fijne)? ?(groet(en)?|regards|wishes)[,.!]?$|^(mvg|m\.v\.g\.|gr\.?|groetjes|kind regards|best regards|warm regards|best wishes|regards|best|sincerely|yours sincerely|yours truly|cheers|thanks|thank you|many thanks|thanks again|thanks so much|hoogachtend|met vriendelijke groet(en)?)[,.!]?$/i;

// A quotation: "…", ‘…’, “…”, or '…' opened after a space or colon and closed before a space or punctuation (so the
// apostrophes of "it's" and "'s avonds" open nothing); two words at least, on one line.
const QUOTED = /(?<=^|[\s:(])(?:"([^"\n]{3,300}?)"|“([^”\n]{3,300}?)”|‘([^’\n]{3,300}?)’|'([^'\n]{3,300}?)'(?=[\s.,;:!?)]|$))/g;

/**
 * The text with what it quotes blanked out (same length, so spans keep their offsets): "You wrote 'as I said
 * before, I want to cancel'" reports the customer's words; they are not the agent talking down or shifting blame.
 */
export function maskQuoted(text: string): string {
  return text.replace(QUOTED, (m, ...groups: (string | undefined)[]) => {
    const inner = groups.slice(0, 4).find((g) => g !== undefined) ?? '';
    if (!/\S\s+\S/.test(inner)) return m;
    return m[0] + ' '.repeat(m.length - 2) + m[m.length - 1];
  });
}
