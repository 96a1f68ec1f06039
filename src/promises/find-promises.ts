// Finds the promises an agent makes in an outbound reply: a commitment on our side ("we bellen u terug", "het
// bedrag wordt teruggestort", "u ontvangt", "the technician will be with you") together with a time expression that
// bounds it ("morgen vóór 12:00", "binnen de drie werkdagen", "within 3 business days"), per clause, or a labelled
// line ("Volgende update: vrijdag 12:00"). Pure: the clock, the zone and the business calendar come in.
//   commitment-phrases.ts  who commits, and what rules a clause out (requests, conditions, the past, policy, hedges)
//   time-phrases.ts        the time expressions; resolve-when.ts turns them into a due time
//   promise-kind.ts        what the promise is about (callback, update, answer, refund, appointment, custom)
import { clausePromise } from './clause-promise.ts';
import { labelledPromise } from './labelled-promise.ts';
import type { PromiseKind } from './promise-kind.ts';
import type { Language } from './time-phrases.ts';

export type { PromiseKind } from './promise-kind.ts';
export interface FoundPromise {
  kind: PromiseKind;
  /** the words that made the promise, as written: the clause that holds both commitment and time */
  text: string;
  /** due time (end of the window for appointments) */
  dueAt: Date;
  /** the window's start: given ("tussen 8:00 en 12:00"), or for an appointment the part of the day it names */
  windowStart: Date | null;
}
export interface FindPromisesOptions {
  now: Date;
  /** IANA zone of the account, e.g. 'Europe/Amsterdam' */
  timeZone: string;
  /** the reply's language; without it each clause is tried in the language its words look like, then the other */
  language?: Language;
  addBusinessDays: (start: Date, days: number) => Date;
  /** default: 17:00 local on the day of `date` */
  endOfBusinessDay?: (date: Date) => Date;
  /** default: Monday to Friday. Used for "eind van de week" and when a bare time has passed today */
  isBusinessDay?: (date: Date) => boolean;
}

export function findPromises(reply: string, opts: FindPromisesOptions): FoundPromise[] {
  const found: FoundPromise[] = [];
  for (const sentence of splitSentences(reply.replace(/[’‘]/g, "'"))) {
    // A question offers or asks ("Kunt u ons morgen bellen?", "Shall we call you tomorrow?").
    if (sentence.trimEnd().endsWith('?')) continue;
    const langs: Language[] = opts.language ? [opts.language] : guessLanguages(sentence);
    const labelled = labelledPromise(sentence, langs, opts);
    if (labelled) {
      found.push(labelled);
      continue;
    }
    for (const clause of splitClauses(sentence)) {
      for (const lang of langs) {
        const p = clausePromise(clause, lang, opts, sentence);
        if (p) {
          found.push(p);
          break;
        }
      }
    }
  }
  return found;
}

const NL_WORDS = /\b(?:de|het|een|u|uw|je|jouw|wij|ik|wordt|worden|van|op|met|en|dat|voor|vóór|binnen|morgen|naar|bij|terug|uiterlijk|ons|zijn|is|er)\b/gi;
const EN_WORDS = /\b(?:the|you|your|will|we|i|to|of|and|on|by|within|tomorrow|be|is|are|our|us|back|with|from)\b|'ll\b/gi;
/** Without a language given: the sentence's more likely language first ("we" and "is" are both Dutch and English). */
function guessLanguages(sentence: string): Language[] {
  const nl = sentence.match(NL_WORDS)?.length ?? 0;
  const en = sentence.match(EN_WORDS)?.length ?? 0;
  if (en > nl) return ['en'];
  if (nl > en) return ['nl'];
  return ['nl', 'en'];
}

function splitSentences(text: string): string[] {
  // A full stop ends a sentence only before a capital, a digit or the end: "a.s. vrijdag" and
  // "12.00 uur" stay whole. Question and exclamation marks always end one.
  return text.split(/\n+|(?<=[!?])\s+|(?<=\.)\s+(?=[^a-zà-ÿ])/).filter((s) => s.trim() !== '');
}

/** "…, en ik bel u woensdag", "… and you'll hear from us": a new subject after "en/maar/and/but" starts a clause */
function splitClauses(sentence: string): string[] {
  return sentence.split(/;|,?\s+(?:en|maar|and|but)\s+(?=(?:we|wij|ik|i|you|u|je|jij|de|het|onze?|uw|er|dan|daarna|our|the|your|then|someone|iemand)\b)/i);
}
