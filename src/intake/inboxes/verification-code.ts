import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

/**
 * The code mailed to an inbox address to prove the account controls it: 10 characters from an
 * alphabet without look-alikes (0/O, 1/I/L), about 49 bits, shown as `K7QX4-MZ2PA`. Only its
 * SHA-256 is stored; it expires, and a few wrong tries void it.
 */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_TTL_HOURS = 24;
export const MAX_CODE_ATTEMPTS = 5;

export function newVerificationCode(): string {
  let s = '';
  for (let i = 0; i < 10; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

/** Case, spaces and dashes do not matter when the code is typed back. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

export const hashCode = (code: string) => createHash('sha256').update(normaliseCode(code)).digest('hex');

export function codeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashCode(code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
