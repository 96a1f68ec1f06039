// The Dutch and English words of a promise: who commits to what (the verb phrase) and when (the
// time expression). Data only; find-promises.ts applies it. Patterns run on one clause at a time.
import * as chronoNl from 'chrono-node/nl';
import * as chronoEn from 'chrono-node/en';
import type { PromiseKind } from './find-promises.ts';

export type Language = 'nl' | 'en';
export type PartOfDay = 'morning' | 'afternoon' | 'evening';
export type DaySpec =
  | { type: 'offset'; days: number; part?: PartOfDay }
  /** nextWeek: "volgende week dinsdag" / "next Tuesday" = that day in the next Monday-based week */
  | { type: 'weekday'; weekday: number; nextWeek: boolean; part?: PartOfDay }
  | { type: 'endOfWeek'; weeksAhead: number }
  | { type: 'endOfMonth' };
export type TimeSpec =
  | { type: 'window'; from: string; to: string }
  | { type: 'by' | 'at'; at: string }
  | { type: 'part'; part: PartOfDay }
  | { type: 'endOfDay' };
export type DurationUnit = 'minute' | 'hour' | 'day' | 'week' | 'businessDay';
export interface DurationSpec { amount: number; unit: DurationUnit }
export interface Rule<T> { pattern: RegExp; read: (m: RegExpExecArray) => T }
/** weak: a noun like "afspraak" that only counts together with a time window */
export interface Commitment { kind: PromiseKind; pattern: RegExp; weak?: boolean }

export interface Phrases {
  commitments: Commitment[];
  /**
   * "Volgende update: vrijdag 12:00", "Terugbetaling: uiterlijk 14 maart": a line that names what is
   * promised before a colon, with the time after it. The label carries the commitment.
   */
  labels: Commitment[];
  /** any of these in the clause: not a promise (negation, offer, request to the customer, past tense) */
  guards: RegExp[];
  /** a sentence opening with one of these is a condition, not a commitment */
  conditional: RegExp;
  /** "'s avonds", "in the afternoon": a clock hour below 12 in the same clause is p.m. */
  afterNoon: RegExp;
  durations: Rule<DurationSpec>[];
  days: Rule<DaySpec>[];
  times: Rule<TimeSpec>[];
  /** chrono reads the explicit calendar dates ("3 december", "15/12") */
  chrono: chronoNl.Chrono;
}

const NL_NUMBERS: Record<string, number> = {
  een: 1, één: 1, twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10,
  elf: 11, twaalf: 12, veertien: 14, twintig: 20, vierentwintig: 24, dertig: 30, achtenveertig: 48,
};
const EN_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, fourteen: 14, twenty: 20, 'twenty-four': 24, thirty: 30, 'forty-eight': 48,
};
export const NUMBER_WORDS: Record<string, number> = { ...NL_NUMBERS, ...EN_NUMBERS };
/** longest first, so "vierentwintig" wins over "vier" */
const alternatives = (r: Record<string, number>) => Object.keys(r).sort((a, b) => b.length - a.length).join('|');
const NL_WORDS = alternatives(NL_NUMBERS);
const EN_WORDS = alternatives(EN_NUMBERS);
const hours = (r: Record<string, number>) => alternatives(Object.fromEntries(Object.entries(r).filter(([w, n]) => n <= 12 && w.length > 2)));
/** clock hours written out: "tussen acht en twaalf uur", "at ten o'clock" */
const NL_HOURS = hours(NL_NUMBERS);
const EN_HOURS = hours(EN_NUMBERS);

export function toNumber(s: string): number {
  return NUMBER_WORDS[s.toLowerCase()] ?? Number(s);
}

