import type { Db } from '../../storage/db.ts';
import type { Actor, Role } from '../../shared/actor.ts';
import { notFound } from '../../shared/errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { requirePermission } from '../permissions.ts';
import { removeTwoFactor } from './enrol.ts';
import { mustUseTwoFactor, orderedRoles, requiredRoles } from './policy.ts';

/**
 * What an admin decides about two-factor sign-in: which roles must use it (all three: the whole
 * account), which agents must by name, and a reset for an agent who lost their phone (they sign in
 * with their password again, and enrol again when they must). Every change is audited.
 */
export interface AgentTwoFactor {
  agent_id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  enabled: boolean;
  required: boolean;
  required_by_name: boolean;
}

export interface TwoFactorOverview {
  required_roles: Role[];
  agents: AgentTwoFactor[];
}

export async function twoFactorOverview(db: Db, actor: Actor): Promise<TwoFactorOverview> {
  requirePermission(actor, 'agents.manage', 'Seeing who uses two-factor sign-in');
  const roles = await requiredRoles(db, actor.accountId);
  const rows = await db.query<{ id: string; name: string; email: string; role: Role; active: boolean; enabled: boolean; two_factor_required: boolean }>(
    `SELECT a.id, a.name, a.email, a.role, a.active, a.two_factor_required,
       EXISTS (SELECT 1 FROM agent_two_factor t WHERE t.account_id = a.account_id AND t.agent_id = a.id AND t.enabled_at IS NOT NULL) AS enabled
     FROM agents a WHERE a.account_id = $1 ORDER BY a.active DESC, lower(a.name), a.id`,
    [actor.accountId],
  );
  return {
    required_roles: roles,
    agents: rows.map((r) => ({
      agent_id: r.id, name: r.name, email: r.email, role: r.role, active: r.active, enabled: r.enabled,
      required: mustUseTwoFactor(r.role, roles, r.two_factor_required), required_by_name: r.two_factor_required,
    })),
  };
}

export async function setRequiredRoles(db: Db, actor: Actor, roles: Role[]): Promise<Role[]> {
  requirePermission(actor, 'agents.manage', 'Requiring two-factor sign-in');
  const next = orderedRoles(roles);
  return db.transaction(async (tx) => {
    const before = await requiredRoles(tx, actor.accountId);
    await tx.query(
      `INSERT INTO two_factor_policies (account_id, required_roles) VALUES ($1, $2)
       ON CONFLICT (account_id) DO UPDATE SET required_roles = excluded.required_roles, updated_at = now()`,
      [actor.accountId, next],
    );
    if (before.join() !== next.join()) {
      await recordAudit(tx, actor, { action: 'two_factor.policy_changed', entityType: 'account', entityId: actor.accountId, before: { required_roles: before }, after: { required_roles: next } });
    }
    return next;
  });
}

export async function requireForAgent(db: Db, actor: Actor, agentId: string, required: boolean): Promise<void> {
  requirePermission(actor, 'agents.manage', 'Requiring two-factor sign-in of an agent');
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ before: boolean }>(
      `UPDATE agents a SET two_factor_required = $3 FROM agents b
       WHERE a.account_id = $1 AND a.id = $2 AND b.account_id = a.account_id AND b.id = a.id RETURNING b.two_factor_required AS before`,
      [actor.accountId, agentId, required],
    );
    if (!row) throw notFound('agent', agentId);
    if (row.before !== required) {
      await recordAudit(tx, actor, { action: 'two_factor.required_changed', entityType: 'agent', entityId: agentId, before: { required: row.before }, after: { required } });
    }
  });
}

/** Removes an agent's authenticator and recovery codes and ends their sessions. Returns whether they had one. */
export async function resetTwoFactor(db: Db, actor: Actor, agentId: string): Promise<{ had_two_factor: boolean }> {
  requirePermission(actor, 'agents.manage', "Resetting an agent's two-factor sign-in");
  return db.transaction(async (tx) => {
    const [agent] = await tx.query('SELECT id FROM agents WHERE account_id = $1 AND id = $2 FOR UPDATE', [actor.accountId, agentId]);
    if (!agent) throw notFound('agent', agentId);
    const had = await removeTwoFactor(tx, actor.accountId, agentId);
    await tx.query('UPDATE login_challenges SET used_at = now() WHERE account_id = $1 AND agent_id = $2 AND used_at IS NULL', [actor.accountId, agentId]);
    await tx.query('UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND agent_id = $2 AND revoked_at IS NULL', [actor.accountId, agentId]);
    await recordAudit(tx, actor, { action: 'two_factor.reset', entityType: 'agent', entityId: agentId, before: { enabled: had }, after: { enabled: false } });
    return { had_two_factor: had };
  });
}
