import type { SparseVector, Topic } from './types.ts';

export const LABEL_SEPARATOR = ' · ';

/**
 * Readable label from the heaviest centroid terms, each shown as the word it was most often
 * written as ("afschrijv" → "afgeschreven"); a term never seen with a surface form shows itself.
 * Two stems that read as the same word are shown once.
 */
export function autoLabel(centroid: SparseVector, surfaces: ReadonlyMap<string, string>, words = 3): string {
  const ranked = [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const shown: string[] = [];
  for (const [term] of ranked) {
    const word = surfaces.get(term) ?? term;
    if (!shown.includes(word)) shown.push(word);
    if (shown.length === words) break;
  }
  return shown.join(LABEL_SEPARATOR);
}

/** What a supervisor sees: their name for the topic, else the automatic label. */
export function topicLabel(topic: Topic, surfaces: ReadonlyMap<string, string>, words = 3): string {
  return topic.name ?? autoLabel(topic.centroid, surfaces, words);
}

/** The terms whose surface forms a label of `words` words may need (ask the store for these). */
export function labelTerms(centroid: SparseVector, words = 3): string[] {
  // A few spare terms in case two stems read as the same word.
  return [...centroid].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, words * 2).map(([t]) => t);
}
