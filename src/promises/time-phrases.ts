// The Dutch (with Flemish) and English time expressions that bound a promise: durations ("binnen de drie
// werkdagen", "within a fortnight"), days ("na het weekend", "morgenvoormiddag", "begin februari"), times of day
// ("tussen half negen en half elf", "tegen 17u", "from 2pm"). Data only; resolve-when.ts applies it.
import * as chronoNl from 'chrono-node/nl';
import * as chronoEn from 'chrono-node/en';

export type Language = 'nl' | 'en';
export type PartOfDay = 'morning' | 'afternoon' | 'evening';
export type DaySpec =
  | { type: 'offset'; days: number; part?: PartOfDay }
  /** nextWeek: "volgende week dinsdag" / "next Tuesday" = that day in the next Monday-based week */
  | { type: 'weekday'; weekday: number; nextWeek: boolean; part?: PartOfDay }
  | { type: 'endOfWeek'; weeksAhead: number }
  | { type: 'endOfMonth' }
  /** "na het weekend", "after the weekend": the first business day after the coming Sunday */
  | { type: 'afterWeekend' }
  /** "begin februari", "mid-January", "eind maart", "in januari"; "vóór kerst" is the 24th of December */
  | { type: 'month'; month: number; day: number | 'last' };
export type TimeSpec =
  | { type: 'window'; from: string; to: string }
  | { type: 'by' | 'at' | 'from'; at: string }
  | { type: 'part'; part: PartOfDay }
  | { type: 'endOfDay' };
export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'businessDay';
export interface DurationSpec { amount: number; unit: DurationUnit }
export interface Rule<T> { pattern: RegExp; read: (m: RegExpExecArray) => T }

export interface TimePhrases {
  /** "'s avonds", "in the afternoon": a clock hour below 12 in the same clause is p.m. */
  afterNoon: RegExp;
  /** "in de week van 15 december", "the week of 15 December": the end of that date's week */
  weekOf: RegExp;
  durations: Rule<DurationSpec>[];
  days: Rule<DaySpec>[];
  times: Rule<TimeSpec>[];
  /** chrono reads the explicit calendar dates ("3 december", "15/12") */
  chrono: chronoNl.Chrono;
}

const NL_NUMBERS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, dertien: 13, veertien: 14, vijftien: 15, zestien: 16, zeventien: 17, achttien: 18,
  negentien: 19, twintig: 20, vierentwintig: 24, dertig: 30, zesendertig: 36, veertig: 40, achtenveertig: 48,
  zestig: 60, tweeënzeventig: 72, tweeenzeventig: 72,
};
const EN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, 'twenty-four': 24, thirty: 30, forty: 40, 'forty-eight': 48, sixty: 60,
  'seventy-two': 72, 'a couple of': 2, couple: 2,
};
export const NUMBER_WORDS: Record<string, number> = { ...NL_NUMBERS, ...EN_NUMBERS };
/** longest first, so "vierentwintig" wins over "vier" */
const alternatives = (r: Record<string, number>) => Object.keys(r).sort((a, b) => b.length - a.length).join('|');
const NL_WORDS = alternatives(NL_NUMBERS);
const EN_WORDS = alternatives(EN_NUMBERS);
const hours = (r: Record<string, number>) => alternatives(Object.fromEntries(Object.entries(r).filter(([w, n]) => n <= 12 && w.length > 2 && !w.includes(' '))));
/** clock hours written out: "tussen acht en twaalf uur", "at ten o'clock" */
const NL_HOURS = hours(NL_NUMBERS);
const EN_HOURS = hours(EN_NUMBERS);

export function toNumber(s: string): number {
  return NUMBER_WORDS[s.toLowerCase().replace(/\s+/g, ' ')] ?? Number(s);
}

function unitOf(s: string): DurationUnit {
  const u = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:werkdag|business|working|work )/.test(u)) return 'businessDay';
  if (/^(?:dag|day)/.test(u)) return 'day';
  if (/^(?:week|weken)/.test(u)) return 'week';
  if (/^(?:min|kwartier)/.test(u)) return 'minute';
  return 'hour';
}
/** "binnen drie werkdagen", "within 3 to 5 business days": the later end of a range counts */
const duration = (m: RegExpExecArray): DurationSpec => {
  const amount = Math.max(toNumber(m[1]), m[2] ? toNumber(m[2]) : 0);
  return { amount: /kwartier/i.test(m[3]) ? amount * 15 : amount, unit: unitOf(m[3]) };
};
const fixed = (amount: number, unit: DurationUnit) => () => ({ amount, unit });

