import type { Db } from '../storage/db.ts';
import { LIVE_CHANNEL, type LiveNotice } from './notice.ts';

/**
 * Tells every server process about a change. Inside a transaction the notice goes out only if,
 * and when, it commits (PostgreSQL's NOTIFY semantics, on PGlite as on a server).
 */
export async function publishLive(db: Db, notice: LiveNotice): Promise<void> {
  await db.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify(notice)]);
}
