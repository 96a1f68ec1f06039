import type { Db } from '../storage/db.ts';
import { decodeCursor, page } from '../shared/pagination.ts';
import { loadPromise, PROMISE_COLUMNS, type PromiseRow, type PromiseState } from './store.ts';

export interface ListPromisesOptions {
  limit: number;
  cursor?: string;
  state?: PromiseState;
  owner_id?: string;
  case_id?: string;
  /** due before this time, e.g. the end of today for "promises due today" */
  due_before?: Date;
}

/** Promises, soonest due first. */
export async function listPromises(db: Db, accountId: string, o: ListPromisesOptions) {
  const after = decodeCursor(o.cursor);
  const rows = await db.query<PromiseRow>(
    `SELECT ${PROMISE_COLUMNS} FROM promises
     WHERE account_id = $1 AND ($2::text IS NULL OR state = $2) AND ($3::uuid IS NULL OR owner_id = $3)
       AND ($4::uuid IS NULL OR case_id = $4) AND ($5::timestamptz IS NULL OR due_at < $5)
       AND ($6::uuid IS NULL OR (due_at, id) > (SELECT due_at, id FROM promises WHERE account_id = $1 AND id = $6))
     ORDER BY due_at, id LIMIT $7`,
    [accountId, o.state ?? null, o.owner_id ?? null, o.case_id ?? null, o.due_before ?? null, after, o.limit + 1],
  );
  return page(rows, o.limit);
}

/** One promise with its history (from the audit log: made, reminded, breached, kept, renegotiated …). */
export async function getPromise(db: Db, accountId: string, id: string) {
  const p = await loadPromise(db, accountId, id);
  const history = await db.query<{ action: string; actor_type: string; actor_id: string | null; after: unknown; at: Date }>(
    `SELECT action, actor_type, actor_id, after, at FROM audit_log WHERE account_id = $1 AND entity_id = $2 ORDER BY id`,
    [accountId, id],
  );
  return { ...p, history };
}
