import type { Db } from '../../storage/db.ts';
import { businessMinutesBetween } from '../../promises/due-time.ts';
import { getServiceSettings } from '../../promises/settings.ts';

export type Availability = { available: true } | { available: false; reason: 'closed' | 'nobody_available' };

/**
 * Whether a person can answer now: the desk is open (business hours, Dutch holidays, closures) and
 * at least one active agent has marked themselves available (routing's availability). When not, the
 * doors say so honestly and offer a callback slot or a message instead of a queue.
 */
export async function availability(db: Db, accountId: string, now = new Date()): Promise<Availability> {
  const { calendar } = await getServiceSettings(db, accountId);
  if (businessMinutesBetween(now, new Date(now.getTime() + 60_000), calendar) <= 0) return { available: false, reason: 'closed' };
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agents WHERE account_id = $1 AND active AND available', [accountId]);
  return row.n > 0 ? { available: true } : { available: false, reason: 'nobody_available' };
}
