import type { Db } from '../storage/db.ts';
import { hashSecret, newSecret } from '../accounts/secrets.ts';
import { type Portal, SESSION_MAX_HOURS } from './settings.ts';

/** Who is signed in to the portal: the address they signed in with and the customer it belongs to now. */
export interface PortalUser {
  sessionId: string;
  accountId: string;
  email: string;
  customerId: string;
  name: string;
  /** their organisation, when it lets its people see each other's cases in the portal */
  sharedOrganisationId: string | null;
}

export type LinkState = 'valid' | 'used' | 'expired' | 'unknown';

const SECRET = /^[A-Za-z0-9_-]{43}$/;
/** last_seen_at is written at most this often (not on every page: the idle clock needs minutes, not milliseconds) */
const TOUCH_EVERY_SECONDS = 60;

/** What a link is, without using it (the page that asks "sign in?": link scanners fetch GETs, only a POST uses a link). */
export async function peekLink(db: Db, portal: Portal, secret: string): Promise<LinkState> {
  if (!SECRET.test(secret)) return 'unknown';
  const [row] = await db.query<{ used: boolean; expired: boolean }>(
    'SELECT used_at IS NOT NULL AS used, expires_at <= now() AS expired FROM portal_links WHERE account_id = $1 AND token_hash = $2',
    [portal.accountId, hashSecret(secret)],
  );
  return !row ? 'unknown' : row.used ? 'used' : row.expired ? 'expired' : 'valid';
}

/**
 * Uses a sign-in link, once: marks it used and starts a session, in one transaction, only while the
 * link is unused and unexpired and its address is still a customer's (the link is bound to the
 * address it was sent to; a merge since then moved the address to the surviving customer, who signs
 * in; an erasure removed it, and nobody does). Returns the session's cookie secret, or why not.
 */
export async function useLink(db: Db, portal: Portal, secret: string): Promise<{ ok: true; cookie: string } | { ok: false; state: Exclude<LinkState, 'valid'> }> {
  if (!SECRET.test(secret)) return { ok: false, state: 'unknown' };
  return db.transaction(async (tx) => {
    const [link] = await tx.query<{ email: string }>(
      `UPDATE portal_links SET used_at = now() WHERE account_id = $1 AND token_hash = $2 AND used_at IS NULL AND expires_at > now() RETURNING email`,
      [portal.accountId, hashSecret(secret)],
    );
    if (!link) {
      const state = await peekLink(tx, portal, secret);
      return { ok: false, state: state === 'valid' ? 'used' : state };
    }
    const [who] = await tx.query<{ customer_id: string }>(
      `SELECT i.customer_id FROM customer_identities i
       JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id AND c.merged_into IS NULL AND c.erased_at IS NULL
       WHERE i.account_id = $1 AND i.kind = 'email' AND i.value = $2`,
      [portal.accountId, link.email],
    );
    if (!who) return { ok: false, state: 'unknown' };
    const cookie = newSecret();
    await tx.query(
      `WITH old AS (DELETE FROM portal_sessions WHERE account_id = $1 AND (expires_at < now() - interval '1 day' OR ended_at < now() - interval '1 day'))
       INSERT INTO portal_sessions (account_id, customer_id, email, token_hash, expires_at) VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5))`,
      [portal.accountId, who.customer_id, link.email, hashSecret(cookie), SESSION_MAX_HOURS],
    );
    return { ok: true, cookie };
  });
}

/**
 * The signed-in customer behind a portal cookie, or null: the session must be this account's, not
 * ended, within its absolute end and its idle timeout, and its address still a live customer's.
 */
export async function findPortalUser(db: Db, portal: Portal, cookie: string | undefined): Promise<PortalUser | null> {
  if (!cookie || !SECRET.test(cookie)) return null;
  const [row] = await db.query<{ id: string; email: string; customer_id: string; name: string; shared: string | null; stale: boolean }>(
    `SELECT s.id, s.email, c.id AS customer_id, c.name, CASE WHEN o.portal_shares_cases THEN o.id END AS shared,
       s.last_seen_at < now() - make_interval(secs => $4) AS stale
     FROM portal_sessions s
     JOIN customer_identities i ON i.account_id = s.account_id AND i.kind = 'email' AND i.value = s.email
     JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id AND c.merged_into IS NULL AND c.erased_at IS NULL
     LEFT JOIN organisations o ON o.account_id = c.account_id AND o.id = c.organisation_id
     WHERE s.account_id = $1 AND s.token_hash = $2 AND s.ended_at IS NULL AND s.expires_at > now()
       AND s.last_seen_at > now() - make_interval(mins => $3)`,
    [portal.accountId, hashSecret(cookie), portal.idleMinutes, TOUCH_EVERY_SECONDS],
  );
  if (!row) return null;
  if (row.stale) await db.query('UPDATE portal_sessions SET last_seen_at = now() WHERE account_id = $1 AND id = $2', [portal.accountId, row.id]);
  return { sessionId: row.id, accountId: portal.accountId, email: row.email, customerId: row.customer_id, name: row.name, sharedOrganisationId: row.shared };
}

export async function endPortalSession(db: Db, user: PortalUser): Promise<void> {
  await db.query('UPDATE portal_sessions SET ended_at = now() WHERE account_id = $1 AND id = $2 AND ended_at IS NULL', [user.accountId, user.sessionId]);
}
