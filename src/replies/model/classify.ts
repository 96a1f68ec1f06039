import type { StemLanguage } from '../../text/stem.ts';
import { CUE_LABELS, features } from './features.ts';
import weightsJson from './weights.json' with { type: 'json' };

/**
 * The reply model: one logistic regression per label over the hashed features of a sentence,
 * trained by scripts/train-reply-model.ts on the development set, the reply fixtures and our
 * own training sentences (training.jsonl). Shipped as weights.json: nothing to download, the
 * same answer every run.
 */
export type ModelLabel = 'blame' | 'condescension' | 'apology' | 'thanks' | 'sales_pitch' | 'stock_reply' | 'stock_complaint';

export interface LabelWeights {
  bias: number;
  /** the probability from which the label counts as found (chosen by cross-validation) */
  threshold: number;
  /** blame only: the probability from which a sentence counts when the reply itself acts (fixes, sends, refunds) */
  threshold_acting?: number;
  /** sparse weights: feature indices, each as the gap from the one before, ascending */
  idx: number[];
  /** the weight of each of those features */
  val: number[];
}

export interface ModelWeights {
  hash_bits: number;
  labels: Partial<Record<ModelLabel, LabelWeights>>;
}

const MODEL = weightsJson as ModelWeights;

/** One label's weights as two sorted arrays (~15,000 features, ~120 KB), looked up by binary search. */
interface Sparse {
  keys: Int32Array;
  values: Float32Array;
  bias: number;
}
const LOADED = new Map<ModelLabel, Sparse>();

function weightsOf(label: ModelLabel): Sparse | null {
  const lw = MODEL.labels[label];
  if (!lw) return null;
  let sp = LOADED.get(label);
  if (!sp) {
    const keys = new Int32Array(lw.idx.length);
    let at = 0;
    lw.idx.forEach((gap, i) => (keys[i] = at += gap));
    sp = { keys, values: Float32Array.from(lw.val), bias: lw.bias };
    LOADED.set(label, sp);
  }
  return sp;
}

function lookup(sp: Sparse, f: number): number {
  let lo = 0;
  let hi = sp.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const k = sp.keys[mid]!;
    if (k === f) return sp.values[mid]!;
    if (k < f) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Probability that the sentence carries the label (0 when the model has no such label). */
export function probability(label: ModelLabel, sentence: string, language: StemLanguage, feats = features(sentence, language, CUE_LABELS.has(label))): number {
  const sp = weightsOf(label);
  if (!sp) return 0;
  let s = 0;
  for (const f of feats) s += lookup(sp, f);
  return sigmoid(sp.bias + s / norm(feats.length));
}


/** The probability from which the label counts as found; null when the model has no such label or is off. */
export function thresholdOf(label: ModelLabel): number | null {
  // LUISTER_REPLY_MODEL=off: the checks' rules alone (the training script measures them so)
  return process.env.LUISTER_REPLY_MODEL === 'off' ? null : (MODEL.labels[label]?.threshold ?? null);
}

/** Blame: the threshold for a reply that acts itself; naming a third party while fixing things needs more certainty. */
export function actingThresholdOf(label: ModelLabel): number | null {
  const t = thresholdOf(label);
  return t === null ? null : (MODEL.labels[label]?.threshold_acting ?? t);
}

/** The linear score over dense weights (training). */
export function score(w: Float32Array | Float64Array, bias: number, feats: Uint32Array): number {
  let s = 0;
  for (const f of feats) s += w[f]!;
  return bias + s / norm(feats.length);
}

/**
 * Features are binary and the vector is L2-normalised, so every sentence weighs the same — except that a short one
 * counts as if it had MIN_FEATURES: three words ("would do it.") must not carry as much as a whole sentence.
 */
export const MIN_FEATURES = 12;
export function norm(n: number): number {
  return Math.sqrt(Math.max(n, MIN_FEATURES));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

const SALUTATION = /^(?:beste|geachte|hallo|hoi|dag|goedemorgen|goedemiddag|goedenavond|dear|hi|hello|hey|good (?:morning|afternoon|evening))\b[^.!?\n]{0,60},?$/i;
const SIGN_OFF = /^(?:met \S+ groet(?:en)?|groet(?:en|jes)?|(?:kind|best|warm) (?:regards|wishes)|yours (?:faithfully|sincerely|truly)|sincerely|regards|best|cheers|hoogachtend)\b/i;

/** The sentences the model reads: no salutation, no closing lines, nothing of fewer than three words. */
export function modelSentences(text: string, cut: (t: string) => { start: number; text: string }[]): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  for (const s of cut(text)) {
    if (SIGN_OFF.test(s.text)) break;
    if (SALUTATION.test(s.text) || s.text.split(/\s+/).length < 3) continue;
    out.push(s);
  }
  return out;
}
