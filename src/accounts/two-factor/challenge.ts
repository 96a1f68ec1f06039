import type { Db } from '../../storage/db.ts';
import type { Actor, Role } from '../../shared/actor.ts';
import { AppError } from '../../shared/errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { AGENT_COLUMNS, type AgentRow } from '../create-agent.ts';
import { countAttempt, forgiveAttempt, throttleKeys } from '../login-throttle.ts';
import { openSession, type SignedIn } from '../login.ts';
import { formatSecret, hashSecret, newSecret, parseSecret, secretMatches } from '../secrets.ts';
import type { SecretKey } from '../secret-box.ts';
import { type SecondFactor, verifySecondFactor } from './verify-second-factor.ts';

/**
 * Between the right password and the code: a challenge, not a session. It proves only that the
 * password was right, lives five minutes, takes five wrong codes and works once; it opens nothing
 * but the step that asks for the code.
 */
export const CHALLENGE_TTL_MS = 5 * 60_000;
export const CHALLENGE_MAX_FAILURES = 5;

export interface LoginChallenge {
  token: string;
  expiresAt: Date;
}

/** Has this agent enabled two-factor sign-in (then the password alone opens no session)? */
export async function usesTwoFactor(db: Db, accountId: string, agentId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM agent_two_factor WHERE account_id = $1 AND agent_id = $2 AND enabled_at IS NOT NULL', [accountId, agentId]);
  return rows.length > 0;
}

export async function openChallenge(db: Db, agent: AgentRow): Promise<LoginChallenge> {
  // now and then, challenges long past are cleared
  if (Math.random() < 0.02) await db.query(`DELETE FROM login_challenges WHERE expires_at < now() - interval '1 day'`);
  const secret = newSecret();
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
  const [row] = await db.query<{ id: string }>(
    'INSERT INTO login_challenges (account_id, agent_id, secret_hash, expires_at) VALUES ($1, $2, $3, $4) RETURNING id',
    [agent.account_id, agent.id, hashSecret(secret), expiresAt],
  );
  return { token: formatSecret('lsc', agent.account_id, row.id, secret), expiresAt };
}

export interface CompleteChallengeOptions {
  token: string;
  proof: SecondFactor;
  ttlHours: number;
  clientIp?: string;
  requestId?: string;
  now?: number;
}

const startAgain = () => new AppError('challenge_invalid', 'This sign-in has expired or was used: sign in again with your password', 401);

/** The code (or a recovery code) that completes a sign-in: a session, or a clear refusal. */
export async function completeChallenge(db: Db, key: SecretKey, opts: CompleteChallengeOptions): Promise<SignedIn> {
  const parsed = parseSecret('lsc', opts.token);
  if (!parsed) throw startAgain();
  const [row] = await db.query<AgentRow & { secret_hash: string; failures: number; expired: boolean; used: boolean }>(
    `SELECT ${AGENT_COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')}, c.secret_hash, c.failures, c.expires_at <= now() AS expired, c.used_at IS NOT NULL AS used
     FROM login_challenges c JOIN agents a ON a.account_id = c.account_id AND a.id = c.agent_id
     WHERE c.account_id = $1 AND c.id = $2 AND a.active`,
    [parsed.accountId, parsed.id],
  );
  if (!row || !secretMatches(parsed.secret, row.secret_hash) || row.expired || row.used || row.failures >= CHALLENGE_MAX_FAILURES) throw startAgain();
  const { secret_hash: _h, failures: _f, expired: _e, used: _u, ...agent } = row;
  const keys = throttleKeys(`two-factor:${agent.account_id}:${agent.id}`, opts.clientIp);
  // counted before the code is checked, like a password: a wait refuses even the right code
  await countAttempt(db, keys);
  const who = { accountId: agent.account_id, agentId: agent.id };
  const actor: Actor = { accountId: agent.account_id, type: 'agent', id: agent.id, role: agent.role as Role, agentId: agent.id, requestId: opts.requestId };
  const result = await verifySecondFactor(db, key, who, opts.proof, { now: opts.now });
  if (!result.ok) {
    await db.transaction(async (tx) => {
      await tx.query('UPDATE login_challenges SET failures = failures + 1 WHERE account_id = $1 AND id = $2', [parsed.accountId, parsed.id]);
      await recordAudit(tx, actor, { action: 'two_factor.failed', entityType: 'agent', entityId: agent.id, after: { reason: result.reason, during: 'sign_in' } });
    });
    throw refusal(result.reason);
  }
  const used = await db.query('UPDATE login_challenges SET used_at = now() WHERE account_id = $1 AND id = $2 AND used_at IS NULL RETURNING id', [parsed.accountId, parsed.id]);
  if (!used.length) throw startAgain();
  await forgiveAttempt(db, keys);
  if (result.via === 'recovery_code') {
    const [left] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM agent_recovery_codes WHERE account_id = $1 AND agent_id = $2 AND used_at IS NULL', [who.accountId, who.agentId]);
    await recordAudit(db, actor, { action: 'two_factor.recovery_code_used', entityType: 'agent', entityId: agent.id, after: { recovery_codes_left: left.n } });
  }
  return openSession(db, agent, { ttlHours: opts.ttlHours, requestId: opts.requestId });
}

/** Why a code was refused, in words an agent can act on. */
export function refusal(reason: string): AppError {
  switch (reason) {
    case 'replayed':
      return new AppError('two_factor_code_used', 'This code was used already: wait for the next code in your authenticator app', 401);
    case 'wrong_recovery_code':
      return new AppError('invalid_recovery_code', 'This recovery code is not right or was used already', 401);
    case 'not_enrolled':
      return new AppError('two_factor_not_enabled', 'Two-factor sign-in is not set up for this agent', 409);
    default:
      return new AppError('invalid_two_factor_code', 'The code is not right: give the 6 digits your authenticator app shows now', 401);
  }
}
