import type { Db } from '../storage/db.ts';

/** Recurring system jobs and when each runs next. */
export const SCHEDULES: Record<string, (now: Date) => Date> = {
  // a few minutes past every hour, when the last hour is complete
  'topics.sweep': (now) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000 + 2 * 60_000),
  // IMAP mailboxes: soon after start; then every IMAP_POLL_SECONDS (the handler passes `at`)
  'email.imap_poll': (now) => new Date(now.getTime() + 5_000),
  // promises: reminders and breaches, at the start of every minute
  'promises.sweep': (now) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000),
  // promises still open well past their due time (a late commit, a lost job): hourly, at a quarter past
  'promises.reconcile': (now) => new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 3_600_000 + 15 * 60_000),
  // incidents: the promised next update — reminder, overdue, escalation — at the start of every minute
  'incidents.sweep': (now) => new Date(Math.floor(now.getTime() / 60_000) * 60_000 + 60_000),
  // service levels: at-risk and breached clocks pushed to their owners, every five minutes
  // retention rules (src/rights/): daily at 03:30 UTC, when little else runs
  'retention.sweep': (now) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 3, 30));
    return next > now ? next : new Date(next.getTime() + 86_400_000);
  },
  // NPS rounds on each account's schedule (src/rights/sweep-nps.ts): daily at 08:00 UTC, a civil hour for mail
  'nps.sweep': (now) => {
    const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 8, 0));
    return next > now ? next : new Date(next.getTime() + 86_400_000);
  },
  // finished jobs past JOB_RETENTION_DAYS / JOB_FAILED_RETENTION_DAYS: hourly, at twenty to
  'jobs.prune': (now) => {
    const at = Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 40 * 60_000;
    return new Date(at > now.getTime() ? at : at + 3_600_000);
  },
  // auto-close (src/autoclose/): reminders and closes of cases pending with the customer, hourly at 25 past
  'autoclose.sweep': (now) => {
    const at = Math.floor(now.getTime() / 3_600_000) * 3_600_000 + 25 * 60_000;
    return new Date(at > now.getTime() ? at : at + 3_600_000);
  },
  'sla.sweep': (now) => new Date(Math.floor(now.getTime() / 300_000) * 300_000 + 300_000),
};

/** Queues the next run of a recurring job unless one is already waiting (a unique index decides). */
export async function scheduleNext(db: Db, kind: string, now = new Date(), at?: Date): Promise<void> {
  const next = at ? () => at : SCHEDULES[kind];
  if (!next) return;
  await db.query(
    `INSERT INTO jobs (account_id, kind, run_at, max_attempts) VALUES (NULL, $1, $2, 3)
     ON CONFLICT (kind) WHERE account_id IS NULL AND status = 'queued' DO NOTHING`,
    [kind, next(now)],
  );
}
