import type { Db } from '../storage/db.ts';
import { type Actor, type Role, hasRole } from '../shared/actor.ts';
import { can } from './permissions.ts';
import { diff, recordAudit } from '../shared/audit.ts';
import { AppError, forbidden, invalid, notFound } from '../shared/errors.ts';
import { AGENT_COLUMNS, type AgentRow } from './create-agent.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface UpdateAgentOptions {
  name?: string;
  role?: Role;
  teamId?: string | null;
  active?: boolean;
  password?: string;
  /** needed to change one's own password: who holds only a stolen session or token cannot */
  currentPassword?: string;
}

export async function updateAgent(db: Db, actor: Actor, agentId: string, opts: UpdateAgentOptions): Promise<AgentRow> {
  const self = actor.agentId === agentId;
  const onlyOwnPasswordOrName = opts.role === undefined && opts.active === undefined && opts.teamId === undefined;
  if (!can(actor, 'agents.manage') && !(self && onlyOwnPasswordOrName)) {
    throw forbidden('Only an admin can change other agents, roles, teams or access');
  }
  // agents.manage given by a custom role does not reach above the holder's own built-in role
  if (opts.role !== undefined && actor.type !== 'system' && !hasRole(actor, opts.role)) throw forbidden(`You cannot give a role above your own (${actor.role})`);
  const passwordHash = opts.password ? await hashPassword(opts.password) : undefined;
  return db.transaction(async (tx) => {
    const [before] = await tx.query<AgentRow & { password_hash: string | null }>(
      `SELECT ${AGENT_COLUMNS}, password_hash FROM agents WHERE account_id = $1 AND id = $2 FOR UPDATE`,
      [actor.accountId, agentId],
    );
    if (!before) throw notFound('agent', agentId);
    if (passwordHash && self) {
      // one's own password: prove it first (an admin resetting someone else's does not need theirs)
      const ok = before.password_hash && opts.currentPassword !== undefined && (await verifyPassword(before.password_hash, opts.currentPassword));
      if (before.password_hash && !ok) throw new AppError('current_password_wrong', 'Give your current password (current_password) to change it', 403);
    }
    if (self && opts.active === false) throw invalid('cannot_deactivate_self', 'You cannot deactivate yourself: ask another admin');
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
    const demoted = opts.role !== undefined && opts.role !== before.role;
    if (opts.active === false || demoted) {
      // a deactivated agent's tokens stop: issued to them, or made by them (they know the secret);
      // a demoted agent keeps only the tokens they made that do not exceed their new role
      const revoked = await tx.query<{ id: string }>(
        `UPDATE api_tokens SET revoked_at = now()
         WHERE account_id = $1 AND revoked_at IS NULL AND (agent_id = $2 OR created_by = $2)
           AND ($3::boolean OR array_position(ARRAY['agent','supervisor','admin'], role) > array_position(ARRAY['agent','supervisor','admin'], $4::text))
         RETURNING id`,
        [actor.accountId, agentId, opts.active === false, after.role],
      );
      for (const t of revoked) {
        await recordAudit(tx, actor, { action: 'api_token.revoked', entityType: 'api_token', entityId: t.id, after: { reason: opts.active === false ? 'agent deactivated' : 'agent demoted' } });
      }
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
