import type { Db } from '../../src/storage/db.ts';

/**
 * Writes `n` cases (and n/4 customers) of one account for bench/case-filters.ts, set-based: a one_of field
 * `oorzaak` (one of `causes`), a several_of field `producten` (one of `combos`) and the tag `terugbetaling` on one
 * case in ten, at random. Fast at 1,000,000 cases:
 * - one transaction with `session_replication_role = replica` (needs a superuser, as the bench's own database
 *   has): no per-row triggers and foreign-key checks. The per-row `cases_number` trigger upserts one counter row,
 *   a million versions of one row in one transaction, which made the fill quadratic (100,000 cases: 5 minutes).
 *   The counter is set once afterwards, as the trigger would have left it.
 * - the secondary indexes of cases, case_tags and customers are dropped first and created again afterwards with
 *   their own definitions (pg_indexes), the same indexes the migrations made; building them once is far faster
 *   than growing two GIN indexes row by row. Then VACUUM ANALYZE, as autovacuum would leave the tables.
 */
export async function fillFilterCases(db: Db, accountId: string, n: number, causes: string[], combos: string[][]) {
  const tables = ['cases', 'case_tags', 'customers'];
  const indexes = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = ANY($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`, [tables]);
  await db.transaction(async (tx) => {
    await tx.exec(`SET LOCAL session_replication_role = replica`);
    for (const i of indexes) await tx.exec(`DROP INDEX ${i.indexname}`);
    await tx.query(`INSERT INTO customers (account_id, name) SELECT $1, 'Klant ' || g FROM generate_series(1, $2::int) g`, [accountId, Math.ceil(n / 4)]);
    await tx.query(
      `WITH cu AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM customers WHERE account_id = $1)
       INSERT INTO cases (account_id, number, customer_id, subject, subject_key, status, channel, created_at, custom_fields)
       SELECT $1, 100000 + g, cu.id, 'Zaak ' || g, 'zaak ' || g, 'new', 'email', now() - (g || ' minutes')::interval,
              jsonb_build_object('oorzaak', ($3::text[])[1 + g % $5::int], 'producten', ($4::jsonb) -> (g % $6::int))
       FROM generate_series(1, $2::int) g JOIN cu ON cu.rn = 1 + g % (SELECT count(*) FROM cu)`,
      [accountId, n, causes, JSON.stringify(combos), causes.length, combos.length]);
    await tx.query(
      `INSERT INTO case_counters AS c (account_id, last_number) VALUES ($1, 100000 + $2::int)
       ON CONFLICT (account_id) DO UPDATE SET last_number = greatest(c.last_number, EXCLUDED.last_number)`, [accountId, n]);
    await tx.query(`INSERT INTO case_tags (account_id, case_id, tag) SELECT account_id, id, 'terugbetaling' FROM cases WHERE account_id = $1 AND random() < 0.1`, [accountId]);
    for (const i of indexes) await tx.exec(i.indexdef);
  });
  for (const t of tables) await db.exec(`VACUUM ANALYZE ${t}`);
}
