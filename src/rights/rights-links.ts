import type { Db } from '../storage/db.ts';
import { hashSecret, newSecret, secretMatches } from '../accounts/secrets.ts';
import type { PreferenceKind } from './contact-decision.ts';

/**
 * Links in mail that work without signing in: `lsr_` + base64url(account id, link id, 256-bit random
 * secret) — short enough for a URL path segment; only a SHA-256 of the secret is stored. A link is bound to one customer (and kind, or survey),
 * so it can neither be guessed nor used for anyone else.
 */
export interface RightsLink {
  account_id: string;
  id: string;
  customer_id: string;
  purpose: 'unsubscribe' | 'survey';
  kind: PreferenceKind | null;
  survey_id: string | null;
  used_at: Date | null;
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuid = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export async function createRightsLink(
  tx: Db,
  accountId: string,
  o: { customerId: string; purpose: 'unsubscribe'; kind: PreferenceKind } | { customerId: string; purpose: 'survey'; surveyId: string },
): Promise<string> {
  const secret = newSecret();
  const [row] = await tx.query<{ id: string }>(
    `INSERT INTO rights_links (account_id, customer_id, purpose, kind, survey_id, secret_hash) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [accountId, o.customerId, o.purpose, o.purpose === 'unsubscribe' ? o.kind : null, o.purpose === 'survey' ? o.surveyId : null, hashSecret(secret)],
  );
  return `lsr_${Buffer.concat([uuidBytes(accountId), uuidBytes(row.id), Buffer.from(secret, 'base64url')]).toString('base64url')}`;
}

/** The link a token names, or null when it is malformed, unknown or its secret does not match. */
export async function findRightsLink(db: Db, token: string): Promise<RightsLink | null> {
  const m = /^lsr_([A-Za-z0-9_-]{86})$/.exec(token);
  if (!m) return null;
  const raw = Buffer.from(m[1], 'base64url');
  if (raw.length !== 64) return null;
  const accountId = uuid(raw.subarray(0, 16));
  const id = uuid(raw.subarray(16, 32));
  const secret = raw.subarray(32).toString('base64url');
  const [row] = await db.query<RightsLink & { secret_hash: string }>(
    'SELECT account_id, id, customer_id, purpose, kind, survey_id, used_at, secret_hash FROM rights_links WHERE account_id = $1 AND id = $2',
    [accountId, id],
  );
  if (!row || !secretMatches(secret, row.secret_hash)) return null;
  const { secret_hash: _, ...link } = row;
  return link;
}

/**
 * RFC 8058 headers for a marketing or survey mail: the mail client shows "unsubscribe" and POSTs
 * `List-Unsubscribe=One-Click` to the link, without the customer signing in.
 */
export function unsubscribeHeaders(publicUrl: string, token: string): Record<string, string> {
  return oneClickHeaders(unsubscribeUrl(publicUrl, token));
}

/** RFC 8058 for any link that ends a subscription on a POST of `List-Unsubscribe=One-Click` (also the status page's). */
export function oneClickHeaders(url: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${url}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}

export const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl.replace(/\/+$/, '')}/u/${token}`;
