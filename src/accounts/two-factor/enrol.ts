import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { conflict, forbidden } from '../../shared/errors.ts';
import { recordAudit } from '../../shared/audit.ts';
import { countAttempt, forgiveAttempt, throttleKeys } from '../login-throttle.ts';
import { refusal } from './challenge.ts';
import { twoFactorState } from './policy.ts';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes.ts';
import { seal, type SecretKey } from '../secret-box.ts';
import { newTotpSecret, otpauthUri } from './totp.ts';
import { type SecondFactor, secretContext, verifySecondFactor } from './verify-second-factor.ts';

/**
 * An agent sets up two-factor sign-in for themselves, in a signed-in session (never with an API
 * token: a stolen token must not be able to bind someone's sign-in to another phone): start (a new
 * secret, as a QR code and as a key to type), confirm with a first code (then it is on, and ten
 * recovery codes are shown once), or switch it off with a code.
 */
function ownAgent(actor: Actor): { accountId: string; agentId: string } {
  if (actor.type !== 'agent' || !actor.agentId) throw forbidden('Two-factor sign-in is set up by the agent themselves, signed in to the workspace (not with an API token)');
  return { accountId: actor.accountId, agentId: actor.agentId };
}

const throttled = (who: { accountId: string; agentId: string }, clientIp?: string) => throttleKeys(`two-factor:${who.accountId}:${who.agentId}`, clientIp);

export interface Enrolment {
  /** base32, for typing into an authenticator app by hand */
  secret: string;
  otpauthUri: string;
  /** the same URI as a QR code: an SVG data URL for an <img> */
  qrCode: string;
}

export async function startEnrolment(db: Db, key: SecretKey, actor: Actor): Promise<Enrolment> {
  const who = ownAgent(actor);
  const state = await twoFactorState(db, who.accountId, who.agentId);
  if (state?.enabled) throw conflict('two_factor_already_enabled', 'Two-factor sign-in is already on: switch it off first to use another phone');
  const [agent] = await db.query<{ email: string; account_name: string }>(
    'SELECT a.email, c.name AS account_name FROM agents a JOIN accounts c ON c.account_id = a.account_id WHERE a.account_id = $1 AND a.id = $2',
    [who.accountId, who.agentId],
  );
  const secret = newTotpSecret();
  await db.query(
    `INSERT INTO agent_two_factor (account_id, agent_id, secret_sealed) VALUES ($1, $2, $3)
     ON CONFLICT (account_id, agent_id) DO UPDATE SET secret_sealed = excluded.secret_sealed, last_used_step = NULL, created_at = now()
     WHERE agent_two_factor.enabled_at IS NULL`,
    [who.accountId, who.agentId, seal(key, secret, secretContext(who.accountId, who.agentId))],
  );
  const uri = otpauthUri(secret, agent.email, `Luister (${agent.account_name})`);
  const QRCode = await import('qrcode'); // on the first enrolment, not at start-up
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUri: uri, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The first code proves the phone has the secret: two-factor is on; the recovery codes come back once. */
export async function confirmEnrolment(db: Db, key: SecretKey, actor: Actor, code: string, clientIp?: string): Promise<{ recoveryCodes: string[] }> {
  const who = ownAgent(actor);
  const keys = throttled(who, clientIp);
  await countAttempt(db, keys);
  const result = await verifySecondFactor(db, key, who, { code }, { pending: true });
  if (!result.ok) {
    if (result.reason === 'not_enrolled') throw conflict('two_factor_not_started', 'Start the set-up first (a new key and QR code), then confirm it with a code');
    await recordAudit(db, actor, { action: 'two_factor.failed', entityType: 'agent', entityId: who.agentId, after: { reason: result.reason, during: 'enrolment' } });
    throw refusal(result.reason);
  }
  await forgiveAttempt(db, keys);
  const codes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.query('UPDATE agent_two_factor SET enabled_at = now() WHERE account_id = $1 AND agent_id = $2', [who.accountId, who.agentId]);
    await tx.query('DELETE FROM agent_recovery_codes WHERE account_id = $1 AND agent_id = $2', [who.accountId, who.agentId]);
    for (const c of codes) {
      await tx.query('INSERT INTO agent_recovery_codes (account_id, agent_id, code_hash) VALUES ($1, $2, $3)', [who.accountId, who.agentId, hashRecoveryCode(c)]);
    }
    await recordAudit(tx, actor, { action: 'two_factor.enrolled', entityType: 'agent', entityId: who.agentId, after: { recovery_codes: codes.length } });
  });
  return { recoveryCodes: codes };
}

/** Off again, with a current code or a recovery code; refused while the account requires it of this agent. */
export async function disableTwoFactor(db: Db, key: SecretKey, actor: Actor, proof: SecondFactor, clientIp?: string): Promise<void> {
  const who = ownAgent(actor);
  const state = await twoFactorState(db, who.accountId, who.agentId);
  if (!state?.enabled) throw conflict('two_factor_not_enabled', 'Two-factor sign-in is not on');
  if (state.required) throw conflict('two_factor_required', 'Your account requires two-factor sign-in: it cannot be switched off (an admin can reset it)');
  const keys = throttled(who, clientIp);
  await countAttempt(db, keys);
  const result = await verifySecondFactor(db, key, who, proof);
  if (!result.ok) {
    await recordAudit(db, actor, { action: 'two_factor.failed', entityType: 'agent', entityId: who.agentId, after: { reason: result.reason, during: 'disable' } });
    throw refusal(result.reason);
  }
  await forgiveAttempt(db, keys);
  await db.transaction(async (tx) => {
    await removeTwoFactor(tx, who.accountId, who.agentId);
    await recordAudit(tx, actor, { action: 'two_factor.disabled', entityType: 'agent', entityId: who.agentId, after: { via: result.via } });
  });
}

export async function removeTwoFactor(tx: Db, accountId: string, agentId: string): Promise<boolean> {
  await tx.query('DELETE FROM agent_recovery_codes WHERE account_id = $1 AND agent_id = $2', [accountId, agentId]);
  const gone = await tx.query('DELETE FROM agent_two_factor WHERE account_id = $1 AND agent_id = $2 RETURNING enabled_at', [accountId, agentId]);
  return gone.length > 0;
}
