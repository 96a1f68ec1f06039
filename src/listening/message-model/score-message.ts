import { existsSync, readFileSync } from 'node:fs';
import { loadPatternLexicon } from '../lexicon/pattern-nl.ts';
import { BUCKETS, fillFeatures, messageFeatures, newFeatureBuffer, type FeatureInput, type Features } from './features.ts';

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
  /**
   * The weights of the buckets that have any (a quarter of them): `present` has a bit per bucket,
   * `rank[k]` counts the present buckets before word k, and a present bucket's weights are row
   * number (rank + bits set before it) of `rows`, heads.length floats a row. A quarter of the
   * dense table's memory, so most look-ups stay in cache; absent buckets weigh 0.
   */
  present: Uint32Array;
  rank: Uint32Array;
  rows: Float32Array;
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
  const buckets = Object.keys(json.weights).map(Number).sort((a, b) => a - b);
  const present = new Uint32Array(BUCKETS / 32);
  for (const b of buckets) present[b >>> 5]! |= 1 << (b & 31);
  const rank = new Uint32Array(BUCKETS / 32);
  for (let k = 1; k < rank.length; k++) rank[k] = rank[k - 1]! + bitCount(present[k - 1]!);
  const rows = new Float32Array(buckets.length * H);
  buckets.forEach((b, r) => rows.set(json.weights[String(b)]!, r * H));
  return { heads: json.heads, bias: json.bias, present, rank, rows };
}

function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Where a bucket's weights start in model.rows, or -1 when it has none. */
function rowOf(model: MessageModel, id: number, H: number): number {
  const word = model.present[id >>> 5]!;
  const bit = 1 << (id & 31);
  if ((word & bit) === 0) return -1;
  return (model.rank[id >>> 5]! + bitCount(word & (bit - 1))) * H;
}

const WEIGHTS = new URL('./weights.json', import.meta.url);
// a missing or stale weights.json leaves the rules alone at work (a unit test checks that it loads).
// Read on the first message, not at import: a process that analyses nothing does not hold it (issue 21).
let shipped: MessageModel | null | undefined;
let pattern: ReturnType<typeof loadPatternLexicon> | undefined;
const patternLexicon = () => (pattern ??= loadPatternLexicon());
function loadShipped(): MessageModel | null {
  try {
    return existsSync(WEIGHTS) ? modelFromJson(JSON.parse(readFileSync(WEIGHTS, 'utf8')) as WeightsFile) : null;
  } catch {
    return null;
  }
}
export function shippedModel(): MessageModel | null {
  if (shipped === undefined) shipped = loadShipped();
  return shipped;
}

/** The features of a message as the model reads them (the Pattern lexicon added). */
export function featuresOf(input: Omit<FeatureInput, 'pattern'>): Features {
  return messageFeatures({ ...input, pattern: patternLexicon() });
}

// one buffer for every message scored: features are written and read before the next message
const BUFFER = newFeatureBuffer();

/** Probability per head; null when no model is shipped. */
export function scoreMessage(input: Omit<FeatureInput, 'pattern'>, model: MessageModel | null = shippedModel()): HeadScores | null {
  if (!model) return null;
  const f = fillFeatures(input, patternLexicon(), BUFFER);
  return score(f.text, f.textCount, f.textWeight, f.meta, f.metaValues, f.metaCount, model);
}

export function applyModel(features: Features, model: MessageModel): HeadScores {
  const { text, meta, metaValues } = features;
  return score(Int32Array.from(text), text.length, features.textWeight, Int32Array.from(meta), Float64Array.from(metaValues), meta.length, model);
}

// reused from message to message: where each text feature's weights start in model.rows
let AT = new Int32Array(1024);
const SUMS = new Float64Array(16);

function score(text: Int32Array, textCount: number, textWeight: number, meta: Int32Array, metaValues: Float64Array, metaCount: number, model: MessageModel): HeadScores {
  const H = model.bias.length;
  const w = model.rows;
  // first where the rows are (the bitmap stays in cache), then the rows themselves: the reads of
  // the second loop do not wait on one another, so the cache misses overlap
  if (AT.length < textCount) AT = new Int32Array(textCount * 2);
  let n = 0;
  for (let k = 0; k < textCount; k++) {
    const at = rowOf(model, text[k]!, H);
    if (at >= 0) AT[n++] = at; // an absent bucket adds 0
  }
  // summed in the order the features come (a sum's last bits depend on its order)
  const sums = H === 7 ? sum7(w, AT, n) : sumAny(w, AT, n, H);
  const z = model.bias.slice();
  for (let h = 0; h < H; h++) z[h]! += sums[h]! * textWeight;
  for (let k = 0; k < metaCount; k++) {
    const at = rowOf(model, meta[k]!, H);
    const v = metaValues[k]!;
    for (let h = 0; h < H; h++) z[h]! += v * (at < 0 ? 0 : w[at + h]!);
  }
  const out = {} as HeadScores;
  for (let h = 0; h < H; h++) out[model.heads[h]!] = 1 / (1 + Math.exp(-z[h]!));
  return out;
}

/** The seven heads' sums in registers. */
function sum7(w: Float32Array, at: Int32Array, n: number): Float64Array {
  let s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0;
  for (let k = 0; k < n; k++) {
    const a = at[k]!;
    s0 += w[a]!;
    s1 += w[a + 1]!;
    s2 += w[a + 2]!;
    s3 += w[a + 3]!;
    s4 += w[a + 4]!;
    s5 += w[a + 5]!;
    s6 += w[a + 6]!;
  }
  SUMS[0] = s0;
  SUMS[1] = s1;
  SUMS[2] = s2;
  SUMS[3] = s3;
  SUMS[4] = s4;
  SUMS[5] = s5;
  SUMS[6] = s6;
  return SUMS;
}

function sumAny(w: Float32Array, at: Int32Array, n: number, H: number): Float64Array {
  const sums = H <= SUMS.length ? SUMS.fill(0) : new Float64Array(H);
  for (let k = 0; k < n; k++) for (let h = 0; h < H; h++) sums[h]! += w[at[k]! + h]!;
  return sums;
}
