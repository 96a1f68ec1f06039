/**
 * Amounts of money said in words, the way people say prices: "veertien euro", "twaalf euro vijftig",
 * "drie euro en vijftig cent", "twenty-five pounds", "vijf euries", "tien piek", "fifty pence", "two grand";
 * without a currency, a whole and its cents side by side ("twaalf vijftig", "zeven vijfennegentig",
 * "twelve fifty", "honderd twintig vijftig") or with "komma" ("twaalf komma vijf"); coins and notes
 * ("een tientje", "twee vijfjes", "a tenner", "een briefje van vijftig", "anderhalve euro"). The numbers
 * come from number-words.ts; whether a currency-less one is money is money.ts's call (the words around
 * it must be about paying), so those come back `implicit`. A figure said roughly ("twee euro en een paar
 * cent", "een dertig euro", "ten quid or so") comes back `rough`: a person should check it.
 */
import { numberGroups, numberInWords, type NumberGroup } from './number-words.ts';

export type WordCurrency = 'EUR' | 'USD' | 'GBP';

export interface WordAmount {
  start: number;
  end: number;
  cents: number;
  /** null: the words name no currency ("twaalf vijftig", "a tenner", "two grand"): the text's own, else euros */
  currency: WordCurrency | null;
  /** no word says it is money: only money when the words around it are about paying */
  implicit: boolean;
  /** said roughly: an approximate figure, never taken without a person's look */
  rough: boolean;
}

