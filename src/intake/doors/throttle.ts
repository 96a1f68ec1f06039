import { createHash } from 'node:crypto';
import type { Db } from '../../storage/db.ts';

export type DoorKind = 'form' | 'callback' | 'chat' | 'status_subscribe' | 'portal_sign_in' | 'portal_address';

/**
 * Counts a hit of one client address on one public door in the current hour, and says whether it
 * is still within `perHour`. Counted in the database, so several server processes share one limit.
 * The address is kept only as a hash keyed with the account's secret.
 */
export async function hitThrottle(
  db: Db,
  o: { accountId: string; door: DoorKind; ip: string; secret: string; perHour: number; now?: Date },
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const now = o.now ?? new Date();
  const client = createHash('sha256').update(`${o.secret}|${o.ip}`).digest('base64url').slice(0, 32);
  const windowStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const [row] = await db.query<{ hits: number }>(
    `WITH old AS (DELETE FROM intake_throttle WHERE account_id = $1 AND window_start < $4::timestamptz - interval '1 hour')
     INSERT INTO intake_throttle (account_id, door, client, window_start) VALUES ($1, $2, $3, $4)
     ON CONFLICT (account_id, door, client, window_start) DO UPDATE SET hits = intake_throttle.hits + 1
     RETURNING hits`,
    [o.accountId, o.door, client, windowStart],
  );
  const allowed = row.hits <= o.perHour;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((windowStart.getTime() + 3_600_000 - now.getTime()) / 1000) };
}
