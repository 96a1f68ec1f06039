/**
 * Reply-checker accuracy: `node bin/run-ts.mjs bench/reply-eval.ts`
 *
 * 1. Labelled drafts: tests/fixtures/replies/drafts.jsonl (hand-written, hand-labelled customer-service replies, Dutch
 *    and English; `expected` lists the checks that should fire). Runs `checkDraft` on each and prints per check:
 *    support, TP, FP, FN, precision, recall, F1, overall and per language; the macro-F1 over the 8 pure checks; the
 *    same for two trivial baselines computed in this run; the 10 worst-misclassified drafts.
 *    Baseline in the RESULT line: "always fire every check" (every check fires on every draft).
 *    Also printed: "always fire when the ctx allows" (apology only on complaints, sales_pitch only when opted out).
 * 2. Real mail: human-written reply texts from ../shared/data/email/ (talon standard replies, talon signature bodies,
 *    talon HTML replies, crisp-email-reply-parser and github/email_reply_parser fixtures). Crude text extraction:
 *    headers dropped, quoted-printable/base64 decoded, HTML tags stripped, quoted parts (">" lines, "On … wrote:",
 *    "Original Message", Outlook "From:/Sent:" blocks) cut. Run with ctx { language: guessed or 'en',
 *    isComplaint: false, salesOptOut: true }. These are not customer-service replies, so every blame / condescension /
 *    sales_pitch finding is a false alarm. Skipped with a message when ../shared/data is absent.
 *
 * Env: REPLY_EVAL_FIXTURE (default tests/fixtures/replies/drafts.jsonl), REPLY_EVAL_EMAIL_DIR (default
 * ../shared/data/email), REPLY_EVAL_DUMP=1 to print every extracted real-mail text. Prints figures and one final
 * `RESULT` line; never asserts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkDraft } from '../src/replies/check-draft.ts';
import type { CheckName, DraftContext, Finding } from '../src/replies/types.ts';
import { guessLanguage } from '../src/text/language.ts';

type PureCheck = Exclude<CheckName, 'mantra'>;
const CHECKS: PureCheck[] = [
  'apology', 'thanks', 'action', 'next_contact', 'signature', 'blame', 'condescension', 'sales_pitch',
];
/** checks that can never be right on mail that is not a customer-service reply */
const ALARM_CHECKS: PureCheck[] = ['blame', 'condescension', 'sales_pitch'];

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURE = process.env.REPLY_EVAL_FIXTURE ?? join(ROOT, 'tests/fixtures/replies/drafts.jsonl');
const SHARED_DATA = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const EMAIL_DIR = process.env.REPLY_EVAL_EMAIL_DIR ?? join(SHARED_DATA, 'email');

interface Draft {
  id: string;
  language: 'nl' | 'en';
  isComplaint: boolean;
  salesOptOut: boolean;
  text: string;
  expected: PureCheck[];
}

interface Counts {
  support: number;
  tp: number;
  fp: number;
  fn: number;
}

const pct = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

function prf(c: Counts) {
  // 0/0 conventions: no predictions and no positives is a perfect score on that subset.
  const precision = c.tp + c.fp === 0 ? (c.fn === 0 ? 1 : 0) : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function loadDrafts(path: string): Draft[] {
  const out: Draft[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let o: Draft;
      try {
        o = JSON.parse(line) as Draft;
      } catch (e) {
        throw new Error(`${path}:${i + 1}: ${(e as Error).message}`);
      }
      for (const c of o.expected) if (!CHECKS.includes(c)) throw new Error(`${o.id}: unknown check ${c}`);
      out.push(o);
    });
  return out;
}

const firedChecks = (findings: Finding[]) =>
  new Set(findings.map((f) => f.check).filter((c): c is PureCheck => c !== 'mantra'));

/** per-check counts over a set of (expected, got) pairs */
function score(rows: { expected: Set<PureCheck>; got: Set<PureCheck> }[]): Record<PureCheck, Counts> {
  const res = Object.fromEntries(CHECKS.map((c) => [c, { support: 0, tp: 0, fp: 0, fn: 0 }])) as Record<
    PureCheck,
    Counts
  >;
  for (const { expected, got } of rows) {
    for (const c of CHECKS) {
      const e = expected.has(c);
      const g = got.has(c);
      if (e) res[c].support++;
      if (e && g) res[c].tp++;
      else if (!e && g) res[c].fp++;
      else if (e && !g) res[c].fn++;
    }
  }
  return res;
}

