/**
 * What a supervisor does to topics, as pure functions on topic state: rename, merge two, split
 * one in two. Storing the result (and moving messages to another topic) is the caller's job.
 */
import { invalid } from '../../shared/errors.ts';
import { addVectors, type Arrival } from './centroid.ts';
import type { NewTopic, SparseVector, Topic } from './types.ts';
import { cosine, norm, topTerms } from './vectorize.ts';

export const MAX_TOPIC_NAME = 80;

/** A supervisor's name; an empty name goes back to the automatic label. */
export function renameTopic(topic: Topic, name: string | null): Topic {
  const clean = (name ?? '').replace(/\s+/g, ' ').trim();
  if (clean.length > MAX_TOPIC_NAME) {
    throw invalid('topic_name_too_long', `A topic name has at most ${MAX_TOPIC_NAME} characters`);
  }
  return { ...topic, name: clean || null };
}

/** `gone` folded into `keep`: one centroid, summed sizes, the wider time span; keep's name wins. */
export function mergeTopics(keep: Topic, gone: Topic, centroidTerms: number): Topic {
  if (keep.id === gone.id) throw invalid('topic_merge_same', `Topic ${keep.id} cannot be merged into itself`);
  const centroid = addVectors(keep.centroid, gone.centroid, centroidTerms);
  return {
    ...keep,
    name: keep.name ?? gone.name,
    centroid,
    norm: norm(centroid),
    size: keep.size + gone.size,
    firstSeq: Math.min(keep.firstSeq, gone.firstSeq),
    lastSeq: Math.max(keep.lastSeq, gone.lastSeq),
    firstAt: Math.min(keep.firstAt, gone.firstAt),
    lastAt: Math.max(keep.lastAt, gone.lastAt),
  };
}

export interface Split {
  /** The larger half, keeping the topic's id and name. */
  keep: Topic;
  /** The other half, a new topic. */
  split: NewTopic;
  /** Per member, in the order given: 0 = stays in `keep`, 1 = moves to `split`. */
  sides: (0 | 1)[];
}

/**
 * Split a topic in two by re-clustering (spherical 2-means) the members given, usually its most
 * recent ones as unit vectors. Seeds: the member least like the members' mean, then the member
 * least like that one, so the result does not depend on chance. Each half's centroid is its
 * members' sum scaled to its share of the topic's size, so later messages move it as much as they
 * would move a topic of that size.
 */
export function splitTopic(topic: Topic, members: readonly Arrival[], centroidTerms: number, rounds = 20): Split {
  if (members.length < 2) throw invalid('topic_split_too_few', 'A topic needs at least two messages to split');
  const vectors = members.map((m) => m.vector);
  const mean = sumOf(vectors);
  const a = argMin(vectors, (v) => cosine(v, mean));
  const b = argMin(vectors, (v) => cosine(v, vectors[a]));
  let centres: SparseVector[] = [vectors[a], vectors[b]];
  let sides: (0 | 1)[] = [];
  for (let round = 0; round < rounds; round++) {
    const next = vectors.map((v) => (cosine(v, centres[1]) > cosine(v, centres[0]) ? 1 : 0) as 0 | 1);
    const stable = next.every((s, i) => s === sides[i]);
    sides = next;
    if (stable) break;
    centres = [sumOf(vectors.filter((_, i) => sides[i] === 0)), sumOf(vectors.filter((_, i) => sides[i] === 1))];
  }
  const counts = [sides.filter((s) => s === 0).length, sides.filter((s) => s === 1).length];
  if (counts[0] === 0 || counts[1] === 0) {
    throw invalid('topic_split_inseparable', `The messages of topic ${topic.id} do not fall into two groups`);
  }
  // The larger half keeps the id (and the supervisor's name).
  if (counts[1] > counts[0]) sides = sides.map((s) => (1 - s) as 0 | 1);
  const half = (side: 0 | 1) => {
    const own = members.filter((_, i) => sides[i] === side);
    return { own, share: own.length / members.length };
  };
  const total = Math.max(topic.size, members.length);
  const keepHalf = half(0);
  const splitHalf = half(1);
  const keepSize = Math.max(keepHalf.own.length, Math.round(total * keepHalf.share));
  const splitSize = Math.max(splitHalf.own.length, total - keepSize);
  const keepCentroid = scaled(sumOf(keepHalf.own.map((m) => m.vector)), keepSize / keepHalf.own.length, centroidTerms);
  const splitCentroid = scaled(sumOf(splitHalf.own.map((m) => m.vector)), splitSize / splitHalf.own.length, centroidTerms);
  return {
    keep: {
      ...topic,
      centroid: keepCentroid,
      norm: norm(keepCentroid),
      size: keepSize,
      lastSeq: maxOf(keepHalf.own, (m) => m.seq),
      lastAt: maxOf(keepHalf.own, (m) => m.at),
    },
    split: {
      id: null,
      name: null,
      centroid: splitCentroid,
      norm: norm(splitCentroid),
      size: splitSize,
      firstSeq: -maxOf(splitHalf.own, (m) => -m.seq),
      lastSeq: maxOf(splitHalf.own, (m) => m.seq),
      firstAt: -maxOf(splitHalf.own, (m) => -m.at),
      lastAt: maxOf(splitHalf.own, (m) => m.at),
    },
    sides,
  };
}

function sumOf(vectors: readonly SparseVector[]): SparseVector {
  const sum = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v) sum.set(t, (sum.get(t) ?? 0) + w);
  return sum;
}

function scaled(v: SparseVector, factor: number, k: number): SparseVector {
  const out = new Map<string, number>();
  for (const [t, w] of topTerms(v, k)) out.set(t, w * factor);
  return out;
}

function argMin<T>(items: readonly T[], f: (x: T) => number): number {
  let best = 0;
  let bestValue = Infinity;
  items.forEach((x, i) => {
    const value = f(x);
    if (value < bestValue) [best, bestValue] = [i, value];
  });
  return best;
}

function maxOf<T>(items: readonly T[], f: (x: T) => number): number {
  let best = -Infinity;
  for (const x of items) best = Math.max(best, f(x));
  return best;
}
