import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { authenticateSession, authenticateToken } from '../accounts/authenticate.ts';
import { parseSecret } from '../accounts/secrets.ts';
import type { LiveNotice } from './notice.ts';
import { publishLive } from './publish.ts';

/**
 * A live stream lasts up to 30 minutes, far longer than the request that authenticated it. It
 * ends as soon as its credential does: at once when the session signs out or its agent is
 * deactivated (an `access.changed` notice, which every server process hears through
 * LISTEN/NOTIFY), at the session's expiry, and otherwise whatever ended it (a revoked API token,
 * a session revoked from the CLI) is found by a periodic re-check (LIVE_RECHECK_SECONDS).
 */
export const ACCESS_EVENT = 'access.changed';

/** What a stream was opened with: enough to check it again later. */
export interface StreamCredential {
  accountId: string;
  agentId: string | null;
  kind: 'session' | 'token';
  /** the session or token row */
  id: string;
  /** the cookie or bearer token itself (kept in memory for the re-check, never logged or sent) */
  secret: string;
}

/** The credential the request was authenticated with (the same order as the auth hook: Bearer first). */
export function streamCredential(actor: Actor, authorization: string | undefined, cookie: string | undefined): StreamCredential | null {
  const bearer = authorization ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  const secret = bearer ?? cookie;
  const parsed = secret ? parseSecret(bearer ? 'lst' : 'lss', secret) : null;
  if (!secret || !parsed || parsed.accountId !== actor.accountId) return null;
  return { accountId: actor.accountId, agentId: actor.agentId, kind: bearer ? 'token' : 'session', id: parsed.id, secret };
}

/** Whether the credential would still be let in now (revoked, expired, agent deactivated: false). */
export async function credentialValid(db: Db, c: StreamCredential): Promise<boolean> {
  const actor = c.kind === 'session' ? await authenticateSession(db, c.secret) : await authenticateToken(db, c.secret);
  return actor !== null && actor.accountId === c.accountId;
}

/** When a session stops being valid by itself; null for tokens (they do not expire). */
export async function credentialExpiry(db: Db, c: StreamCredential): Promise<Date | null> {
  if (c.kind !== 'session') return null;
  const [row] = await db.query<{ expires_at: Date }>('SELECT expires_at FROM sessions WHERE account_id = $1 AND id = $2', [c.accountId, c.id]);
  return row?.expires_at ?? null;
}

/**
 * Whether an access notice concerns one stream: its own session signed out, its agent changed, or
 * the notice names no one. The stream then checks its credential again (one indexed lookup) rather
 * than trusting the notice: only what the database says ends it.
 */
export function accessConcerns(n: LiveNotice, c: StreamCredential): boolean {
  if (n.event !== ACCESS_EVENT || n.account_id !== c.accountId) return false;
  if (n.id) return n.id === c.id;
  if (n.agent_id) return n.agent_id === c.agentId;
  return true;
}

/** Tells every server process that a session or API token ended (`credentialId`: its id) or an agent's access changed (`agentId`). */
export async function announceAccessChange(db: Db, accountId: string, who: { credentialId?: string; agentId?: string }): Promise<void> {
  const n: LiveNotice = { account_id: accountId, event: ACCESS_EVENT, at: new Date().toISOString() };
  if (who.credentialId) n.id = who.credentialId;
  if (who.agentId) n.agent_id = who.agentId;
  await publishLive(db, n);
}

/** The session a sign-out ends, from its cookie (null when the cookie is not one of ours). */
export function sessionOfCookie(cookie: string): { accountId: string; sessionId: string } | null {
  const parsed = parseSecret('lss', cookie);
  return parsed ? { accountId: parsed.accountId, sessionId: parsed.id } : null;
}
