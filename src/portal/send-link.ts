import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { hashSecret, newSecret } from '../accounts/secrets.ts';
import { transportFor } from '../announcements/mail-transport.ts';
import { inboxForCase } from '../intake/inboxes/store.ts';
import { linkMail } from './link-mail.ts';

/**
 * Job `portal.link`: the sign-in link, to a known address only. The address is looked up here, not
 * when it was asked for (request-link.ts), so the page answers the same for everyone. The secret is
 * made when the mail leaves (none waits in the jobs table), only its hash is stored, and the link
 * points at PUBLIC_URL — never at the Host a request named (a forged Host would send the secret elsewhere).
 */
export function sendLinkJob(relayUrl: string | undefined, publicUrl: string | undefined) {
  return async (db: Db, job: JobRow): Promise<void> => {
    const accountId = job.account_id!;
    const email = String(job.payload.email);
    const language = job.payload.language === 'en' ? 'en' : 'nl';
    const [target] = await db.query<{ customer_id: string; name: string; slug: string; link_minutes: number; account_name: string }>(
      `SELECT i.customer_id, c.name, s.slug, p.link_minutes, a.name AS account_name
       FROM customer_identities i
       JOIN customers c ON c.account_id = i.account_id AND c.id = i.customer_id AND c.merged_into IS NULL AND c.erased_at IS NULL
       JOIN portal_settings p ON p.account_id = i.account_id AND p.enabled
       JOIN channel_settings s ON s.account_id = i.account_id
       JOIN accounts a ON a.account_id = i.account_id
       WHERE i.account_id = $1 AND i.kind = 'email' AND i.value = $2`,
      [accountId, email],
    );
    if (!target) return; // not a customer's address (or the portal was switched off): nothing is sent, and nobody is told
    if (!relayUrl) throw new Error('SMTP_RELAY_URL is not set: the sign-in link waits until it is');
    if (!publicUrl) throw new Error('PUBLIC_URL is not set: a sign-in link needs the public address');
    const inbox = await inboxForCase(db, accountId, null);
    if (!inbox) return;
    const secret = newSecret();
    await db.query(
      `WITH old AS (DELETE FROM portal_links WHERE account_id = $1 AND expires_at < now() - interval '1 day')
       INSERT INTO portal_links (account_id, customer_id, email, token_hash, language, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6))`,
      [accountId, target.customer_id, email, hashSecret(secret), language, target.link_minutes],
    );
    const url = `${publicUrl.replace(/\/+$/, '')}/portal/${encodeURIComponent(target.slug)}/in/${secret}?lang=${language}`;
    const mail = linkMail({ language, name: target.name, company: inbox.name || target.account_name, url, minutes: target.link_minutes });
    await transportFor(relayUrl).sendMail({
      from: { name: inbox.name || target.account_name, address: inbox.address },
      to: email,
      subject: mail.subject,
      text: mail.text,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
  };
}
