import type { Db } from '../src/storage/db.ts';

/**
 * "Nothing was written": every table that has an account_id, row by row, for one account. The
 * tables are read from the schema, so a new table is covered the day its migration lands.
 */
const SKIP_COLUMNS: Record<string, string[]> = {
  // moves (at most once a minute) whenever a token authenticates: not a write by the request
  api_tokens: ['last_used_at'],
};

let sql: string | null = null;

async function snapshotSql(db: Db): Promise<string> {
  if (sql) return sql;
  const cols = await db.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema()
       AND c.table_name IN (SELECT table_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name = 'account_id')
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const byTable = new Map<string, string[]>();
  for (const c of cols) {
    if (SKIP_COLUMNS[c.table_name]?.includes(c.column_name)) continue;
    byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), `"${c.column_name}"`]);
  }
  sql = [...byTable.entries()]
    .map(
      ([table, columns]) =>
        `SELECT '${table}' AS tbl, count(*)::int AS n, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS h
         FROM (SELECT ${columns.join(', ')} FROM "${table}" WHERE account_id = $1) r`,
    )
    .join('\nUNION ALL\n');
  return sql;
}

/**
 * Planning the hundred-table query took half of its time or more (on PGlite ~20 ms of the test
 * process's CPU, on PostgreSQL ~10 ms of the server's, twice for every refused request of the guard
 * tests): it is prepared once per connection (one transaction keeps the check, the PREPARE and the
 * EXECUTE on one connection of a pool) and executed after that.
 *
 * And on PGlite (one connection, its transactions one after another) a snapshot is not read again
 * while no transaction has written since the last one: every write takes a transaction id, so the
 * first unassigned id (`pg_snapshot_xmax`) moves with every write, even one rolled back. The guard
 * tests take two snapshots around every refused request; most of them cost one cheap query now.
 * (On PostgreSQL other test files write all the time and transactions overlap: always read.)
 */
const known = new WeakMap<Db, Map<string, { xmax: string; value: Record<string, string> }>>();

export async function snapshotAccount(db: Db, accountId: string): Promise<Record<string, string>> {
  if (!/^[0-9a-f-]{36}$/i.test(accountId)) throw new Error(`not an account id: ${accountId}`);
  const text = await snapshotSql(db);
  const cache = known.get(db) ?? new Map();
  known.set(db, cache);
  return db.transaction(async (tx) => {
    let xmax = '';
    if (db.kind === 'pglite') {
      [{ xmax }] = await tx.query<{ xmax: string }>('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS xmax');
      const hit = cache.get(accountId);
      if (hit?.xmax === xmax) return hit.value;
    }
    const [prepared] = await tx.query(`SELECT 1 AS x FROM pg_prepared_statements WHERE name = 'luister_account_snapshot'`);
    if (!prepared) await tx.exec(`PREPARE luister_account_snapshot(uuid) AS ${text}`);
    // EXECUTE takes no bind parameters: the id is checked above and written as a literal
    const rows = await tx.query<{ tbl: string; n: number; h: string }>(`EXECUTE luister_account_snapshot('${accountId}')`);
    const value = Object.fromEntries(rows.map((r) => [r.tbl, `${r.n} rows, ${r.h}`]));
    if (db.kind === 'pglite') cache.set(accountId, { xmax, value });
    return value;
  });
}
