import { loadConfig } from '../config.ts';
import { ANALYSE_JOB } from '../listening/analyse-stored-message.ts';
import { sweepTopics } from '../listening/sweep-topics.ts';
import { sweepPromises } from '../promises/sweep-promises.ts';
import { sweepSla } from '../promises/sweep-sla.ts';
import type { Db } from '../storage/db.ts';
import { claimJobs, completeJob, type JobRow } from '../storage/jobs.ts';
import { jobHandlers } from '../worker/handlers.ts';
import type { demoClock } from './demo-clock.ts';

/** What the worker does with a new account's jobs, done here at once (the demo's own kinds only: no mail, no webhooks). */
const KINDS = [ANALYSE_JOB, 'topics.upkeep', 'problems.auto_open', 'promise.breached', 'promise.remind'];

/**
 * Listening over the demo's history, as the worker would have done it as the messages came in:
 * each message is analysed and clustered in time order, at its own moment on the demo clock (so
 * a topic, a suggestion or a new-topic signal carries the time it would have had). The account's
 * analysis jobs are taken all at once first: a worker of a PostgreSQL installation must not
 * analyse them at today's time.
 */
export async function listenToHistory(db: Db, accountId: string, clock: ReturnType<typeof demoClock>) {
  const handlers = jobHandlers(loadConfig({}));
  const others = KINDS.filter((k) => k !== ANALYSE_JOB);
  const jobs = await db.query<JobRow & { at: Date | null }>(
    `UPDATE jobs j SET status = 'running', locked_by = 'demo', locked_at = now(), attempts = attempts + 1
     WHERE j.account_id = $1 AND j.kind = $2 AND j.status = 'queued'
     RETURNING j.id, j.account_id, j.kind, j.payload, j.attempts, j.max_attempts,
       (SELECT m.created_at FROM messages m WHERE m.account_id = j.account_id AND m.id::text = j.payload->>'message_id') AS at`,
    [accountId, ANALYSE_JOB],
  );
  const time = (j: { at: Date | null }) => (j.at ? new Date(j.at).getTime() : Infinity);
  jobs.sort((x, y) => time(x) - time(y) || x.id - y.id);
  for (const job of jobs) {
    // what the previous analysis queued (the clustering upkeep) runs before the next message, as on a live worker
    await runQueued(db, accountId, others, handlers);
    if (job.at) await clock.at(new Date(new Date(job.at).getTime() + 2_000), () => handlers[job.kind](db, job));
    else await handlers[job.kind](db, job);
    await completeJob(db, job.id);
  }
  await runQueued(db, accountId, others, handlers);
}

async function runQueued(db: Db, accountId: string, kinds: string[], handlers: ReturnType<typeof jobHandlers>) {
  for (;;) {
    const jobs = await claimJobs(db, 'demo', 50, { kinds, accountIds: [accountId] });
    if (!jobs.length) return;
    for (const job of jobs) {
      await handlers[job.kind](db, job);
      await completeJob(db, job.id);
    }
  }
}

/** The sweeps, now: spikes against each topic's baseline over the fortnight, promises due or broken, service levels at risk or breached. */
export async function sweepNow(db: Db, accountId: string, now: Date) {
  const topics = await sweepTopics(db, accountId, now);
  await sweepPromises(db, { now, accountIds: [accountId] });
  await sweepSla(db, { now, accountIds: [accountId] });
  await runQueued(db, accountId, KINDS, jobHandlers(loadConfig({})));
  return topics;
}
