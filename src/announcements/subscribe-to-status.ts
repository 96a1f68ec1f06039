import type { Db } from '../storage/db.ts';
import { hashSecret, newSecret, secretMatches } from '../accounts/secrets.ts';
import { enqueueJob } from '../storage/jobs.ts';
import { systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, invalid, notFound } from '../shared/errors.ts';
import { isMailAddress } from '../intake/channels/email/addresses.ts';
import { hitThrottle } from '../intake/doors/throttle.ts';
import { CONFIRMATIONS_PER_DAY, type ConfirmationHistory, confirmationVerdict, SUBSCRIBES_PER_IP_PER_HOUR } from './subscribe-limits.ts';

/**
 * Anyone may subscribe to a status page by e-mail (double opt-in): subscribing stores a pending
 * subscriber and queues the confirmation mail; only the link in that mail confirms, by a POST (link
 * scanners fetch GETs). Confirmed subscribers get incident updates (of their components, or all)
 * and maintenance notices (status-notices.ts), each with a one-click unsubscribe link.
 * Tokens: `<subscriber id, hex>.<secret>`; the page's slug names the account.
 */

export interface Subscriber { id: string; account_id: string; email: string; language: 'nl' | 'en'; component_ids: string[]; state: 'pending' | 'confirmed' | 'unsubscribed' }
const COLUMNS = 'id, account_id, email, language, component_ids, state';

export const subscriberToken = (id: string, secret: string) => `${id.replace(/-/g, '')}.${secret}`;
function parseToken(token: string): { id: string; secret: string } | null {
  const m = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const h = m[1];
  return { id: `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, secret: m[2] };
}

async function page(db: Db, slug: string): Promise<{ account_id: string; throttle_secret: string }> {
  const [row] = await db.query<{ account_id: string; throttle_secret: string }>('SELECT account_id, throttle_secret FROM announcement_settings WHERE status_slug = $1', [slug]);
  if (!row) throw notFound('status_page', slug);
  return row;
}
const pageAccount = async (db: Db, slug: string) => (await page(db, slug)).account_id;

/**
 * The form's POST. Limited per client address (SUBSCRIBES_PER_IP_PER_HOUR, every request counts) and per
 * e-mail address (subscribe-limits.ts): beyond either, a 429 `rate_limited` that says when to try again.
 */
export async function subscribeToStatus(db: Db, slug: string, o: { email: string; componentIds: string[]; language: 'nl' | 'en'; ip: string; now?: Date }): Promise<{ queued: boolean }> {
  const now = o.now ?? new Date();
  const { account_id: accountId, throttle_secret } = await page(db, slug);
  const byIp = await hitThrottle(db, { accountId, door: 'status_subscribe', ip: o.ip, secret: throttle_secret, perHour: SUBSCRIBES_PER_IP_PER_HOUR, now });
  if (!byIp.allowed) {
    throw new AppError('rate_limited', `Too many subscriptions from your address: at most ${SUBSCRIBES_PER_IP_PER_HOUR} an hour; try again in ${Math.ceil(byIp.retryAfterSeconds / 60)} minutes`, 429,
      { limit: 'client_address', retry_after_seconds: byIp.retryAfterSeconds });
  }
  const email = o.email.trim().toLowerCase();
  if (!isMailAddress(email) || email.length > 320) throw invalid('invalid_email', 'Give an e-mail address to subscribe with');
  const wanted = [...new Set(o.componentIds)];
  if (wanted.length) {
    const found = await db.query<{ id: string }>('SELECT id FROM status_components WHERE account_id = $1 AND id = ANY($2::uuid[]) AND removed_at IS NULL', [accountId, wanted]);
    if (found.length !== wanted.length) throw invalid('unknown_component', 'One of the chosen components is not on this status page');
  }
  return db.transaction(async (tx) => {
    // a confirmed subscription is left as it is (anyone can type an address: nobody else may change or pause it);
    // to change components, unsubscribe and subscribe again
    const [row] = await tx.query<Subscriber & ConfirmationHistory>(
      `INSERT INTO status_subscribers (account_id, email, language, component_ids, unsubscribe_secret)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (account_id, email) DO UPDATE SET
         language = CASE WHEN status_subscribers.state = 'confirmed' THEN status_subscribers.language ELSE EXCLUDED.language END,
         state = CASE WHEN status_subscribers.state = 'confirmed' THEN 'confirmed' ELSE 'pending' END,
         component_ids = CASE WHEN status_subscribers.state = 'confirmed' THEN status_subscribers.component_ids ELSE EXCLUDED.component_ids END
       RETURNING ${COLUMNS}, confirm_sent_at, confirm_count, confirm_window_start`,
      [accountId, email, o.language, wanted, newSecret()],
    );
    if (row.state === 'confirmed') return { queued: false };
    // the row is locked until commit: concurrent requests for one address are counted one after the other
    const v = confirmationVerdict(row, now);
    if (!v.send && v.refuse) {
      const seconds = Math.max(1, Math.ceil((v.retryAt.getTime() - now.getTime()) / 1000));
      throw new AppError('rate_limited', `This address has been sent ${CONFIRMATIONS_PER_DAY} confirmation mails in the last 24 hours: look for them in the mailbox (or its spam folder), or try again in ${Math.ceil(seconds / 3600)} hours`, 429,
        { limit: 'email_address', retry_after_seconds: seconds });
    }
    if (!v.send) return { queued: false };
    await tx.query('UPDATE status_subscribers SET confirm_sent_at = $3, confirm_count = $4, confirm_window_start = $5 WHERE account_id = $1 AND id = $2',
      [accountId, row.id, now, v.count, v.windowStart]);
    await enqueueJob(tx, { accountId, kind: 'status.confirm', payload: { subscriber_id: row.id } });
    return { queued: true };
  });
}

/** The subscriber a confirmation token names (for the page that shows the button), or null. */
export async function findPendingSubscriber(db: Db, slug: string, token: string): Promise<Subscriber | null> {
  const t = parseToken(token);
  if (!t) return null;
  const accountId = await pageAccount(db, slug).catch(() => null);
  if (!accountId) return null;
  const [row] = await db.query<Subscriber & { confirm_hash: string | null }>(`SELECT ${COLUMNS}, confirm_hash FROM status_subscribers WHERE account_id = $1 AND id = $2`, [accountId, t.id]);
  if (!row?.confirm_hash || !secretMatches(t.secret, row.confirm_hash)) return null;
  return row;
}

/** POST from the confirmation page: the subscription starts. */
export async function confirmSubscription(db: Db, slug: string, token: string): Promise<Subscriber | null> {
  const s = await findPendingSubscriber(db, slug, token);
  if (!s) return null;
  return db.transaction(async (tx) => {
    const [row] = await tx.query<Subscriber>(
      `UPDATE status_subscribers SET state = 'confirmed', confirmed_at = now(), unsubscribed_at = NULL, confirm_hash = NULL
       WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [s.account_id, s.id]);
    await recordAudit(tx, systemActor(s.account_id), { action: 'status_subscriber.confirmed', entityType: 'status_subscriber', entityId: s.id, after: { component_ids: row.component_ids } });
    return row;
  });
}

