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
 * The claim statement: $1 worker id, $2 limit, $3 lease seconds, $4 kinds (or NULL), $5 account ids (or NULL).
 *
 * Two ordered index scans, never a scan of everything that waits (issue 21): jobs whose lease ran out (their worker
 * died) first, along the small partial index `jobs_running`, then due jobs in run_at order along the partial index
 * `jobs_due`. Each stops after $2 rows (the Append under the LIMIT asks the second only for what the first did not
 * give), so a claim costs the same with a thousand or a million jobs waiting. The earlier single `WHERE (queued AND
 * due) OR (running AND expired) ORDER BY run_at` could use neither index in order: PostgreSQL read every due job
 * through a BitmapOr and sorted them all, on every claim. SKIP LOCKED: concurrent workers never wait on each other's
 * rows, they take the next ones.
 */
export const CLAIM_SQL = `WITH expired AS (
       SELECT id FROM jobs
       WHERE status = 'running' AND locked_at < now() - make_interval(secs => $3)
         AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
         AND ($5::uuid[] IS NULL OR account_id = ANY($5::uuid[]))
       ORDER BY locked_at LIMIT $2 FOR UPDATE SKIP LOCKED
     ), due AS (
       SELECT id FROM jobs
       WHERE status = 'queued' AND run_at <= now()
         AND ($4::text[] IS NULL OR kind = ANY($4::text[]))
         AND ($5::uuid[] IS NULL OR account_id = ANY($5::uuid[]))
       ORDER BY run_at LIMIT $2 FOR UPDATE SKIP LOCKED
     )
     UPDATE jobs SET status = 'running', locked_by = $1, locked_at = now(), attempts = attempts + 1
     WHERE id IN (SELECT id FROM (SELECT id FROM expired UNION ALL SELECT id FROM due) picked LIMIT $2)
     RETURNING id, account_id, kind, payload, attempts, max_attempts`;

/**
 * Claims up to `limit` due jobs for this worker. The worker serves all accounts, so this is
 * the one query that is not scoped to an account; each job carries its account_id.
 */
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

export interface PruneOptions {
  /** finished ('done') jobs older than this many days go (JOB_RETENTION_DAYS) */
  doneDays: number;
  /** failed jobs are kept longer, for looking into what went wrong (JOB_FAILED_RETENTION_DAYS) */
  failedDays: number;
  now?: Date;
  /** rows per DELETE: short statements, so the prune never holds many locks or one long transaction */
  batch?: number;
}

/**
 * Deletes finished jobs past their retention, in batches along the partial index `jobs_finished`, so the table holds
 * what waits and runs plus a few days of history instead of growing forever. Returns how many went.
 * Waiting and running jobs are never touched.
 */
export async function pruneJobs(db: Db, opts: PruneOptions = { doneDays: 7, failedDays: 30 }): Promise<number> {
  const now = opts.now ?? new Date();
  const batch = opts.batch ?? 10_000;
  let total = 0;
  for (const [status, days] of [['done', opts.doneDays], ['failed', opts.failedDays]] as const) {
    const before = new Date(now.getTime() - days * 86_400_000);
    for (;;) {
      const rows = await db.query<{ n: number }>(
        `WITH gone AS (
           DELETE FROM jobs WHERE id IN (
             SELECT id FROM jobs WHERE status = $1 AND finished_at < $2 ORDER BY finished_at LIMIT $3)
           RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [status, before, batch],
      );
      total += rows[0].n;
      if (rows[0].n < batch) break;
    }
  }
  return total;
}
