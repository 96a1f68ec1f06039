export type Role = 'agent' | 'supervisor' | 'admin';
export const ROLES: readonly Role[] = ['agent', 'supervisor', 'admin'];

/** Who acts. Passed into every use case that changes something; never global. */
export interface Actor {
  accountId: string;
  type: 'agent' | 'token' | 'system' | 'customer';
  id: string | null;
  role: Role;
  /** the agent behind the action, when there is one (a session, or a token created by an agent) */
  agentId: string | null;
  /**
   * Permission names a custom role grants on top of the built-in role (sessions only; read with the
   * session on every request, so a change to the role counts from the next request). Never cached.
   */
  grants?: readonly string[];
  requestId?: string;
}

export const systemActor = (accountId: string): Actor => ({
  accountId,
  type: 'system',
  id: null,
  role: 'admin',
  agentId: null,
});

const RANK: Record<Role, number> = { agent: 1, supervisor: 2, admin: 3 };
export const hasRole = (actor: Actor, needed: Role) => RANK[actor.role] >= RANK[needed];
export const lowerRole = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);