/** One-click unsubscribe (RFC 8058 POST, or the page's button): the secret in every mail ends it. */
export async function unsubscribeFromStatus(db: Db, slug: string, token: string): Promise<boolean> {
  const t = parseToken(token);
  if (!t) return false;
  const accountId = await pageAccount(db, slug).catch(() => null);
  if (!accountId) return false;
  const [row] = await db.query<{ unsubscribe_secret: string; state: string }>('SELECT unsubscribe_secret, state FROM status_subscribers WHERE account_id = $1 AND id = $2', [accountId, t.id]);
  if (!row || !secretMatches(t.secret, hashSecret(row.unsubscribe_secret))) return false;
  if (row.state !== 'unsubscribed') {
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE status_subscribers SET state = 'unsubscribed', unsubscribed_at = now(), confirm_hash = NULL WHERE account_id = $1 AND id = $2`, [accountId, t.id]);
      await recordAudit(tx, systemActor(accountId), { action: 'status_subscriber.unsubscribed', entityType: 'status_subscriber', entityId: t.id, after: {} });
    });
  }
  return true;
}

/** Job `status.confirm` (called from status-notices.ts): a fresh confirmation secret, its hash kept, the link returned. */
export async function newConfirmation(db: Db, accountId: string, subscriberId: string): Promise<{ subscriber: Subscriber; token: string } | null> {
  const secret = newSecret();
  const [row] = await db.query<Subscriber>(
    `UPDATE status_subscribers SET confirm_hash = $3 WHERE account_id = $1 AND id = $2 AND state = 'pending' RETURNING ${COLUMNS}`,
    [accountId, subscriberId, hashSecret(secret)],
  );
  return row ? { subscriber: row, token: subscriberToken(row.id, secret) } : null;
}
