import { foldForMatching } from '../text/normalise.ts';
import { NEGATORS } from '../text/stopwords.ts';
import { tokenise, type Token } from '../text/tokenise.ts';
import { lexiconFor, type Lexicon, type LexiconLanguage } from './lexicon/lookup.ts';

/**
 * One pass of a lexicon over a message, the shared ground of sentiment and anger. Per word:
 * its polarity and anger from the lexicon; multiplied by a preceding intensifier ("heel slecht",
 * "very bad") or downtoner ("beetje traag"); flipped and weakened by a negator up to three words
 * before it in the same clause ("niet goed", "not happy": anger from a negated word is dropped:
 * "niet boos" is not anger); weighted towards what follows "maar"/"but" in its sentence; and
 * strengthened when written in CAPITALS inside a message that is not all capitals.
 * Expressions (lexicon phrases: "te veel betaald", "ben het zat", "fed up") count once and
 * their words are not counted again.
 */
export interface LexiconScore {
  /** sum of word and phrase polarities, unbounded */
  polarity: number;
  /** sum of anger weights, unbounded */
  anger: number;
  /** how many words and phrases had a value */
  hits: number;
  /** words of 3+ letters in capitals in a message that is not all capitals */
  capitalWords: number;
  /** most letters are capitals (a shouted message of a few words or more) */
  shouting: boolean;
  exclamations: number;
  /** emoji and emoticons: [positive, negative, angry] */
  emoji: [number, number, number];
}

const NEGATION_WINDOW = 3;
const CONTRAST = new Set(['maar', 'echter', 'but', 'however', 'although', 'though']);

const ANGRY_EMOJI = /\u{1F621}|\u{1F620}|\u{1F92C}|\u{1F624}|\u{1F595}/gu; // 😡 😠 🤬 😤 🖕
const NEGATIVE_EMOJI = /\u{1F622}|\u{1F62D}|\u{1F61E}|\u{1F614}|\u{1F641}|\u2639|\u{1F612}|\u{1F629}|\u{1F62B}|\u{1F44E}|:-?\(|:'\(/gu;
const POSITIVE_EMOJI = /\u{1F642}|\u{1F60A}|\u{1F600}|\u{1F603}|\u{1F604}|\u{1F601}|\u{1F44D}|\u2764|\u{1F64F}|\u{1F60D}|\u{1F973}|:-?\)|:-?D\b|;-?\)/gu;

/**
 * `tokens`: tokenise(text, folded) when the caller has it (readMessage does); it is used when no
 * phrase or greeting was blanked out, which is most messages, and saves tokenising again.
 */
