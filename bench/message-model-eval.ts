// The message model of issue 14 (src/listening/message-model/) measured where it was not trained:
//   node bin/run-ts.mjs bench/message-model-eval.ts            # held-out real data + dev by 5-fold cross-validation
//   node bin/run-ts.mjs bench/message-model-eval.ts --tune     # also search the combination thresholds on the dev folds
// 1. bench/eval-dev/messages.jsonl by 5-fold cross-validation: each fold scored by a model trained without it
//    (scripts/train-message-model.ts crossValidate), beside the rules alone (model: null);
// 2. held-out real data from ../shared/data (NLU++ folds 15-19, BANKING77 test.csv, every 5th CFPB narrative, xSID
//    Dutch test): per label precision/recall where the source labels it, and the sentiment errors' lean.
// The product reads nothing from ../shared: the shipped weights and @nlpjs/lang-nl are all it uses.
import { analyseMessage } from '../src/listening/analyse-message.ts';
import { ANGER_MIX, SENTIMENT_MIX, THRESHOLDS } from '../src/listening/message-model/combine.ts';
import { shippedModel, type Head, type MessageModel } from '../src/listening/message-model/score-message.ts';
import { guessLanguage } from '../src/text/language.ts';
import { realAvailable, realExamples, type Example } from '../scripts/message-model-data/sources.ts';
import { crossValidate } from '../scripts/train-message-model.ts';

type Label = 'complaint' | 'refund_request' | 'opt_out' | 'cancellation' | 'anger';
const LABELS: Label[] = ['complaint', 'refund_request', 'opt_out', 'cancellation', 'anger'];
type Cls = 'negative' | 'neutral' | 'positive';

interface Scored {
  e: Example;
  predicted: Record<Label, boolean>;
  cls: Cls;
}

function score(e: Example, model: MessageModel | null): Scored {
  const a = analyseMessage(e.text, { language: guessLanguage(e.text), model });
  const predicted = {} as Record<Label, boolean>;
  for (const l of LABELS) predicted[l] = l === 'anger' ? a.anger >= 0.5 : a.intents.includes(l);
  return { e, predicted, cls: a.sentiment <= -0.2 ? 'negative' : a.sentiment >= 0.2 ? 'positive' : 'neutral' };
}
const goldCls = (e: Example): Cls | null =>
  e.labels.negative === 1 ? 'negative' : e.labels.positive === 1 ? 'positive' : e.labels.negative === 0 && e.labels.positive === 0 ? 'neutral' : null;

function prf(rows: Scored[], l: Label) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const r of rows) {
    const g = r.e.labels[l as Head];
    if (g === undefined) continue;
    if (r.predicted[l] && g) tp++;
    else if (r.predicted[l]) fp++;
    else if (g) fn++;
  }
  const p = tp + fp ? tp / (tp + fp) : NaN;
  const rc = tp + fn ? tp / (tp + fn) : NaN;
  return { gold: tp + fn, fp, p, r: rc, f1: p + rc ? (2 * p * rc) / (p + rc) : 0 };
}
const f2 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(2));

function table(title: string, before: Scored[], after: Scored[]) {
  console.log(`\n${title} (${after.length} messages)\n`);
  console.log('| label | gold | P before | R before | F1 before | false pos. before | P after | R after | F1 after | false pos. after |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const l of LABELS) {
    const b = prf(before, l);
    const a = prf(after, l);
    if (!a.gold && Number.isNaN(a.p)) continue;
    console.log(`| ${l === 'anger' ? 'anger (>= 0.5)' : l} | ${a.gold} | ${f2(b.p)} | ${f2(b.r)} | ${f2(b.f1)} | ${b.fp} | ${f2(a.p)} | ${f2(a.r)} | ${f2(a.f1)} | ${a.fp} |`);
  }
  for (const [name, rows] of [['before', before], ['after', after]] as const) {
    const polar = rows.filter((r) => goldCls(r.e) !== null);
    if (!polar.length) continue;
    const right = polar.filter((r) => r.cls === goldCls(r.e)).length;
    const negPos = polar.filter((r) => goldCls(r.e) === 'negative' && r.cls === 'positive').length;
    const posNeg = polar.filter((r) => goldCls(r.e) === 'positive' && r.cls === 'negative').length;
    const count = (c: Cls) => polar.filter((r) => goldCls(r.e) === c).length;
    const lean = polar.filter((r) => r.cls !== goldCls(r.e));
    const rank = { negative: 0, neutral: 1, positive: 2 };
    const up = lean.filter((r) => rank[r.cls] > rank[goldCls(r.e)!]).length;
    console.log(`- sentiment ${name}: 3-way ${right}/${polar.length}; negative→positive ${negPos} of ${count('negative')}, positive→negative ${posNeg} of ${count('positive')}; ` +
      `errors ${lean.length}: ${up} lean positive, ${lean.length - up} lean negative`);
  }
}