const macroF1 = (s: Record<PureCheck, Counts>) => CHECKS.reduce((a, c) => a + prf(s[c]).f1, 0) / CHECKS.length;

function printTable(title: string, s: Record<PureCheck, Counts>, n: number) {
  console.log(`\n### ${title} (${n} drafts)\n`);
  console.log('| check | support | TP | FP | FN | precision | recall | F1 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const c of CHECKS) {
    const m = prf(s[c]);
    const k = s[c];
    console.log(`| ${c} | ${k.support} | ${k.tp} | ${k.fp} | ${k.fn} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.f1)} |`);
  }
  console.log(`| **macro** | | | | | | | **${pct(macroF1(s))}** |`);
}

// ---------------------------------------------------------------- part 1: labelled drafts

const drafts = loadDrafts(FIXTURE);
const rows = drafts.map((d) => {
  const ctx: DraftContext = { language: d.language, isComplaint: d.isComplaint, salesOptOut: d.salesOptOut };
  const findings = checkDraft(d.text, ctx);
  return { d, expected: new Set(d.expected), got: firedChecks(findings), findings };
});

console.log(`# Reply checks on ${drafts.length} labelled drafts (${relative(ROOT, FIXTURE)})`);
const overall = score(rows);
printTable('Overall', overall, rows.length);
for (const lang of ['nl', 'en'] as const) {
  const sub = rows.filter((r) => r.d.language === lang);
  printTable(`Language ${lang}`, score(sub), sub.length);
}

const alwaysAll = score(rows.map((r) => ({ expected: r.expected, got: new Set(CHECKS) })));
const alwaysCtx = score(
  rows.map((r) => ({
    expected: r.expected,
    got: new Set(
      CHECKS.filter((c) => (c !== 'apology' || r.d.isComplaint) && (c !== 'sales_pitch' || r.d.salesOptOut)),
    ),
  })),
);
console.log('\n### Trivial baselines (macro-F1)\n');
console.log(`- always fire every check: ${pct(macroF1(alwaysAll))}`);
console.log(`- always fire when the ctx allows (apology only on complaints, sales_pitch only if opted out): ${pct(macroF1(alwaysCtx))}`);

const mistakes = rows
  .map((r) => {
    const missed = CHECKS.filter((c) => r.expected.has(c) && !r.got.has(c));
    const extra = CHECKS.filter((c) => !r.expected.has(c) && r.got.has(c));
    return { r, missed, extra, errors: missed.length + extra.length };
  })
  .filter((m) => m.errors > 0)
  .sort((a, b) => b.errors - a.errors || a.r.d.id.localeCompare(b.r.d.id));

const exact = rows.length - mistakes.length;
console.log(`\nExactly right (same set of checks): ${exact}/${rows.length} (${pct(exact / rows.length)})`);

console.log('\n### 10 worst-misclassified drafts\n');
console.log('| id | expected | got | missed (FN) | extra (FP) |');
console.log('|---|---|---|---|---|');
for (const m of mistakes.slice(0, 10)) {
  const fmt = (s: Iterable<string>) => [...s].join(', ') || '—';
  console.log(
    `| ${m.r.d.id} | ${fmt(CHECKS.filter((c) => m.r.expected.has(c)))} | ${fmt(CHECKS.filter((c) => m.r.got.has(c)))} | ${fmt(m.missed)} | ${fmt(m.extra)} |`,
  );
}

console.log('\n### Errors per check (draft ids)\n');
for (const c of CHECKS) {
  const fn = mistakes.filter((m) => m.missed.includes(c)).map((m) => m.r.d.id);
  const fp = mistakes.filter((m) => m.extra.includes(c)).map((m) => m.r.d.id);
  if (fn.length || fp.length) console.log(`- ${c}: FN [${fn.join(' ')}]  FP [${fp.join(' ')}]`);
}

// ---------------------------------------------------------------- part 2: real human-written mail

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

function decodeBytes(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset.toLowerCase() === 'us-ascii' ? 'utf-8' : charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function decodeQuotedPrintable(s: string): Uint8Array {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const ch = soft[i];
    if (ch === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(ch, 'utf8'));
    }
  }
  return Uint8Array.from(bytes);
}

