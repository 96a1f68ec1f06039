import type { Db } from '../storage/db.ts';

/** One step of the demo's story: the database clock before and after it ran, and when the story says it happened. */
export interface DemoStep {
  from: string;
  to: string;
  when: Date;
}

/**
 * The demo's two weeks of history. Every use case writes the database's own clock (now(),
 * clock_timestamp()), so the demo runs each step of its story for real, through the same
 * functions the API calls, and notes the database clock before and after it (`at`). `backdate`
 * then moves every time those steps wrote to the moment the story says, keeping their order
 * within a step. Times outside every step — a promise's due time, a reminder — stay as they are.
 */
export function demoClock(db: Db) {
  const steps: DemoStep[] = [];
  const clock = async () => (await db.query<{ t: string }>('SELECT clock_timestamp()::text AS t'))[0].t;
  return {
    steps,
    async at<T>(when: Date, fn: () => Promise<T>): Promise<T> {
      const from = await clock();
      const result = await fn();
      steps.push({ from, to: await clock(), when });
      return result;
    },
  };
}

/**
 * Moves the times the steps wrote, in every table of the account, to the story's moments: a
 * value inside a step's window is shifted by (when − window start). One transaction per call.
 *
 * The audit log is append-only (a trigger refuses UPDATE): the rows of this new demo account are
 * moved with that trigger off for the length of the transaction, which needs the database user
 * that owns the tables (the one that ran the migrations). Without that right the audit rows keep
 * the time the demo was loaded and `audit` comes back false; everything else is backdated.
 */
export async function backdate(db: Db, accountId: string, steps: DemoStep[]): Promise<{ rows: number; audit: boolean }> {
  if (!steps.length) return { rows: 0, audit: true };
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND c.data_type = 'timestamp with time zone'
       AND EXISTS (SELECT 1 FROM information_schema.columns a
                   WHERE a.table_schema = c.table_schema AND a.table_name = c.table_name AND a.column_name = 'account_id')
     ORDER BY 1, 2`,
  );
  const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
  // the steps in a temporary table of this transaction, and the story's time of any instant (itself outside every step)
  const prepare = async (tx: Db) => {
    await tx.query('CREATE TEMP TABLE demo_steps (from_t timestamptz PRIMARY KEY, to_t timestamptz NOT NULL, story timestamptz NOT NULL) ON COMMIT DROP');
    await tx.query('INSERT INTO pg_temp.demo_steps SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[], $3::timestamptz[])', [
      steps.map((s) => s.from), steps.map((s) => s.to), steps.map((s) => s.when.toISOString()),
    ]);
    await tx.exec(`CREATE OR REPLACE FUNCTION pg_temp.demo_story_time(t timestamptz) RETURNS timestamptz LANGUAGE sql STABLE AS $$
      SELECT coalesce((SELECT CASE WHEN w.to_t >= t THEN w.story + (t - w.from_t) ELSE t END
                       FROM (SELECT * FROM pg_temp.demo_steps WHERE from_t <= t ORDER BY from_t DESC LIMIT 1) w), t) $$`);
  };
  const shift = async (tx: Db, table: string, column: string) => {
    const [t, c] = [ident(table), ident(column)];
    const moved = await tx.query(
      `UPDATE ${t} SET ${c} = pg_temp.demo_story_time(${c})
       WHERE account_id = $1 AND ${c} BETWEEN (SELECT min(from_t) FROM pg_temp.demo_steps) AND (SELECT max(to_t) FROM pg_temp.demo_steps)
         AND pg_temp.demo_story_time(${c}) <> ${c} RETURNING 1`,
      [accountId],
    );
    return moved.length;
  };
  let rows = 0;
  await db.transaction(async (tx) => {
    await prepare(tx);
    for (const c of columns) if (c.table_name !== 'audit_log') rows += await shift(tx, c.table_name, c.column_name);
  });
  let audit = true;
  try {
    await db.transaction(async (tx) => {
      await prepare(tx);
      await tx.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');
      rows += await shift(tx, 'audit_log', 'at');
      await tx.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
    });
  } catch (err) {
    // 42501: not the owner of audit_log
    if ((err as { code?: string }).code !== '42501') throw err;
    audit = false;
  }
  return { rows, audit };
}
