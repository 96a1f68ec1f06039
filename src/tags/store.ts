import type { Db } from '../storage/db.ts';

/** What can carry tags, and the table that holds them. */
export type Taggable = 'case' | 'customer';
const TABLE = { case: { table: 'case_tags', column: 'case_id' }, customer: { table: 'customer_tags', column: 'customer_id' } } as const;

export async function tagsOf(db: Db, accountId: string, kind: Taggable, id: string): Promise<string[]> {
  const { table, column } = TABLE[kind];
  const rows = await db.query<{ tag: string }>(`SELECT tag FROM ${table} WHERE account_id = $1 AND ${column} = $2 ORDER BY tag`, [accountId, id]);
  return rows.map((r) => r.tag);
}

/** Writes the tags as `next` (in the caller's transaction, after the owner row was locked). */
export async function writeTags(tx: Db, accountId: string, kind: Taggable, id: string, next: string[]): Promise<void> {
  const { table, column } = TABLE[kind];
  await tx.query(`DELETE FROM ${table} WHERE account_id = $1 AND ${column} = $2 AND NOT (tag = ANY($3::text[]))`, [accountId, id, next]);
  await tx.query(`INSERT INTO ${table} (account_id, ${column}, tag) SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING`, [accountId, id, next]);
}
