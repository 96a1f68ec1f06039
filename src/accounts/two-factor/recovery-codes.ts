import { createHash, randomBytes } from 'node:crypto';

/**
 * Recovery codes: ten per enrolment, each 80 random bits written as 16 letters and digits in four
 * groups (xxxx-xxxx-xxxx-xxxx, no 0/1/l/o to misread). With that much entropy a SHA-256 is enough
 * (no slow hash needed, and a code can be found by its hash). Pure but for the randomness.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // 32 symbols: 5 bits each

export function newRecoveryCode(): string {
  const bytes = randomBytes(16);
  const chars = Array.from(bytes, (b) => ALPHABET[b & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

export const newRecoveryCodes = (n = RECOVERY_CODE_COUNT) => Array.from({ length: n }, newRecoveryCode);

/** "ABCD EFGH-ijkm-npqr" → "abcd-efgh-ijkm-npqr"; null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const c = input.toLowerCase().replace(/[\s-]/g, '');
  if (c.length !== 16 || [...c].some((ch) => !ALPHABET.includes(ch))) return null;
  return c.match(/.{4}/g)!.join('-');
}

export const hashRecoveryCode = (code: string) => createHash('sha256').update(code).digest('hex');
