import { existsSync, readFileSync } from 'node:fs';
import { loadPatternLexicon } from '../lexicon/pattern-nl.ts';
import { BUCKETS, messageFeatures, type FeatureInput, type Features } from './features.ts';

/**
 * The message model: one logistic regression per head over the features of features.ts, trained
 * by scripts/train-message-model.ts on messages of our own making (Dutch and English) and public
 * English intent and complaint data, and shipped as weights.json beside this file. Deterministic,
 * nothing downloaded; without weights.json every head reads 0.5 and analyseMessage falls back to
 * its rules.
 */
export const HEADS = ['complaint', 'refund_request', 'opt_out', 'cancellation', 'anger', 'negative', 'positive'] as const;
export type Head = (typeof HEADS)[number];
export type HeadScores = Record<Head, number>;

export interface MessageModel {
  heads: readonly Head[];
  bias: readonly number[];
  /** BUCKETS × heads, row by row */
  weights: Float32Array;
}

export interface WeightsFile {
  heads: Head[];
  bias: number[];
  buckets: number;
  /** feature bucket -> one weight per head; buckets not listed weigh 0 */
  weights: Record<string, number[]>;
  trainedOn?: Record<string, number>;
}

export function modelFromJson(json: WeightsFile): MessageModel {
  if (json.buckets !== BUCKETS) throw new Error(`weights.json has ${json.buckets} buckets, the features ${BUCKETS}: retrain`);
  const H = json.heads.length;
  const weights = new Float32Array(BUCKETS * H);
  for (const [bucket, row] of Object.entries(json.weights)) weights.set(row, Number(bucket) * H);
  return { heads: json.heads, bias: json.bias, weights };
}

const WEIGHTS = new URL('./weights.json', import.meta.url);
// a missing or stale weights.json leaves the rules alone at work (a unit test checks that it loads)
const SHIPPED: MessageModel | null = loadShipped();
function loadShipped(): MessageModel | null {
  try {
    return existsSync(WEIGHTS) ? modelFromJson(JSON.parse(readFileSync(WEIGHTS, 'utf8')) as WeightsFile) : null;
  } catch {
    return null;
  }
}
const PATTERN = loadPatternLexicon();

export function shippedModel(): MessageModel | null {
  return SHIPPED;
}

/** The features of a message as the model reads them (the Pattern lexicon added). */
export function featuresOf(input: Omit<FeatureInput, 'pattern'>): Features {
  return messageFeatures({ ...input, pattern: PATTERN });
}

/** Probability per head; null when no model is shipped. */
export function scoreMessage(input: Omit<FeatureInput, 'pattern'>, model: MessageModel | null = SHIPPED): HeadScores | null {
  if (!model) return null;
  return applyModel(featuresOf(input), model);
}

export function applyModel(features: Features, model: MessageModel): HeadScores {
  const z = [...model.bias];
  const H = z.length;
  const w = model.weights;
  const sums = new Float64Array(H);
  for (const id of features.text) {
    const at = id * H;
    for (let h = 0; h < H; h++) sums[h]! += w[at + h]!;
  }
  for (let h = 0; h < H; h++) z[h]! += sums[h]! * features.textWeight;
  const { meta, metaValues } = features;
  for (let k = 0; k < meta.length; k++) {
    const at = meta[k]! * H;
    for (let h = 0; h < H; h++) z[h]! += metaValues[k]! * w[at + h]!;
  }
  const out = {} as HeadScores;
  model.heads.forEach((head, h) => (out[head] = 1 / (1 + Math.exp(-z[h]!))));
  return out;
}
