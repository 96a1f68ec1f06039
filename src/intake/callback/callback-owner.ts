import type { Db } from '../../storage/db.ts';

/**
 * Who makes a callback. With a rota, one of the agents on duty (`onDuty`); without one, any active
 * agent, those marked available first. Among them the one with the fewest callbacks in that slot
 * (`slotEnd`; without a slot, the fewest open callbacks), then the fewest open promises. `keep` (a
 * moved booking's owner) stays when they may take it. Null only when the account has no active agent.
 */
export async function callbackOwner(tx: Db, accountId: string, o: { onDuty: string[] | null; slotEnd?: Date | null; keep?: string | null }): Promise<string | null> {
  if (o.keep && (!o.onDuty || o.onDuty.includes(o.keep))) return o.keep;
  const [owner] = await tx.query<{ id: string }>(
    `SELECT a.id FROM agents a WHERE a.account_id = $1 AND a.active AND ($3::uuid[] IS NULL OR a.id = ANY($3::uuid[]))
     ORDER BY CASE WHEN $3::uuid[] IS NULL THEN a.available ELSE true END DESC,
       (SELECT count(*) FROM promises p WHERE p.account_id = a.account_id AND p.owner_id = a.id AND p.state = 'open' AND p.kind = 'callback'
          AND ($2::timestamptz IS NULL OR p.due_at = $2::timestamptz)),
       (SELECT count(*) FROM promises p WHERE p.account_id = a.account_id AND p.owner_id = a.id AND p.state = 'open'), a.id
     LIMIT 1`,
    [accountId, o.slotEnd ?? null, o.onDuty],
  );
  return owner?.id ?? null;
}
