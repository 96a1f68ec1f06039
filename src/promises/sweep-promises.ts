import type { Db } from '../storage/db.ts';

/**
 * The promise sweep, run by the worker every minute with the worker's clock (injectable): marks
 * due promises `breached` and reminders as sent, set-based, and queues one follow-up job per
 * promise (escalation, apology, reminder) in the same statement. Rows are claimed with
 * FOR UPDATE SKIP LOCKED and re-checked in the UPDATE, so two workers sweeping at once never
 * breach (or remind) the same promise twice. Across accounts, like the job queue itself.
 */
export async function sweepPromises(
  db: Db,
  o: { now: Date; batch?: number; /** only these accounts (e.g. a worker dedicated to one large account) */ accountIds?: string[] },
): Promise<{ breached: number; reminded: number }> {
  const batch = o.batch ?? 10_000;
  const scope = { accountIds: o.accountIds ?? null };
  const breached = await markAndQueue(db, o.now, batch, scope, {
    due: `state = 'open' AND due_at <= $1`,
    order: 'due_at',
    set: `state = 'breached', breached_at = $1, updated_at = $1`,
    still: `p.state = 'open'`,
    job: 'promise.breached',
  });
  const reminded = await markAndQueue(db, o.now, batch, scope, {
    due: `state = 'open' AND reminded_at IS NULL AND remind_at <= $1`,
    order: 'remind_at',
    set: 'reminded_at = $1',
    still: 'p.reminded_at IS NULL',
    job: 'promise.remind',
  });
  return { breached, reminded };
}

/** One set-based pass, batch by batch: claim what is due, mark it, queue a job per promise. */
async function markAndQueue(
  db: Db,
  now: Date,
  batch: number,
  scope: { accountIds: string[] | null },
  q: { due: string; order: string; set: string; still: string; job: string },
) {
  let total = 0;
  for (;;) {
    const [{ n }] = await db.query<{ n: number }>(
      `WITH due AS (
         SELECT account_id, id FROM promises WHERE ${q.due} AND ($4::uuid[] IS NULL OR account_id = ANY($4::uuid[]))
         ORDER BY ${q.order} LIMIT $2 FOR UPDATE SKIP LOCKED),
       marked AS (
         UPDATE promises p SET ${q.set} FROM due WHERE p.account_id = due.account_id AND p.id = due.id AND ${q.still}
         RETURNING p.account_id, p.id),
       queued AS (
         INSERT INTO jobs (account_id, kind, payload)
         SELECT account_id, $3, jsonb_build_object('promise_id', id) FROM marked RETURNING 1)
       SELECT count(*)::int AS n FROM queued`,
      [now, batch, q.job, scope.accountIds],
    );
    total += n;
    if (n < batch) return total;
  }
}
