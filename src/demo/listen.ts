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
 * a topic, a suggestion or a new-topic signal carries the time it would have had).
 */
export async function listenToHistory(db: Db, accountId: string, clock: ReturnType<typeof demoClock>) {
  const handlers = jobHandlers(loadConfig({}));
  const others = KINDS.filter((k) => k !== ANALYSE_JOB);
  for (;;) {
    // what a message's analysis queued (the clustering upkeep) runs before the next message, as on a live worker
    for (const job of await claimJobs(db, 'demo', 50, { kinds: others, accountIds: [accountId] })) {
      await handlers[job.kind](db, job);
      await completeJob(db, job.id);
    }
    const [job] = await claimJobs(db, 'demo', 1, { kinds: [ANALYSE_JOB], accountIds: [accountId] });
    if (!job) return;
    const at = await messageTime(db, accountId, job);
    if (at) await clock.at(new Date(at.getTime() + 2_000), () => handlers[job.kind](db, job));
    else await handlers[job.kind](db, job);
    await completeJob(db, job.id);
  }
}

/** The sweeps, now: spikes against each topic's baseline over the fortnight, promises due or broken, service levels at risk or breached. */
export async function sweepNow(db: Db, accountId: string, now: Date) {
  const topics = await sweepTopics(db, accountId, now);
  await sweepPromises(db, { now, accountIds: [accountId] });
  await sweepSla(db, { now, accountIds: [accountId] });
  const handlers = jobHandlers(loadConfig({}));
  for (;;) {
    const jobs = await claimJobs(db, 'demo', 50, { kinds: KINDS, accountIds: [accountId] });
    if (!jobs.length) break;
    for (const job of jobs) {
      await handlers[job.kind](db, job);
      await completeJob(db, job.id);
    }
  }
  return topics;
}

async function messageTime(db: Db, accountId: string, job: JobRow): Promise<Date | null> {
  const [m] = await db.query<{ created_at: Date }>('SELECT created_at FROM messages WHERE account_id = $1 AND id = $2', [accountId, String(job.payload.message_id)]);
  return m ? new Date(m.created_at) : null;
}