function macro(rows: Scored[]): number {
  return LABELS.reduce((s, l) => s + prf(rows, l).f1, 0) / LABELS.length;
}

const { dev, models, foldOf } = crossValidate();
const scoreDev = () => dev.map((e, i) => score(e, models[foldOf(i)]!));
const before = dev.map((e) => score(e, null));
if (process.argv.includes('--tune')) {
  // one knob at a time, on the cross-validated dev predictions: macro-F1 of the five labels plus sentiment accuracy
  const objective = () => {
    const rows = scoreDev();
    const sent = rows.filter((r) => r.cls === goldCls(r.e)).length / rows.length;
    return macro(rows) + 0.5 * sent;
  };
  const knobs: [Record<string, number>, string, number[]][] = [
    [THRESHOLDS, 'complaint', [0.3, 0.4, 0.5, 0.6, 0.7]],
    [THRESHOLDS, 'refund_request', [0.3, 0.4, 0.5, 0.6, 0.7]],
    [THRESHOLDS, 'opt_out', [0.3, 0.4, 0.5, 0.6, 0.7]],
    [THRESHOLDS, 'cancellation', [0.5, 0.6, 0.7, 0.8, 0.95]],
    [SENTIMENT_MIX, 'lexicon', [0.1, 0.2, 0.35]],
    [SENTIMENT_MIX, 'model', [0.3, 0.4, 0.6]],
    [ANGER_MIX, 'rules', [0.5, 0.7, 1.0]],
    [ANGER_MIX, 'model', [0.5, 0.7, 0.9, 1.2]],
  ];
  for (const [obj, key, values] of knobs) {
    let best = obj[key]!;
    let bestScore = -1;
    for (const v of values) {
      obj[key] = v;
      const s = objective();
      if (s > bestScore + 1e-9) [best, bestScore] = [v, s];
    }
    obj[key] = best;
    console.log(`tune ${key}: ${best} (objective ${bestScore.toFixed(3)})`);
  }
  // the shift: the smallest imbalance between errors that lean positive and negative, accuracy breaking ties
  const rank = { negative: 0, neutral: 1, positive: 2 };
  let bestShift = 0;
  let bestKey = [Infinity, 0];
  for (const shift of [-0.15, -0.1, -0.05, 0, 0.05, 0.1, 0.15, 0.2]) {
    SENTIMENT_MIX.shift = shift;
    const rows = scoreDev();
    const wrong = rows.filter((r) => r.cls !== goldCls(r.e));
    const up = wrong.filter((r) => rank[r.cls] > rank[goldCls(r.e)!]).length;
    const key = [Math.abs(2 * up - wrong.length), -(rows.length - wrong.length)];
    console.log(`shift ${shift}: ${rows.length - wrong.length} right, ${up} lean positive, ${wrong.length - up} lean negative`);
    if (key[0]! < bestKey[0]! || (key[0] === bestKey[0] && key[1]! < bestKey[1]!)) [bestShift, bestKey] = [shift, key];
  }
  SENTIMENT_MIX.shift = bestShift;
  console.log(`tune shift: ${bestShift}`);
}
const after = scoreDev();
console.log('# The message model (issue 14)');
table('## bench/eval-dev/messages.jsonl, 5-fold cross-validation (before = rules alone)', before, after);
console.log(`\nmacro-F1 over the five labels: before ${macro(before).toFixed(3)}, after ${macro(after).toFixed(3)}`);

if (realAvailable()) {
  const held = realExamples('heldout');
  const shipped = shippedModel();
  for (const source of ['nlupp', 'banking77', 'cfpb', 'xsid-nl']) {
    const items = held.filter((e) => e.source.split(':')[0] === source);
    table(`## held out, ${source}`, items.map((e) => score(e, null)), items.map((e) => score(e, shipped)));
  }
} else console.log('\nheld-out real data skipped: ../shared/data is absent');
