/**
 * Numbers written in words, Dutch and English: "veertien", "drieëntwintig", "vijfennegentig",
 * "honderdtwintig", "twaalfhonderd", "tweeduizendvijfhonderd", "honderd twintig", "vijf en twintig",
 * "fourteen", "twenty-five", "one hundred and five", "a hundred". No npm library reads Dutch number
 * words (words-to-numbers and its kin are English only; Microsoft's recognizers-text has Dutch in
 * .NET and Python, not in its JavaScript port), so this does, for 0 to 999,999.
 *
 * `numberGroups` reads a text into groups: the longest runs of number words that make one number by
 * the grammar of numbers (a multiplier after a smaller number, a smaller number after a round one,
 * English tens and a unit, Dutch unit "en" tens). Two numbers side by side that make no one number
 * ("twaalf vijftig", "twelve fifty") stay two groups; money-words.ts reads such a pair as a price.
 * Whether a number is money is not decided here.
 */

const NL_UNITS: Record<string, number> = { nul: 0, een: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9 };
const NL_TEENS: Record<string, number> = {
  tien: 10, elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18, negentien: 19,
};
const NL_TENS: Record<string, number> = { twintig: 20, dertig: 30, veertig: 40, vijftig: 50, zestig: 60, zeventig: 70, tachtig: 80, negentig: 90 };

const EN_SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** A Dutch number written as one word ("driehonderdzeventig", "twaalfhonderd"), or null. Folded input (no diacritics). */
export function dutchNumber(word: string): number | null {
  const w = word.replace(/ë/g, 'e').replace(/-/g, '');
  if (!w) return null;
  const thousand = w.lastIndexOf('duizend');
  if (thousand >= 0) {
    const left = w.slice(0, thousand);
    const right = w.slice(thousand + 'duizend'.length).replace(/^en(?=\w)/, '');
    const l = left ? dutchBelowThousand(left) : 1;
    const r = right ? dutchBelowThousand(right) : 0;
    return l === null || r === null || l === 0 ? null : l * 1000 + r;
  }
  return dutchBelowThousand(w);
}

function dutchBelowThousand(w: string): number | null {
  const hundred = w.indexOf('honderd');
  if (hundred >= 0) {
    const left = w.slice(0, hundred);
    const right = w.slice(hundred + 'honderd'.length).replace(/^en(?=\w)/, '');
    // "tweehonderd", and the way prices are said: "twaalfhonderd", "vijfentwintighonderd"
    const l = left ? dutchBelowHundred(left) : 1;
    const r = right ? dutchBelowHundred(right) : 0;
    return l === null || r === null || l === 0 ? null : l * 100 + r;
  }
  return dutchBelowHundred(w);
}

function dutchBelowHundred(w: string): number | null {
  if (w in NL_UNITS) return NL_UNITS[w];
  if (w in NL_TEENS) return NL_TEENS[w];
  if (w in NL_TENS) return NL_TENS[w];
  // "drieentwintig": unit + "en" + tens
  const m = /^(een|twee|drie|vier|vijf|zes|zeven|acht|negen)en(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)$/.exec(w);
  return m ? NL_UNITS[m[1]] + NL_TENS[m[2]] : null;
}

