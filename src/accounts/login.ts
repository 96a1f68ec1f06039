import type { Db } from '../storage/db.ts';
import { AppError } from '../shared/errors.ts';
import { recordAudit } from '../shared/audit.ts';
import { formatSecret, hashSecret, newSecret, parseSecret, secretMatches } from './secrets.ts';
import { verifyPassword } from './passwords.ts';
import { countLoginAttempt, forgiveLoginAttempt } from './login-throttle.ts';
import { AGENT_COLUMNS, type AgentRow } from './create-agent.ts';
import { assertPasswordSignInAllowed } from './sso/settings.ts';
import { openChallenge, usesTwoFactor, type LoginChallenge } from './two-factor/challenge.ts';

export interface LoginOptions {
  email: string;
  password: string;
  /** needed only when the same e-mail address is an agent in several accounts */
  accountId?: string;
  ttlHours: number;
  requestId?: string;
  /** the client's address, for the per-address part of the sign-in throttle */
  clientIp?: string;
}

const badLogin = () => new AppError('invalid_credentials', 'E-mail address or password is not correct', 401);

export interface SignedIn {
  agent: AgentRow;
  cookie: string;
  expiresAt: Date;
}

/**
 * Password sign-in; returns the agent and a session cookie value, or, for an agent with two-factor
 * sign-in, a short-lived challenge that only the code turns into a session (two-factor/challenge.ts).
 */
export async function login(db: Db, opts: LoginOptions): Promise<SignedIn | { agent: AgentRow; challenge: LoginChallenge }> {
  // counted before the password is checked: a wait refuses even the right password
  await countLoginAttempt(db, opts.email, opts.clientIp);
  // Sign-in is the one lookup that cannot know the account yet: it finds it from the e-mail.
  const candidates = await db.query<AgentRow & { password_hash: string | null }>(
    `SELECT ${AGENT_COLUMNS}, password_hash FROM agents
     WHERE lower(email) = lower($1) AND active AND ($2::uuid IS NULL OR account_id = $2::uuid)`,
    [opts.email.trim(), opts.accountId ?? null],
  );
  if (candidates.length > 1) {
    throw new AppError('account_required', 'This e-mail address is an agent in several accounts: give account_id', 400);
  }
  const found = candidates[0];
  // verify against a dummy hash when no agent matches, so timing does not reveal which e-mails exist
  const ok = await verifyPassword(found?.password_hash ?? DUMMY_HASH, opts.password);
  if (!found || !ok) throw badLogin();
  await assertPasswordSignInAllowed(db, found.account_id); // an account on single sign-on only (sso/settings.ts)
  await forgiveLoginAttempt(db, opts.email, opts.clientIp);
  const { password_hash: _, ...agent } = found;
  if (await usesTwoFactor(db, agent.account_id, agent.id)) return { agent, challenge: await openChallenge(db, agent) };
  return openSession(db, agent, opts);
}

/** A new session for an agent who proved who they are (a password, and a code when they use two-factor). */
export async function openSession(db: Db, agent: AgentRow, opts: { ttlHours: number; requestId?: string; via?: string }): Promise<SignedIn> {
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + opts.ttlHours * 3_600_000);
  return db.transaction(async (tx) => {
    const [s] = await tx.query<{ id: string }>(
      `INSERT INTO sessions (account_id, agent_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [agent.account_id, agent.id, hashSecret(secret), expiresAt],
    );
    await recordAudit(
      tx,
      { accountId: agent.account_id, type: 'agent', id: agent.id, role: agent.role, agentId: agent.id, requestId: opts.requestId },
      { action: 'agent.signed_in', entityType: 'agent', entityId: agent.id, ...(opts.via ? { after: { via: opts.via } } : {}) },
    );
    return { agent, cookie: formatSecret('lss', agent.account_id, s.id, secret), expiresAt };
  });
}

/**
 * Ends the session the cookie proves: a cookie with the right session id but the wrong secret
 * (someone who only knows or guessed the id) ends nothing. Returns the session's agent, or null.
 */
export async function logout(db: Db, cookie: string): Promise<{ accountId: string; agentId: string } | null> {
  const parsed = parseSecret('lss', cookie);
  if (!parsed) return null;
  const [row] = await db.query<{ agent_id: string; secret_hash: string }>(
    'SELECT agent_id, secret_hash FROM sessions WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL',
    [parsed.accountId, parsed.id],
  );
  if (!row || !secretMatches(parsed.secret, row.secret_hash)) return null;
  await db.query('UPDATE sessions SET revoked_at = now() WHERE account_id = $1 AND id = $2 AND revoked_at IS NULL', [parsed.accountId, parsed.id]);
  return { accountId: parsed.accountId, agentId: row.agent_id };
}

// Argon2id hash of a random string nobody knows.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$yCwq2oPNvN8J2f8kQ8v6m0pXg2cJ2n2hZ1mEo1e0v2M';
