import type { Db } from '../storage/db.ts';
import { type Actor, type Role, hasRole } from '../shared/actor.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { forbidden, notFound } from '../shared/errors.ts';
import { AGENT_COLUMNS, type AgentRow } from './create-agent.ts';
import { hashPassword } from './passwords.ts';

export interface UpdateAgentOptions {
  name?: string;
  role?: Role;
  teamId?: string | null;
  active?: boolean;
  password?: string;
}

export async function updateAgent(db: Db, actor: Actor, agentId: string, opts: UpdateAgentOptions): Promise<AgentRow> {
  const self = actor.agentId === agentId;
  const onlyOwnPasswordOrName = opts.role === undefined && opts.active === undefined && opts.teamId === undefined;
  if (!hasRole(actor, 'admin') && !(self && onlyOwnPasswordOrName)) {
    throw forbidden('Only an admin can change other agents, roles, teams or access');
  }
  const passwordHash = opts.password ? await hashPassword(opts.password) : undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.query<AgentRow>(
      `SELECT ${AGENT_COLUMNS} FROM agents WHERE account_id = $1 AND id = $2 FOR UPDATE`,
      [actor.accountId, agentId],
    );
    if (!before) throw notFound('agent', agentId);
    if (opts.teamId) {
      const t = await tx.query('SELECT 1 FROM teams WHERE account_id = $1 AND id = $2', [actor.accountId, opts.teamId]);
      if (!t.length) throw notFound('team', opts.teamId);
    }
    const [after] = await tx.query<AgentRow>(
      `UPDATE agents SET name = coalesce($3, name), role = coalesce($4, role),
         team_id = CASE WHEN $5::boolean THEN $6::uuid ELSE team_id END,
         active = coalesce($7, active), password_hash = coalesce($8, password_hash)
       WHERE account_id = $1 AND id = $2 RETURNING ${AGENT_COLUMNS}`,
      [actor.accountId, agentId, opts.name ?? null, opts.role ?? null, opts.teamId !== undefined, opts.teamId ?? null,
        opts.active ?? null, passwordHash ?? null],
    );
    const d = diff(before as unknown as Record<string, unknown>, { name: after.name, role: after.role, team_id: after.team_id, active: after.active });
    if (d.changed || passwordHash) {
      await recordAudit(tx, actor, {
        action: 'agent.updated',
        entityType: 'agent',
        entityId: agentId,
        before: d.before,
        after: passwordHash ? { ...d.after, password: '(changed)' } : d.after,
      });
    }
    if (opts.active === false || passwordHash) {
      // a deactivated agent or a new password ends every open session
      await tx.query('UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND agent_id = $2 AND revoked_at IS NULL', [
        actor.accountId,
        agentId,
      ]);
    }
    return after;
  });
}

export const listAgents = (db: Db, actor: { accountId: string }) =>
  db.query<AgentRow>(`SELECT ${AGENT_COLUMNS} FROM agents WHERE account_id = $1 ORDER BY name, id`, [actor.accountId]);
