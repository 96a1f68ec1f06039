/**
 * Part 3 of bench/eval-blind.ts: promises.jsonl through findPromises, called as promisesOnReply calls it (the
 * account defaults: Europe/Amsterdam, Monday–Friday 09:00–17:00, Dutch holidays; the reply's language).
 *
 * "Now" is Monday 8 December 2025, 07:00 in Amsterdam: the set's dates only fit the 2025 calendar ("dinsdag
 * 9 december", "woensdag 10 december", "zaterdag 13 december", "woensdag 14 januari"), and every dated promise in
 * it lies after that morning.
 *
 * Scored: promise found or not (the sentence gives at least one promise); kind right (the first promise found has
 * the gold kind); `when` matched (the clause the product took as the promise contains the labelled time expression);
 * and, where the labelled expression names a weekday or a clock time in digits, whether the due time (or the
 * window's start) agrees with it in Amsterdam time.
 */
import { addBusinessDays, closingTime, isBusinessDay } from '../../src/promises/due-time.ts';
import { DEFAULT_CALENDAR } from '../../src/promises/calendar.ts';
import { findPromises, type FoundPromise } from '../../src/promises/find-promises.ts';
import { confusion, pct, prfRow, PRF_HEAD, readSet } from './eval-lib.ts';

interface Item {
  id: string;
  lang: 'nl' | 'en';
  text: string;
  promise: { kind: string; when: string } | null;
}

const NOW = new Date('2025-12-08T06:00:00Z');
const ZONE = 'Europe/Amsterdam';
const KINDS = ['callback', 'answer_by', 'refund_by', 'next_update_by', 'appointment_window', 'custom'];
/**
 * The kinds the later blind sets (3–5) were labelled with, as the product names them: a reply by a time is
 * `answer_by`, an update by a time `next_update_by`; the product has no kind of its own for a fix, a delivery or
 * anything else, which it keeps as `custom`. (Sets 1 and 2 use the product's names.)
 */
const PRODUCT_KIND: Record<string, string> = { reply_by: 'answer_by', update_by: 'next_update_by', fix_by: 'custom', delivery_by: 'custom', other: 'custom' };
const goldKind = (k: string) => PRODUCT_KIND[k] ?? k;
const WEEKDAYS: [RegExp, number][] = [
  [/zondag|sunday/i, 0], [/maandag|monday/i, 1], [/dinsdag|tuesday/i, 2], [/woensdag|wednesday/i, 3],
  [/donderdag|thursday/i, 4], [/vrijdag|friday/i, 5], [/zaterdag|saturday/i, 6],
];