function unitOf(s: string): DurationSpec['unit'] {
  const u = s.toLowerCase().replace(/\s+/g, ' ');
  if (/^(?:werkdag|business|working|work )/.test(u)) return 'businessDay';
  if (/^(?:dag|day)/.test(u)) return 'day';
  if (/^(?:week)/.test(u)) return 'week';
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
const PARTS: Record<string, PartOfDay> = {
  ochtend: 'morning', morgen: 'morning', vroeg: 'morning', middag: 'afternoon', avond: 'evening',
  morning: 'morning', afternoon: 'afternoon', evening: 'evening',
};
const part = (s: string | undefined): PartOfDay | undefined => (s ? PARTS[s.toLowerCase()] : undefined);
const re = (source: string) => new RegExp(source, 'i');
/** subject "we/ik" before the verb (up to eight words between) or right after it ("bel ik u") */
const us = (subjects: string, verbs: string, then = '') => {
  const rest = then ? `(?:\\s+\\S+){0,10}?\\s+(?:${then})\\b` : '';
  return re(`\\b(?:${subjects})\\b(?:\\s+\\S+){0,8}?\\s+(?:${verbs})\\b${rest}|\\b(?:${verbs})\\s+(?:${subjects})\\b${rest}`);
};
const weekdayRule = (names: string, prefixes: string, nextWeek: string, parts: string): Rule<DaySpec> => ({
  pattern: re(`\\b(?:(${prefixes})\\s+)?(${names})(${parts})?\\b(?:\\s+(?:van\\s+)?(${nextWeek}))?`),
  read: (m) => ({
    type: 'weekday', weekday: WEEKDAYS[m[2].toLowerCase()], part: part(m[3]?.trim()),
    nextWeek: new RegExp(`^(?:${nextWeek})$`, 'i').test(m[1] ?? '') || Boolean(m[4]),
  }),
});

const NL_T = `(?:\\d{1,2}(?:[:.]\\d{2})?|${NL_HOURS})(?:\\s*uur)?`;
const NL_T_STRICT = `(?:\\d{1,2}[:.]\\d{2}(?:\\s*uur)?|(?:\\d{1,2}|${NL_HOURS})\\s*uur)`;
const NOT_A_DATE = `(?![\\d:]|[.]\\d|\\s*(?:jan|feb|maa|mar|apr|mei|may|jun|jul|aug|sep|okt|oct|nov|dec|werk|dag|day|week|min|busi|work))`;
const NL_NUM = `(\\d+|${NL_WORDS})`;

/**
 * Who commits, in Dutch: we, I, or a colleague named by role ("onze planner", "een collega van de
 * afdeling Facturatie", "de technische dienst", "die" after such a noun).
 */
const NL_WE = `we|wij|ik|(?:een|de|het|onze?)\\s+(?:\\S+\\s+){0,3}?(?:collega|medewerker|planner|afdeling|team|monteur|technicus|koerier|bezorger|dienst|specialist|adviseur|commissie|klantenservice|servicedesk|helpdesk)\\w*`;
/** Who commits, in English: we, I, or a colleague named by role ("a member of our billing team"). */
const EN_WE = `we|i|(?:a|an|the|our)\\s+(?:\\S+\\s+){0,4}?(?:team|colleague|member|agent|engineer|technician|courier|department|specialist|advisor|adviser|planner|staff)s?`;

export const NL: Phrases = {
  commitments: [
    { kind: 'appointment_window', pattern: /\b(?:monteur|technicus|installateur)\b(?:\s+\S+){0,2}?\s+(?:komt|is|zal|gaat|staat)\b|\b(?:komt|is|zal|gaat)\s+(?:de|onze|een)\s+(?:monteur|technicus|installateur)\b/i },
    { kind: 'appointment_window', pattern: /\b(?:we|wij|ik)\b(?:\s+\S+){0,6}?\s+(?:komen|kom)\b.*\blangs\b|\b(?:komen|kom)\s+(?:we|wij|ik)\b.*\blangs\b/i },
    { kind: 'appointment_window', pattern: /\b(?:afspraak|bezoek|tijdvak|monteur|technicus|koerier|bezorger|bezorgmoment|levermoment)\b|\b(?:geplaatst|ge[iï]nstalleerd|aangesloten|opgehaald|bezorgd|geleverd|gemonteerd)\b|\bhaalt\b(?:\s+\S+){0,6}?\s+op\b/i, weak: true },
    { kind: 'callback', pattern: us(NL_WE, '(?:terug)?bel(?:len|t)?') },
    { kind: 'callback', pattern: /\b(?:u\s+wordt|wordt\s+u)\b(?:\s+\S+){0,6}?\s+(?:terug)?gebeld\b|\btelefonisch\s+contact\b|\b(?:belletje|telefoontje)\b/i },
    { kind: 'refund_by', pattern: /\b(?:terug\s*storten|teruggestort|terugstorting|storten|stort|terugbetal\w*|crediteren|restitu\w+|overmaken|overgemaakt)\b|\bgeld\s+terug\b|\bop\s+uw\s+(?:bank)?rekening\b/i },
    // the money moving back in any form of the verb, active or passive: "wordt teruggeboekt", "boeken we terug", "gecrediteerd"
    { kind: 'refund_by', pattern: /\b(?:terug|retour)(?:ge)?(?:boek|stort|betaal|betaald|geboekt|gestort|overgemaakt)\w*|\b(?:boek|boeken|stort|storten|betalen|betaal)\b(?:\s+\S+){0,6}?\s+(?:terug|retour)\b|\bge?crediteerd\b|\bcreditnota\b|\bteruggezet\b|\bterugzetten\b|\bvergoed(?:en|t)?\b/i },
    { kind: 'refund_by', pattern: /^(?=.*(?:bedrag|geld|euro|€)).*\b(?:maken|maak)\b(?:\s+\S+){0,8}?\s+over\b/i },
    { kind: 'next_update_by', pattern: /\bop\s+de\s+hoogte\b|\bupdate\b|\bstand\s+van\s+zaken\b/i },
    { kind: 'answer_by', pattern: /\bu\s+hoort\b|\bhoort\s+u\b/i },
    { kind: 'answer_by', pattern: us(NL_WE, 'komen|kom', 'terug') },
    { kind: 'answer_by', pattern: us(NL_WE, 'laten|laat', 'weten') },
    { kind: 'answer_by', pattern: us(NL_WE, 'nemen|neem', 'contact') },
    { kind: 'answer_by', pattern: us(NL_WE, 'reageren|reageer|antwoorden|beantwoorden') },
    { kind: 'answer_by', pattern: us(NL_WE, 'mail|mailen|e-mail|e-mailen|schrijf|schrijven|informeer|informeren|sms|bericht') },
    { kind: 'answer_by', pattern: /\b(?:ontvangt|krijgt|sturen|stuur|geven|geef|mailen|mail)\b(?:\s+\S+){0,6}?\s+(?:antwoord|reactie|bericht|terugkoppeling|uitsluitsel|e-?mail)\b/i },
    // the answer first, then who gives it: "die u binnen 48 uur een antwoord stuurt", "de uitkomst ontvangt u"
    { kind: 'answer_by', pattern: /\b(?:antwoord|reactie|terugkoppeling|uitsluitsel|besluit|beslissing|uitkomst|uitslag)\b(?:\s+\S+){0,8}?\s+(?:stuurt|sturen|ontvangt|krijgt|geeft|geven|neemt|nemen|heeft|hebt)\b|\b(?:heeft|hebt|krijgt|ontvangt)\s+u\b(?:\s+\S+){0,5}?\s+(?:antwoord|reactie|uitsluitsel|bericht|besluit|uitkomst)\b/i },
    { kind: 'answer_by', pattern: /\b(?:u\s+wordt|wordt\s+u)\b(?:\s+\S+){0,8}?\s+(?:meegedeeld|medegedeeld|bericht|ge[iï]nformeerd|gemaild|geantwoord)\b/i },
    { kind: 'next_update_by', pattern: /\b(?:u\s+wordt|wordt\s+u)\b(?:\s+\S+){0,8}?\s+(?:bijgepraat|op\s+de\s+hoogte\s+gehouden|geüpdatet|ge-?update)\b/i },
    { kind: 'custom', pattern: us(NL_WE, 'sturen|stuur|versturen|verstuur|regelen|repareren|vervangen|lossen|zorgen|zorg|leveren|bezorgen|verwerken|onderzoeken') },
    { kind: 'custom', pattern: /\bu\s+(?:ontvangt|krijgt)\b|\bwordt\b(?:\s+\S+){0,6}?\s+(?:geleverd|bezorgd|verstuurd|opgelost|vervangen|hersteld|verwerkt)\b/i },
  ],
  labels: [
    { kind: 'next_update_by', pattern: /\b(?:update|stand\s+van\s+zaken|volgend\w*\s+(?:bericht|contact|nieuws|stap)|nieuwe\s+informatie|van\s+ons\s+hoort|hoort\s+u\b|horen\s+van\s+ons|bericht\s+van\s+ons)\b/i },
    { kind: 'refund_by', pattern: /\b(?:terug(?:betaling|storting|boeking|gave)|restitutie|creditering|geld\s+terug|uitbetaling|vergoeding)\b/i },
    { kind: 'callback', pattern: /\b(?:terugbel\w*|belafspraak|(?:we|wij|ik)\s+bel(?:len)?|telefonisch\s+contact)\b/i },
    { kind: 'answer_by', pattern: /\b(?:antwoord|reactie|uitsluitsel|beslissing|besluit|terugkoppeling|uitslag)\b/i },
    { kind: 'appointment_window', pattern: /\b(?:afspraak|bezoek|monteur|technicus|tijdvak|(?:bezorg|lever|ophaal)\w*)\b/i },
  ],
  guards: [
    /\b(?:niet|nooit)\b|\bgeen\b(?!\s+(?:probleem|zorgen|punt))/i,
    /\b(?:we|wij|ik)\s+(?:kunnen|kan|zouden|zou|konden|kon|proberen|probeer|probeerden)\b|\b(?:kunnen|kan|zouden|zou|konden|kon)\s+(?:we|wij|ik)\b/i,
    /^(?!.*\b(?:verwachten|rekenen\s+op)\b).*(?:\b(?:wilt|kunt|wil|kan|moet|dient|hoeft|zou)\s+u\b|\bu\s+(?:moet|dient|kunt|wilt|hoeft|zou)\b)/i,
    // what usually happens, or what we aim for, is no promise
    /\b(?:normaal(?:\s+gesproken)?|normaliter|meestal|doorgaans|gewoonlijk|over\s+het\s+algemeen|in\s+de\s+regel|streven|streeft|proberen|probeert|trachten|hopen|hoop)\b/i,
    /\b(?:hebben|heeft|heb|hebt|had|hadden|is|was|waren|zijn)\b(?:\s+\S+){0,8}?\s+(?:gebeld|teruggebeld|geweest|gekomen|langsgekomen|gestuurd|verstuurd|overgemaakt|teruggestort|terugbetaald|gecrediteerd|geantwoord|gereageerd|gedaan|uitgevoerd|verwerkt|betaald|gestort|geleverd|bezorgd|opgelost)\b/i,
  ],
  conditional: /^\s*(?:als|indien|mocht|wanneer|zodra|tenzij)\b/i,
  afterNoon: /'s\s*(?:middags|avonds)|\bin\s+de\s+(?:middag|avond)\b|(?:van|morgen|dag)(?:middag|avond)\b/i,
  durations: [
    { pattern: re(`\\b(?:binnen|over|in)\\s+(?:de\\s+komende\\s+|nu\\s+)?${NL_NUM}(?:\\s*(?:tot|à|-|–)\\s*${NL_NUM})?\\s*(werkdagen|werkdag|dagen|dag|uren|uur|u|minuten|minuut|weken|week|kwartier)\\b`), read: duration },
    { pattern: re(`\\btussen\\s+${NL_NUM}\\s+en\\s+${NL_NUM}\\s+(werkdagen|dagen|weken)\\b`), read: duration },
    { pattern: /\b(?:binnen|over)\s+(?:een\s+)?half\s+uur\b/i, read: fixed(30, 'minute') },
    { pattern: /\bbinnen\s+het\s+uur\b/i, read: fixed(1, 'hour') },
  ],
  days: [
    { pattern: /\bovermorgen\b/i, read: () => ({ type: 'offset', days: 2 }) },
    { pattern: /\bmorgen\s*(ochtend|middag|avond|vroeg)?\b/i, read: (m) => ({ type: 'offset', days: 1, part: part(m[1]) }) },
    { pattern: /\bvan(daag|ochtend|morgen|middag|avond)\b/i, read: (m) => ({ type: 'offset', days: 0, part: part(m[1]) }) },
    weekdayRule('maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag', 'volgende\\s+week|aanstaande|komende|deze', 'volgende\\s+week', 'ochtend|middag|avond'),
    { pattern: /\b(?:eind(?:e)?\s+(?:van\s+)?(?:de|deze)\s+week|(?:later\s+)?deze\s+week|(?:vóór|voor)\s+het\s+weekend)\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 0 }) },
    { pattern: /\bbegin\s+volgende\s+week\b/i, read: () => ({ type: 'weekday', weekday: 2, nextWeek: true }) },
    { pattern: /\bvolgende\s+week\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 1 }) },
    { pattern: /\beind(?:e)?\s+(?:van\s+)?(?:de|deze)\s+maand\b/i, read: () => ({ type: 'endOfMonth' }) },
  ],
  times: [
    { pattern: re(`\\b(?:tussen\\s+(${NL_T})\\s+en|van\\s+(${NL_T})\\s+tot)\\s+(${NL_T})${NOT_A_DATE}`), read: (m) => ({ type: 'window', from: m[1] ?? m[2], to: m[3] }) },
    { pattern: re(`\\b(\\d{1,2}(?:[:.]\\d{2})?)\\s*[-–]\\s*(\\d{1,2}[:.]\\d{2}|\\d{1,2}\\s*uur)`), read: (m) => ({ type: 'window', from: m[1], to: m[2] }) },
    { pattern: re(`\\b(?:vóór|voor|uiterlijk|niet\\s+later\\s+dan|ten\\s+laatste|tot)\\s+(?:om\\s+)?(${NL_T_STRICT})`), read: (m) => ({ type: 'by', at: m[1] }) },
    { pattern: /\b(?:vóór|voor)\s+(?:de\s+middag|de\s+lunch|het\s+middaguur|twaalven)\b/i, read: () => ({ type: 'by', at: '12:00' }) },
    { pattern: /\b(?:eind(?:e)?\s+van\s+de\s+(?:werk)?dag|vandaag\s+nog|in\s+de\s+loop\s+van\s+de\s+dag)\b/i, read: () => ({ type: 'endOfDay' }) },
    { pattern: re(`\\b(?:om|rond)\\s+(\\d{1,2}(?:[:.]\\d{2})?(?:\\s*uur)?|(?:${NL_HOURS})\\s*uur)${NOT_A_DATE}`), read: (m) => ({ type: 'at', at: m[1] }) },
    { pattern: /'s\s*(?:ochtends|morgens)|\bin\s+de\s+(?:loop\s+van\s+de\s+)?(?:ochtend|morgen)\b/i, read: () => ({ type: 'part', part: 'morning' }) },
    { pattern: /'s\s*middags|\bin\s+de\s+(?:loop\s+van\s+de\s+)?middag\b|\beind(?:e)?\s+van\s+de\s+middag\b/i, read: () => ({ type: 'part', part: 'afternoon' }) },
    { pattern: /'s\s*avonds|\bin\s+de\s+avond\b/i, read: () => ({ type: 'part', part: 'evening' }) },
    // a clock time on its own ("vrijdag 12:00", "donderdag 9.30 uur") is the time
    { pattern: re(`(?<![\\d.:/-])(\\d{1,2}[:.]\\d{2})(?:\\s*uur)?${NOT_A_DATE}`), read: (m) => ({ type: 'at', at: m[1] }) },
  ],
  chrono: chronoNl.casual,
};

const EN_SUFFIX = `\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock)`;
const EN_T = `(?:\\d{1,2}(?:[:.]\\d{2})?|${EN_HOURS})(?:${EN_SUFFIX})?`;
const EN_T_STRICT = `(?:(?:\\d{1,2}(?:[:.]\\d{2})?|${EN_HOURS})${EN_SUFFIX}|\\d{1,2}[:.]\\d{2})`;
const EN_NUM = `(\\d+|${EN_WORDS})`;
const WILL = `(?:'ll|\\s+will|\\s+shall|'re\\s+going\\s+to|'m\\s+going\\s+to|\\s+are\\s+going\\s+to|\\s+am\\s+going\\s+to)`;
/** "we'll (personally) call", "I will call", or the plain present "we call" */
const usEn = (verbs: string) => re(`\\b(?:${EN_WE})(?:${WILL}\\s+(?:\\S+\\s+){0,2}?|\\s+)(?:${verbs})\\b`);

export const EN: Phrases = {
  commitments: [
    { kind: 'appointment_window', pattern: /\b(?:engineer|technician|fitter|installer|mechanic)\b(?:\s+\S+){0,2}?\s+(?:will|is\s+(?:coming|going|scheduled|booked|due)|comes|arrives)\b|\b(?:engineer|technician)'ll\b/i },
    { kind: 'appointment_window', pattern: usEn('visit|come\\s+by|come\\s+round|come\\s+over|stop\\s+by|drop\\s+by') },
    { kind: 'appointment_window', pattern: /\b(?:appointment|visit|time\s+slot|engineer|technician|courier|delivery)\b|\bwill\s+be\s+(?:installed|fitted|delivered|collected|picked\s+up)\b/i, weak: true },
    { kind: 'callback', pattern: usEn('call|ring|phone') },
    { kind: 'callback', pattern: /\b(?:we|i)\b.*\bgive\s+you\s+a\s+(?:call|ring)\b|\byou(?:'ll|\s+will)\s+(?:get|receive)\s+a\s+(?:phone\s+)?call\b|\byou(?:'ll|\s+will)\s+be\s+called\b|\bexpect\s+a\s+(?:phone\s+)?call\b/i },
    { kind: 'refund_by', pattern: /\bwill\s+be\s+(?:reversed|returned|credited|paid\s+back|back\s+(?:in|on)\s+your\s+(?:account|card|bank))\b|\brefund|\breimburse|\bmoney\s+back\b|\bcredit(?:ed)?\b(?:\s+\S+){0,3}?\s+(?:to\s+)?(?:your\s+)?account\b|\bpay\s+you\s+back\b/i },
    { kind: 'next_update_by', pattern: /\byou(?:'ll|\s+will)\s+be\s+(?:updated|kept\s+(?:posted|informed|up\s+to\s+date))\b|\bkeep\s+you\s+(?:posted|updated|informed|in\s+the\s+loop)\b|\bupdate\s+you\b|\ban\s+update\b/i },
    { kind: 'answer_by', pattern: /\bhear\s+(?:back\s+)?from\s+(?:us|me)\b|\b(?:get|come)\s+back\s+to\s+you\b|\blet\s+you\s+know\b/i },
    { kind: 'answer_by', pattern: usEn('reply|respond|answer|get\\s+in\\s+touch|contact\\s+you|reach\\s+out|be\\s+in\\s+touch') },
    { kind: 'answer_by', pattern: /\byou(?:'ll|\s+will)\s+(?:receive|get|have)\s+(?:a|an|our|my)\s+(?:reply|answer|response)\b/i },
    { kind: 'custom', pattern: usEn('send|fix|resolve|replace|sort|arrange|deliver|ship|repair|process|look\\s+into|investigate') },
    { kind: 'custom', pattern: /\byou(?:'ll|\s+will)\s+(?:receive|get)\b|\bwill\s+be\s+(?:delivered|shipped|fixed|resolved|replaced|sent|processed)\b/i },
  ],
  labels: [
    { kind: 'next_update_by', pattern: /\b(?:update|next\s+(?:contact|news|step)|status|hear\s+(?:back\s+)?from\s+us|we(?:'ll|\s+will)\s+be\s+in\s+touch)\b/i },
    { kind: 'refund_by', pattern: /\b(?:refund|reimbursement|money\s+back|credit)\b/i },
    { kind: 'callback', pattern: /\b(?:call\s*back|callback|we(?:'ll|\s+will)\s+call|phone\s+call)\b/i },
    { kind: 'answer_by', pattern: /\b(?:answer|reply|response|decision|outcome)\b/i },
    { kind: 'appointment_window', pattern: /\b(?:appointment|visit|engineer|technician|time\s+slot|delivery(?:\s+slot)?|collection|pick-?up|slot)\b/i },
  ],
  guards: [
    /\b(?:not|never|cannot|won't|can't|couldn't|wouldn't|shouldn't|isn't|aren't|didn't|haven't|hasn't)\b/i,
    /\b(?:we|i)\s+(?:can|could|might|may|would|tried|attempted)\b|\b(?:we|i)'d\b|\b(?:can|could|might|may|would|shall)\s+(?:we|i)\b/i,
    /\b(?:could|can|would|will)\s+you\b|\byou\s+(?:need|must|should|have)\s+to\b/i,
    /\b(?:usually|normally|generally|typically|as\s+a\s+rule|aim\s+to|aims\s+to|try\s+to|tries\s+to|hope\s+to|strive)\b/i,
    /\b(?:have|has|had|was|were)\b(?:\s+\S+){0,4}?\s+(?:refunded|called|visited|sent|credited|reimbursed|replied|answered|been)\b|\b(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?!(?:re)?scheduled\b|booked\b|planned\b|arranged\b|moved\b|confirmed\b)(?:\w+ed|paid|sent|made|done)\b|\b(?:we|i)\s+(?:already\s+)?(?:refunded|called|visited|sent|credited|reimbursed|replied|answered|rang|phoned|came)\b/i,
  ],
  conditional: /^\s*(?:if|unless|should|when|once|in\s+case)\b/i,
  afterNoon: /\b(?:afternoon|evening|tonight)\b/i,
  durations: [
    { pattern: re(`\\b(?:within|in|inside(?:\\s+of)?)\\s+(?:the\\s+next\\s+)?${EN_NUM}(?:\\s*(?:to|-|–|or)\\s*${EN_NUM})?\\s*(business\\s+days?|working\\s+days?|work\\s+days?|hours?|hrs?|h|days?|weeks?|minutes?|mins?)\\b`), read: duration },
    { pattern: re(`\\bbetween\\s+${EN_NUM}\\s+and\\s+${EN_NUM}\\s+(business\\s+days|working\\s+days|days|weeks)\\b`), read: duration },
    { pattern: /\b(?:within|in)\s+half\s+an\s+hour\b/i, read: fixed(30, 'minute') },
    { pattern: /\bwithin\s+the\s+(?:next\s+)?hour\b/i, read: fixed(1, 'hour') },
  ],
  days: [
    { pattern: /\b(?:the\s+)?day\s+after\s+tomorrow\b/i, read: () => ({ type: 'offset', days: 2 }) },
    { pattern: /\btomorrow(?:\s+(morning|afternoon|evening))?\b/i, read: (m) => ({ type: 'offset', days: 1, part: part(m[1]) }) },
    { pattern: /\btoday\b|\bthis\s+(morning|afternoon|evening)\b|\btonight\b/i, read: (m) => ({ type: 'offset', days: 0, part: /tonight/i.test(m[0]) ? 'evening' : part(m[1]) }) },
    weekdayRule('monday|tuesday|wednesday|thursday|friday|saturday|sunday', 'next|this|coming', 'next(?:\\s+week)?', '\\s+morning|\\s+afternoon|\\s+evening'),
    { pattern: /\b(?:end\s+of\s+(?:the|this)\s+week|(?:later\s+)?this\s+week|before\s+the\s+weekend)\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 0 }) },
    { pattern: /\bearly\s+next\s+week\b/i, read: () => ({ type: 'weekday', weekday: 2, nextWeek: true }) },
    { pattern: /\bnext\s+week\b/i, read: () => ({ type: 'endOfWeek', weeksAhead: 1 }) },
    { pattern: /\bend\s+of\s+(?:the|this)\s+month\b/i, read: () => ({ type: 'endOfMonth' }) },
  ],
  times: [
    { pattern: re(`\\b(?:between\\s+(${EN_T})\\s+and|from\\s+(${EN_T})\\s+(?:to|until|till))\\s+(${EN_T})${NOT_A_DATE}`), read: (m) => ({ type: 'window', from: m[1] ?? m[2], to: m[3] }) },
    { pattern: re(`\\b(\\d{1,2}(?:[:.]\\d{2})?(?:${EN_SUFFIX})?)\\s*[-–]\\s*(${EN_T_STRICT})`), read: (m) => ({ type: 'window', from: m[1], to: m[2] }) },
    { pattern: re(`\\b(?:before|by|no\\s+later\\s+than|until)\\s+(${EN_T_STRICT})`), read: (m) => ({ type: 'by', at: m[1] }) },
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
