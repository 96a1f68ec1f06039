import type { Db } from '../storage/db.ts';
import type { Actor, Role } from '../shared/actor.ts';
import { parseSecret, secretMatches } from './secrets.ts';

/** Resolves a bearer token to its actor, or null. Revoked tokens and inactive creators fail. */
export async function authenticateToken(db: Db, token: string): Promise<Actor | null> {
  const parsed = parseSecret('lst', token);
  if (!parsed) return null;
  const [row] = await db.query<{ id: string; role: Role; secret_hash: string; created_by: string | null; last_used_at: Date | null }>(
    `SELECT id, role, secret_hash, created_by, last_used_at FROM api_tokens
     WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL`,
    [parsed.accountId, parsed.id],
  );
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
  // last_used_at at minute resolution: one write a minute per token, not one per request
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > 60_000) {
    await db.query('UPDATE api_tokens SET last_used_at = now() WHERE account_id = $1 AND id = $2', [parsed.accountId, row.id]);
  }
  return { accountId: parsed.accountId, type: 'token', id: row.id, role: row.role, agentId: row.created_by };
}

/** Resolves a session cookie to its agent, or null when expired, revoked or deactivated. */
export async function authenticateSession(db: Db, cookie: string): Promise<Actor | null> {
  const parsed = parseSecret('lss', cookie);
  if (!parsed) return null;
  const [row] = await db.query<{ agent_id: string; role: Role; secret_hash: string }>(
    `SELECT s.agent_id, a.role, s.secret_hash FROM sessions s
     JOIN agents a ON a.account_id = s.account_id AND a.id = s.agent_id
     WHERE s.account_id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND s.expires_at > now() AND a.active`,
    [parsed.accountId, parsed.id],
  );
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
  return { accountId: parsed.accountId, type: 'agent', id: row.agent_id, role: row.role, agentId: row.agent_id };
}
