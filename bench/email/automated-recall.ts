/**
 * Auto-reply and bounce recognition on real fixtures: `node bin/run-ts.mjs bench/email/automated-recall.ts [dir]`
 *
 * Goes over every raw message in ../shared/data/email/ (public parser test suites; see its MANIFEST.tsv): the
 * `.eml`, `.msg` and `.raw` files whose first line looks like a header field. The talon/crisp/github `.txt` and
 * extension-less fixtures are reply bodies, not RFC 5322 messages, and are skipped. Each message is parsed with
 * simpleParser and classified with classifyAutomated. Prints every message we flag (with the rule that fired), then
 * recall and precision of "auto_reply or bounce" against the hand-judged list in automated-truth.ts, against the
 * naive rule "only Auto-Submitted says so". Ends with one `RESULT` line; never asserts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOOKS_LIKE_MAIL, MAIL_EXT, walk } from './files.ts';
import { simpleParser, type ParsedMail } from 'mailparser';
import { classifyAutomated, type AutomatedVerdict } from '../../src/intake/channels/email/automated.ts';
import { AUTOMATED_TRUTH, BULK_TRUTH } from './automated-truth.ts';

const DEFAULT_DIR = fileURLToPath(new URL('../../../shared/data/email/', import.meta.url));

export interface FlaggedFile extends AutomatedVerdict {
  file: string;
}

export interface Score {
  recall: number;
  precision: number;
  hits: number;
  flagged: number;
  truth: number;
}

export interface AutomatedRecallReport {
  scanned: number;
  skipped: string[];
  unparsable: { file: string; error: string }[];
  flagged: FlaggedFile[];
  ours: Score;
  /** Naive rule: only `Auto-Submitted` (any value but "no") marks a message as automated. */
  baseline: Score;
  /** Kind named right (auto_reply vs bounce) among the hits. */
  kindRight: number;
  missed: string[];
  falsePositives: string[];
  bulk: Score;
}


function score(flagged: Set<string>, truth: Set<string>): Score {
  const hits = [...flagged].filter((f) => truth.has(f)).length;
  return {
    recall: truth.size ? hits / truth.size : 0,
    precision: flagged.size ? hits / flagged.size : 0,
    hits,
    flagged: flagged.size,
    truth: truth.size,
  };
}

function autoSubmittedOnly(mail: ParsedMail): boolean {
  const line = mail.headerLines.find((h) => h.key === 'auto-submitted')?.line ?? '';
  const value = line.slice(line.indexOf(':') + 1).split(';')[0].trim().toLowerCase();
  return value !== '' && value !== 'no';
}

export async function automatedRecall(sharedEmailDir: string): Promise<AutomatedRecallReport> {
  const candidates = walk(sharedEmailDir).filter((p) => MAIL_EXT.test(p));
  const report: AutomatedRecallReport = {
    scanned: 0, skipped: [], unparsable: [], flagged: [], kindRight: 0, missed: [], falsePositives: [],
    ours: score(new Set(), new Set()), baseline: score(new Set(), new Set()), bulk: score(new Set(), new Set()),
  };
  const baselineFlagged = new Set<string>();
  for (const path of candidates) {
    const file = relative(sharedEmailDir, path).split('\\').join('/');
    const raw = readFileSync(path);
    const firstLine = raw.subarray(0, 2000).toString('latin1').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    if (!LOOKS_LIKE_MAIL.test(firstLine)) {
      report.skipped.push(file);
      continue;
    }
    let mail: ParsedMail;
    try {
      mail = await simpleParser(raw);
    } catch (err) {
      report.unparsable.push({ file, error: String((err as Error).message ?? err) });
      continue;
    }
    report.scanned++;
    const verdict = classifyAutomated(mail);
    if (verdict.kind) report.flagged.push({ file, ...verdict });
    if (autoSubmittedOnly(mail)) baselineFlagged.add(file);
  }
  const truth = new Set(AUTOMATED_TRUTH.map((t) => t.file));
  const ours = new Set(report.flagged.filter((f) => f.kind !== 'bulk').map((f) => f.file));
  report.ours = score(ours, truth);
  report.baseline = score(baselineFlagged, truth);
  report.kindRight = AUTOMATED_TRUTH.filter((t) => report.flagged.some((f) => f.file === t.file && f.kind === t.kind)).length;
  report.missed = [...truth].filter((f) => !ours.has(f));
  report.falsePositives = [...ours].filter((f) => !truth.has(f));
  report.bulk = score(new Set(report.flagged.filter((f) => f.kind === 'bulk').map((f) => f.file)), new Set(BULK_TRUTH.map((t) => t.file)));
  return report;
}

