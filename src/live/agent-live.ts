import type { Db } from '../storage/db.ts';

/**
 * An agent counts as present for "talk to a person" while their live workspace stream marked them
 * within this many seconds: the stream marks on opening and with each ping (every 25 s), so one
 * missed ping is forgiven and a closed browser stops counting within a minute. Several tabs or
 * server processes need no coordination: each marks the same column.
 */
export const LIVE_SEEN_SECONDS = 60;

/** SQL: whether agent row `a` is present now (parameter $n is LIVE_SEEN_SECONDS). */
export const liveSql = (alias: string, param: string) => `coalesce(${alias}.live_seen_at > now() - make_interval(secs => ${param}), false)`;

/** The agent's live stream is open: they are there now. */
export async function markAgentLive(db: Db, accountId: string, agentId: string): Promise<void> {
  await db.query('UPDATE agents SET live_seen_at = now() WHERE account_id = $1 AND id = $2 AND active', [accountId, agentId]);
}
