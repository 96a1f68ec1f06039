/**
 * Reply checks on a labelled set of whole replies: `node bin/run-ts.mjs bench/reply-labels.ts [file.jsonl …]`
 *
 * Default files: bench/eval-dev/replies.jsonl (the development set; the model trains on it, so its figures here are
 * training figures: the cross-validated ones come from scripts/train-reply-model.ts) and bench/eval-tune/replies.jsonl
 * (the tuning set: written blind, choices may be made on it, its misses may be read). Items carry either booleans
 * (`blame: true`) or a `labels` array. Scored like bench/eval-blind/eval-replies.ts: blame and condescension ←
 * the check fires; apology and thanks ← the check is silent (it found one), apology with isComplaint forced true.
 * Prints P / R per label with the reply model on (as shipped) and off (the phrase rules alone, the baseline in the
 * same run). REPLY_LABELS_SHOW=1 prints the misses; it refuses the frozen blind sets and our held-out replies
 * tests/fixtures/replies/meaning-heldout.jsonl (issue 14, third round: never trained on, never read item by item) and
 * tests/fixtures/replies/replies-h14-heldout.jsonl (fourth round, the same rule).
 * Ends with `RESULT reply-labels <macro-F1 of the 4 labels, shipped> F1 baseline=<rules alone> ratio=…`.
 */
import { readFileSync } from 'node:fs';
import { checkDraft } from '../src/replies/check-draft.ts';
import type { CheckName } from '../src/replies/types.ts';

type Label = 'blame' | 'condescension' | 'apology' | 'thanks';
const LABELS: Label[] = ['blame', 'condescension', 'apology', 'thanks'];
interface Item { id: string; lang?: 'nl' | 'en'; language?: 'nl' | 'en'; text: string; labels?: string[]; [k: string]: unknown }

const files = process.argv.slice(2).length ? process.argv.slice(2) : ['bench/eval-dev/replies.jsonl', 'bench/eval-tune/replies.jsonl'];
const show = process.env.REPLY_LABELS_SHOW === '1';

const gold = (it: Item, l: Label) => (it.labels ? it.labels.includes(l) : it[l] === true);

function predict(it: Item, modelOn: boolean): Set<Label> {
  if (modelOn) delete process.env.LUISTER_REPLY_MODEL;
  else process.env.LUISTER_REPLY_MODEL = 'off';
  const language = it.lang ?? it.language ?? 'nl';
  const fired = new Set<CheckName>(checkDraft(it.text, { language, isComplaint: true, salesOptOut: false }).map((f) => f.check));
  return new Set(LABELS.filter((l) => (l === 'apology' || l === 'thanks' ? !fired.has(l) : fired.has(l))));
}

function prf(items: Item[], pred: Map<string, Set<Label>>, l: Label) {
  let tp = 0, fp = 0, fn = 0;
  for (const it of items) {
    const p = pred.get(it.id)!.has(l);
    const g = gold(it, l);
    if (p && g) tp++;
    else if (p) fp++;
    else if (g) fn++;
  }
  const P = tp / Math.max(1, tp + fp);
  const R = tp / Math.max(1, tp + fn);
  return { tp, fp, fn, P, R, F1: P + R ? (2 * P * R) / (P + R) : 0 };
}
const fmt = (x: ReturnType<typeof prf>) => `P ${x.P.toFixed(2)} R ${x.R.toFixed(2)} F1 ${x.F1.toFixed(2)} (tp ${x.tp} fp ${x.fp} fn ${x.fn})`;

let after = 0, before = 0, n = 0;
for (const file of files) {
  const items = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l, i) => ({ id: `#${i}`, ...JSON.parse(l) }) as Item);
  const rules = new Map(items.map((it) => [it.id, predict(it, false)]));
  const t0 = performance.now();
  const shipped = new Map(items.map((it) => [it.id, predict(it, true)]));
  const ms = performance.now() - t0;
  console.log(`\n# ${file}: ${items.length} replies (${ms.toFixed(0)} ms shipped); ` + LABELS.map((l) => `${l} ${items.filter((it) => gold(it, l)).length}`).join(', '));
  console.log('\n| label | rules alone | rules + model (shipped) |\n|---|---|---|');
  for (const l of LABELS) {
    const a = prf(items, shipped, l);
    const b = prf(items, rules, l);
    console.log(`| ${l} | ${fmt(b)} | ${fmt(a)} |`);
    after += a.F1;
    before += b.F1;
    n++;
  }
  // the frozen blind sets and our own held-out replies (meaning-heldout.jsonl, replies-h14-heldout.jsonl) are scored in
  // aggregate only
  if (show && !/eval-blind|meaning-heldout|replies-h14-heldout/.test(file)) {
    for (const it of items) for (const l of LABELS) {
      const p = shipped.get(it.id)!.has(l);
      if (p !== gold(it, l)) console.log(`${l} ${p ? 'FP' : 'FN'} ${it.id}: ${it.text.replace(/\s+/g, ' ')}`);
    }
  }
}
console.log(`\nRESULT reply-labels ${(after / n).toFixed(3)} F1 baseline=${(before / n).toFixed(3)} ratio=${(after / Math.max(1e-9, before)).toFixed(2)}`);
