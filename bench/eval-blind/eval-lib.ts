/**
 * Small helpers for bench/eval-blind.ts: reading the frozen JSON Lines files and precision / recall / F1.
 * Reads the data; never writes it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file of the set: the frozen blind set beside this file, or with EVAL_SET_DIR another set in the same
 * format (bench/eval-dev, the development set that rules may be tuned on; the blind set never is).
 */
export function readSet<T>(file: string): T[] {
  const dir = process.env.EVAL_SET_DIR;
  const path = dir ? join(dir, file) : fileURLToPath(new URL(`./${file}`, import.meta.url));
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function confusion(pairs: Iterable<[gold: boolean, predicted: boolean]>): Confusion {
  const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const [g, p] of pairs) {
    if (g && p) c.tp++;
    else if (p) c.fp++;
    else if (g) c.fn++;
    else c.tn++;
  }
  return c;
}

export interface Prf {
  precision: number | null;
  recall: number | null;
  f1: number;
}

/** Precision is null when nothing was predicted, recall null when nothing is gold; F1 counts those as 0. */
export function prf(c: Confusion): Prf {
  const precision = c.tp + c.fp > 0 ? c.tp / (c.tp + c.fp) : null;
  const recall = c.tp + c.fn > 0 ? c.tp / (c.tp + c.fn) : null;
  const p = precision ?? 0;
  const r = recall ?? 0;
  return { precision, recall, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** F1 of the constant "always true" predictor: the best a label-blind guess can do on F1. */
export function alwaysTrueF1(gold: number, total: number): number {
  const p = gold / total;
  return gold > 0 ? (2 * p) / (1 + p) : 0;
}

export const num = (x: number | null, digits = 2) => (x === null ? 'n/a' : x.toFixed(digits));
export const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

/** One row of the per-label table: | label | gold | predicted | TP | FP | FN | P | R | F1 | note | */
export function prfRow(label: string, c: Confusion, note = ''): string {
  const m = prf(c);
  return `| ${label} | ${c.tp + c.fn} | ${c.tp + c.fp} | ${c.tp} | ${c.fp} | ${c.fn} | ${num(m.precision)} | ${num(m.recall)} | ${num(m.f1)} | ${note} |`;
}

export const PRF_HEAD = '| label | gold | predicted | TP | FP | FN | P | R | F1 | note |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|';
