// How well does stripReply find what the sender newly wrote? Scored on the public reply-parsing
// fixtures in ../shared/data/email against our own expectations (reply-expectations.ts), beside the
// unmodified email-reply-parser (getVisibleText) on the same text in the same run.
//   node bin/run-ts.mjs bench/email/reply-accuracy.ts
// Prints a table per suite and ends with one RESULT line; never asserts.
// Each fixture gets FIXTURE_TIME_LIMIT_MS: without the optional re2 engine the library backtracks for
// minutes on github's email_long_quote.txt (770 kB of ">"), so it runs in a worker that can be stopped.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { simpleParser } from 'mailparser';
import { stripReply } from '../../src/intake/channels/email/strip-reply.ts';
import { replyExpectations, type FixtureFormat, type ReplyExpectation } from './reply-expectations.ts';

export interface SuiteScore {
  suite: string;
  total: number;
  correct: number;
  failures: string[];
}

/** The new text, or null when it took longer than the limit. */
type Stripper = (text: string) => Promise<string | null>;

export const FIXTURE_TIME_LIMIT_MS = 10_000;

export const SHARED_EMAIL_DIR = fileURLToPath(new URL('../../../shared/data/email/', import.meta.url));

/** Our stripReply on every judged fixture, per suite (the fixture folder's first segment). */
export async function replyStrippingAccuracy(sharedEmailDir: string): Promise<SuiteScore[]> {
  // In-process (it cannot be interrupted), but held to the same limit as the library.
  return score(sharedEmailDir, async (text) => {
    const started = performance.now();
    const { newText } = stripReply(text);
    return performance.now() - started > FIXTURE_TIME_LIMIT_MS ? null : newText;
  });
}

/** The same fixtures and expectations for the unmodified library (getVisibleText). */
export async function libraryBaselineAccuracy(sharedEmailDir: string): Promise<SuiteScore[]> {
  const library = new LibraryWorker();
  try {
    return await score(sharedEmailDir, (text) => library.visibleText(text));
  } finally {
    await library.close();
  }
}

const WORKER_CODE = `const { parentPort, workerData } = require('node:worker_threads');
import(workerData.url).then(({ default: Parser }) =>
  parentPort.on('message', (text) => parentPort.postMessage(new Parser().read(text).getVisibleText())));`;

/** email-reply-parser in a worker thread, replaced by a fresh one when a fixture runs out of time. */
class LibraryWorker {
  private worker: Worker | null = null;

