/**
 * E-mail conformance on real mail nobody here wrote: `node bin/run-ts.mjs bench/email-conformance.ts [dir]`
 *
 * ~190 raw messages from six public mail-parsing test suites (../shared/data/email, see its
 * MANIFEST.tsv) go through the real intake road into a database (PGlite in memory, or DATABASE_URL):
 * ingested / refused with a reason / crashed, and sender, subject and text against mime4j's expected
 * parse. Then reply stripping against each suite's expected output (bench/email/reply-accuracy.ts)
 * and auto-reply/bounce recall on the fixtures that are machines (bench/email/automated-recall.ts).
 * Ends with one RESULT line: messages crashed or silently dropped (goal 0).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/config.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { ingestAll } from './email/conformance.ts';
import { libraryBaselineAccuracy, replyStrippingAccuracy } from './email/reply-accuracy.ts';
import { automatedRecall } from './email/automated-recall.ts';

const dir = resolve(process.argv[2] ?? fileURLToPath(new URL('../../shared/data/email/', import.meta.url)));
if (!existsSync(dir)) {
  console.log(`No e-mail fixtures at ${dir} (../shared/data/email is absent): nothing to measure.`);
  process.exit(0);
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');
const db = await openDb({ databaseUrl: process.env.DATABASE_URL || undefined });
await migrate(db);
const started = performance.now();
const suites = await ingestAll(db, dir, { ...loadConfig({}), ATTACHMENT_MAX_BYTES: 10 * 1024 * 1024 });
const seconds = (performance.now() - started) / 1000;
await db.close();

console.log(`E-mail conformance: ${suites.reduce((n, s) => n + s.messages, 0)} messages through the intake road in ${seconds.toFixed(1)} s (${db.kind})\n`);
console.log('suite                      messages  stored  duplicate  bounce  refused  crashed   from       subject    text');
for (const s of suites) {
  const cell = (c: { checked: number; agree: number }) => (c.checked ? `${c.agree}/${c.checked}`.padEnd(10) : '—'.padEnd(10));
  console.log(`${s.suite.padEnd(26)} ${String(s.messages).padStart(8)} ${String(s.stored).padStart(7)} ${String(s.duplicates).padStart(10)} ${String(s.bounces).padStart(7)} ${String(s.refused.length).padStart(8)} ${String(s.crashed.length).padStart(8)}   ${cell(s.from)} ${cell(s.subject)} ${cell(s.text)}`);
}
const all = (k: 'stored' | 'duplicates' | 'bounces') => suites.reduce((n, s) => n + s[k], 0);
const refused = suites.flatMap((s) => s.refused);
const crashed = suites.flatMap((s) => s.crashed);
const total = suites.reduce((n, s) => n + s.messages, 0);
const accounted = all('stored') + all('duplicates') + all('bounces') + refused.length + crashed.length;
console.log(`\nstored ${all('stored')}, same Message-ID stored once ${all('duplicates')}, bounces recorded ${all('bounces')}, refused with a reason ${refused.length}, crashed ${crashed.length}, silently dropped ${total - accounted}`);
for (const r of refused) console.log(`  refused  ${r.file}: ${r.reason}`);
for (const c of crashed) console.log(`  CRASHED  ${c.file}: ${c.error}`);
for (const s of suites) for (const d of [...s.from.disagree, ...s.subject.disagree, ...s.text.disagree]) console.log(`  differs  ${d}`);

const ours = await replyStrippingAccuracy(dir);
const lib = await libraryBaselineAccuracy(dir);
console.log('\nReply stripping (our expectations per fixture, bench/email/reply-expectations.ts)');
console.log('suite                      fixtures   ours     email-reply-parser alone');
for (const s of ours) {
  const b = lib.find((x) => x.suite === s.suite)!;
  console.log(`${s.suite.padEnd(26)} ${String(s.total).padStart(8)}   ${pct(s.correct, s.total).padEnd(8)} ${pct(b.correct, b.total)}`);
}
const oc = ours.reduce((n, s) => n + s.correct, 0), ot = ours.reduce((n, s) => n + s.total, 0);
const lc = lib.reduce((n, s) => n + s.correct, 0);
console.log(`${'all'.padEnd(26)} ${String(ot).padStart(8)}   ${pct(oc, ot).padEnd(8)} ${pct(lc, ot)}`);

const auto = await automatedRecall(dir);
console.log(`\nAuto-replies and bounces: recall ${pct(auto.ours.hits, auto.ours.truth)} (${auto.ours.hits}/${auto.ours.truth}), precision ${pct(auto.ours.hits, auto.ours.flagged)}; mailing lists ${auto.bulk.hits}/${auto.bulk.truth}; Auto-Submitted header alone: ${auto.baseline.hits}/${auto.baseline.truth}`);

const bad = crashed.length + (total - accounted);
console.log(`RESULT email-conformance ${bad} messages baseline=0 ratio=${bad === 0 ? 1 : 'inf'}`);
