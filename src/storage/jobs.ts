import type { Db } from './db.ts';

export interface JobRow {
  id: number;
  account_id: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export async function enqueueJob(
  db: Db,
  job: { accountId: string | null; kind: string; payload?: unknown; runAt?: Date; maxAttempts?: number },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO jobs (account_id, kind, payload, run_at, max_attempts)
     VALUES ($1, $2, $3::jsonb, coalesce($4, now()), coalesce($5, 10)) RETURNING id`,
    [job.accountId, job.kind, JSON.stringify(job.payload ?? {}), job.runAt ?? null, job.maxAttempts ?? null],
  );
  return row.id;
}

/** A job whose worker died holds its lease this long before another worker takes it again. */
export const LEASE_SECONDS = 300;

export interface ClaimFilter {
  /** only these job kinds (a worker claims only what it has handlers for) */
  kinds?: string[];
  /** only these accounts (e.g. a worker dedicated to one large account) */
  accountIds?: string[];
}

/**
 * Claims up to `limit` due jobs for this worker. The worker serves all accounts, so this is
 * the one query that is not scoped to an account; each job carries its account_id.
 */
/** The claim statement: $1 worker id, $2 limit, $3 lease seconds, $4 kinds (or NULL), $5 account ids (or NULL). */
export const CLAIM_SQL = `UPDATE jobs SET status = 'running', locked_by = $1, locked_at = now(), attempts = attempts + 1
     WHERE id IN (
       SELECT id FROM jobs
       WHERE ((status = 'queued' AND run_at <= now())
          OR (status = 'running' AND locked_at < now() - make_interval(secs => $3)))
         AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
         AND ($5::uuid[] IS NULL OR account_id = ANY($5::uuid[]))
       ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED)
     RETURNING id, account_id, kind, payload, attempts, max_attempts`;

export async function claimJobs(db: Db, workerId: string, limit: number, filter: ClaimFilter = {}): Promise<JobRow[]> {
  return db.query<JobRow>(CLAIM_SQL, [workerId, limit, LEASE_SECONDS, filter.kinds ?? null, filter.accountIds ?? null]);
}

export async function completeJob(db: Db, id: number): Promise<void> {
  await db.query(`UPDATE jobs SET status = 'done', finished_at = now(), locked_by = NULL WHERE id = $1`, [id]);
}

/** Exponential backoff with jitter: ~10 s, 20 s, 40 s … capped at one hour. */
export function retryDelayMs(attempts: number, random = Math.random()): number {
  const base = Math.min(3_600_000, 10_000 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.75 + random * 0.5));
}

export async function failJob(db: Db, job: JobRow, error: string): Promise<'retry' | 'failed'> {
  const final = job.attempts >= job.max_attempts;
  await db.query(
    `UPDATE jobs SET status = $2, last_error = $3, locked_by = NULL,
       run_at = CASE WHEN $2 = 'queued' THEN now() + make_interval(secs => $4) ELSE run_at END,
       finished_at = CASE WHEN $2 = 'failed' THEN now() END
     WHERE id = $1`,
    [job.id, final ? 'failed' : 'queued', error.slice(0, 2000), retryDelayMs(job.attempts) / 1000],
  );
  return final ? 'failed' : 'retry';
}