/** An English number in words ("twenty-five", "three hundred and seventy"), or null. */
export function englishNumber(words: string): number | null {
  const parts = words.split(/[\s-]+/).filter((p) => p && p !== 'and');
  if (!parts.length) return null;
  let total = 0;
  let current = 0;
  let seen = false;
  for (const p of parts) {
    if (p in EN_SMALL) current += EN_SMALL[p];
    else if (p in EN_TENS) current += EN_TENS[p];
    else if (p === 'hundred') current = (current || 1) * 100;
    else if (p === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else if ((p === 'a' || p === 'an') && !seen) continue;
    else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

/** The value of one number word or a whole phrase of them, or null when the words are no (one) number. */
export function numberInWords(words: string): number | null {
  const groups = numberGroups(words.trim());
  return groups.length === 1 && groups[0].start === 0 && groups[0].end === words.trim().length ? groups[0].value : null;
}

type Lang = 'nl' | 'en';
interface Token { value: number; /** 100 or 1000 for "honderd", "hundred", "duizend", "thousand" on their own */ scale: number; lang: Lang; start: number; end: number; /** "een", "a", "an": the article as often as the number one */ article: boolean }

/** A number group in a text: where it stands, its value, and how it was written. */
export interface NumberGroup {
  start: number;
  end: number;
  value: number;
  /** only the article "een" / "a" / "an" (the number one in "een euro", an article elsewhere) */
  article: boolean;
  /** "een dertig euro", "een twintig minuten": Dutch "een" before a number says "about" */
  about: boolean;
  /** how many number words it took */
  words: number;
  /** 10–99 ("vijftig", "ninety-five"): the shape of the cents of a price said aloud */
  twoDigit: boolean;
}

// a word that may be a number word: what it ends in (cheap test before the dictionaries)
const MAYBE = /(?:een|één|eén|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tig|honderd|duizend|nul|teen|ty|(?:^|-)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|zero)|^an?)$/u;
const WORD = /[\p{L}]+(?:-[\p{L}]+)*/gu;

function token(raw: string, start: number): Token | null {
  const lower = raw.toLowerCase();
  if (!MAYBE.test(lower)) return null;
  const end = start + raw.length;
  // "één", "eén": the number one, written so that it is not the article
  if (/^(?:één|eén|éen)$/u.test(lower)) return { value: 1, scale: 0, lang: 'nl', start, end, article: false };
  if (lower === 'een') return { value: 1, scale: 0, lang: 'nl', start, end, article: true };
  if (lower === 'a' || lower === 'an') return { value: 1, scale: 0, lang: 'en', start, end, article: true };
  if (lower === 'honderd' || lower === 'hundred') return { value: 100, scale: 100, lang: lower === 'honderd' ? 'nl' : 'en', start, end, article: false };
  if (lower === 'duizend' || lower === 'thousand') return { value: 1000, scale: 1000, lang: lower === 'duizend' ? 'nl' : 'en', start, end, article: false };
  const folded = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const nl = dutchNumber(folded);
  if (nl !== null) return { value: nl, scale: 0, lang: 'nl', start, end, article: false };
  const en = englishNumber(folded);
  return en !== null ? { value: en, scale: 0, lang: 'en', start, end, article: false } : null;
}

/** Pure: the smallest order the last word of a group set ("tweehonderd" → 100, "duizend" → 1000), for what may follow it. */
const roundOf = (v: number): number => (v >= 1000 && v % 1000 === 0 ? 1000 : v >= 100 && v % 100 === 0 ? 100 : 0);

/**
 * Whether b joins a (joined by "en"/"and" when `joined`): "twee honderd", "honderd twintig", "honderd en vijf", "twenty five",
 * "vijf en twintig", "duizend vijfhonderd"; "twaalf vijftig", "twintig twintig", "twaalf en vijftig" make no one number.
 */
function joins(a: { value: number; lang: Lang; words: number; lastScale: number }, b: Token, joined: boolean): number | null {
  if (b.article) return null;
  if (b.scale && !joined && a.value > 0 && a.value < b.scale && a.lastScale === 0) return a.value * b.scale;
  const round = roundOf(a.value);
  if (round && !b.scale && b.value > 0 && b.value < round && (b.value < 100 || round === 1000)) return a.value + b.value;
  if (!joined && a.lang === 'en' && b.lang === 'en' && a.value >= 20 && a.value < 100 && a.value % 10 === 0 && b.value >= 1 && b.value <= 9) return a.value + b.value;
  if (joined && a.lang === 'nl' && a.words === 1 && a.value >= 1 && a.value <= 9 && b.lang === 'nl' && b.value >= 20 && b.value < 100 && b.value % 10 === 0) return a.value + b.value;
  return null;
}

/** Pure: the number groups of a text, in order (see the top of the file). */
export function numberGroups(text: string): NumberGroup[] {
  const tokens: Token[] = [];
  const words: string[] = [];
  const gaps: string[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    const t = token(m[0], m.index!);
    gaps.push(text.slice(last, m.index!));
    last = m.index! + m[0].length;
    words.push(m[0].toLowerCase());
    tokens.push(t ?? { value: NaN, scale: 0, lang: 'nl', start: m.index!, end: last, article: false });
  }
  const out: NumberGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (Number.isNaN(t.value)) {
      i++;
      continue;
    }
    // "a hundred", "een honderd": the article as one before a multiplier
    let g = { start: t.start, end: t.end, value: t.value, lang: t.lang, words: 1, lastScale: t.scale, article: t.article, about: false };
    let j = i + 1;
    // "een dertig euro": Dutch "een" before a number is "about"; "a twenty" is an English note, left alone
    if (t.article && j < tokens.length && /^\s+$/.test(gaps[j]) && !Number.isNaN(tokens[j].value) && !tokens[j].article) {
      const n = tokens[j];
      if (n.scale) g = { ...g, end: n.end, value: n.scale, lang: n.lang, words: 2, lastScale: n.scale, article: false };
      else if (t.lang === 'nl') {
        g = { start: n.start, end: n.end, value: n.value, lang: n.lang, words: 1, lastScale: 0, article: false, about: true };
      } else {
        i = j;
        continue;
      }
      j++;
    }
    while (j < tokens.length && !g.article) {
      // "honderd en vijf", "vijf en twintig": "en"/"and" between two number words, each set off by spaces
      const joined = words[j] === 'en' || words[j] === 'and';
      const k = joined ? j + 1 : j;
      const b = tokens[k];
      if (!b || Number.isNaN(b.value) || !/^\s+$/.test(gaps[j]) || (joined && !/^\s+$/.test(gaps[k]))) break;
      const v = joins(g, b, joined);
      if (v === null) break;
      g = { ...g, end: b.end, value: v, words: g.words + 1, lastScale: b.scale };
      j = k + 1;
    }
    out.push({ start: g.start, end: g.end, value: g.value, article: g.article, about: g.about, words: g.words, twoDigit: !g.article && !g.about && g.value >= 10 && g.value <= 99 });
    i = j;
  }
  return out;
}
