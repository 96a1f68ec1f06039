// Trains the message model (src/listening/message-model/) and writes its weights:
//   node bin/run-ts.mjs scripts/train-message-model.ts          # train on everything, write weights.json
//   node bin/run-ts.mjs scripts/train-message-model.ts --cv     # 5-fold cross-validation on bench/eval-dev
// One logistic regression per head (complaint, refund_request, opt_out, cancellation, anger,
// negative, positive) over the features of features.ts, by AdaGrad with L2, a fixed seed and a
// fixed order: the same data gives the same weights. Sources and splits: scripts/message-model-data/
// sources.ts. Without ../shared it trains on our own messages and the dev set only (and says so).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMessage } from '../src/listening/read-message.ts';
import { BUCKETS, type Features } from '../src/listening/message-model/features.ts';
import { featuresOf, HEADS, modelFromJson, type Head, type MessageModel, type WeightsFile } from '../src/listening/message-model/score-message.ts';
import { devMessages, ownMessages, realAvailable, realExamples, type Example } from './message-model-data/sources.ts';

/** how much one example of a source counts: our own Dutch/English customer messages most */
const SOURCE_WEIGHT: Record<string, number> = { own: 3, dev: 3, nlupp: 0.7, banking77: 0.5, cfpb: 0.5, 'xsid-nl': 1 };
const EPOCHS = 12;
const RATE = 0.3;
const L2 = 1e-5;
/** weights below this (in every head) are left out of weights.json */
const MIN_WEIGHT = 0.003;

interface Vector {
  ids: Int32Array;
  values: Float64Array;
}
interface Row {
  x: Vector;
  y: (0 | 1 | -1)[];
  weight: number;
}

export function featurise(e: Example): Features {
  const r = readMessage(e.text, { language: e.language });
  return featuresOf({ folded: r.folded, all: r.all, language: r.language, stems: r.stems, lexicon: r.lexicon, lexiconSentiment: r.lexiconSentiment });
}

export function train(examples: Example[], log = false): WeightsFile {
  const rows: Row[] = examples.map((e) => {
    const f = featurise(e);
    return {
      x: { ids: Int32Array.from([...f.text, ...f.meta]), values: Float64Array.from([...f.text.map(() => f.textWeight), ...f.metaValues]) },
      y: HEADS.map((h) => e.labels[h] ?? -1),
      weight: SOURCE_WEIGHT[e.source.split(':')[0]!] ?? 1,
    };
  });
  const H = HEADS.length;
  const w = new Float64Array(BUCKETS * H);
  const g2 = new Float64Array(BUCKETS * H).fill(1e-8);
  const bias = new Float64Array(H);
  const b2 = new Float64Array(H).fill(1e-8);
  // balance each head: positives and negatives weigh the same in total
  const balance = HEADS.map((_, h) => {
    let pos = 0;
    let neg = 0;
    for (const r of rows) {
      if (r.y[h] === 1) pos += r.weight;
      else if (r.y[h] === 0) neg += r.weight;
    }
    return { pos: pos ? (pos + neg) / (2 * pos) : 1, neg: neg ? (pos + neg) / (2 * neg) : 1 };
  });
  const order = rows.map((_, i) => i);
  const rnd = mulberry32(14);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const idx of order) {
      const r = rows[idx]!;
      for (let h = 0; h < H; h++) {
        const y = r.y[h]!;
        if (y < 0) continue;
        let z = bias[h]!;
        for (let k = 0; k < r.x.ids.length; k++) z += w[r.x.ids[k]! * H + h]! * r.x.values[k]!;
        const p = 1 / (1 + Math.exp(-z));
        const cw = r.weight * (y ? balance[h]!.pos : balance[h]!.neg);
        loss -= cw * Math.log(y ? Math.max(p, 1e-9) : Math.max(1 - p, 1e-9));
        const g = (p - y) * cw;
        b2[h]! += g * g;
        bias[h]! -= (RATE * g) / Math.sqrt(b2[h]!);
        for (let k = 0; k < r.x.ids.length; k++) {
          const at = r.x.ids[k]! * H + h;
          const gk = g * r.x.values[k]! + L2 * w[at]!;
          g2[at]! += gk * gk;
          w[at]! -= (RATE * gk) / Math.sqrt(g2[at]!);
        }
      }
    }
    if (log) console.log(`epoch ${epoch + 1}: loss ${(loss / rows.length).toFixed(4)}`);
  }
  const weights: Record<string, number[]> = {};
  for (let b = 0; b < BUCKETS; b++) {
    const row = Array.from(w.subarray(b * H, (b + 1) * H), (v) => Math.round(v * 1000) / 1000);
    if (row.some((v) => Math.abs(v) >= MIN_WEIGHT)) weights[b] = row;
  }
  const trainedOn: Record<string, number> = {};
  for (const e of examples) trainedOn[e.source.split(':')[0]!] = (trainedOn[e.source.split(':')[0]!] ?? 0) + 1;
  return { heads: [...HEADS], bias: Array.from(bias, (v) => Math.round(v * 1000) / 1000), buckets: BUCKETS, weights, trainedOn };
}

function mulberry32(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 5-fold cross-validation on the dev set: each fold's model never saw that fold. */
export function crossValidate(): { dev: Example[]; models: MessageModel[]; foldOf: (i: number) => number } {
  const dev = devMessages();
  const rest = [...ownMessages(), ...realExamples('train')];
  const foldOf = (i: number) => i % 5;
  const models: MessageModel[] = [];
  for (let k = 0; k < 5; k++) models.push(modelFromJson(train([...rest, ...dev.filter((_, i) => foldOf(i) !== k)])));
  return { dev, models, foldOf };
}

if (import.meta.url === `file://${process.argv[1]}` && !process.argv.includes('--cv')) {
  if (!realAvailable()) console.log('note: ../shared/data is absent: training on our own messages and the dev set only');
  const examples = [...ownMessages(), ...devMessages(), ...realExamples('train')];
  const t0 = performance.now();
  const json = train(examples, true);
  const out = fileURLToPath(new URL('../src/listening/message-model/weights.json', import.meta.url));
  writeFileSync(out, `${JSON.stringify(json)}\n`);
  console.log(`trained on ${examples.length} examples (${JSON.stringify(json.trainedOn)}) in ${((performance.now() - t0) / 1000).toFixed(1)} s; ` +
    `${Object.keys(json.weights).length} feature buckets kept; wrote ${out}`);
}
export type { Head };
