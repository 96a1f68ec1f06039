import type { NewTopic, SparseVector, Topic } from './types.ts';
import { norm, topTerms } from './vectorize.ts';

export interface Arrival {
  vector: SparseVector;
  /** Store sequence number of the message. */
  seq: number;
  /** Message time, epoch ms. */
  at: number;
}

/** A topic of one message. */
export function newTopic(first: Arrival, centroidTerms: number): NewTopic {
  const centroid = topTerms(first.vector, centroidTerms);
  return {
    id: null,
    name: null,
    centroid,
    norm: norm(centroid),
    size: 1,
    firstSeq: first.seq,
    lastSeq: first.seq,
    firstAt: first.at,
    lastAt: first.at,
  };
}

/** The topic after `message` joined it: centroid + vector, cut back to the heaviest terms. */
export function joinTopic(topic: Topic, message: Arrival, centroidTerms: number): Topic {
  const centroid = addVectors(topic.centroid, message.vector, centroidTerms);
  return {
    ...topic,
    centroid,
    norm: norm(centroid),
    size: topic.size + 1,
    lastSeq: Math.max(topic.lastSeq, message.seq),
    lastAt: Math.max(topic.lastAt, message.at),
  };
}

/** a + b, keeping the `k` heaviest terms. */
export function addVectors(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, k: number): SparseVector {
  const sum = new Map(a);
  for (const [t, w] of b) sum.set(t, (sum.get(t) ?? 0) + w);
  return topTerms(sum, k);
}
