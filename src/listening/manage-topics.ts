import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { isUuid } from '../shared/ids.ts';
import { createPgClusterStore } from './clustering/pg-store.ts';
import { describeTopics, mergeTopicsIn, renameTopicIn, type TopicView } from './clustering/supervise-topics.ts';
import { TOPIC_OPTIONS } from './listen-to-message.ts';

const lock = (tx: Db, accountId: string) => tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`luister.topics.${accountId}`]);

export interface TopicListItem extends Omit<TopicView, 'firstAt' | 'lastAt'> {
  first_at: Date;
  last_at: Date;
  open_signal_id: string | null;
}

/** The live topics of the account, most recently active first, with readable labels. */
export async function listTopics(db: Db, accountId: string, limit = 100): Promise<TopicListItem[]> {
  const store = createPgClusterStore(db, accountId);
  const stats = (await store.topicStats()).sort((a, b) => b.lastSeq - a.lastSeq).slice(0, limit);
  const views = await describeTopics(store, stats.map((s) => s.id));
  const signals = await db.query<{ id: string; topic_id: string }>(
    `SELECT id, topic_id FROM signals WHERE account_id = $1 AND status = 'open' AND topic_id = ANY($2::uuid[])`,
    [accountId, views.map((v) => v.id)],
  );
  const byId = new Map(views.map((v) => [v.id, v]));
  return stats
    .map((s) => byId.get(s.id))
    .filter((v): v is TopicView => Boolean(v))
    .map(({ firstAt, lastAt, ...v }) => ({
      ...v,
      first_at: new Date(firstAt),
      last_at: new Date(lastAt),
      open_signal_id: signals.find((x) => x.topic_id === v.id)?.id ?? null,
    }));
}

async function mustExist(db: Db, accountId: string, id: string) {
  if (!isUuid(id)) throw notFound('topic', id);
  const [t] = await db.query('SELECT 1 FROM topics WHERE account_id = $1 AND id = $2 AND retired_at IS NULL', [accountId, id]);
  if (!t) throw notFound('topic', id);
}

/** A supervisor names a topic (null: back to the automatic label). */
export async function renameTopic(db: Db, actor: Actor, id: string, name: string | null) {
  requirePermission(actor, 'topics.manage', 'Naming a topic');
  return db.transaction(async (tx) => {
    await lock(tx, actor.accountId);
    await mustExist(tx, actor.accountId, id);
    const store = createPgClusterStore(tx, actor.accountId);
    await renameTopicIn(store, id, name?.trim() || null);
    await recordAudit(tx, actor, { action: 'topic.renamed', entityType: 'topic', entityId: id, after: { name } });
    return (await describeTopics(store, [id]))[0];
  });
}

/** Two topics are one: `goneId` folds into `keepId`, with its messages, signals and problems. */
export async function mergeTopics(db: Db, actor: Actor, keepId: string, goneId: string) {
  requirePermission(actor, 'topics.manage', 'Merging topics');
  if (keepId === goneId) throw new AppError('merge_into_self', 'A topic cannot be merged into itself', 422);
  return db.transaction(async (tx) => {
    await lock(tx, actor.accountId);
    await mustExist(tx, actor.accountId, keepId);
    await mustExist(tx, actor.accountId, goneId);
    const store = createPgClusterStore(tx, actor.accountId);
    await mergeTopicsIn(store, keepId, goneId, TOPIC_OPTIONS);
    const params = [actor.accountId, goneId, keepId];
    await tx.query('UPDATE topics SET merged_into = $3 WHERE account_id = $1 AND id = $2', params);
    await tx.query('UPDATE message_analysis SET topic_id = $3 WHERE account_id = $1 AND topic_id = $2', params);
    await tx.query('UPDATE problems SET topic_id = $3 WHERE account_id = $1 AND topic_id = $2', params);
    await tx.query(
      `INSERT INTO problem_topics (account_id, problem_id, topic_id, reason)
       SELECT account_id, problem_id, $3::uuid, reason FROM problem_topics WHERE account_id = $1 AND topic_id = $2::uuid ON CONFLICT DO NOTHING`,
      params,
    );
    await tx.query('DELETE FROM problem_topics WHERE account_id = $1 AND topic_id = $2', [actor.accountId, goneId]);
    await tx.query('UPDATE signals SET topic_id = $3 WHERE account_id = $1 AND topic_id = $2', params);
    await recordAudit(tx, actor, { action: 'topic.merged', entityType: 'topic', entityId: keepId, after: { merged: goneId } });
    return (await describeTopics(store, [keepId]))[0];
  });
}
