import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Bearer tokens and session cookies carry the account and row they belong to, so the lookup
 * is scoped to one account like every other query: `lst_<account>_<token id>_<secret>`.
 * Only a SHA-256 of the 256-bit random secret is stored (a slow hash adds nothing to a
 * random secret of that size; passwords use Argon2id).
 */
/** lst: API token, lss: session, lsc: sign-in challenge waiting for a two-factor code */
export type SecretPrefix = 'lst' | 'lss' | 'lsc';

export interface ParsedSecret {
  accountId: string;
  id: string;
  secret: string;
}

const hex = (uuid: string) => uuid.replace(/-/g, '');
const uuid = (h: string) => `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;

export const newSecret = () => randomBytes(32).toString('base64url');
export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export function formatSecret(prefix: SecretPrefix, accountId: string, id: string, secret: string) {
  return `${prefix}_${hex(accountId)}_${hex(id)}_${secret}`;
}

export function parseSecret(prefix: SecretPrefix, value: string): ParsedSecret | null {
  const m = new RegExp(`^${prefix}_([0-9a-f]{32})_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$`).exec(value);
  if (!m) return null;
  return { accountId: uuid(m[1]), id: uuid(m[2]), secret: m[3] };
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
