import { existsSync, readFileSync } from 'node:fs';
import { loadPatternLexicon } from '../lexicon/pattern-nl.ts';
import { messageFeatures, type FeatureInput, type Features } from './features.ts';

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
  weights: ReadonlyMap<string, readonly number[]>;
}

export interface WeightsFile {
  heads: Head[];
  bias: number[];
  /** feature -> one weight per head */
  weights: Record<string, number[]>;
  trainedOn?: Record<string, number>;
}

export function modelFromJson(json: WeightsFile): MessageModel {
  return { heads: json.heads, bias: json.bias, weights: new Map(Object.entries(json.weights)) };
}

const WEIGHTS = new URL('./weights.json', import.meta.url);
const SHIPPED: MessageModel | null = existsSync(WEIGHTS) ? modelFromJson(JSON.parse(readFileSync(WEIGHTS, 'utf8')) as WeightsFile) : null;
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
  for (const [name, value] of features) {
    const w = model.weights.get(name);
    if (!w) continue;
    for (let h = 0; h < z.length; h++) z[h]! += value * w[h]!;
  }
  const out = {} as HeadScores;
  model.heads.forEach((head, h) => (out[head] = 1 / (1 + Math.exp(-z[h]!))));
  return out;
}