function parseHeaders(head: string): Map<string, string> {
  const h = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    if (m) h.set(m[1].toLowerCase(), m[2]);
  }
  return h;
}

function htmlToText(html: string): string {
  return html
    .replace(/<(style|script|head)[\s\S]*?<\/\1>/gi, '')
    .replace(/<blockquote[\s\S]*<\/blockquote>/gi, '\n') // quoted part of HTML replies
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|tr|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');
}

/** the readable text of one MIME entity: first text/plain part, else first text/html part */
function entityText(raw: string): string | null {
  const split = /\r?\n\r?\n/.exec(raw);
  const head = split ? raw.slice(0, split.index) : raw;
  const body = split ? raw.slice(split.index + split[0].length) : '';
  const h = parseHeaders(head);
  const ctype = (h.get('content-type') ?? 'text/plain').toLowerCase();
  if (ctype.startsWith('multipart/')) {
    const b = /boundary="?([^";]+)"?/i.exec(h.get('content-type') ?? '');
    if (!b) return null;
    const parts = body.split(new RegExp(`\\r?\\n?--${b[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:--)?[ \\t]*\\r?\\n?`));
    const texts = parts.map((p) => ({ p, t: (parseHeaders(p.split(/\r?\n\r?\n/)[0]).get('content-type') ?? '').toLowerCase() }));
    const plain = texts.find((x) => x.t.startsWith('text/plain') || x.t.startsWith('multipart/'));
    const html = texts.find((x) => x.t.startsWith('text/html'));
    for (const x of [plain, html]) {
      if (!x) continue;
      const t = entityText(x.p);
      if (t?.trim()) return t;
    }
    return null;
  }
  if (!ctype.startsWith('text/')) return null;
  const charset = /charset="?([^";\s]+)"?/i.exec(ctype)?.[1] ?? 'utf-8';
  const cte = (h.get('content-transfer-encoding') ?? '').toLowerCase().trim();
  let text: string;
  if (cte === 'quoted-printable') text = decodeBytes(decodeQuotedPrintable(body), charset);
  else if (cte === 'base64') text = decodeBytes(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  else text = body;
  return ctype.startsWith('text/html') ? htmlToText(text) : text;
}

