import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { PROBLEM_COLUMNS, type ProblemRow } from './store.ts';
import { addProblemTopics, suggestCasesOfMessages, suggestCasesOfTopics } from './problem-topics.ts';

export interface OpenProblemOptions {
  title: string;
  ownerId?: string;
  rootCause?: string;
  /** turn this signal into the problem */
  signalId?: string;
  topicId?: string;
  /** cases an agent already knows belong to it (confirmed links) */
  caseIds?: string[];
}

/**
 * A supervisor opens a problem (or a signal becomes one): one owner, status investigating.
 * From a signal, the unsolved cases of every topic it counted, and of every message it counted (words
 * that burst), are linked as suggestions for an agent to confirm, each saying why.
 */
export async function openProblem(db: Db, actor: Actor, opts: OpenProblemOptions): Promise<ProblemRow> {
  requirePermission(actor, 'problems.manage', 'Opening a problem');
  const ownerId = opts.ownerId ?? actor.agentId;
  if (!ownerId) throw new AppError('owner_required', 'Give the problem an owner (owner_id)', 422);
  return db.transaction(async (tx) => {
    const owner = await tx.query('SELECT 1 FROM agents WHERE account_id = $1 AND id = $2 AND active', [actor.accountId, ownerId]);
    if (!owner.length) throw notFound('agent', ownerId);
    let topicId = opts.topicId ?? null;
    // every topic the signal counted (related young topics count together): the problem is about all of them
    let signalTopics: string[] = [];
    let signalMessages: { ids: string[]; words: string[] } = { ids: [], words: [] };
    let signalSince: Date | null = null;
    if (opts.signalId) {
      const [signal] = await tx.query<{ status: string; topic_id: string | null; topic_ids: string[] | null; message_ids: string[] | null; words: string[] | null; since: Date | null }>(
        `SELECT status, topic_id,
           (SELECT min(m.created_at) - interval '24 hours' FROM messages m WHERE m.account_id = signals.account_id
              AND m.id::text IN (SELECT jsonb_array_elements_text(coalesce(evidence->'message_ids', '[]')))) AS since, ARRAY(SELECT jsonb_array_elements_text(coalesce(evidence->'topic_ids', '[]'))) AS topic_ids,
           ARRAY(SELECT jsonb_array_elements_text(coalesce(evidence->'message_ids', '[]'))) AS message_ids,
           ARRAY(SELECT w->>'word' FROM jsonb_array_elements(coalesce(evidence->'why'->'words', '[]')) w) AS words
         FROM signals WHERE account_id = $1 AND id = $2 FOR UPDATE`,
        [actor.accountId, opts.signalId],
      );
      if (!signal) throw notFound('signal', opts.signalId);
      if (signal.status === 'converted') throw new AppError('signal_converted', 'This signal already became a problem', 409);
      topicId ??= signal.topic_id;
      signalTopics = (signal.topic_ids ?? []).filter((t) => t !== topicId);
      signalMessages = { ids: signal.message_ids ?? [], words: (signal.words ?? []).slice(0, 4) };
      signalSince = signal.since ? new Date(signal.since) : null;
    }
    const [p] = await tx.query<ProblemRow>(
      `INSERT INTO problems (account_id, title, owner_id, root_cause, topic_id, signal_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${PROBLEM_COLUMNS}`,
      [actor.accountId, opts.title.trim(), ownerId, opts.rootCause ?? null, topicId, opts.signalId ?? null],
    );
    if (opts.signalId) {
      await tx.query(`UPDATE signals SET status = 'converted', problem_id = $3 WHERE account_id = $1 AND id = $2`, [actor.accountId, opts.signalId, p.id]);
    }
    for (const caseId of opts.caseIds ?? []) {
      const c = await tx.query('SELECT 1 FROM cases WHERE account_id = $1 AND id = $2', [actor.accountId, caseId]);
      if (!c.length) throw notFound('case', caseId);
      await tx.query(`INSERT INTO problem_cases (account_id, problem_id, case_id, state) VALUES ($1, $2, $3, 'confirmed') ON CONFLICT DO NOTHING`, [
        actor.accountId,
        p.id,
        caseId,
      ]);
    }
    if (topicId) {
      await addProblemTopics(tx, actor.accountId, p.id, [{ topicId, reason: { why: 'problem_topic' } }]);
      await suggestCasesOfTopics(tx, actor.accountId, p.id, [topicId], 'problem_topic');
    }
    if (signalTopics.length) {
      await addProblemTopics(tx, actor.accountId, p.id, signalTopics.map((t) => ({ topicId: t, reason: { why: 'signal_topic' as const } })));
      // a young topic the signal counted may hold older mail about something else: only what came in from a day
      // before the first message the signal counted
      await suggestCasesOfTopics(tx, actor.accountId, p.id, signalTopics, 'signal_topic', signalSince);
    }
    if (signalMessages.ids.length) await suggestCasesOfMessages(tx, actor.accountId, p.id, signalMessages.ids, signalMessages.words);
    await recordAudit(tx, actor, { action: 'problem.opened', entityType: 'problem', entityId: p.id, after: { title: p.title, owner_id: ownerId, signal_id: p.signal_id } });
    await emitEvent(tx, actor.accountId, 'problem.opened', p);
    return p;
  });
}
