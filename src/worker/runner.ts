import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Db } from '../storage/db.ts';
import { claimJobs, completeJob, failJob, type JobRow } from '../storage/jobs.ts';
import { SCHEDULES, scheduleNext } from './schedules.ts';

export type JobHandler = (db: Db, job: JobRow) => Promise<void>;

export interface WorkerOptions {
  handlers: Record<string, JobHandler>;
  concurrency: number;
  pollMs: number;
  log: Logger;
  /** serve only these accounts (default: all) */
  accountIds?: string[];
}

/**
 * Polls the jobs table and runs due jobs of the kinds it has handlers for, at most `concurrency`
 * at once. Several workers
 * (processes) can share one PostgreSQL database: claiming uses FOR UPDATE SKIP LOCKED.
 * stop() waits for running jobs to finish.
 *
 * While the queue has work (the last claim filled every free slot), a slot that frees claims again at
 * once instead of at the next poll: waiting for the poll capped a worker at `concurrency` jobs per
 * `pollMs` (4 jobs/s by default, whatever the machine could do), and the soak (bench/soak.ts) saw the
 * backlog grow without end at a million messages a day. An empty or short claim goes back to polling,
 * so idle workers do not hammer the database.
 */
export function startWorker(db: Db, opts: WorkerOptions) {
  const workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const running = new Set<Promise<void>>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let ticking = false;
  /** the last claim got as many jobs as it asked for: more may be waiting */
  let busy = false;

  async function runOne(job: JobRow) {
    const handler = opts.handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(db, job);
      await completeJob(db, job.id);
    } catch (err) {
      const outcome = await failJob(db, job, err instanceof Error ? err.message : String(err)).catch(() => 'unknown');
      opts.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts, outcome, err: (err as Error)?.message }, 'job failed');
    }
  }

  async function tick() {
    if (stopped || ticking) return;
    ticking = true;
    try {
      const free = opts.concurrency - running.size;
      if (free > 0) {
        const jobs = await claimJobs(db, workerId, free, { kinds: Object.keys(opts.handlers), accountIds: opts.accountIds });
        busy = jobs.length === free;
        for (const job of jobs) {
          const p = runOne(job).finally(() => {
            running.delete(p);
            if (busy) claimNow();
          });
          running.add(p);
        }
      }
    } catch (err) {
      busy = false;
      opts.log.error({ err: (err as Error).message }, 'worker could not claim jobs');
    } finally {
      ticking = false;
      if (!stopped) {
        // a slot freed while this claim ran: take the next jobs now; else poll again in pollMs,
        // ±20% jitter: workers started together (a deploy, a restart) drift apart instead of all claiming at once
        if (busy && running.size < opts.concurrency) claimNow();
        else timer = setTimeout(tick, Math.round(opts.pollMs * (0.8 + Math.random() * 0.4)));
      }
    }
  }

  /** claims at once (the queue is known to have work), unless a claim is under way: that one re-checks when it ends */
  function claimNow() {
    if (stopped || ticking) return;
    if (timer) clearTimeout(timer);
    timer = null;
    void tick();
  }

  // recurring system jobs this worker handles get their first run queued (once for all workers)
  for (const kind of Object.keys(opts.handlers).filter((k) => k in SCHEDULES)) {
    void scheduleNext(db, kind).catch((err) => opts.log.warn({ kind, err: (err as Error).message }, 'could not schedule'));
  }
  timer = setTimeout(tick, 0);
  opts.log.info({ workerId, concurrency: opts.concurrency }, 'worker started');
  return {
    workerId,
    /** run a tick now (e.g. right after enqueuing) */
    nudge() {
      if (timer) clearTimeout(timer);
      void tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...running]);
    },
  };
}