// a currency word after a number: the currency, and whether it counts cents
const CURRENCY_AFTER = /^\s*(euro's|euros?|eur|euries|eurie|eurootjes|ekkies|piek|pieken|ballen|ponden|pond|pounds?|quid|dollars?|bucks?|cents?|centen|pence|grand)(?![\p{L}\d])/iu;
// after a whole amount: its cents, in words or digits ("twaalf euro vijftig", "drie euro en 50 cent")
const JOIN = /^\s+(?:(?:en|and)\s+)?/iu;
const SUBUNIT_AFTER = /^\s*(?:cents?|centen|ct|pence|p)(?![\p{L}\d])/iu;
// a count, a time, a date, a unit after a number: not its cents, not a price ("twaalf vijftig minuten", "drie twintig keer")
const UNIT_AFTER = /^\s*(?:uur|uren|u|h|min|mins|minuut|minuten|minutes?|seconden|sec|secs|seconds?|kwartier|dagen|dag|days?|weken|week|weeks?|maanden|maand|months?|jaar|jaren|years?|keer|maal|times|x|ritten|rit|rides?|stuks?|pieces?|procent|percent|%|km|kilometers?|meters?|kilo|kg|gram|liters?|hours?|o'clock|am|pm|a\.m|p\.m|personen|mensen|people|kinderen|children|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october|euro|eur|euros)(?![\p{L}])/iu;
// words of a time or a year before a number: "om twaalf vijftig", "at twelve fifty", "in nineteen ninety-five"
const TIME_BEFORE = /(?:^|[^\p{L}])(?:om|tegen|tot|vanaf|sinds|tussen|at|till|until|since|between|by|in|anno|jaar|year|half|kwart|(?:trein|bus|tram|metro|vlucht|boot|pont|train|flight|ferry)\s+(?:van|of|om|at))\s+$/iu;
// "twenty twenty-three": a year said the English way, not £20.23
const isYear = (text: string, g: NumberGroup, h: NumberGroup): boolean => g.value === 20 && h.value >= 10 && h.value <= 39 && /^twenty$/i.test(text.slice(g.start, g.end));
// said roughly after a whole amount: "twee euro en een paar cent", "ten quid or so", "vijf euro nog wat", "twelve pounds something"
const ROUGH_TAIL = /^\s*(?:(?:en|and)\s+)?(?:nog\s+)?(?:een\s+paar|wat|enkele|een\s+beetje|a\s+few|some|a\s+bit|change|something|odd|or\s+so|of\s+zo|ish)(?![\p{L}])(?:\s+(?:cent|centen|cents|pence))?/iu;
const KOMMA = /^\s+(?:komma|point|punt)\s+/iu;

const CURRENCY_OF: Record<string, WordCurrency | null> = { pond: 'GBP', ponden: 'GBP', pound: 'GBP', pounds: 'GBP', quid: 'GBP', pence: 'GBP', dollar: 'USD', dollars: 'USD', buck: 'USD', bucks: 'USD', grand: null };
/** A currency word of whole units right after a position ("drie euro" after "twee euro": a second amount, not cents). */
const wholeCurrencyAt = (text: string, at: number): boolean => {
  const w = CURRENCY_AFTER.exec(text.slice(at))?.[1].toLowerCase();
  return w !== undefined && !/^(?:cents?|centen|pence)$/.test(w);
};
const currencyOf = (w: string): WordCurrency | null => (w in CURRENCY_OF ? CURRENCY_OF[w] : 'EUR');

/** Pure: the amounts in words of a text, in order (see the top of the file). */
export function wordAmounts(text: string): WordAmount[] {
  const groups = numberGroups(text);
  const out: WordAmount[] = [];
  const adjacent = (a: NumberGroup | undefined, b: NumberGroup | undefined) => Boolean(a && b && /^\s+$/.test(text.slice(a.end, b.start)));
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const next = groups[i + 1];
    // a whole and its cents side by side, two numbers that make no one number: "twaalf vijftig", "twelve ninety-five"
    if (!g.article && adjacent(g, next) && next.twoDigit && !adjacent(next, groups[i + 2]) && !adjacent(groups[i - 1], g) && g.value >= 1 && g.value < 10000 && !TIME_BEFORE.test(text.slice(Math.max(0, g.start - 20), g.start)) && !isYear(text, g, next)) {
      const after = text.slice(next.end);
      const cur = CURRENCY_AFTER.exec(after);
      const word = cur?.[1].toLowerCase();
      // "twaalf vijftig euro" is €12,50; a unit after it ("twaalf vijftig minuten") or cents ("twee vijftig cent") is no price
      if (cur && word && !/^(?:cents?|centen|pence|grand|ballen)$/.test(word)) {
        out.push({ start: g.start, end: next.end + cur[0].length, cents: g.value * 100 + next.value, currency: currencyOf(word), implicit: false, rough: g.about });
        i++;
        continue;
      }
      if (!cur && !UNIT_AFTER.test(after)) {
        out.push({ start: g.start, end: next.end, cents: g.value * 100 + next.value, currency: null, implicit: true, rough: g.about });
        i++;
        continue;
      }
    }
    // "twaalf komma vijf", "twelve point five zero euro"
    const komma = KOMMA.exec(text.slice(g.end));
    if (komma && !g.article) {
      const at = g.end + komma[0].length;
      const decimals = decimalsAt(text, at, groups, i);
      if (decimals) {
        const cur = CURRENCY_AFTER.exec(text.slice(decimals.end));
        const word = cur?.[1].toLowerCase();
        const money = cur && word && !/^(?:cents?|centen|pence|grand)$/.test(word);
        out.push({ start: g.start, end: money ? decimals.end + cur[0].length : decimals.end, cents: g.value * 100 + decimals.cents, currency: money ? currencyOf(word!) : null, implicit: !money, rough: g.about });
        while (i + 1 < groups.length && groups[i + 1].start < decimals.end) i++;
        continue;
      }
    }
    const cur = CURRENCY_AFTER.exec(text.slice(g.end));
    if (!cur || g.value === 0) continue;
    const word = cur[1].toLowerCase();
    const end = g.end + cur[0].length;
    if (/^(?:cents?|centen|pence)$/.test(word)) {
      // "vijftig cent", "ninety-five cents": a subunit ("een paar cent" is no figure)
      if (!g.article && g.value < 1000) out.push({ start: g.start, end, cents: g.value, currency: word === 'pence' ? 'GBP' : word === 'cent' || word === 'centen' ? 'EUR' : 'USD', implicit: false, rough: g.about });
      continue;
    }
    if (word === 'grand') {
      if (!g.article || /^a$/i.test(text.slice(g.start, g.end))) out.push({ start: g.start, end, cents: g.value * 100_000, currency: null, implicit: false, rough: g.about });
      continue;
    }
    // the cents after the whole: "twaalf euro vijftig", "drie euro en 50 cent", "twelve pounds fifty" — not a count after it
    // ("twee euro drie keer"), not "en een paar cent" (said roughly)
    const tail = text.slice(end);
    const join = JOIN.exec(tail);
    let cents = 0;
    let stop = end;
    const h = groups[i + 1];
    if (join && h && h.start === end + join[0].length && !h.article && h.value >= 1 && h.value < 100 && !UNIT_AFTER.test(text.slice(h.end)) && !wholeCurrencyAt(text, h.end)) {
      cents = h.value;
      stop = h.end + (SUBUNIT_AFTER.exec(text.slice(h.end))?.[0].length ?? 0);
      i++;
    } else if (join) {
      const digits = /^(\d{2})(?![\d.,:]\d)/u.exec(tail.slice(join[0].length));
      const at = end + join[0].length;
      if (digits && !UNIT_AFTER.test(text.slice(at + 2)) && !/^\s*(?:€|\$|£|eur)/iu.test(text.slice(at + 2))) {
        cents = Number(digits[1]);
        stop = at + 2 + (SUBUNIT_AFTER.exec(text.slice(at + 2))?.[0].length ?? 0);
      }
    }
    const rough = g.about || (!cents && ROUGH_TAIL.test(tail));
    // slang that is also a plain noun ("vijftig ballen"): money only when the words around it are about paying
    out.push({ start: g.start, end: stop, cents: g.value * 100 + cents, currency: currencyOf(word), implicit: word === 'ballen', rough });
  }
  return [...out, ...coins(text, out)].sort((a, b) => a.start - b.start);
}

/** The decimals after "komma": "vijf" (.5), "vijftig" (.50), "nul vijf" (.05), "50". */
function decimalsAt(text: string, at: number, groups: NumberGroup[], i: number): { cents: number; end: number } | null {
  const digits = /^(\d{1,2})(?!\d)/.exec(text.slice(at));
  if (digits) return { cents: digits[1].length === 1 ? Number(digits[1]) * 10 : Number(digits[1]), end: at + digits[1].length };
  const h = groups.slice(i + 1).find((g) => g.start === at);
  if (!h || h.article || h.value > 99) return null;
  if (h.value === 0) {
    const k = groups[groups.indexOf(h) + 1];
    return k && /^\s+$/.test(text.slice(h.end, k.start)) && k.value < 10 ? { cents: k.value, end: k.end } : null;
  }
  return { cents: h.value < 10 ? h.value * 10 : h.value, end: h.end };
}

// coins and notes by their names: a count of them ("twee tientjes"), or one ("een tientje", "a tenner"); "een paar tientjes" is no figure
const COIN = /(?<![\p{L}])(?:(?:een|één|a)\s+)?(?:(anderhalve|anderhalf|halve)\s+euro|(vijfje|tientje|kwartje|dubbeltje|knaak|tenner|fiver))(?![\p{L}])|(?<![\p{L}])(\p{L}+)\s+(vijfjes|tientjes|kwartjes|dubbeltjes|knaken|tenners|fivers)(?![\p{L}])|(?<![\p{L}])(?:een\s+|a\s+)?(?:briefje|biljet|bankbiljet|note)\s+(?:van|of)\s+(?:€\s?)?(\d{1,3}|\p{L}+)(?![\p{L}\d])/giu;
const COIN_CENTS: Record<string, number> = { dubbeltje: 10, kwartje: 25, knaak: 250, knake: 250, vijfje: 500, tientje: 1000, fiver: 500, tenner: 1000 };
const NOTES = new Set([5, 10, 20, 50, 100, 200, 500]);

function coins(text: string, taken: WordAmount[]): WordAmount[] {
  if (!/anderhal|halve|vijfje|tientje|kwartje|dubbeltje|knaak|knaken|tenner|fiver|briefje|biljet|note\s/iu.test(text)) return [];
  const out: WordAmount[] = [];
  for (const m of text.matchAll(COIN)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken.some((o) => start < o.end && end > o.start)) continue;
    let cents = 0;
    if (m[1]) cents = m[1].toLowerCase().startsWith('anderhal') ? 150 : 50;
    else if (m[2]) cents = COIN_CENTS[m[2].toLowerCase()] ?? 0;
    else if (m[4]) {
      const count = numberInWords(m[3]);
      cents = count && count > 1 ? count * (COIN_CENTS[m[4].toLowerCase().replace(/(?:s|en)$/, '')] ?? 0) : 0;
    } else if (m[5]) {
      const v = /^\d+$/.test(m[5]) ? Number(m[5]) : numberInWords(m[5]);
      cents = v !== null && NOTES.has(v) ? v * 100 : 0;
    }
    if (cents) out.push({ start, end, cents, currency: m[2] && /^(?:tenner|fiver)$/i.test(m[2]) ? null : m[5] && /note/i.test(m[0]) ? null : 'EUR', implicit: false, rough: false });
  }
  return out;
}
