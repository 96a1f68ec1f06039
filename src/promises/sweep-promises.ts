import type { Db } from '../storage/db.ts';

/** Promises per follow-up job: one job per account and batch, not one per promise. */
const PER_JOB = 500;
/** The reconciliation pass looks for promises this much older than the sweep's mark. */
const STRAGGLER_MINUTES = 15;

type Pass = 'breach' | 'remind';
const PASSES: Record<Pass, { when: string; also: string; job: string }> = {
  breach: { when: 'due_at', also: '', job: 'promise.breached' },
  remind: { when: 'remind_at', also: 'AND reminded_at IS NULL', job: 'promise.remind' },
};

/**
 * The promise sweep, run by the worker every minute with the worker's clock (injectable): hands
 * out what fell due since the last sweep — promises to breach, reminders to send — as follow-up
 * jobs, a batch of promises per job. It reads like a plain select (an index range on due_at from
 * the sweep's mark to now) and writes only the jobs and the new mark; the mark is taken with a row
 * lock, so a second worker sweeping at the same moment waits and then finds nothing new.
 * The state change itself (open → breached, reminded_at) happens in the follow-up job as one
 * conditional UPDATE, so a promise is breached (and escalated, and apologised for) once, even when
 * it is handed out twice. Across accounts, like the job queue; `accountIds` scopes a sweep.
 * An incident's promised next update is swept with its incident (sweep-incidents.ts), not here.
 */
export async function sweepPromises(
  db: Db,
  o: { now: Date; accountIds?: string[] },
): Promise<{ breached: number; reminded: number }> {
  return {
    breached: await handOut(db, 'breach', o.now, o.accountIds ?? null),
    reminded: await handOut(db, 'remind', o.now, o.accountIds ?? null),
  };
}

async function handOut(db: Db, pass: Pass, now: Date, accountIds: string[] | null): Promise<number> {
  const name = `promises.${pass}${accountIds ? `:${[...accountIds].sort().join(',')}` : ''}`;
  const p = PASSES[pass];
  return db.transaction(async (tx) => {
    await tx.query(`INSERT INTO sweep_marks (name, until) VALUES ($1, '-infinity') ON CONFLICT (name) DO NOTHING`, [name]);
    // as text: '-infinity' (never swept) goes back into the query unchanged
    const [mark] = await tx.query<{ until: string; done: boolean }>(
      'SELECT until::text AS until, until >= $2::timestamptz AS done FROM sweep_marks WHERE name = $1 FOR UPDATE', [name, now]);
    if (mark.done) return 0;
    const n = await queueFollowUps(tx, p, `${p.when} > $2::timestamptz AND ${p.when} <= $1`, [now, mark.until, accountIds]);
    await tx.query('UPDATE sweep_marks SET until = $2 WHERE name = $1', [name, now]);
    return n;
  });
}

/** One INSERT … SELECT: the due promises, grouped per account in batches, as follow-up jobs. */
async function queueFollowUps(tx: Db, p: (typeof PASSES)[Pass], range: string, params: [Date, Date | string, string[] | null]): Promise<number> {
  // $1: now, $2: the lower bound (the mark, or the straggler cut-off), $3: accounts or null
  const [{ n }] = await tx.query<{ n: number }>(
    `WITH due AS (
       SELECT account_id, id, (row_number() OVER (PARTITION BY account_id ORDER BY ${p.when}) - 1) / ${PER_JOB} AS chunk
       FROM promises WHERE state = 'open' AND case_id IS NOT NULL ${p.also} AND ${range} AND ($3::uuid[] IS NULL OR account_id = ANY($3::uuid[]))),
     queued AS (
       INSERT INTO jobs (account_id, kind, payload)
       SELECT account_id, '${p.job}', jsonb_build_object('promise_ids', jsonb_agg(id), 'at', $1::timestamptz)
       FROM due GROUP BY account_id, chunk
       RETURNING jsonb_array_length(payload->'promise_ids') AS k)
     SELECT coalesce(sum(k), 0)::int AS n FROM queued`,
    params,
  );
  return n;
}

/**
 * Hourly: promises that are still open well past their mark — a transaction that committed a
 * promise after the sweep had passed its due time, or a follow-up job that was lost. Handing one
 * out twice is harmless (the follow-up changes state once).
 */
export async function reconcilePromises(db: Db, o: { now: Date; accountIds?: string[] }): Promise<{ breached: number; reminded: number }> {
  const before = new Date(o.now.getTime() - STRAGGLER_MINUTES * 60_000);
  const scope = o.accountIds ?? null;
  return db.transaction(async (tx) => ({
    breached: await queueFollowUps(tx, PASSES.breach, `due_at <= $2::timestamptz`, [o.now, before, scope]),
    reminded: await queueFollowUps(tx, PASSES.remind, `remind_at <= $2::timestamptz`, [o.now, before, scope]),
  }));
}