export function scoreLexicon(text: string, language: LexiconLanguage, folded = foldForMatching(text), tokensOfFolded?: readonly Token[]): LexiconScore {
  const lex = lexiconFor(language);
  let masked = folded.replace(lex.data.ignore, blank);

  let polarity = 0;
  let anger = 0;
  let hits = 0;
  // most messages have none of the phrases: one scan says so (nothing blanked, nothing to find later)
  if (anyPhrase(lex).test(masked)) for (const [re, p, a] of lex.data.phrases) {
    re.lastIndex = 0;
    masked = masked.replace(re, (m) => {
      polarity += p;
      anger += a;
      hits++;
      return blank(m);
    });
  }

  const tokens = (tokensOfFolded && masked === folded ? tokensOfFolded : tokenise(text, masked)).filter((t) => t.kind === 'word');
  const shouting = tokens.length >= 3 && isShouted(text);
  // per scored word: its values, sentence and position; contrast words remembered per sentence
  const values: { p: number; a: number; sentence: number; at: number }[] = [];
  const contrastAt = new Map<number, number>();
  let sentence = 0;
  let lastNegator = -Infinity;
  let capitalWords = 0;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (i > 0) {
      const gap = breaksBetween(masked, tokens[i - 1]!.end, tok.start);
      if (gap === SENTENCE) sentence++;
      if (gap !== NONE) lastNegator = -Infinity;
    }
    const w = tok.norm;
    if (NEGATORS.has(w)) {
      lastNegator = i;
      continue;
    }
    if (CONTRAST.has(w)) {
      contrastAt.set(sentence, i);
      lastNegator = -Infinity;
      continue;
    }
    const entry = lex.lookup(w);
    if (!entry || (entry[0] === 0 && !entry[1])) continue;
    // an intensifier before a sentiment word only modifies it ("heel slecht", "really good")
    const next = tokens[i + 1];
    if (lex.intensifier(w) && next && lex.lookup(next.norm)?.[0]) continue;

    let p = entry[0];
    let a = entry[1] ?? 0;
    const mult = intensity(tokens, i, lex);
    p *= mult;
    a *= 1 + (mult - 1) / 2; // "heel teleurgesteld" is more disappointed, hardly angrier
    if (i - lastNegator <= NEGATION_WINDOW) {
      p = -p * 0.6;
      a = 0;
    }
    const original = text.slice(tok.start, tok.end);
    if (!shouting && original.length >= 3 && original === original.toUpperCase() && original !== original.toLowerCase()) {
      p *= 1.4;
      a = a * 1.4 + (p < 0 ? 0.1 : 0);
      capitalWords++;
    }
    values.push({ p, a, sentence, at: i });
    hits++;
  }

  for (const v of values) {
    const c = contrastAt.get(v.sentence);
    polarity += v.p * (c === undefined ? 1 : v.at < c ? 0.5 : 1.5);
    anger += v.a;
  }

  return {
    polarity,
    anger,
    hits,
    capitalWords,
    shouting,
    exclamations: countChar(text, 33), // '!'
    // emoji are astral or above U+2639, emoticons need ':' or ';': most messages have neither
    emoji: MAY_HAVE_EMOJI.test(text) ? [count(text, POSITIVE_EMOJI), count(text, NEGATIVE_EMOJI), count(text, ANGRY_EMOJI)] : [0, 0, 0],
  };
}

const ANY_PHRASE = new Map<Lexicon, RegExp>();
function anyPhrase(lex: Lexicon): RegExp {
  let re = ANY_PHRASE.get(lex);
  if (!re) ANY_PHRASE.set(lex, (re = new RegExp(lex.data.phrases.map(([r]) => `(?:${r.source})`).join('|'))));
  return re;
}

const NONE = 0;
const CLAUSE = 1;
const SENTENCE = 2;
/** SENTENCE when folded[from, to) has a sentence break ([.!?\n]), CLAUSE for a clause break only ([;:,]), else NONE */
function breaksBetween(folded: string, from: number, to: number): number {
  let found = NONE;
  for (let k = from; k < to; k++) {
    const c = folded.charCodeAt(k);
    if (c === 46 || c === 33 || c === 63 || c === 10) return SENTENCE;
    if (c === 59 || c === 58 || c === 44) found = CLAUSE;
  }
  return found;
}

const MAY_HAVE_EMOJI = /[:;\u2639-\uffff]/;

function countChar(text: string, code: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

/** The product of the intensifiers right before word i (up to two: "echt heel slecht"). */
function intensity(tokens: readonly { norm: string }[], i: number, lex: Lexicon): number {
  let mult = 1;
  for (let j = i - 1; j >= Math.max(0, i - 2); j--) {
    const m = lex.intensifier(tokens[j]!.norm);
    if (m === undefined) break;
    mult *= m;
  }
  return mult;
}

/** Most letters are capitals (at least 12 letters). */
function isShouted(text: string): boolean {
  let letters = 0;
  let capitals = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) {
      letters++;
      capitals++;
    } else if (c >= 97 && c <= 122) letters++;
    else if (c > 127) {
      const ch = text[i]!;
      const lower = ch.toLowerCase();
      if (lower !== ch.toUpperCase()) {
        letters++;
        if (ch !== lower) capitals++;
      }
    }
  }
  return letters >= 12 && capitals / letters > 0.7;
}

function count(text: string, re: RegExp): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

function blank(s: string): string {
  return ' '.repeat(s.length);
}
