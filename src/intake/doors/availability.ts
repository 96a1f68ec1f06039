import type { Db } from '../../storage/db.ts';
import { businessMinutesBetween } from '../../promises/due-time.ts';
import { getServiceSettings } from '../../promises/settings.ts';
import { LIVE_SEEN_SECONDS, liveSql } from '../../live/agent-live.ts';

export type Availability = { available: true } | { available: false; reason: 'closed' | 'nobody_available' };

/**
 * Whether a person can answer now: the desk is open (business hours, Dutch holidays, closures) and
 * at least one active agent has marked themselves available (routing's availability) AND is here:
 * their live workspace stream is open (src/live/agent-live.ts). An agent who closed the browser with
 * the switch on no longer counts after a minute. When not, the
 * doors say so honestly and offer a callback slot or a message instead of a queue.
 */
export async function availability(db: Db, accountId: string, now = new Date()): Promise<Availability> {
  const { calendar } = await getServiceSettings(db, accountId);
  if (businessMinutesBetween(now, new Date(now.getTime() + 60_000), calendar) <= 0) return { available: false, reason: 'closed' };
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM agents a WHERE a.account_id = $1 AND a.active AND a.available AND ${liveSql('a', '$2')}`, [accountId, LIVE_SEEN_SECONDS]);
  return row.n > 0 ? { available: true } : { available: false, reason: 'nobody_available' };
}
