import type { Db } from '../storage/db.ts';
import { type Actor, type Role, hasRole } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { forbidden } from '../shared/errors.ts';
import { formatSecret, hashSecret, newSecret } from './secrets.ts';

export interface CreateApiTokenOptions {
  name: string;
  role: Role;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** Returns the token once; only its hash is kept. A token never has more rights than its creator. */
export async function createApiToken(db: Db, actor: Actor, opts: CreateApiTokenOptions) {
  if (actor.type !== 'system' && !hasRole(actor, 'admin')) throw forbidden('Only an admin can create API tokens');
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ApiTokenRow>(
      `INSERT INTO api_tokens (account_id, name, role, secret_hash, created_by)
       VALUES ($1, $2, $3, $4, $5) RETURNING id, name, role, created_at, last_used_at, revoked_at`,
      [actor.accountId, opts.name.trim(), opts.role, hashSecret(secret), actor.agentId],
    );
    await recordAudit(tx, actor, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, role: row.role },
    });
    return { apiToken: row, token: formatSecret('lst', actor.accountId, row.id, secret) };
  });
}
