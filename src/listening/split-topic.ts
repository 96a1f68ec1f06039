import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { analyseMessage } from './analyse-message.ts';
import { createPgClusterStore } from './clustering/pg-store.ts';
import { describeTopics, splitTopicIn } from './clustering/supervise-topics.ts';
import { clusterTerms, TOPIC_OPTIONS } from './listen-to-message.ts';

/** How many of a topic's most recent messages are re-clustered when it is split. */
const SPLIT_SAMPLE = 500;

/**
 * A supervisor splits a topic that lumps two subjects together: its most recent messages are
 * re-clustered into two groups (spherical 2-means, deterministic), the smaller group becomes a new
 * topic and its messages move there; signals and problems stay with the topic that keeps the id.
 */
export async function splitTopic(db: Db, actor: Actor, id: string) {
  requirePermission(actor, 'topics.manage', 'Splitting a topic');
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`luister.topics.${actor.accountId}`]);
    const [topic] = await tx.query('SELECT 1 FROM topics WHERE account_id = $1 AND id = $2 AND retired_at IS NULL AND merged_into IS NULL', [actor.accountId, id]);
    if (!topic) throw notFound('topic', id);
    const members = await tx.query<{ message_id: string; body: string; language: string | null; created_at: Date }>(
      `SELECT m.id AS message_id, m.body, m.language, m.created_at FROM message_analysis a
       JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
       WHERE a.account_id = $1 AND a.topic_id = $2 ORDER BY m.created_at DESC LIMIT $3`,
      [actor.accountId, id, SPLIT_SAMPLE],
    );
    const store = createPgClusterStore(tx, actor.accountId);
    const terms = members.map((m) => ({ terms: clusterTerms(analyseMessage(m.body, { language: m.language ?? undefined }).stems), at: new Date(m.created_at) }));
    const { newId, sides } = await splitTopicIn(store, id, terms, TOPIC_OPTIONS);
    const moved = members.filter((_, i) => sides[i] === 1).map((m) => m.message_id);
    await tx.query('UPDATE message_analysis SET topic_id = $3 WHERE account_id = $1 AND message_id = ANY($2::uuid[])', [actor.accountId, moved, newId]);
    await recordAudit(tx, actor, { action: 'topic.split', entityType: 'topic', entityId: id, after: { new_topic_id: newId, moved: moved.length, kept: members.length - moved.length } });
    const [keep, split] = await describeTopics(store, [id, newId]);
    return { keep, split, moved: moved.length };
  });
}