  async visibleText(text: string): Promise<string | null> {
    this.worker ??= new Worker(WORKER_CODE, { eval: true, workerData: { url: import.meta.resolve('email-reply-parser') } });
    const worker = this.worker;
    let timer: NodeJS.Timeout | undefined;
    let onMessage: (text: string) => void = () => {};
    let onError: (error: Error) => void = () => {};
    const result = await Promise.race([
      new Promise<string>((done, fail) => {
        onMessage = done;
        onError = fail;
        worker.on('message', onMessage).on('error', onError).postMessage(text);
      }),
      new Promise<null>((done) => (timer = setTimeout(() => done(null), FIXTURE_TIME_LIMIT_MS))),
    ]);
    clearTimeout(timer);
    // Only our own listeners: removeAllListeners() would also cut the worker's internal message relay.
    worker.off('message', onMessage).off('error', onError);
    if (result === null) await this.close();
    return result;
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}

async function score(dir: string, strip: Stripper): Promise<SuiteScore[]> {
  const suites = new Map<string, SuiteScore>();
  for (const expectation of replyExpectations) {
    const name = expectation.path.split('/')[0];
    const suite = suites.get(name) ?? { suite: name, total: 0, correct: 0, failures: [] };
    suites.set(name, suite);
    suite.total++;
    const text = await fixtureText(join(dir, expectation.path), formatOf(expectation));
    const output = await strip(text);
    const problem = output === null ? `took over ${FIXTURE_TIME_LIMIT_MS / 1000} s` : check(output.trim(), expectation);
    if (problem) suite.failures.push(`${expectation.path}: ${problem}`);
    else suite.correct++;
  }
  return [...suites.values()];
}

function formatOf(e: ReplyExpectation): FixtureFormat {
  if (e.format) return e.format;
  const ext = extname(e.path);
  return ext === '.eml' ? 'eml' : ext === '.html' ? 'html' : 'text';
}

/** The plain text a mail pipeline would hand to stripReply: mailparser's `.text` for messages. */
async function fixtureText(path: string, format: FixtureFormat): Promise<string> {
  const raw = await readFile(path);
  let text: string;
  if (format === 'eml') text = (await simpleParser(raw)).text ?? '';
  else if (format === 'html') {
    const message = Buffer.concat([Buffer.from('Content-Type: text/html; charset=utf-8\r\n\r\n'), raw]);
    text = (await simpleParser(message)).text ?? '';
  } else text = raw.toString('utf8');
  // talon's signature corpus marks lines as "#sig#…" / "#reply#…" (its annotation, not mail text).
  return path.includes('/signature/') ? text.replace(/^#(?:sig|reply)#/gmu, '') : text;
}

/** Null when the output meets the expectation, otherwise a short reason. */
export function check(output: string, e: ReplyExpectation): string | null {
  const show = (s: string) => JSON.stringify(s.length > 60 ? `${s.slice(0, 28)}…${s.slice(-28)}` : s);
  if (e.startsWith !== undefined && !output.startsWith(e.startsWith)) return `does not start with ${show(e.startsWith)}: ${show(output)}`;
  if (e.endsWith !== undefined && !output.endsWith(e.endsWith)) return `does not end with ${show(e.endsWith)}: ${show(output)}`;
  for (const c of e.contains ?? []) if (!output.includes(c)) return `lacks ${show(c)}: ${show(output)}`;
  for (const c of e.notContains ?? []) if (output.includes(c)) return `still has ${show(c)}: ${show(output)}`;
  return null;
}

const percent = (correct: number, total: number) => (total === 0 ? 0 : (100 * correct) / total);
const sum = (scores: SuiteScore[], key: 'total' | 'correct') => scores.reduce((n, s) => n + s[key], 0);

async function main(): Promise<void> {
  if (!existsSync(SHARED_EMAIL_DIR)) {
    console.log(`skipped: ${SHARED_EMAIL_DIR} is absent (the public reply-parsing fixtures); nothing to measure`);
    console.log('RESULT email-reply-stripping n/a % baseline=n/a ratio=n/a');
    return;
  }
  const ours = await replyStrippingAccuracy(SHARED_EMAIL_DIR);
  const library = await libraryBaselineAccuracy(SHARED_EMAIL_DIR);
  console.log('| suite | fixtures | stripReply | email-reply-parser |');
  console.log('|---|---|---|---|');
  for (const s of ours) {
    const b = library.find((l) => l.suite === s.suite)!;
    console.log(`| ${s.suite} | ${s.total} | ${s.correct} (${percent(s.correct, s.total).toFixed(1)}%) | ${b.correct} (${percent(b.correct, b.total).toFixed(1)}%) |`);
  }
  const total = sum(ours, 'total');
  const oursPct = percent(sum(ours, 'correct'), total);
  const basePct = percent(sum(library, 'correct'), total);
  console.log(`| all | ${total} | ${sum(ours, 'correct')} (${oursPct.toFixed(1)}%) | ${sum(library, 'correct')} (${basePct.toFixed(1)}%) |`);
  for (const [who, scores] of [['stripReply', ours], ['email-reply-parser', library]] as const) {
    const failures = scores.flatMap((s) => s.failures);
    console.log(`\n${who} failures (${failures.length}):`);
    for (const f of failures) console.log(`  ${f}`);
  }
  const ratio = basePct === 0 ? 'n/a' : (oursPct / basePct).toFixed(2);
  console.log(`RESULT email-reply-stripping ${oursPct.toFixed(1)} % baseline=${basePct.toFixed(1)} ratio=${ratio}`);
}

// Run directly (bin/run-ts.mjs keeps the script in argv[1]); not when imported by a test or another benchmark.
const entry = process.argv[1] ?? '';
if (resolve(entry) === fileURLToPath(import.meta.url)) await main();