function local(d: Date): { weekday: number; clock: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return { weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday')), clock: `${get('hour')}:${get('minute')}` };
}

/** Clock times written in digits in the labelled expression: "17:00", "10.00", "12 uur", "9pm", "noon". */
function clocks(when: string): string[] {
  const out: string[] = [];
  const hh = (h: number, m = 0) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  for (const m of when.matchAll(/(\d{1,2})[:.](\d{2})/g)) out.push(hh(Number(m[1]), Number(m[2])));
  // "17 uur" is a clock time, "binnen 24 uur" a duration
  for (const m of when.matchAll(/(?<![\d:.])(?<!(binnen|over|na|within|in) )(\d{1,2}) ?uur/gi)) out.push(hh(Number(m[2])));
  for (const m of when.matchAll(/(?<![\d:.])(\d{1,2}) ?(am|pm)\b/gi)) out.push(hh((Number(m[1]) % 12) + (m[2].toLowerCase() === 'pm' ? 12 : 0)));
  if (/\bnoon\b/i.test(when)) out.push('12:00');
  return out;
}

/** null when the expression has nothing checkable; else whether the due time agrees with it. */
function agrees(when: string, p: FoundPromise): boolean | null {
  const days = WEEKDAYS.filter(([re]) => re.test(when)).map(([, d]) => d);
  const times = clocks(when);
  if (!days.length && !times.length) return null;
  const due = local(p.dueAt);
  const start = p.windowStart ? local(p.windowStart) : null;
  if (days.length && !days.includes(due.weekday)) return false;
  if (times.length && !times.includes(due.clock) && !(start && times.includes(start.clock))) return false;
  return true;
}

export function evalPromises(): void {
  const items = readSet<Item>('promises.jsonl').map((it) => (it.promise ? { ...it, promise: { ...it.promise, kind: goldKind(it.promise.kind) } } : it));
  const rows = items.map((it) => ({
    it,
    found: findPromises(it.text, {
      now: NOW,
      timeZone: ZONE,
      language: it.lang,
      addBusinessDays: (start, days) => addBusinessDays(start, days, DEFAULT_CALENDAR),
      endOfBusinessDay: (date) => closingTime(date, DEFAULT_CALENDAR) ?? addBusinessDays(date, 0, DEFAULT_CALENDAR),
      isBusinessDay: (date) => isBusinessDay(date, DEFAULT_CALENDAR),
    }),
  }));
  console.log(`## 3. Promises (${items.length} sentences: ${items.filter((i) => i.lang === 'nl').length} nl, ${items.filter((i) => i.lang === 'en').length} en) — findPromises, now = Mon 2025-12-08 07:00 Amsterdam\n`);
  console.log(PRF_HEAD);
  console.log(prfRow('promise (any kind)', confusion(rows.map((r) => [r.it.promise !== null, r.found.length > 0]))));
  for (const k of KINDS) {
    console.log(prfRow(`  ${k}`, confusion(rows.map((r) => [r.it.promise?.kind === k, r.found[0]?.kind === k])), 'first promise found'));
  }
  const gold = rows.filter((r) => r.it.promise);
  const hit = gold.filter((r) => r.found.length > 0);
  const kindRight = hit.filter((r) => r.found[0].kind === r.it.promise!.kind);
  const whenIn = hit.filter((r) => r.found.some((f) => f.text.toLowerCase().includes(r.it.promise!.when.toLowerCase())));
  const checks = hit.map((r) => agrees(r.it.promise!.when, r.found[0]));
  const checkable = checks.filter((c) => c !== null).length;
  const agreeing = checks.filter((c) => c === true).length;
  console.log(`\nOf ${gold.length} promises: found ${hit.length} (${pct(hit.length, gold.length)}); kind right ${kindRight.length} ` +
    `(${pct(kindRight.length, gold.length)} of all, ${pct(kindRight.length, hit.length)} of found); ` +
    `\`when\` inside the promise's clause ${whenIn.length} (${pct(whenIn.length, gold.length)} of all)`);
  const disagree = hit.filter((r, i) => checks[i] === false).map((r) => {
    const d = local(r.found[0].dueAt);
    const w = r.found[0].windowStart ? `${local(r.found[0].windowStart).clock}–` : '';
    return `"${r.it.promise!.when}" → ${['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.weekday]} ${w}${d.clock}`;
  });
  console.log(`due time agrees with the labelled weekday / clock time: ${agreeing} of ${checkable} checkable found promises` +
    (disagree.length ? ` (not: ${disagree.join('; ')})` : ''));
  const falseFound = rows.filter((r) => !r.it.promise && r.found.length > 0);
  console.log(`non-promises read as promises: ${falseFound.length} of ${items.length - gold.length} ` +
    `(kinds: ${falseFound.map((r) => r.found[0].kind).join(', ') || 'none'})`);
  const kindsWrong = hit.filter((r) => r.found[0].kind !== r.it.promise!.kind).map((r) => `${r.it.promise!.kind}→${r.found[0].kind}`);
  console.log(`kind confusions: ${kindsWrong.join(', ') || 'none'}`);
  // the development set only (bench/eval-dev): the items to learn from; the blind set's items are never shown
  if (process.env.EVAL_SET_DIR && process.env.EVAL_SHOW_MISSES === '1') {
    for (const r of gold.filter((x) => x.found.length === 0)) console.log(`  missed ${r.it.promise!.kind}: ${r.it.text}`);
    for (const r of falseFound) console.log(`  false ${r.found[0].kind}: ${r.it.text}`);
  }
  console.log(`missed per kind: ${KINDS.map((k) => `${k} ${gold.filter((r) => r.it.promise!.kind === k && r.found.length === 0).length}/${gold.filter((r) => r.it.promise!.kind === k).length}`).join(', ')}\n`);
}
