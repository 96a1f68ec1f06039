/**
 * A supervisor's actions on topics through the store: show, rename, merge, split. The decisions
 * are the pure functions of edit-topic.ts and label.ts. Moving messages from a merged or split
 * topic to their new topic is the caller's (the messages live outside the clusterer).
 */
import { notFound } from '../../shared/errors.ts';
import { mergeTopics, renameTopic, splitTopic } from './edit-topic.ts';
import { autoLabel, labelTerms } from './label.ts';
import type { MessageTerms } from './cluster-message.ts';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type ClusterStore, type Topic, type TopicId } from './types.ts';
import { termFrequencies, tfidfVector } from './vectorize.ts';

export interface TopicView {
  id: TopicId;
  label: string;
  /** The automatic label, also when the supervisor named the topic. */
  autoLabel: string;
  name: string | null;
  size: number;
  firstAt: number;
  lastAt: number;
}

export async function describeTopics(store: ClusterStore, ids: readonly TopicId[], words = 3): Promise<TopicView[]> {
  const topics = await store.loadTopics(ids);
  const surfaces = await store.surfaces([...new Set(topics.flatMap((t) => labelTerms(t.centroid, words)))]);
  return topics.map((t) => {
    const auto = autoLabel(t.centroid, surfaces, words);
    return { id: t.id, label: t.name ?? auto, autoLabel: auto, name: t.name, size: t.size, firstAt: t.firstAt, lastAt: t.lastAt };
  });
}

export async function renameTopicIn(store: ClusterStore, id: TopicId, name: string | null): Promise<Topic> {
  const renamed = renameTopic(await loadOne(store, id), name);
  await store.saveTopic(renamed);
  return renamed;
}

/** Fold topic `goneId` into `keepId`; the caller moves goneId's messages to keepId. */
export async function mergeTopicsIn(
  store: ClusterStore,
  keepId: TopicId,
  goneId: TopicId,
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): Promise<Topic> {
  const merged = mergeTopics(await loadOne(store, keepId), await loadOne(store, goneId), options.centroidTerms);
  await store.saveTopic(merged);
  await store.retireTopics([goneId]);
  return merged;
}

/**
 * Split a topic in two by re-clustering the members given (its recent messages, as terms); the
 * caller moves the members marked 1 in `sides` to `newId`.
 */
export async function splitTopicIn(
  store: ClusterStore,
  id: TopicId,
  members: readonly (MessageTerms & { seq?: number })[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): Promise<{ keepId: TopicId; newId: TopicId; sides: (0 | 1)[] }> {
  const topic = await loadOne(store, id);
  const tfs = members.map((m) => termFrequencies(m.terms));
  const stats = await store.termStats([...new Set(tfs.flatMap((tf) => [...tf.keys()]))]);
  const arrivals = members.map((m, i) => ({
    vector: tfidfVector(tfs[i], stats, options.vectorTerms),
    seq: m.seq ?? topic.lastSeq,
    at: m.at === undefined ? topic.lastAt : Number(m.at),
  }));
  const { keep, split, sides } = splitTopic(topic, arrivals, options.centroidTerms);
  await store.saveTopic(keep);
  const newId = await store.saveTopic(split);
  return { keepId: id, newId, sides };
}

async function loadOne(store: ClusterStore, id: TopicId): Promise<Topic> {
  const [topic] = await store.loadTopics([id]);
  if (!topic) throw notFound('topic', id);
  return topic;
}
