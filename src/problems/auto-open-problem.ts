import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { enqueueJob } from '../storage/jobs.ts';
import { systemActor } from '../shared/actor.ts';
import { openProblem } from './open-problem.ts';

/** The account's threshold: a signal with at least this many complaints becomes a problem by itself (null: never). */
export async function autoProblemThreshold(db: Db, accountId: string): Promise<number | null> {
  const [row] = await db.query<{ auto_problem_min_count: number | null }>('SELECT auto_problem_min_count FROM account_settings WHERE account_id = $1', [accountId]);
  return row?.auto_problem_min_count ?? null;
}

/** Called when a signal is raised (in its transaction): queues the problem when the signal is big enough. */
export async function queueAutoProblem(tx: Db, accountId: string, signal: { id: string; evidence: { count: number } }): Promise<void> {
  const threshold = await autoProblemThreshold(tx, accountId);
  if (threshold !== null && signal.evidence.count >= threshold) {
    await enqueueJob(tx, { accountId, kind: 'problems.auto_open', payload: { signal_id: signal.id } });
  }
}

/**
 * Job `problems.auto_open`: the signal becomes a problem owned by a supervisor (the one with the
 * fewest open problems), its topic's open cases suggested — as if a supervisor had opened it.
 */
export async function autoOpenProblem(db: Db, job: JobRow): Promise<void> {
  const accountId = job.account_id!;
  const [signal] = await db.query<{ id: string; title: string; status: string; evidence: { count: number; reason: string } }>(
    'SELECT id, title, status, evidence FROM signals WHERE account_id = $1 AND id = $2', [accountId, String(job.payload.signal_id)]);
  if (!signal || signal.status !== 'open') return;
  const [owner] = await db.query<{ id: string }>(
    `SELECT a.id FROM agents a WHERE a.account_id = $1 AND a.active AND a.role IN ('supervisor', 'admin')
     ORDER BY (a.role = 'supervisor') DESC,
       (SELECT count(*) FROM problems p WHERE p.account_id = a.account_id AND p.owner_id = a.id AND p.status <> 'resolved'), a.created_at
     LIMIT 1`,
    [accountId],
  );
  if (!owner) return;
  await openProblem(db, systemActor(accountId), {
    title: signal.title, ownerId: owner.id, signalId: signal.id,
    rootCause: `Automatisch geopend: ${signal.evidence.count} klachten (${signal.evidence.reason})`,
  });
}
