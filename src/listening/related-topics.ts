import { cosine } from './clustering/vectorize.ts';
import type { Topic } from './clustering/types.ts';

/**
 * Young topics that are probably about the same thing as `topic`: short Dutch complaints use
 * different words for one problem ("parkeerapp", "parkeer app", "overgerekend", "te veel
 * afgeschreven"), so a burst can start in two or three small topics that each stay under the
 * joining threshold. For the new-topic signal they count together when their centroids are at
 * least this close — 80% of the joining threshold (0.15): nearly close enough to have joined —
 * and only among the young topics that have complaints in the signal window.
 */
export const RELATED_MIN_COSINE = 0.12;

export function relatedTopics(topic: Topic, candidates: readonly Topic[], minCosine = RELATED_MIN_COSINE): Topic[] {
  return candidates.filter((c) => c.id !== topic.id && cosine(topic.centroid, c.centroid) >= minCosine);
}
