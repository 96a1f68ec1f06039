/**
 * Keeping the clusterer's state bounded, as pure decisions. Document frequencies decay (half-life
 * in messages), so the vocabulary follows what customers write now and rare terms fall out; small
 * topics that went quiet are retired, and the live topics never exceed a cap.
 */
import type { ClusterOptions, TopicId, TopicStat } from './types.ts';

/** Factor for all document frequencies after `messages` messages, given their half-life. */
export function decayFactor(messages: number, halfLife: number): number {
  return Math.pow(0.5, messages / halfLife);
}

/** Is upkeep due after message number `seq`? */
export function upkeepDue(seq: number, every: number): boolean {
  return seq > 0 && seq % every === 0;
}

type RetirePolicy = Pick<ClusterOptions, 'smallTopic' | 'idleDocs' | 'quietDocs' | 'maxTopics'>;

/**
 * Topics to retire at sequence number `seq`: every topic with fewer than `smallTopic` messages
 * and none in the last `idleDocs` messages, and every topic with none in the last `quietDocs`;
 * then, while more than `maxTopics` remain, the least recently active, unnamed ones before the
 * ones a supervisor named. A retired topic no longer attracts messages; if its subject returns,
 * a new topic starts (a supervisor can merge the two).
 */
export function topicsToRetire(stats: readonly TopicStat[], seq: number, policy: RetirePolicy): TopicId[] {
  const retire: TopicId[] = [];
  const live: TopicStat[] = [];
  for (const t of stats) {
    const idle = seq - t.lastSeq;
    if ((t.size < policy.smallTopic && idle >= policy.idleDocs) || idle >= policy.quietDocs) retire.push(t.id);
    else live.push(t);
  }
  const excess = live.length - policy.maxTopics;
  if (excess > 0) {
    live.sort((a, b) => Number(a.named) - Number(b.named) || a.lastSeq - b.lastSeq || a.size - b.size);
    for (const t of live.slice(0, excess)) retire.push(t.id);
  }
  return retire;
}
