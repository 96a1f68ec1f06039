import type { Db } from '../../storage/db.ts';
import { type Role, ROLES } from '../../shared/actor.ts';

/**
 * Who must use two-factor sign-in: an agent whose role the account requires it of, or one an
 * admin required it of by name. Pure rule first, then the reads that feed it.
 */
export function mustUseTwoFactor(role: Role, requiredRoles: readonly Role[], requiredByName: boolean): boolean {
  return requiredByName || requiredRoles.includes(role);
}

/** Roles in their usual order, each once. */
export const orderedRoles = (roles: readonly Role[]): Role[] => ROLES.filter((r) => roles.includes(r));

export interface TwoFactorState {
  enabled: boolean;
  /** enrolment started, waiting for its first code */
  pending: boolean;
  required: boolean;
  recoveryCodesLeft: number;
}

/** One agent's two-factor state in one query (also what the session guard asks on each request). */
export async function twoFactorState(db: Db, accountId: string, agentId: string): Promise<TwoFactorState | null> {
  const [row] = await db.query<{ role: Role; two_factor_required: boolean; required_roles: Role[] | null; enabled_at: Date | null; has_row: boolean; codes_left: number }>(
    `SELECT a.role, a.two_factor_required, p.required_roles, t.enabled_at, t.agent_id IS NOT NULL AS has_row,
       (SELECT count(*)::int FROM agent_recovery_codes c WHERE c.account_id = a.account_id AND c.agent_id = a.id AND c.used_at IS NULL) AS codes_left
     FROM agents a
     LEFT JOIN two_factor_policies p ON p.account_id = a.account_id
     LEFT JOIN agent_two_factor t ON t.account_id = a.account_id AND t.agent_id = a.id
     WHERE a.account_id = $1 AND a.id = $2`,
    [accountId, agentId],
  );
  if (!row) return null;
  return {
    enabled: row.enabled_at !== null,
    pending: row.has_row && row.enabled_at === null,
    required: mustUseTwoFactor(row.role, row.required_roles ?? [], row.two_factor_required),
    recoveryCodesLeft: row.enabled_at ? row.codes_left : 0,
  };
}

/** A session of an agent who must enrol and has not: it may only enrol (and sign out). */
export async function mustEnrolFirst(db: Db, accountId: string, agentId: string): Promise<boolean> {
  const [row] = await db.query<{ must: boolean }>(
    `SELECT (a.two_factor_required OR a.role = ANY (coalesce(p.required_roles, '{}'::text[])))
        AND NOT EXISTS (SELECT 1 FROM agent_two_factor t WHERE t.account_id = a.account_id AND t.agent_id = a.id AND t.enabled_at IS NOT NULL) AS must
     FROM agents a LEFT JOIN two_factor_policies p ON p.account_id = a.account_id
     WHERE a.account_id = $1 AND a.id = $2`,
    [accountId, agentId],
  );
  return row?.must ?? false;
}

export async function requiredRoles(db: Db, accountId: string): Promise<Role[]> {
  const [row] = await db.query<{ required_roles: Role[] }>('SELECT required_roles FROM two_factor_policies WHERE account_id = $1', [accountId]);
  return orderedRoles(row?.required_roles ?? []);
}
