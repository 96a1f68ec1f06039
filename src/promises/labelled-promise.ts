import { clausePromise, isPast, TIME, timing } from './clause-promise.ts';
import { COMMIT } from './commitment-phrases.ts';
import type { FindPromisesOptions, FoundPromise } from './find-promises.ts';
import { kindOf, promiseLabel } from './promise-kind.ts';
import { resolveWhen } from './resolve-when.ts';
import type { Language } from './time-phrases.ts';

/**
 * "Volgende update: vrijdag 12:00", "Verwachte levering: donderdag", "Refund due: 12 December", "Status: we bellen
 * u morgen": what is promised names itself before a colon (or a dash), the time follows it. The label is short (a
 * heading, not a sentence) and names something we deliver or an expected moment, not the customer's own deadline;
 * the part after it holds a time and no guard. A full commitment after the label keeps its own kind.
 */
export function labelledPromise(sentence: string, langs: Language[], opts: FindPromisesOptions): FoundPromise | null {
  const m = /^\s*[-*•]?\s*([^:–]{2,60}?)\s*(?:(?<!\d):(?!\d)|\s[–-]\s)\s*(\S.*)$/u.exec(sentence);
  if (!m || m[1].split(/\s+/).length > 8) return null;
  const [, label, rest] = m;
  const text = sentence.trim().replace(/[\s.!,;]+$/, '');
  for (const lang of langs) {
    if (!promiseLabel(label, lang)) continue;
    const inner = clausePromise(rest, lang, opts);
    if (inner) {
      // "Terugbelverzoek ingepland: u hoort dinsdag van ons" — a specific label beats a general "hear from us"
      const named = kindOf(label, lang, inner.windowStart !== null);
      const kind = ['answer_by', 'custom'].includes(inner.kind) && !['answer_by', 'custom', 'next_update_by'].includes(named) ? named : inner.kind;
      return { ...inner, kind, text };
    }
    const c = COMMIT[lang];
    if (c.conditional.test(rest) || c.guards.some((g) => g.test(rest)) || isPast(rest, c)) continue;
    const when = resolveWhen(rest, TIME[lang], opts);
    if (!when || when.dueAt <= opts.now) continue;
    let kind = kindOf(label, lang, when.precision !== 'deadline');
    // "Wanneer u weer van ons hoort: …", "When you'll hear from us next: …" schedules the next update
    if (kind === 'answer_by' && /\b(?:hoort|horen|hear)\b/i.test(label)) kind = 'next_update_by';
    return { kind, text, ...timing(kind, when) };
  }
  return null;
}
