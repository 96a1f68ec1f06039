import type { Db } from '../storage/db.ts';
import { type Actor, type Role, hasRole } from '../shared/actor.ts';
import { requirePermission } from './permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, forbidden, isUniqueViolation, notFound } from '../shared/errors.ts';
import { hashPassword } from './passwords.ts';

export interface CreateAgentOptions {
  email: string;
  name: string;
  role: Role;
  teamId?: string | null;
  password?: string;
}

export interface AgentRow {
  id: string;
  account_id: string;
  email: string;
  name: string;
  role: Role;
  team_id: string | null;
  active: boolean;
  /** a custom role adding permissions to the built-in role (src/accounts/roles/) */
  custom_role_id: string | null;
  created_at: Date;
}

export const AGENT_COLUMNS = 'id, account_id, email, name, role, team_id, active, custom_role_id, created_at';

export async function createAgent(db: Db, actor: Actor, opts: CreateAgentOptions): Promise<AgentRow> {
  requirePermission(actor, 'agents.manage', 'Adding agents');
  // agents.manage given by a custom role does not reach above the holder's own built-in role
  if (actor.type !== 'system' && !hasRole(actor, opts.role)) throw forbidden(`You cannot add an agent with a role above your own (${actor.role})`);
  const passwordHash = opts.password ? await hashPassword(opts.password) : null;
  return db.transaction(async (tx) => {
    if (opts.teamId) {
      const team = await tx.query('SELECT 1 FROM teams WHERE account_id = $1 AND id = $2', [actor.accountId, opts.teamId]);
      if (!team.length) throw notFound('team', opts.teamId);
    }
    let agent: AgentRow;
    try {
      [agent] = await tx.query<AgentRow>(
        `INSERT INTO agents (account_id, email, name, role, team_id, password_hash)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${AGENT_COLUMNS}`,
        [actor.accountId, opts.email.trim().toLowerCase(), opts.name.trim(), opts.role, opts.teamId ?? null, passwordHash],
      );
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict('agent_exists', `An agent with e-mail ${opts.email} already exists in this account`);
      throw err;
    }
    await recordAudit(tx, actor, {
      action: 'agent.created',
      entityType: 'agent',
      entityId: agent.id,
      after: { email: agent.email, name: agent.name, role: agent.role, team_id: agent.team_id },
    });
    return agent;
  });
}
