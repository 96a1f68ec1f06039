/**
 * The main road of clustering: one message in, its topic out, at once. Decisions are the pure
 * functions it calls; this file only moves state between them and the store.
 */
import { chooseTopic, scoreCandidates } from './assign.ts';
import { joinTopic, newTopic } from './centroid.ts';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type ClusterStore, type SparseVector, type TopicId } from './types.ts';
import { upkeepDue } from './upkeep.ts';
import { termFrequencies, termSightings, tfidfVector } from './vectorize.ts';

export interface MessageTerms {
  /** The message's terms in order, normalised and stemmed; repeats count. */
  terms: readonly string[];
  /** The words as written, parallel to `terms` (for readable labels). */
  surfaces?: readonly string[];
  /** When the message arrived; defaults to now. */
  at?: Date | number;
  /**
   * Terms counted in the store's document frequencies (so their usual rate is known) but kept out
   * of the message's vector: they say something about the message without pulling topics together.
   */
  sideTerms?: readonly { term: string; surface: string }[];
}

export interface Clustered {
  /** null when the message has no terms to cluster on. */
  topicId: TopicId | null;
  isNew: boolean;
  /** Cosine with the topic joined, or with the nearest topic when a new one was started. */
  similarity: number;
  /** The store's sequence number of this message (0 when not counted). */
  seq: number;
  /** The message's unit TF-IDF vector (the caller may keep it for splits). */
  vector: SparseVector;
  /** Upkeep (`runUpkeep`) is due: run it now or queue it as a job. */
  upkeepDue: boolean;
}

export async function clusterMessage(
  store: ClusterStore,
  message: MessageTerms,
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): Promise<Clustered> {
  // Bounds what one message can add to the store between two upkeeps.
  const terms = message.terms.length > options.maxMessageTerms ? message.terms.slice(0, options.maxMessageTerms) : message.terms;
  const tf = termFrequencies(terms);
  if (tf.size === 0) return { topicId: null, isNew: false, similarity: 0, seq: 0, vector: new Map(), upkeepDue: false };
  const at = message.at === undefined ? Date.now() : Number(message.at);

  const side = message.sideTerms ?? [];
  const stats = await store.addDocument([...termSightings(terms, message.surfaces), ...termSightings(side.map((x) => x.term), side.map((x) => x.surface))]);
  const vector = tfidfVector(tf, stats, options.vectorTerms);
  const postings = await store.candidates([...vector.keys()]);
  const choice = chooseTopic(scoreCandidates(vector, postings), options.threshold);
  const arrival = { vector, seq: stats.seq, at };

  const [current] = choice.kind === 'join' ? await store.loadTopics([choice.topicId]) : [];
  // No current topic also when the chosen one was retired between the index read and the load.
  const topic = current ? joinTopic(current, arrival, options.centroidTerms) : newTopic(arrival, options.centroidTerms);
  const topicId = await store.saveTopic(topic);
  return {
    topicId,
    isNew: !current,
    similarity: choice.similarity,
    seq: stats.seq,
    vector,
    upkeepDue: upkeepDue(stats.seq, options.upkeepEvery),
  };
}
