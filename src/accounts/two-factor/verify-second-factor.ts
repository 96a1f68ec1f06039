import type { Db } from '../../storage/db.ts';
import { checkCode } from './totp.ts';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes.ts';
import { open, type SecretKey } from '../secret-box.ts';

/** What an agent gives as the second factor: the authenticator's code, or one of their recovery codes. */
export type SecondFactor = { code: string } | { recoveryCode: string };

export type SecondFactorResult =
  | { ok: true; via: 'code' | 'recovery_code' }
  | { ok: false; reason: 'not_enrolled' | 'malformed' | 'wrong' | 'replayed' | 'wrong_recovery_code' };

/** The additional data a sealed TOTP secret is bound to: its account and agent. */
export const secretContext = (accountId: string, agentId: string) => `totp:${accountId}:${agentId}`;

/**
 * Checks the second factor and uses it up: the code's time step is remembered (the same code, or an
 * older one, is refused from then on) and a recovery code is marked used, in one transaction with the
 * row locked, so two requests with the same code cannot both pass. `pending` checks the first code of
 * an enrolment that is not enabled yet.
 */
export async function verifySecondFactor(
  db: Db,
  key: SecretKey,
  who: { accountId: string; agentId: string },
  proof: SecondFactor,
  opts: { pending?: boolean; now?: number } = {},
): Promise<SecondFactorResult> {
  const now = opts.now ?? Date.now();
  if ('recoveryCode' in proof) {
    if (opts.pending) return { ok: false, reason: 'not_enrolled' };
    const code = normaliseRecoveryCode(proof.recoveryCode);
    if (!code) return { ok: false, reason: 'wrong_recovery_code' };
    const used = await db.query(
      `UPDATE agent_recovery_codes c SET used_at = now()
       WHERE c.account_id = $1 AND c.agent_id = $2 AND c.code_hash = $3 AND c.used_at IS NULL
         AND EXISTS (SELECT 1 FROM agent_two_factor t WHERE t.account_id = c.account_id AND t.agent_id = c.agent_id AND t.enabled_at IS NOT NULL)
       RETURNING c.code_hash`,
      [who.accountId, who.agentId, hashRecoveryCode(code)],
    );
    return used.length ? { ok: true, via: 'recovery_code' } : { ok: false, reason: 'wrong_recovery_code' };
  }
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ secret_sealed: string; last_used_step: string | number | null; enabled_at: Date | null }>(
      'SELECT secret_sealed, last_used_step, enabled_at FROM agent_two_factor WHERE account_id = $1 AND agent_id = $2 FOR UPDATE',
      [who.accountId, who.agentId],
    );
    if (!row || (row.enabled_at === null) !== Boolean(opts.pending)) return { ok: false, reason: 'not_enrolled' } as const;
    const secret = open(key, row.secret_sealed, secretContext(who.accountId, who.agentId));
    const check = checkCode(secret, proof.code, row.last_used_step === null ? null : Number(row.last_used_step), now);
    if (!check.ok) return check;
    await tx.query('UPDATE agent_two_factor SET last_used_step = $3 WHERE account_id = $1 AND agent_id = $2', [who.accountId, who.agentId, check.step]);
    return { ok: true, via: 'code' } as const;
  });
}
