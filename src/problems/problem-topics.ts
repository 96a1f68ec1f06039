import type { Db } from '../storage/db.ts';
import { cosine } from '../listening/clustering/vectorize.ts';
import type { ClusterStore } from '../listening/clustering/types.ts';
import { RELATED_MIN_COSINE } from '../listening/related-topics.ts';

/**
 * A problem is about one or more topics: the ones its signal counted, and any topic that comes
 * close to them later. Every unsolved case with a message in them is suggested, each with why.
 */
export interface TopicReason {
  why: 'problem_topic' | 'signal_topic' | 'related_topic' | 'burst_words';
  /** related_topic: the problem's topic this one came close to */
  to_topic_id?: string;
  cosine?: number;
}

export async function addProblemTopics(tx: Db, accountId: string, problemId: string, topics: { topicId: string; reason: TopicReason }[]): Promise<void> {
  if (!topics.length) return;
  await tx.query(
    `INSERT INTO problem_topics (account_id, problem_id, topic_id, reason)
     SELECT $1, $2, t.topic_id, t.reason FROM unnest($3::uuid[], $4::jsonb[]) AS t(topic_id, reason)
     ON CONFLICT DO NOTHING`,
    [accountId, problemId, topics.map((t) => t.topicId), topics.map((t) => JSON.stringify(t.reason))],
  );
}

/** Every unsolved case with a message in these topics becomes a suggestion (a removed one stays removed). */
export async function suggestCasesOfTopics(
  tx: Db,
  accountId: string,
  problemId: string,
  topicIds: string[],
  why: TopicReason['why'],
  /** only messages since then (a young topic can hold older, unrelated mail) */
  since: Date | null = null,
): Promise<number> {
  if (!topicIds.length) return 0;
  const rows = await tx.query(
    `INSERT INTO problem_cases (account_id, problem_id, case_id, state, reason)
     SELECT DISTINCT ON (m.case_id) m.account_id, $2::uuid, m.case_id, 'suggested', jsonb_build_object('why', $4::text, 'topic_id', a.topic_id)
     FROM message_analysis a
     JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
     JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id AND c.status NOT IN ('solved', 'closed')
     WHERE a.account_id = $1 AND a.topic_id = ANY($3::uuid[]) AND ($5::timestamptz IS NULL OR m.created_at >= $5::timestamptz)
     ORDER BY m.case_id, m.created_at
     ON CONFLICT DO NOTHING RETURNING case_id`,
    [accountId, problemId, topicIds, why, since],
  );
  return rows.length;
}

/** The unsolved cases of these messages become suggestions, with the words that burst as the reason. */
export async function suggestCasesOfMessages(tx: Db, accountId: string, problemId: string, messageIds: string[], words: string[]): Promise<number> {
  const rows = await tx.query(
    `INSERT INTO problem_cases (account_id, problem_id, case_id, state, reason)
     SELECT DISTINCT m.account_id, $2::uuid, m.case_id, 'suggested', jsonb_build_object('why', 'burst_words', 'words', $4::jsonb)
     FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id AND c.status NOT IN ('solved', 'closed')
     WHERE m.account_id = $1 AND m.id = ANY($3::uuid[])
     ON CONFLICT DO NOTHING RETURNING case_id`,
    [accountId, problemId, messageIds, JSON.stringify(words)],
  );
  return rows.length;
}

/** The unresolved problems about any of these topics. */
export async function openProblemsOf(tx: Db, accountId: string, topicIds: string[]): Promise<string[]> {
  const rows = await tx.query<{ problem_id: string }>(
    `SELECT DISTINCT pt.problem_id FROM problem_topics pt
     JOIN problems p ON p.account_id = pt.account_id AND p.id = pt.problem_id AND p.status <> 'resolved'
     WHERE pt.account_id = $1 AND pt.topic_id = ANY($2::uuid[])`,
    [accountId, topicIds],
  );
  return rows.map((r) => r.problem_id);
}

/**
 * A new contact in a topic that is no problem's yet, but close to a topic of an open problem (as
 * close as related topics count together for a signal): the topic joins that problem, by rule,
 * and its unsolved cases are suggested — the contact adds to the problem instead of starting a
 * signal of its own. Only a topic born within two days of `at` (the message's time) joins: one
 * that was there before these events is about something else. Returns the problem joined, or null.
 */
export async function joinRelatedProblem(tx: Db, store: ClusterStore, accountId: string, topicId: string, at: Date): Promise<string | null> {
  // a topic that was there before these events is about something else, however close its words:
  // only a topic born within the last two days (of the message's time) joins a problem as related
  const [born] = await tx.query<{ fresh: boolean }>(
    `SELECT first_at > $3::timestamptz - interval '48 hours' AS fresh FROM topics WHERE account_id = $1 AND id = $2`,
    [accountId, topicId, at],
  );
  if (!born?.fresh) return null;
  const candidates = await tx.query<{ problem_id: string; topic_id: string }>(
    `SELECT pt.problem_id, pt.topic_id FROM problem_topics pt
     JOIN problems p ON p.account_id = pt.account_id AND p.id = pt.problem_id AND p.status <> 'resolved'
     WHERE pt.account_id = $1 ORDER BY p.created_at DESC LIMIT 200`,
    [accountId],
  );
  if (!candidates.length) return null;
  const topics = await store.loadTopics([topicId, ...new Set(candidates.map((c) => c.topic_id))]);
  const self = topics.find((t) => t.id === topicId);
  if (!self) return null;
  let best: { problemId: string; topicId: string; cosine: number } | null = null;
  for (const c of candidates) {
    const t = topics.find((x) => x.id === c.topic_id);
    if (!t || t.id === topicId) continue;
    const cos = cosine(self.centroid, t.centroid);
    if (cos >= RELATED_MIN_COSINE && (!best || cos > best.cosine)) best = { problemId: c.problem_id, topicId: t.id, cosine: cos };
  }
  if (!best) return null;
  await addProblemTopics(tx, accountId, best.problemId, [
    { topicId, reason: { why: 'related_topic', to_topic_id: best.topicId, cosine: Math.round(best.cosine * 1000) / 1000 } },
  ]);
  await suggestCasesOfTopics(tx, accountId, best.problemId, [topicId], 'related_topic');
  return best.problemId;
}
