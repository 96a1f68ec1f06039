import type { Db } from '../../storage/db.ts';

/**
 * Who makes a callback in a slot: with a rota, one of the agents on duty then (`onDuty`), the one with
 * the fewest callbacks in that slot, then the fewest open promises; without one, any active agent,
 * those marked available first. `keep` (moving a booking) stays the owner when they may take it.
 */
export async function callbackOwner(tx: Db, accountId: string, slotEnd: Date, onDuty: string[] | null, keep?: string): Promise<string> {
  if (keep && (!onDuty || onDuty.includes(keep))) return keep;
  const [owner] = await tx.query<{ id: string }>(
    `SELECT a.id FROM agents a WHERE a.account_id = $1 AND a.active AND ($3::uuid[] IS NULL OR a.id = ANY($3::uuid[]))
     ORDER BY CASE WHEN $3::uuid[] IS NULL THEN a.available ELSE true END DESC,
       (SELECT count(*) FROM promises p WHERE p.account_id = a.account_id AND p.owner_id = a.id AND p.state = 'open' AND p.kind = 'callback' AND p.due_at = $2),
       (SELECT count(*) FROM promises p WHERE p.account_id = a.account_id AND p.owner_id = a.id AND p.state = 'open'), a.id
     LIMIT 1`,
    [accountId, slotEnd, onDuty],
  );
  return owner.id;
}
