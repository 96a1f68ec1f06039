import type { Role } from '../../shared/actor.ts';

/**
 * Pure decisions of single sign-on, kept apart from the protocol and the database so they are
 * tested on their own.
 */

/** An identity provider is reached over HTTPS; plain HTTP only on this machine (a provider under test). */
export function discoveryUrlProblem(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return `"${raw.slice(0, 100)}" is not a URL`;
  }
  if (u.username || u.password) return 'the discovery URL must not carry a user name or password';
  if (u.hash) return 'the discovery URL must not have a #fragment';
  const loopback = u.hostname === 'localhost' || u.hostname === '127.0.0.1' || u.hostname === '[::1]';
  if (u.protocol === 'https:') return null;
  if (u.protocol === 'http:' && loopback) return null;
  return 'the discovery URL must use https:// (plain http only for localhost)';
}

export interface IdentityClaims {
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
}

export type AgentMatch =
  | { kind: 'sign_in'; agentId: string }
  | { kind: 'create'; email: string; name: string; role: Role }
  | { kind: 'refuse'; code: string; message: string };

/**
 * Who signs in: the agent of this account with the provider's verified e-mail address; nobody else.
 * An unknown address creates an agent only when the account asks for it (auto-create role).
 */
export function matchAgent(
  claims: IdentityClaims,
  agent: { id: string; active: boolean } | null,
  autoCreateRole: Role | null,
): AgentMatch {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email || !/^[^\s@]+@[^\s@]+$/.test(email) || email.length > 320) {
    return { kind: 'refuse', code: 'sso_no_email', message: 'The identity provider did not give an e-mail address (ask for the "email" scope).' };
  }
  if (claims.email_verified !== true) {
    return { kind: 'refuse', code: 'sso_email_unverified', message: `The identity provider does not vouch for ${email} (email_verified is not true).` };
  }
  if (agent) {
    if (!agent.active) return { kind: 'refuse', code: 'sso_agent_inactive', message: `The agent ${email} is switched off in this account.` };
    return { kind: 'sign_in', agentId: agent.id };
  }
  if (!autoCreateRole) {
    return { kind: 'refuse', code: 'sso_unknown_agent', message: `${email} is not an agent of this account; an admin adds agents first.` };
  }
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;
  return { kind: 'create', email, name, role: autoCreateRole };
}