const WEEKDAYS: Record<string, number> = {
  maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, maart: 3, april: 4, mei: 5, juni: 6, juli: 7, augustus: 8, september: 9, oktober: 10, november: 11, december: 12,
  january: 1, february: 2, march: 3, may: 5, june: 6, july: 7, august: 8, october: 10,
};
const PARTS: Record<string, PartOfDay> = {
  ochtend: 'morning', morgen: 'morning', vroeg: 'morning', voormiddag: 'morning', middag: 'afternoon', namiddag: 'afternoon',
  avond: 'evening', morning: 'morning', afternoon: 'afternoon', evening: 'evening',
};
const part = (s: string | undefined): PartOfDay | undefined => (s ? PARTS[s.toLowerCase()] : undefined);
const re = (source: string) => new RegExp(source, 'i');
const weekdayRule = (names: string, prefixes: string, nextWeek: string, parts: string): Rule<DaySpec> => ({
  pattern: re(`\\b(?:(${prefixes})\\s+)?(${names})(${parts})?\\b(?:\\s+(?:van\\s+)?(${nextWeek}))?`),
  read: (m) => ({
    type: 'weekday', weekday: WEEKDAYS[m[2].toLowerCase()], part: part(m[3]?.trim()),
    nextWeek: new RegExp(`^(?:${nextWeek})$`, 'i').test(m[1] ?? '') || Boolean(m[4]),
  }),
});
/** "begin februari" → the 7th, "half/midden januari" → the 15th, "eind maart" / "in april" → its last business day */
const monthRule = (begin: string, mid: string, end: string, names: string): Rule<DaySpec> => ({
  pattern: re(`\\b(?:(${begin})|(${mid})|(${end}))[\\s-]+(${names})\\b(?!\\s*\\d)`),
  read: (m) => ({ type: 'month', month: MONTHS[m[4].toLowerCase()], day: m[1] ? 7 : m[2] ? 15 : 'last' }),
});

const NL_MONTHS = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december';
const EN_MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
/** a clock time in Dutch or Flemish: "9:30", "9.30 uur", "acht uur", "half negen", "kwart over tien", "8u", "14u30" */
const NL_CLOCK = `(?:half\\s+(?:${NL_HOURS}|\\d{1,2})|kwart\\s+(?:over|voor)\\s+(?:${NL_HOURS}|\\d{1,2})|\\d{1,2}[uh]\\d{2}|\\d{1,2}(?:[:.]\\d{2})?|${NL_HOURS})`;
const NL_T = `${NL_CLOCK}(?:\\s*uur|u\\b|h\\b)?`;
const NL_T_STRICT = `(?:\\d{1,2}[:.]\\d{2}(?:\\s*uur)?|\\d{1,2}[uh](?:\\d{2})?\\b|(?:\\d{1,2}|${NL_HOURS})\\s*uur|(?:half|kwart\\s+(?:over|voor))\\s+(?:${NL_HOURS}|\\d{1,2}))`;
const NOT_A_DATE = `(?![\\d:]|[.]\\d|\\s*(?:jan|feb|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec|werk|dag|day|week|min|busi|work))`;
const NL_NUM = `(\\d+|${NL_WORDS})`;

