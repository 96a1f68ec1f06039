import { hash, verify } from '@node-rs/argon2';
import { invalid } from '../shared/errors.ts';

export const MIN_PASSWORD_LENGTH = 10;

/** Argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's recommendation). */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid('weak_password', `A password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  return hash(password);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
