/**
 * Bounce recognition by class: `node bin/run-ts.mjs bench/email/bounce-recall.ts`
 *
 * Classifies the project's own bounce fixtures (tests/fixtures/email/bounces: one delivery-failure report
 * that is not RFC 3464 per class: Lotus Domino, IMail, Apache James, mobile-carrier gateways, Mailman,
 * majordomo, LISTSERV, qmail/ezmlm, Sendmail, Exchange in English/Dutch/German, Courier, Postfix, …) and
 * the mails people wrote that only look like bounces (tests/fixtures/email/human), then the bounces in
 * ../shared/data/email (the hand-judged list in automated-truth.ts) when that folder exists. Prints each
 * verdict and one RESULT line; never asserts (the tests do).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simpleParser } from 'mailparser';
import { classifyAutomated } from '../../src/intake/channels/email/automated.ts';
import { automatedRecall } from './automated-recall.ts';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/email/', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/data/email/', import.meta.url));

export async function classifyFolder(dir: string) {
  const out: { file: string; kind: string | null; reason: string | null; recipients: string[] }[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml')).sort()) {
    const v = classifyAutomated(await simpleParser(readFileSync(join(dir, file))));
    out.push({ file, kind: v.kind, reason: v.reason, recipients: v.bouncedRecipients });
  }
  return out;
}

async function main() {
  const bounces = await classifyFolder(join(FIXTURES, 'bounces'));
  const humans = await classifyFolder(join(FIXTURES, 'human'));
  for (const r of [...bounces, ...humans]) console.log(`${(r.kind ?? 'person').padEnd(10)} ${r.file.padEnd(32)} ${r.reason ?? ''} ${r.recipients.join(',')}`);
  const hit = bounces.filter((r) => r.kind === 'bounce').length;
  const fp = humans.filter((r) => r.kind !== null).length;
  console.log(`\nown bounce fixtures recognised as bounce: ${hit}/${bounces.length}; people's mails flagged: ${fp}/${humans.length}`);
  let shared = 'n/a';
  if (existsSync(SHARED)) {
    const r = await automatedRecall(SHARED);
    shared = `${r.ours.hits}/${r.ours.truth}`;
    console.log(`../shared/data/email: auto-replies and bounces recognised ${shared}, false positives ${r.falsePositives.length}`);
  }
  console.log(`RESULT email-bounce-recall own=${hit}/${bounces.length} people-flagged=${fp}/${humans.length} shared=${shared}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
