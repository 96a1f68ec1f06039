import type { Postings, SparseVector, TopicId } from './types.ts';

/**
 * Cosine of the message with every candidate topic, from the index alone: the index holds each
 * centroid's weights already divided by its norm and the message vector is a unit vector, so the
 * sum over shared terms of message weight × index weight is the cosine with the (truncated) centroid.
 */
export function scoreCandidates(vector: SparseVector, postings: Postings): Map<TopicId, number> {
  const scores = new Map<TopicId, number>();
  for (const [term, topics] of postings) {
    const q = vector.get(term);
    if (q === undefined) continue;
    for (const [id, w] of topics) scores.set(id, (scores.get(id) ?? 0) + q * w);
  }
  return scores;
}

export type Assignment =
  | { kind: 'join'; topicId: TopicId; similarity: number }
  | { kind: 'new'; similarity: number };

/**
 * Join the most similar topic when it reaches the threshold, else start a new one. `similarity`
 * is the best cosine found (0 without candidates). Ties go to the lower id, so replays agree.
 */
export function chooseTopic(scores: ReadonlyMap<TopicId, number>, threshold: number): Assignment {
  let bestId: TopicId | null = null;
  let best = 0;
  for (const [id, s] of scores) {
    if (s > best || (s === best && bestId !== null && id < bestId)) [bestId, best] = [id, s];
  }
  if (bestId !== null && best >= threshold) return { kind: 'join', topicId: bestId, similarity: best };
  return { kind: 'new', similarity: best };
}