export const NL_TIME: TimePhrases = {
  afterNoon: /'s\s*(?:middags|avonds|namiddags)|\bin\s+de\s+(?:na)?(?:middag|avond)\b|(?:van|morgen|dag|deze\s+)(?:na)?(?:middag|avond)\b|\bna\s+de\s+middag\b/i,
  weekOf: /\b(?:in\s+)?de\s+week\s+van\b/i,
  durations: [
    { pattern: re(`\\b(?:binnen|over|in)\\s+(?:de\\s+komende\\s+|de\\s+|nu\\s+)?(?:maximaal\\s+|hooguit\\s+|max\\.?\\s+|ten\\s+hoogste\\s+)?${NL_NUM}(?:\\s*(?:tot|à|-|–)\\s*${NL_NUM})?\\s*(werkdagen|werkdag|dagen|dag|uren|uur|u|minuten|minuut|weken|week|kwartier)\\b`), read: duration },
    { pattern: re(`\\btussen\\s+${NL_NUM}\\s+en\\s+${NL_NUM}\\s+(werkdagen|dagen|weken)\\b`), read: duration },
    { pattern: /\b(?:binnen|over)\s+(?:een\s+)?half\s+uur(?:tje)?\b/i, read: fixed(30, 'minute') },
    { pattern: /\b(?:binnen\s+het|binnen\s+een|over\s+een)\s+uur(?:tje)?\b/i, read: fixed(1, 'hour') },
    { pattern: /\b(?:de\s+)?(?:eerst)?volgende\s+werkdag\b/i, read: fixed(1, 'businessDay') },
  ],
  days: [
    { pattern: /\bovermorgen\b/i, read: () => ({ type: 'offset', days: 2 }) },
    { pattern: /\bmorgen\s*(voormiddag|namiddag|ochtend|middag|avond|vroeg)?\b/i, read: (m) => ({ type: 'offset', days: 1, part: part(m[1]) }) },
    { pattern: /\bvan(daag|ochtend|morgen|middag|avond)\b|\bdeze\s+(voormiddag|namiddag|ochtend|middag|avond)\b/i, read: (m) => ({ type: 'offset', days: 0, part: part(m[1] ?? m[2]) }) },
    weekdayRule('maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag', 'volgende\\s+week|aanstaande|komende|deze', 'volgende\\s+week', 'voormiddag|namiddag|ochtend|middag|avond'),
    { pattern: /\bna\s+het\s+weekend\b/i, read: () => ({ type: 'afterWeekend' }) },
    { pattern: /\b(?:eind(?:e)?\s+(?:van\s+)?(?:de|deze)\s+week|(?:later\s+)?deze\s+week|(?:vóór|voor|tegen)\s+het\s+weekend|binnen\s+de\s+week)\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 0 }) },
    { pattern: /\bbegin\s+volgende\s+week\b/i, read: () => ({ type: 'weekday', weekday: 2, nextWeek: true }) },
    { pattern: /\bmidden\s+volgende\s+week\b/i, read: () => ({ type: 'weekday', weekday: 3, nextWeek: true }) },
    { pattern: /\bvolgende\s+week\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 1 }) },
    { pattern: /\beind(?:e)?\s+(?:van\s+)?(?:de|deze)\s+maand\b/i, read: () => ({ type: 'endOfMonth' }) },
    // a billing moment names its month: "de factuur van januari"
    monthRule('begin|(?:in\\s+)?de\\s+eerste\\s+week\\s+van', 'half|midden|medio', 'eind(?:e)?|eind\\s+van|in|(?:factuur|nota|afrekening)\\s+van', NL_MONTHS),
    { pattern: /\b(?:vóór|voor)\s+(?:de\s+)?kerst(?:mis|dagen)?\b/i, read: () => ({ type: 'month', month: 12, day: 24 }) },
    { pattern: /\b(?:vóór|voor)\s+(?:de\s+jaarwisseling|oud\s+en\s+nieuw|nieuwjaar)\b|\beind(?:e)?\s+van\s+(?:dit|het)\s+jaar\b/i, read: () => ({ type: 'month', month: 12, day: 'last' }) },
  ],
  times: [
    { pattern: re(`\\b(?:tussen\\s+(${NL_T})\\s+en|van\\s+(${NL_T})\\s+tot)\\s+(${NL_T})${NOT_A_DATE}`), read: (m) => ({ type: 'window', from: m[1] ?? m[2], to: m[3] }) },
    { pattern: re(`\\b(\\d{1,2}(?:[:.]\\d{2}|u\\d{2}|u)?)\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2}|\\d{1,2}\\s*uur|\\d{1,2}u(?:\\d{2})?\\b)`), read: (m) => ({ type: 'window', from: m[1], to: m[2] }) },
    { pattern: re(`\\b(?:vóór|voor|uiterlijk|niet\\s+later\\s+dan|ten\\s+laatste|tot|tegen)\\s+(?:om\\s+)?(${NL_T_STRICT})`), read: (m) => ({ type: 'by', at: m[1] }) },
    { pattern: re(`\\b(?:vanaf|na)\\s+(${NL_T_STRICT})`), read: (m) => ({ type: 'from', at: m[1] }) },
    { pattern: /\b(?:vóór|voor)\s+(?:de\s+middag|de\s+lunch|het\s+middaguur|twaalven)\b/i, read: () => ({ type: 'by', at: '12:00' }) },
    { pattern: /\b(?:rond|om)\s+(?:het\s+middaguur|de\s+middag|twaalven)\b/i, read: () => ({ type: 'at', at: '12:00' }) },
    { pattern: /\b(?:eind(?:e)?\s+van\s+de\s+(?:werk)?dag|vandaag\s+nog|in\s+de\s+loop\s+van\s+de\s+dag)\b/i, read: () => ({ type: 'endOfDay' }) },
    { pattern: re(`\\b(?:om|rond)\\s+(${NL_T_STRICT}|\\d{1,2}(?:[:.]\\d{2})?|(?:half|kwart\\s+(?:over|voor))\\s+\\S+)${NOT_A_DATE}`), read: (m) => ({ type: 'at', at: m[1] }) },
    { pattern: /'s\s*(?:ochtends|morgens|voormiddags)|\bin\s+de\s+(?:loop\s+van\s+de\s+)?(?:ochtend|morgen|voormiddag)\b/i, read: () => ({ type: 'part', part: 'morning' }) },
    { pattern: /'s\s*(?:na)?middags|\bin\s+de\s+(?:loop\s+van\s+de\s+)?(?:na)?middag\b|\beind(?:e)?\s+van\s+de\s+middag\b|\bna\s+de\s+middag\b/i, read: () => ({ type: 'part', part: 'afternoon' }) },
    { pattern: /'s\s*avonds|\bin\s+de\s+avond\b/i, read: () => ({ type: 'part', part: 'evening' }) },
    // a clock time on its own ("vrijdag 12:00", "donderdag 9.30 uur", "maandag 14u") is the time
    { pattern: re(`(?<![\\d.:/-])(\\d{1,2}[:.]\\d{2}|\\d{1,2}u\\d{2}|\\d{1,2}u(?=\\b))(?:\\s*uur)?${NOT_A_DATE}`), read: (m) => ({ type: 'at', at: m[1] }) },
  ],
  chrono: chronoNl.casual,
};

const EN_SUFFIX = `\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock)`;
const EN_T = `(?:\\d{1,2}(?:[:.]\\d{2})?|${EN_HOURS})(?:${EN_SUFFIX})?`;
const EN_T_STRICT = `(?:(?:\\d{1,2}(?:[:.]\\d{2})?|${EN_HOURS})${EN_SUFFIX}|\\d{1,2}[:.]\\d{2})`;
const EN_NUM = `(\\d+|${EN_WORDS})`;

export const EN_TIME: TimePhrases = {
  afterNoon: /\b(?:afternoon|evening|tonight)\b/i,
  weekOf: /\b(?:the\s+)?week\s+(?:of|commencing|beginning|starting)\b/i,
  durations: [
    { pattern: re(`\\b(?:within|in|inside(?:\\s+of)?)\\s+(?:the\\s+next\\s+)?(?:a\\s+maximum\\s+of\\s+|at\\s+most\\s+|no\\s+more\\s+than\\s+)?${EN_NUM}(?:\\s*(?:to|-|–|or)\\s*${EN_NUM})?\\s*(business\\s+days?|working\\s+days?|work\\s+days?|hours?|hrs?|h|days?|weeks?|minutes?|mins?)\\b`), read: duration },
    { pattern: re(`\\bbetween\\s+${EN_NUM}\\s+and\\s+${EN_NUM}\\s+(business\\s+days|working\\s+days|days|weeks)\\b`), read: duration },
    { pattern: /\b(?:within|in)\s+half\s+an\s+hour\b/i, read: fixed(30, 'minute') },
    { pattern: /\bwithin\s+the\s+(?:next\s+)?hour\b/i, read: fixed(1, 'hour') },
    { pattern: /\b(?:within|in)\s+(?:a|one|the\s+next)\s+fortnight\b/i, read: fixed(2, 'week') },
    { pattern: /\b(?:the\s+)?next\s+(?:working|business)\s+day\b/i, read: fixed(1, 'businessDay') },
  ],
  days: [
    { pattern: /\b(?:the\s+)?day\s+after\s+tomorrow\b/i, read: () => ({ type: 'offset', days: 2 }) },
    { pattern: /\bfirst\s+thing\s+tomorrow\b/i, read: () => ({ type: 'offset', days: 1, part: 'morning' }) },
    { pattern: /\btomorrow(?:\s+(morning|afternoon|evening))?\b/i, read: (m) => ({ type: 'offset', days: 1, part: part(m[1]) }) },
    { pattern: /\btoday\b|\bthis\s+(morning|afternoon|evening)\b|\btonight(?:'s)?\b/i, read: (m) => ({ type: 'offset', days: 0, part: /tonight/i.test(m[0]) ? 'evening' : part(m[1]) }) },
    weekdayRule('monday|tuesday|wednesday|thursday|friday|saturday|sunday', 'next|this|coming|this\\s+coming', 'next(?:\\s+week)?', '\\s+morning|\\s+afternoon|\\s+evening'),
    { pattern: /\bafter\s+the\s+weekend\b/i, read: () => ({ type: 'afterWeekend' }) },
    { pattern: /\b(?:end\s+of\s+(?:the|this)\s+week|(?:later\s+)?this\s+week|(?:before|by)\s+the\s+weekend)\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 0 }) },
    { pattern: /\bearly\s+next\s+week\b/i, read: () => ({ type: 'weekday', weekday: 2, nextWeek: true }) },
    { pattern: /\bmid(?:-|\s+)?next\s+week\b/i, read: () => ({ type: 'weekday', weekday: 3, nextWeek: true }) },
    { pattern: /\bnext\s+week\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 1 }) },
    { pattern: /\bend\s+of\s+(?:the|this)\s+month\b/i, read: () => ({ type: 'endOfMonth' }) },
    monthRule('early|the\\s+start\\s+of|the\\s+beginning\\s+of|(?:in\\s+)?the\\s+first\\s+week\\s+of', 'mid|the\\s+middle\\s+of', 'late|end\\s+of|the\\s+end\\s+of|in', EN_MONTHS),
    { pattern: /\bbefore\s+christmas\b/i, read: () => ({ type: 'month', month: 12, day: 24 }) },
    { pattern: /\b(?:by\s+|before\s+)?the\s+end\s+of\s+(?:the|this)\s+year\b|\bbefore\s+(?:the\s+)?new\s+year\b/i, read: () => ({ type: 'month', month: 12, day: 'last' }) },
  ],
  times: [
    { pattern: re(`\\b(?:between\\s+(${EN_T})\\s+and|from\\s+(${EN_T})\\s+(?:to|until|till))\\s+(${EN_T})${NOT_A_DATE}`), read: (m) => ({ type: 'window', from: m[1] ?? m[2], to: m[3] }) },
    { pattern: re(`\\b(\\d{1,2}(?:[:.]\\d{2})?(?:${EN_SUFFIX})?)\\s*[-–]\\s*(${EN_T_STRICT})`), read: (m) => ({ type: 'window', from: m[1], to: m[2] }) },
    { pattern: re(`\\b(?:before|by|no\\s+later\\s+than|until)\\s+(${EN_T_STRICT})`), read: (m) => ({ type: 'by', at: m[1] }) },
    { pattern: re(`\\b(?:from|after)\\s+(${EN_T_STRICT})`), read: (m) => ({ type: 'from', at: m[1] }) },
    { pattern: /\b(?:before|by)\s+(?:noon|midday|lunch(?:time)?)\b/i, read: () => ({ type: 'by', at: '12:00' }) },
    { pattern: /\b(?:end\s+of\s+(?:the\s+)?(?:business\s+|working\s+|work\s+)?day|close\s+of\s+(?:business|play)|eod|cob|later\s+today)\b/i, read: () => ({ type: 'endOfDay' }) },
    { pattern: re(`\\bat\\s+(${EN_T_STRICT}|\\d{1,2}\\b${NOT_A_DATE}|noon)`), read: (m) => ({ type: 'at', at: /noon/i.test(m[1]) ? '12:00' : m[1] }) },
    { pattern: /\bin\s+the\s+(morning|afternoon|evening)\b/i, read: (m) => ({ type: 'part', part: part(m[1])! }) },
    // a clock time or noon on its own ("Friday 12:00", "by Friday noon") is the time
    { pattern: /\b(?:noon|midday)\b/i, read: () => ({ type: 'at', at: '12:00' }) },
    { pattern: re(`(?<![\\d.:/-])(\\d{1,2}[:.]\\d{2}(?:${EN_SUFFIX})?|\\d{1,2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.))${NOT_A_DATE}`), read: (m) => ({ type: 'at', at: m[1] }) },
  ],
  chrono: chronoEn.GB,
};
