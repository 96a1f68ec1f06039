import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type ClusterStore } from './types.ts';
import { decayFactor, topicsToRetire } from './upkeep.ts';

export interface UpkeepReport {
  forgottenTerms: number;
  retiredTopics: number;
}

/**
 * Bound the clusterer's state: decay document frequencies for the messages since the last run,
 * forget rare terms, retire small quiet topics and any beyond the cap. Run it when
 * `clusterMessage` says upkeep is due (inline, or as a job).
 */
export async function runUpkeep(
  store: ClusterStore,
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
  messagesSinceLastRun = options.upkeepEvery,
): Promise<UpkeepReport> {
  const factor = decayFactor(messagesSinceLastRun, options.dfHalfLife);
  const forgottenTerms = await store.decay(factor, options.minDf, options.maxTerms);
  const { seq } = await store.termStats([]);
  const retire = topicsToRetire(await store.topicStats(), seq, options);
  if (retire.length) await store.retireTopics(retire);
  return { forgottenTerms, retiredTopics: retire.length };
}
