import type { Db } from '../../storage/db.ts';
import { callbackOwner } from '../callback/callback-owner.ts';
import { onDuty } from '../callback/callback-rota.ts';
import { readRota } from '../callback/rota-store.ts';

/**
 * Who calls back after a missed call or a callback request by phone: the case's owner when it has one;
 * else, as callback booking chooses, an agent on the callback rota at `from` (the window's start, or
 * now) — or anyone on the rota when nobody is on duty then — or, without a rota, the available agent
 * with the fewest open callbacks; so a missed call never waits unowned.
 */
export async function phoneCallbackOwner(tx: Db, accountId: string, caseId: string, from: Date, timeZone: string): Promise<string | null> {
  const [c] = await tx.query<{ owner_id: string | null }>('SELECT owner_id FROM cases WHERE account_id = $1 AND id = $2', [accountId, caseId]);
  if (c?.owner_id) return c.owner_id;
  const rota = await readRota(tx, accountId);
  if (!rota) return callbackOwner(tx, accountId, { onDuty: null });
  const now = onDuty(rota, timeZone, from.getTime(), from.getTime() + 60_000);
  return callbackOwner(tx, accountId, { onDuty: now.length ? now : rota.map((a) => a.agentId) });
}
