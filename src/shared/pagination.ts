import { AppError } from './errors.ts';
import { isUuid } from './ids.ts';

/** Keyset cursor over (created_at, id), newest first. Opaque to clients. */
export interface Cursor {
  at: string;
  id: string;
}

export function encodeCursor(row: { created_at: Date | string; id: string }): string {
  const at = row.created_at instanceof Date ? row.created_at.toISOString() : row.created_at;
  return Buffer.from(JSON.stringify([at, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): Cursor | null {
  if (!cursor) return null;
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof at !== 'string' || typeof id !== 'string' || Number.isNaN(Date.parse(at))) throw new Error();
    // exactly what encodeCursor writes, so the database never sees a value it cannot cast
    if (new Date(at).toISOString() !== at || !isUuid(id)) throw new Error();
    return { at, id };
  } catch {
    throw new AppError('invalid_cursor', 'The cursor is not one this API returned', 400);
  }
}

/** Fetch limit+1 rows, return a page and the cursor of the next one. */
export function page<T extends { created_at: Date | string; id: string }>(rows: T[], limit: number) {
  const data = rows.slice(0, limit);
  const next = rows.length > limit ? encodeCursor(data[data.length - 1]) : null;
  return { data, next_cursor: next };
}
