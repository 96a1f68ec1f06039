/**
 * Promises found in replies (issue 14) on the three sets that may be scored here: the development set
 * (bench/eval-dev), the tuning list (bench/eval-own) and the older frozen blind set (bench/eval-blind; figures
 * only, its sentences are never shown). `node bin/run-ts.mjs bench/promises-eval.ts [--misses]`; --misses prints
 * the misses and false finds of the development set and the tuning list.
 * RESULT: recall on the tuning list at its precision, against the recall before the rules were generalised.
 */
import { evalPromises } from './eval-blind/eval-promises.ts';

const showMisses = process.argv.includes('--misses');
const sets: [string, string | undefined][] = [['eval-dev', 'bench/eval-dev'], ['eval-own', 'bench/eval-own'], ['eval-blind (older, frozen)', undefined]];
let ownRecall = 0;
for (const [name, dir] of sets) {
  console.log(`# ${name}`);
  if (dir) process.env.EVAL_SET_DIR = dir;
  else delete process.env.EVAL_SET_DIR;
  process.env.EVAL_SHOW_MISSES = showMisses && dir ? '1' : '0';
  const log = console.log;
  const lines: string[] = [];
  console.log = (...a: unknown[]) => { lines.push(a.join(' ')); log(...a); };
  evalPromises();
  console.log = log;
  const row = lines.find((l) => l.startsWith('| promise (any kind)'));
  if (name === 'eval-own' && row) ownRecall = Number(row.split('|')[8]);
}
// 0.58: recall on bench/eval-own before this branch (commit "bench/eval-own: a tuning list …")
const BASELINE = 0.58;
console.log(`RESULT promises-recall-own ${ownRecall.toFixed(2)} recall baseline=${BASELINE} ratio=${(ownRecall / BASELINE).toFixed(2)}`);
