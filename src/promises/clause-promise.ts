// One clause: is it a promise, and of what, due when? A commitment on our side (commitment-phrases.ts) that no
// guard rules out, with a time that bounds it (resolve-when.ts), of a kind named by its words (promise-kind.ts).
import { COMMIT, type CommitmentPhrases } from './commitment-phrases.ts';
import type { FindPromisesOptions, FoundPromise } from './find-promises.ts';
import { kindOf, type PromiseKind } from './promise-kind.ts';
import { resolveWhen, type When } from './resolve-when.ts';
import { EN_TIME, NL_TIME, type Language, type TimePhrases } from './time-phrases.ts';

export const TIME: Record<Language, TimePhrases> = { nl: NL_TIME, en: EN_TIME };

/** a subordinate "tot uw pakket is bezorgd" / "zodra het binnen is" says when, not what happened */
const SUBORDINATE = /\b(?:totdat|tot\s+(?:uw|het|de|alles|dit|dat|er)|zodra|nadat|until|once)\b.*$/i;

const REASON = /^\s*(?:omdat|aangezien|doordat|because|since)\b[^,]*,\s*|,\s*(?:omdat|aangezien|doordat|because|since)\b.*$/i;
const UNTIL = /^\s*(?:tot|totdat|until|till)\b[^,]*,\s*/i;

export function clausePromise(clause: string, lang: Language, opts: FindPromisesOptions, sentence = clause): FoundPromise | null {
  const c = COMMIT[lang];
  if (!c.commits.some((r) => r.test(clause)) || c.retracts.test(sentence)) return null;
  const main = clause.replace(SUBORDINATE, '');
  if (c.conditional.test(clause) || c.guards.some((g) => g.test(main)) || isPast(main.replace(REASON, ''), c)) return null;
  // the time of a reason ("omdat het binnen een week na aankoop is, …") or of an "until" ("tot de update die eind
  // januari verschijnt, …") is not when the promise is due
  const when = resolveWhen(clause.replace(REASON, '').replace(UNTIL, ''), TIME[lang], opts);
  if (!when || when.dueAt <= opts.now) return null;
  const kind = kindOf(clause, lang, when.precision !== 'deadline');
  return { kind, text: clause.trim().replace(/[\s.!,;:]+$/, ''), ...timing(kind, when) };
}

/**
 * Past, not promised: "gisteren", "vorige week"; unless a future stands beside it, a simple past ("belde", "was"); a perfect tense ("is …
 * teruggestort", "has been refunded") — unless it plans ("is verzet naar vrijdag", "has been booked for Tuesday")
 * or a bounding time makes it a result to come ("binnen een uur is uw verbinding hersteld").
 */
export function isPast(clause: string, c: CommitmentPhrases): boolean {
  if (c.pastTime.test(clause)) return true;
  // the future of a relative clause ("…, who will contact you this week") does not undo the main clause's past
  if (c.future.test(clause.replace(/,\s*(?:who|which|die|dat|welke|wie)\b.*$/i, ''))) return false;
  const planned = c.planned.test(clause);
  if (c.pastSimple.test(clause)) return !planned;
  if (c.perfect.test(clause)) return c.already.test(clause) ? !planned : !(planned || c.bound.test(clause));
  return false;
}

/**
 * Due time and window as the promise needs them: an appointment always has a window — the one given, the part of
 * the day ("donderdagochtend" 08:00–12:00), the working day (08:00 to closing) or the hour from a clock time
 * ("om 10:30" 10:30–11:30); other kinds keep a window only when one was given.
 */
export function timing(kind: PromiseKind, when: When): { dueAt: Date; windowStart: Date | null } {
  if (kind !== 'appointment_window' || when.windowStart) return { dueAt: when.dueAt, windowStart: when.windowStart };
  if (when.precision === 'clock') return { dueAt: new Date(when.dueAt.getTime() + 3_600_000), windowStart: when.dueAt };
  return { dueAt: when.dueAt, windowStart: when.from };
}
