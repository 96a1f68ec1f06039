import type { Db } from '../storage/db.ts';

/**
 * The promise sweep, run by the worker every minute with the worker's clock (injectable): marks
 * due promises `breached` and reminders as sent, set-based, and queues one follow-up job per
 * promise (escalation, apology, reminder) in the same statement. Rows are claimed with
 * FOR UPDATE SKIP LOCKED and re-checked by state, so two workers sweeping at once never breach
 * (or remind) the same promise twice. Across accounts, like the job queue itself.
 */
export async function sweepPromises(db: Db, o: { now: Date; batch?: number }): Promise<{ breached: number; reminded: number }> {
  const batch = o.batch ?? 10_000;
  let breached = 0;
  let reminded = 0;
  for (;;) {
    const [{ n }] = await db.query<{ n: number }>(
      `WITH due AS (
         SELECT account_id, id FROM promises WHERE state = 'open' AND due_at <= $1
         ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       marked AS (
         UPDATE promises p SET state = 'breached', breached_at = $1, updated_at = $1
         FROM due WHERE p.account_id = due.account_id AND p.id = due.id AND p.state = 'open'
         RETURNING p.account_id, p.id),
       queued AS (
         INSERT INTO jobs (account_id, kind, payload)
         SELECT account_id, 'promise.breached', jsonb_build_object('promise_id', id) FROM marked RETURNING 1)
       SELECT count(*)::int AS n FROM queued`,
      [o.now, batch],
    );
    breached += n;
    if (n < batch) break;
  }
  for (;;) {
    const [{ n }] = await db.query<{ n: number }>(
      `WITH due AS (
         SELECT account_id, id FROM promises WHERE state = 'open' AND reminded_at IS NULL AND remind_at <= $1
         ORDER BY remind_at LIMIT $2 FOR UPDATE SKIP LOCKED),
       marked AS (
         UPDATE promises p SET reminded_at = $1
         FROM due WHERE p.account_id = due.account_id AND p.id = due.id AND p.reminded_at IS NULL
         RETURNING p.account_id, p.id),
       queued AS (
         INSERT INTO jobs (account_id, kind, payload)
         SELECT account_id, 'promise.remind', jsonb_build_object('promise_id', id) FROM marked RETURNING 1)
       SELECT count(*)::int AS n FROM queued`,
      [o.now, batch],
    );
    reminded += n;
    if (n < batch) break;
  }
  return { breached, reminded };
}
