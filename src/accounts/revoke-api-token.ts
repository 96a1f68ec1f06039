import type { Db } from '../storage/db.ts';
import { type Actor, hasRole } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { forbidden, notFound } from '../shared/errors.ts';
import type { ApiTokenRow } from './create-api-token.ts';

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<ApiTokenRow> {
  if (!hasRole(actor, 'admin')) throw forbidden('Only an admin can revoke API tokens');
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ApiTokenRow>(
      `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
       WHERE account_id = $1 AND id = $2 RETURNING id, name, role, created_at, last_used_at, revoked_at`,
      [actor.accountId, tokenId],
    );
    if (!row) throw notFound('api_token', tokenId);
    await recordAudit(tx, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: row.id });
    return row;
  });
}

export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenRow[]> {
  if (!hasRole(actor, 'admin')) throw forbidden('Only an admin can list API tokens');
  return db.query<ApiTokenRow>(
    `SELECT id, name, role, created_at, last_used_at, revoked_at FROM api_tokens
     WHERE account_id = $1 ORDER BY created_at DESC`,
    [actor.accountId],
  );
}
