import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { loadCase } from '../cases/store.ts';
import { type LinkState, loadProblem } from './store.ts';

/** An agent confirms a case belongs to the problem, or removes it (then it is never suggested again). */
export async function setCaseLink(db: Db, actor: Actor, problemId: string, caseIdOrRef: string, state: Exclude<LinkState, 'suggested'>) {
  return db.transaction(async (tx) => {
    await loadProblem(tx, actor.accountId, problemId);
    const c = await loadCase(tx, actor.accountId, caseIdOrRef);
    const [before] = await tx.query<{ state: LinkState }>(
      'SELECT state FROM problem_cases WHERE account_id = $1 AND problem_id = $2 AND case_id = $3 FOR UPDATE',
      [actor.accountId, problemId, c.id],
    );
    await tx.query(
      `INSERT INTO problem_cases (account_id, problem_id, case_id, state) VALUES ($1, $2, $3, $4)
       ON CONFLICT (account_id, problem_id, case_id) DO UPDATE SET state = EXCLUDED.state`,
      [actor.accountId, problemId, c.id, state],
    );
    await recordAudit(tx, actor, {
      action: state === 'confirmed' ? 'problem.case_confirmed' : 'problem.case_removed',
      entityType: 'problem',
      entityId: problemId,
      before: { case_id: c.id, state: before?.state ?? null },
      after: { case_id: c.id, state },
    });
    return { problem_id: problemId, case_id: c.id, ref: c.ref, state };
  });
}

/**
 * Intake: a new message whose topic belongs to an open problem links its case as a suggestion, saying
 * why. A case an agent removed stays removed.
 */
export async function suggestCaseForTopic(tx: Db, accountId: string, caseId: string, topicId: string): Promise<string[]> {
  const rows = await tx.query<{ problem_id: string }>(
    `INSERT INTO problem_cases (account_id, problem_id, case_id, state, reason)
     SELECT DISTINCT pt.account_id, pt.problem_id, $2::uuid, 'suggested', jsonb_build_object('why', 'topic', 'topic_id', $3::uuid)
     FROM problem_topics pt JOIN problems p ON p.account_id = pt.account_id AND p.id = pt.problem_id AND p.status <> 'resolved'
     WHERE pt.account_id = $1 AND pt.topic_id = $3
     ON CONFLICT DO NOTHING RETURNING problem_id`,
    [accountId, caseId, topicId],
  );
  return rows.map((r) => r.problem_id);
}
