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

export interface ThrottleHit {
  accountId: string;
  door: DoorKind;
  ip: string;
  secret: string;
  perHour: number;
  now?: Date;
}

/**
 * hitThrottle for many hits in one statement (the chat's messages that arrive together, see
 * batchedThrottle): hits of one client address are counted together, and the k-th of them is
 * allowed when the count before it plus k is within its limit, as if they had come one by one.
 */
export async function hitThrottles(db: Db, hits: ThrottleHit[]): Promise<{ allowed: boolean; retryAfterSeconds: number }[]> {
  if (!hits.length) return [];
  const keyed = hits.map((h) => {
    const now = h.now ?? new Date();
    const client = createHash('sha256').update(`${h.secret}|${h.ip}`).digest('base64url').slice(0, 32);
    const windowStart = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
    return { h, now, client, windowStart, key: `${h.accountId}|${h.door}|${client}|${windowStart.toISOString()}` };
  });
  const groups = new Map<string, { account_id: string; door: string; client: string; window_start: string; n: number }>();
  for (const k of keyed) {
    const g = groups.get(k.key);
    if (g) g.n++;
    else groups.set(k.key, { account_id: k.h.accountId, door: k.h.door, client: k.client, window_start: k.windowStart.toISOString(), n: 1 });
  }
  // one order for every batch: two batches upserting the same rows never wait on each other crosswise
  const rows = [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, g]) => g);
  const counted = await db.query<{ account_id: string; door: string; client: string; window_start: Date; hits: number }>(
    `WITH h AS (SELECT * FROM json_to_recordset($1::json) AS h(account_id uuid, door text, client text, window_start timestamptz, n int)),
     old AS (DELETE FROM intake_throttle t USING (SELECT DISTINCT account_id, window_start FROM h) x
       WHERE t.account_id = x.account_id AND t.window_start < x.window_start - interval '1 hour')
     INSERT INTO intake_throttle (account_id, door, client, window_start, hits) SELECT account_id, door, client, window_start, n FROM h
     ON CONFLICT (account_id, door, client, window_start) DO UPDATE SET hits = intake_throttle.hits + EXCLUDED.hits
     RETURNING account_id, door, client, window_start, hits`,
    [JSON.stringify(rows)],
  );
  const after = new Map(counted.map((r) => [`${r.account_id}|${r.door}|${r.client}|${new Date(r.window_start).toISOString()}`, r.hits]));
  const seen = new Map<string, number>();
  return keyed.map((k) => {
    const g = groups.get(k.key)!;
    const nth = (seen.get(k.key) ?? 0) + 1;
    seen.set(k.key, nth);
    const hitsSoFar = (after.get(k.key) ?? g.n) - g.n + nth;
    const allowed = hitsSoFar <= k.h.perHour;
    return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((k.windowStart.getTime() + 3_600_000 - k.now.getTime()) / 1000) };
  });
}
