import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { requirePermission } from './permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { notFound } from '../shared/errors.ts';
import { API_TOKEN_COLUMNS, type ApiTokenRow } from './create-api-token.ts';

export async function revokeApiToken(db: Db, actor: Actor, tokenId: string): Promise<ApiTokenRow> {
  requirePermission(actor, 'api_tokens.manage', 'Revoking API tokens');
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ApiTokenRow>(
      `UPDATE api_tokens SET revoked_at = coalesce(revoked_at, now())
       WHERE account_id = $1 AND id = $2 RETURNING ${API_TOKEN_COLUMNS}`,
      [actor.accountId, tokenId],
    );
    if (!row) throw notFound('api_token', tokenId);
    await recordAudit(tx, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: row.id });
    return row;
  });
}

export async function listApiTokens(db: Db, actor: Actor): Promise<ApiTokenRow[]> {
  requirePermission(actor, 'api_tokens.manage', 'Listing API tokens');
  return db.query<ApiTokenRow>(
    `SELECT ${API_TOKEN_COLUMNS} FROM api_tokens
     WHERE account_id = $1 ORDER BY created_at DESC`,
    [actor.accountId],
  );
}