const REPLY_HEADER = [
  /^\s*On\b.*\bwrote:?\s*$/i,
  /^\s*(Op|Am|Le|Il|El|Den|På|Em)\b.*\b(schreef|schrieb|a écrit|ha scritto|escribió|skrev|escreveu)\b.*:?\s*$/i,
  /^\s*-{2,}\s*(Original Message|Oorspronkelijk bericht|Ursprüngliche Nachricht|Message d'origine|Forwarded message)\s*-{2,}/i,
  /^\s*_{10,}\s*$/,
];
const OUTLOOK_FIELD = /^\s*\*?(Sent|Date|To|Subject|Verzonden|Aan|Onderwerp|Gesendet|An|Betreff|Envoyé|À|Objet|Cc)\*?\s*:/i;

/** drop quoted lines and cut at the first reply header */
function stripQuoted(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    // "On … wrote:" wrapped over up to 3 lines
    let extra = 0;
    if (/^\s*On\b/i.test(line) && !/\bwrote\b/i.test(line))
      for (let k = 1; k <= 2 && i + k < lines.length; k++)
        if (/\bwrote:?\s*$/i.test(lines[i + k])) {
          extra = k;
          break;
        }
    if (REPLY_HEADER.some((re) => re.test(line)) || extra > 0) {
      // bottom-posting / inline replies: a header followed by ">" lines is dropped and reading goes on
      const next = lines.slice(i + 1 + extra).find((l) => l.trim());
      if (next !== undefined && /^\s*>/.test(next)) {
        i += extra;
        continue;
      }
      break;
    }
    if (/^\s*\*?(From|Van|Von|De|Fra)\*?\s*:/i.test(line) && lines.slice(i + 1, i + 5).some((l) => OUTLOOK_FIELD.test(l))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

interface MailText {
  file: string;
  source: string;
  text: string;
}

function collectMail(dir: string): MailText[] {
  const files = walk(dir).map((p) => ({ p, rel: relative(dir, p).split('\\').join('/') }));
  const out: MailText[] = [];
  const add = (source: string, file: string, raw: string | null) => {
    if (raw === null) return;
    const text = stripQuoted(raw);
    if (/\p{L}/u.test(text)) out.push({ file, source, text });
  };
  for (const { p, rel } of files) {
    if (/^talon\/.*standard_replies\/[^/]+\.eml$/.test(rel)) add('talon standard_replies', rel, entityText(readFileSync(p, 'latin1')));
    else if (/^talon\/.*html_replies\/[^/]+\.html$/.test(rel)) add('talon html_replies', rel, htmlToText(readFileSync(p, 'utf8')));
    else if (/^talon\/.*signature\/emails\/P\/[^/]+$/.test(rel) && !/_sender$/.test(rel))
      add('talon signature bodies', rel, readFileSync(p, 'utf8').replace(/^From:[^\n]*\n/, ''));
    else if (/^crisp-email-reply-parser\/.*fixtures\/[^/]+\.txt$/.test(rel)) add('crisp-email-reply-parser', rel, readFileSync(p, 'utf8'));
    else if (/^github-email_reply_parser\/.*emails\/[^/]+\.txt$/.test(rel)) add('github/email_reply_parser', rel, readFileSync(p, 'utf8'));
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

console.log('\n# Real human-written mail (not customer-service replies)');
if (!existsSync(SHARED_DATA) || !existsSync(EMAIL_DIR)) {
  console.log(`\nSKIPPED: ${existsSync(SHARED_DATA) ? EMAIL_DIR : SHARED_DATA} is absent; no real-mail false-alarm figures.`);
} else {
  const mails = collectMail(EMAIL_DIR);
  const bySource = new Map<string, number>();
  for (const m of mails) bySource.set(m.source, (bySource.get(m.source) ?? 0) + 1);
  console.log(`\n${mails.length} texts from ${relative(ROOT, EMAIL_DIR)}: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`);
  if (process.env.REPLY_EVAL_DUMP === '1')
    for (const m of mails) console.log(`\n----- ${m.file}\n${m.text}`);
  const langs = { nl: 0, en: 0, unknown: 0 };
  const results = mails.map((m) => {
    const g = guessLanguage(m.text);
    langs[g ?? 'unknown']++;
    const ctx: DraftContext = { language: g ?? 'en', isComplaint: false, salesOptOut: true };
    return { m, findings: checkDraft(m.text, ctx) };
  });
  console.log(`language guessed: nl ${langs.nl}, en ${langs.en}, unknown→en ${langs.unknown}`);
  console.log('\n| check | fired | rate | meaning |');
  console.log('|---|---:|---:|---|');
  for (const c of CHECKS) {
    const n = results.filter((r) => r.findings.some((f) => f.check === c)).length;
    const meaning = ALARM_CHECKS.includes(c) ? '**false alarm**' : 'informational (missing element; expected on non-CS mail)';
    console.log(`| ${c} | ${n}/${results.length} | ${pct(n / Math.max(1, results.length))} | ${meaning} |`);
  }
  const anyAlarm = results.filter((r) => r.findings.some((f) => ALARM_CHECKS.includes(f.check as PureCheck))).length;
  console.log(`| any of blame/condescension/sales_pitch | ${anyAlarm}/${results.length} | ${pct(anyAlarm / Math.max(1, results.length))} | **false alarm** |`);
  console.log('\nFalse-alarm examples (up to 4 per check):');
  for (const c of ALARM_CHECKS) {
    const hits = results.flatMap((r) => r.findings.filter((f) => f.check === c).map((f) => ({ r, f })));
    if (!hits.length) {
      console.log(`- ${c}: none`);
      continue;
    }
    for (const { r, f } of hits.slice(0, Number(process.env.REPLY_EVAL_EXAMPLES ?? 4))) {
      const at = f.span ? Math.max(0, f.span.start - 50) : 0;
      const ctxText = r.m.text.slice(at, (f.span?.end ?? 100) + 50).replace(/\s+/g, ' ');
      console.log(`- ${c}: ${r.m.file} span=${JSON.stringify(f.span?.text ?? null)} … ${JSON.stringify(ctxText)}`);
    }
  }
}

// ---------------------------------------------------------------- result
const f1 = macroF1(overall);
const base = macroF1(alwaysAll);
console.log(
  `\nRESULT reply_checks_macro_f1 ${f1.toFixed(4)} F1 baseline=${base.toFixed(4)} ratio=${(f1 / base).toFixed(3)}`,
);
