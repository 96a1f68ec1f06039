/**
 * Whole numbers written in words, Dutch and English: "veertien", "drieëntwintig",
 * "driehonderdzeventig", "tweeduizend", "fourteen", "twenty-five", "three hundred and seventy".
 * Customers write small amounts out ("vier euro", "DRIEHONDERDZEVENTIG euro"); no library reads
 * Dutch number words, so this does, for 0 to 999,999. Input is folded (lower case, no diacritics).
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

/** A Dutch number written as one word ("driehonderdzeventig"), or null. */
export function dutchNumber(word: string): number | null {
  const w = word.replace(/ë/g, 'e');
  if (!w) return null;
  const thousand = w.lastIndexOf('duizend');
  if (thousand >= 0) {
    const left = w.slice(0, thousand);
    const right = w.slice(thousand + 'duizend'.length);
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
    const l = left ? NL_UNITS[left] : 1;
    const r = right ? dutchBelowHundred(right) : 0;
    return l === undefined || r === null || l === 0 ? null : l * 100 + r;
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
    } else if (p === 'a' && !seen) continue;
    else return null;
    seen = true;
  }
  return seen ? total + current : null;
}

const NL_WORD = String.raw`[a-zë]*(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tien|tig|honderd|duizend)`;
const EN_WORD = String.raw`(?:(?:a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|thousand|and)[\s-]+)*(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty|hundred|thousand)`;

/** Number words right before a currency word: "veertien euro", "vier euro vijftig", "twenty-five pounds". */
export const AMOUNT_IN_WORDS = new RegExp(
  String.raw`(?<![\w-])(${NL_WORD}|${EN_WORD})\s+(euro(?:'s|s)?|eur|pond(?:en)?|pounds?|dollars?)\b(?:\s+(?:en\s+|and\s+)?(${NL_WORD}|${EN_WORD}|\d{1,2})\b(?:\s*(?:cents?|centen|pence|p)\b)?(?!\s*(?:uur|u\b|minuten|minutes?|min|dagen|days?|keer|times|hours?|euro|eur|pond|pounds?|dollars?)))?`,
  'giu',
);

/** The value in whole units of a word-number match, or null when the words are no number. */
export function numberInWords(words: string): number | null {
  const w = words.toLowerCase().trim();
  return /\s|-/.test(w) || w in EN_SMALL || w in EN_TENS || w === 'hundred' || w === 'thousand' ? englishNumber(w) : (dutchNumber(w) ?? englishNumber(w));
}