const pct = (x: number) => (100 * x).toFixed(1);

async function main() {
  const dir = resolve(process.argv[2] ?? DEFAULT_DIR);
  if (!existsSync(dir)) {
    console.log(`No e-mail fixtures at ${dir} (../shared/data/email is absent): nothing to measure.`);
    return;
  }
  const t0 = performance.now();
  const r = await automatedRecall(dir);
  const seconds = (performance.now() - t0) / 1000;
  console.log(`Scanned ${r.scanned} messages in ${seconds.toFixed(1)} s; skipped ${r.skipped.length} files that are not RFC 5322 messages; ${r.unparsable.length} unparsable.`);
  for (const u of r.unparsable) console.log(`  unparsable ${u.file}: ${u.error}`);
  console.log('\nFlagged as automated:');
  console.log('kind        status  perm  recipients                      reason  —  file');
  for (const f of r.flagged) {
    const status = f.kind === 'bounce' ? (f.bounceStatus ?? '-').padEnd(7) : ''.padEnd(7);
    const perm = f.kind === 'bounce' ? (f.permanent ? 'yes' : 'no').padEnd(5) : ''.padEnd(5);
    console.log(`${f.kind!.padEnd(11)} ${status} ${perm} ${f.bouncedRecipients.join(',').padEnd(31)} ${f.reason}  —  ${f.file}`);
  }
  console.log(`\nTruth (auto-reply or bounce, judged by hand): ${r.ours.truth} messages; kind right for ${r.kindRight}.`);
  console.log('rule                      recall           precision');
  console.log(`ours                      ${pct(r.ours.recall).padStart(5)} % (${r.ours.hits}/${r.ours.truth})   ${pct(r.ours.precision).padStart(5)} % (${r.ours.hits}/${r.ours.flagged})`);
  console.log(`Auto-Submitted only       ${pct(r.baseline.recall).padStart(5)} % (${r.baseline.hits}/${r.baseline.truth})   ${pct(r.baseline.precision).padStart(5)} % (${r.baseline.hits}/${r.baseline.flagged})`);
  console.log(`bulk (lists)              ${pct(r.bulk.recall).padStart(5)} % (${r.bulk.hits}/${r.bulk.truth})   ${pct(r.bulk.precision).padStart(5)} % (${r.bulk.hits}/${r.bulk.flagged})`);
  if (r.missed.length) console.log(`missed: ${r.missed.join(', ')}`);
  if (r.falsePositives.length) console.log(`false positives: ${r.falsePositives.join(', ')}`);
  // With a baseline of 0 the ratio is unbounded; printed as "inf" rather than hidden.
  const ratio = r.baseline.recall > 0 ? (r.ours.recall / r.baseline.recall).toFixed(2) : r.ours.recall > 0 ? 'inf' : 'n/a';
  console.log(`RESULT email-automated-recall ${pct(r.ours.recall)} % baseline=${pct(r.baseline.recall)} ratio=${ratio}`);
}

// run directly (node bin/run-ts.mjs keeps the script in argv[1]), not when another benchmark imports it
const entry = process.argv[1] ? resolve(process.argv[1]) : '';
if (entry === fileURLToPath(import.meta.url)) {
  await main();
}
