import type { Db } from '../storage/db.ts';
import { type Actor, type Role, hasRole } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { forbidden, invalid, notFound } from '../shared/errors.ts';
import { requirePermission } from './permissions.ts';
import { formatSecret, hashSecret, newSecret } from './secrets.ts';

export interface CreateApiTokenOptions {
  name: string;
  role: Role;
  /**
   * The agent the token is issued to: it then acts as that agent (their notifications, their cases)
   * and never with more than that agent's role. Without one the token is a service identity.
   */
  agentId?: string | null;
}

export interface ApiTokenRow {
  id: string;
  name: string;
  role: Role;
  agent_id: string | null;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export const API_TOKEN_COLUMNS = 'id, name, role, agent_id, created_by, created_at, last_used_at, revoked_at';

/**
 * Returns the token once; only its hash is kept. A token never has more rights than its creator,
 * and never more than the agent it is issued to. Only an admin creates tokens (any agent for
 * themselves would be a way around two-factor sign-in later on).
 */
export async function createApiToken(db: Db, actor: Actor, opts: CreateApiTokenOptions) {
  requirePermission(actor, 'api_tokens.manage', 'Creating API tokens');
  if (actor.type !== 'system' && !hasRole(actor, opts.role)) throw forbidden('A token cannot have more rights than its creator');
  const secret = newSecret();
  return db.transaction(async (tx) => {
    if (opts.agentId) {
      const [agent] = await tx.query<{ role: Role; active: boolean }>('SELECT role, active FROM agents WHERE account_id = $1 AND id = $2', [
        actor.accountId,
        opts.agentId,
      ]);
      if (!agent) throw notFound('agent', opts.agentId);
      if (!agent.active) throw invalid('agent_inactive', 'The agent is deactivated: a token cannot be issued to them');
      if (!hasRole({ ...actor, role: agent.role }, opts.role)) {
        throw invalid('role_above_agent', `The agent's role is ${agent.role}: a token issued to them cannot have the role ${opts.role}`);
      }
    }
    const [row] = await tx.query<ApiTokenRow>(
      `INSERT INTO api_tokens (account_id, name, role, secret_hash, created_by, agent_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${API_TOKEN_COLUMNS}`,
      [actor.accountId, opts.name.trim(), opts.role, hashSecret(secret), actor.agentId, opts.agentId ?? null],
    );
    await recordAudit(tx, actor, {
      action: 'api_token.created',
      entityType: 'api_token',
      entityId: row.id,
      after: { name: row.name, role: row.role, agent_id: row.agent_id, created_by: row.created_by },
    });
    return { apiToken: row, token: formatSecret('lst', actor.accountId, row.id, secret) };
  });
}
