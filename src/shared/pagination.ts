import { AppError } from './errors.ts';
import { isUuid } from './ids.ts';

/**
 * Keyset cursor over (created_at, id), newest first. The cursor names the last row of a page;
 * the next query compares against that row's stored (created_at, id), so the database's
 * microsecond timestamps are used as they are and no row is skipped. Opaque to clients.
 */
export function encodeCursor(row: { id: string }): string {
  return Buffer.from(`c1:${row.id}`).toString('base64url');
}

/** The id of the row after which the next page starts, or null for the first page. */
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = text.startsWith('c1:') ? text.slice(3) : '';
  if (!isUuid(id)) throw new AppError('invalid_cursor', 'The cursor is not one this API returned', 400);
  return id;
}

/** Fetch limit+1 rows, return a page and the cursor of the next one. */
export function page<T extends { id: string }>(rows: T[], limit: number) {
  const data = rows.slice(0, limit);
  const next = rows.length > limit ? encodeCursor(data[data.length - 1]) : null;
  return { data, next_cursor: next };
}
