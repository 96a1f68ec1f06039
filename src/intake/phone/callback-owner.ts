import type { Db } from '../../storage/db.ts';

/**
 * Who calls back: the case's owner when it has one, else the active agent who is available and has
 * the fewest open callbacks (as callback booking chooses), so a missed call never waits unowned.
 */
export async function callbackOwner(tx: Db, accountId: string, caseId: string): Promise<string | null> {
  const [row] = await tx.query<{ id: string }>(
    `SELECT coalesce(
       (SELECT owner_id FROM cases WHERE account_id = $1 AND id = $2),
       (SELECT a.id FROM agents a WHERE a.account_id = $1 AND a.active
        ORDER BY a.available DESC,
          (SELECT count(*) FROM promises p WHERE p.account_id = a.account_id AND p.owner_id = a.id AND p.state = 'open' AND p.kind = 'callback'), a.id
        LIMIT 1)) AS id`,
    [accountId, caseId],
  );
  return row?.id ?? null;
}
