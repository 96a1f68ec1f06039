import type { FindPromisesOptions, FoundPromise } from './find-promises.ts';
import type { Language, Phrases } from './promise-phrases.ts';

type Resolve = (clause: string, p: Phrases, opts: FindPromisesOptions) => { dueAt: Date; windowStart: Date | null } | null;

/**
 * "Volgende update: vrijdag 12:00", "Wanneer u weer van ons hoort: donderdag", "Refund: within 5
 * business days": what is promised names itself before a colon, the time follows it. The label is
 * short (a heading, not a sentence) and the part after the colon holds a time and no guard.
 */
export function labelledPromise(sentence: string, langs: Language[], phrases: Record<Language, Phrases>, resolveWhen: Resolve, opts: FindPromisesOptions): FoundPromise | null {
  const m = /^\s*[-*•]?\s*([^:]{2,60}?)\s*(?<!\d):(?!\d)\s*(\S.*)$/u.exec(sentence);
  if (!m || m[1].split(/\s+/).length > 8) return null;
  const [, label, rest] = m;
  for (const lang of langs) {
    const p = phrases[lang];
    const kind = p.labels.find((l) => l.pattern.test(label))?.kind;
    if (!kind || p.guards.some((g) => g.test(rest))) continue;
    const when = resolveWhen(rest, p, opts);
    if (!when || when.dueAt <= opts.now) continue;
    return { kind: kind === 'appointment_window' && !when.windowStart ? 'custom' : kind, text: sentence.trim().replace(/[\s.!,;]+$/, ''), ...when };
  }
  return null;
}

