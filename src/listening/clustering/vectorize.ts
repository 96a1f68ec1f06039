import type { SparseVector, TermSighting, TermStats } from './types.ts';

/** How often each term occurs in one message. */
export function termFrequencies(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) if (t) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * One sighting per distinct term, with the word it was first written as in this message
 * (`surfaces` runs parallel to `terms`; without it the term is its own surface form). Each
 * message votes once per term; the store keeps the most voted form.
 */
export function termSightings(terms: readonly string[], surfaces?: readonly string[]): TermSighting[] {
  const seen = new Set<string>();
  const out: TermSighting[] = [];
  terms.forEach((term, i) => {
    if (!term || seen.has(term)) return;
    seen.add(term);
    out.push({ term, surface: surfaces?.[i] ?? term });
  });
  return out;
}

/** Smoothed inverse document frequency (as scikit-learn's): a term in every document still weighs 1. */
export function idf(df: number, docs: number): number {
  return Math.log((1 + docs) / (1 + df)) + 1;
}

/**
 * TF-IDF vector of one message: sublinear term frequency (1 + ln tf) times IDF from the running
 * document frequencies, cut to the `maxTerms` heaviest terms, L2-normalised.
 */
export function tfidfVector(tf: ReadonlyMap<string, number>, stats: TermStats, maxTerms: number): SparseVector {
  const weights = new Map<string, number>();
  for (const [term, n] of tf) weights.set(term, (1 + Math.log(n)) * idf(stats.df.get(term) ?? 0, stats.docs));
  return normalise(topTerms(weights, maxTerms));
}

/** The `k` heaviest entries (ties: alphabetical, so results do not depend on insertion order). */
export function topTerms(v: ReadonlyMap<string, number>, k: number): SparseVector {
  if (v.size <= k) return new Map(v);
  const entries = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(entries.slice(0, k));
}

export function norm(v: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const w of v.values()) s += w * w;
  return Math.sqrt(s);
}

export function normalise(v: ReadonlyMap<string, number>): SparseVector {
  const n = norm(v);
  const out = new Map<string, number>();
  if (n === 0) return out;
  for (const [t, w] of v) out.set(t, w / n);
  return out;
}

export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const x = large.get(t);
    if (x !== undefined) s += w * x;
  }
  return s;
}

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const n = norm(a) * norm(b);
  return n === 0 ? 0 : dot(a, b) / n;
}
