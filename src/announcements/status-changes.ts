import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../storage/db.ts';
import { publishLive } from '../live/publish.ts';

/** The live notice (on the live hub's channel) that says an account's public status page changed; `version` is its new version. */
export const STATUS_PAGE_CHANGED = 'status_page.changed';

type Hint = (accountId: string, version: number) => void;
const hints = new Set<Hint>();

export interface StatusChange { accountId: string; version: number }
const scope = new AsyncLocalStorage<StatusChange[]>();

/** Runs fn (an HTTP request's handling) so that the status page versions it raises can be read afterwards. */
export function collectStatusChanges<T>(fn: () => T): T {
  return scope.run([], fn);
}
/** The versions raised so far in the current collectStatusChanges scope (none outside one). */
export function collectedStatusChanges(): readonly StatusChange[] {
  return scope.getStore() ?? [];
}

/**
 * Hears, in this process, every version a transaction here raises, before it commits. The NOTIFY
 * that tells every process comes after the commit, a few ms later on PostgreSQL; the hint closes
 * that window in the process that made the change (the one that answers the POST), so a page read
 * right after the answer is never the old one. A hint of a transaction that rolls back is only a
 * reason to read the database again. Returns the unsubscribe function.
 */
export function onStatusPageHint(fn: Hint): () => void {
  hints.add(fn);
  return () => hints.delete(fn);
}

/**
 * Raised in the caller's transaction whenever something the status page shows changes: the page's
 * version goes up and a live notice goes out on commit (every server process drops its cached page).
 */
export async function bumpStatusVersion(tx: Db, accountId: string): Promise<number> {
  const [row] = await tx.query<{ status_version: number | string }>(
    `INSERT INTO announcement_settings (account_id, status_version) VALUES ($1, 1)
     ON CONFLICT (account_id) DO UPDATE SET status_version = announcement_settings.status_version + 1
     RETURNING status_version`,
    [accountId],
  );
  const version = Number(row.status_version);
  scope.getStore()?.push({ accountId, version });
  for (const fn of hints) {
    try {
      fn(accountId, version);
    } catch {
      // a cache's trouble is not the change's
    }
  }
  await publishLive(tx, { account_id: accountId, event: STATUS_PAGE_CHANGED, at: new Date().toISOString(), version });
  return version;
}
