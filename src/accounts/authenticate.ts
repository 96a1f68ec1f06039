import type { Db } from '../storage/db.ts';
import { type Actor, type Role, lowerRole } from '../shared/actor.ts';
import { parseSecret, secretMatches } from './secrets.ts';

/**
 * Resolves a bearer token to its actor, or null. A token issued to an agent acts as that agent, with
 * the lower of the token's role and the agent's role today; a token without an agent is a service
 * identity (agentId null), nobody's "me". Revoked tokens fail, and so do tokens whose agent or whose
 * creator was deactivated (deactivation also revokes them; this holds if an agent is switched off in SQL).
 * A token never carries its agent's custom role: its rights are fixed by its role when it was made, and a
 * custom role changes without the token's holder knowing (custom roles are for people who sign in).
 */
export async function authenticateToken(db: Db, token: string): Promise<Actor | null> {
  const parsed = parseSecret('lst', token);
  if (!parsed) return null;
  const [row] = await db.query<{ id: string; role: Role; agent_id: string | null; agent_role: Role | null; secret_hash: string; last_used_at: Date | null }>(
    `SELECT t.id, t.role, t.agent_id, a.role AS agent_role, t.secret_hash, t.last_used_at FROM api_tokens t
     LEFT JOIN agents a ON a.account_id = t.account_id AND a.id = t.agent_id
     LEFT JOIN agents c ON c.account_id = t.account_id AND c.id = t.created_by
     WHERE t.account_id = $1 AND t.id = $2 AND t.revoked_at IS NULL
       AND (t.agent_id IS NULL OR a.active) AND (t.created_by IS NULL OR c.active)`,
    [parsed.accountId, parsed.id],
  );
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
  // last_used_at at minute resolution: one write a minute per token, not one per request
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.query('UPDATE api_tokens SET last_used_at = now() WHERE account_id = $1 AND id = $2', [parsed.accountId, row.id]);
  }
  const role = row.agent_role ? lowerRole(row.role, row.agent_role) : row.role;
  return { accountId: parsed.accountId, type: 'token', id: row.id, role, agentId: row.agent_id };
}

/** Resolves a session cookie to its agent, or null when expired, revoked or deactivated. */
export async function authenticateSession(db: Db, cookie: string): Promise<Actor | null> {
  const parsed = parseSecret('lss', cookie);
  if (!parsed) return null;
  // the custom role's grants are read here, with the session, on every request: a role changed, taken
  // away or deleted counts from the next request of every open session (nothing is cached)
  const [row] = await db.query<{ agent_id: string; role: Role; secret_hash: string; grants: string[] | null }>(
    `SELECT s.agent_id, a.role, s.secret_hash, r.permissions AS grants FROM sessions s
     JOIN agents a ON a.account_id = s.account_id AND a.id = s.agent_id
     LEFT JOIN custom_roles r ON r.account_id = a.account_id AND r.id = a.custom_role_id
     WHERE s.account_id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.active`,
    [parsed.accountId, parsed.id],
  );
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
  return { accountId: parsed.accountId, type: 'agent', id: row.agent_id, role: row.role, agentId: row.agent_id, grants: row.grants ?? [] };
}
