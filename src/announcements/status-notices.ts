import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { enqueueJob } from '../storage/jobs.ts';
import { oneClickHeaders } from '../rights/rights-links.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { transportFor } from './mail-transport.ts';
import { confirmationMail, incidentUpdateMail, maintenanceMail, type Mail } from './status-mail.ts';
import { newConfirmation, subscriberToken } from './subscribe-to-status.ts';
import type { IncidentStatus, IncidentTitle, UpdateParts } from './incident-store.ts';
import type { AnnouncementContent } from './store.ts';

/** Mails per notice job; the rest goes in the next job. */
const PER_JOB = 1000;

interface Page { slug: string; name: string; timeZone: string; from: { name: string; address: string } }

async function pageOf(db: Db, accountId: string): Promise<Page | null> {
  const [row] = await db.query<{ slug: string | null; name: string; account_name: string; address: string | null; inbox_name: string | null }>(
    `SELECT s.status_slug AS slug, coalesce(s.status_name, a.name) AS name, a.name AS account_name,
       (SELECT address FROM inboxes WHERE account_id = a.account_id ORDER BY created_at LIMIT 1) AS address,
       (SELECT name FROM inboxes WHERE account_id = a.account_id ORDER BY created_at LIMIT 1) AS inbox_name
     FROM accounts a LEFT JOIN announcement_settings s ON s.account_id = a.account_id WHERE a.account_id = $1`, [accountId]);
  if (!row?.slug || !row.address) return null;
  const { time_zone } = await getServiceSettings(db, accountId);
  return { slug: row.slug, name: row.name, timeZone: time_zone, from: { name: row.inbox_name ?? row.account_name, address: row.address } };
}

const base = (publicUrl: string, slug: string) => `${publicUrl.replace(/\/+$/, '')}/status/${slug}`;

/** Queues the subscribers' mail for a notice, in the caller's transaction (an incident update, a maintenance announcement). */
export async function queueStatusNotice(tx: Db, accountId: string, notice: `update:${string}` | `maintenance:${string}`): Promise<void> {
  await enqueueJob(tx, { accountId, kind: 'status.notify', payload: { notice } });
}

/** Job `status.confirm`: the double opt-in mail with a fresh confirmation link. */
export function sendConfirmationJob(relayUrl: string | undefined, publicUrl: string | undefined) {
  return async (db: Db, job: JobRow): Promise<void> => {
    if (!relayUrl) throw new Error('SMTP_RELAY_URL is not set: the confirmation waits until it is');
    if (!publicUrl) throw new Error('PUBLIC_URL is not set: a confirmation link needs the public address');
    const accountId = job.account_id!;
    const page = await pageOf(db, accountId);
    if (!page) return;
    const c = await newConfirmation(db, accountId, String(job.payload.subscriber_id));
    if (!c) return; // confirmed or unsubscribed meanwhile
    const mail = confirmationMail({ language: c.subscriber.language, page: page.name, link: `${base(publicUrl, page.slug)}/confirm/${c.token}` });
    await transportFor(relayUrl).sendMail({
      from: page.from, to: c.subscriber.email, subject: mail.subject, text: mail.text,
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
  };
}

/**
 * Job `status.notify`: one notice to every confirmed subscriber it concerns (an incident update: the
 * subscribers of its components and of all; maintenance: all). A row per subscriber and notice, moved
 * queued → sending (committed before the mail leaves) → sent, so a rerun after a crash writes to
 * nobody twice (a mail left in `sending` goes again with the same Message-ID).
 */
export function notifySubscribersJob(relayUrl: string | undefined, publicUrl: string | undefined) {
  return async (db: Db, job: JobRow): Promise<void> => {
    if (!relayUrl) throw new Error('SMTP_RELAY_URL is not set: status notices wait until it is');
    if (!publicUrl) throw new Error('PUBLIC_URL is not set: status notices need it for their unsubscribe link');
    const accountId = job.account_id!;
    const notice = String(job.payload.notice);
    const page = await pageOf(db, accountId);
    if (!page) return;
    const compose = await composerFor(db, accountId, notice, page);
    if (!compose) return;
    if (!job.payload.queued) {
      await db.query(
        `INSERT INTO status_deliveries (account_id, subscriber_id, notice, email_message_id)
         SELECT account_id, id, $2, 'status.' || md5($2) || '.' || id || '@luister' FROM status_subscribers
         WHERE account_id = $1 AND state = 'confirmed' AND (component_ids = '{}' OR cardinality($3::uuid[]) = 0 OR component_ids && $3::uuid[])
         ON CONFLICT DO NOTHING`,
        [accountId, notice, compose.components],
      );
    }
    const batch = await db.query<{ subscriber_id: string; email: string; language: 'nl' | 'en'; unsubscribe_secret: string; email_message_id: string }>(
      `WITH claimed AS (
         UPDATE status_deliveries SET state = 'sending'
         WHERE (account_id, notice, subscriber_id) IN (SELECT account_id, notice, subscriber_id FROM status_deliveries
           WHERE account_id = $1 AND notice = $2 AND state IN ('queued', 'sending') ORDER BY subscriber_id LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING subscriber_id, email_message_id)
       SELECT c.subscriber_id, s.email, s.language, s.unsubscribe_secret, c.email_message_id
       FROM claimed c JOIN status_subscribers s ON s.account_id = $1 AND s.id = c.subscriber_id AND s.state = 'confirmed'`,
      [accountId, notice, PER_JOB],
    );
    const transport = transportFor(relayUrl);
    for (let i = 0; i < batch.length; i += 5) {
      await Promise.all(batch.slice(i, i + 5).map(async (r) => {
        const unsubscribe = `${base(publicUrl, page.slug)}/unsubscribe/${subscriberToken(r.subscriber_id, r.unsubscribe_secret)}`;
        const mail = compose.mail(r.language, unsubscribe);
        await transport.sendMail({
          from: page.from, to: r.email, subject: mail.subject, text: mail.text, messageId: `<${r.email_message_id}>`,
          headers: { ...oneClickHeaders(unsubscribe), 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All', Precedence: 'bulk' },
        });
        await db.query(`UPDATE status_deliveries SET state = 'sent', sent_at = now() WHERE account_id = $1 AND notice = $2 AND subscriber_id = $3 AND state = 'sending'`,
          [accountId, notice, r.subscriber_id]);
      }));
    }
    // unsubscribed between queueing and sending: not sent
    await db.query(`UPDATE status_deliveries d SET state = 'failed', error = 'unsubscribed' FROM status_subscribers s
      WHERE d.account_id = $1 AND d.notice = $2 AND d.state = 'sending' AND s.account_id = d.account_id AND s.id = d.subscriber_id AND s.state <> 'confirmed'`, [accountId, notice]);
    const [left] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM status_deliveries WHERE account_id = $1 AND notice = $2 AND state IN ('queued', 'sending')`, [accountId, notice]);
    if (left.n > 0) await enqueueJob(db, { accountId, kind: 'status.notify', payload: { notice, queued: true } });
  };
}

async function composerFor(db: Db, accountId: string, notice: string, page: Page): Promise<{ components: string[]; mail: (language: 'nl' | 'en', unsubscribe: string) => Mail } | null> {
  const [kind, id] = notice.split(':');
  if (kind === 'update') {
    // the incident's components and the groups they are in: a subscriber of Mobiel hears of an outage of 5G
    const [u] = await db.query<{ status: IncidentStatus; parts: UpdateParts; next_update_at: Date | null; contact_route: string; title: IncidentTitle; component_ids: string[] }>(
      `SELECT u.status, u.parts, u.next_update_at, u.contact_route, i.title,
         i.component_ids || coalesce((SELECT array_agg(DISTINCT c.group_id) FROM status_components c
           WHERE c.account_id = i.account_id AND c.id = ANY(i.component_ids) AND c.group_id IS NOT NULL), '{}') AS component_ids
       FROM incident_updates u
       JOIN incidents i ON i.account_id = u.account_id AND i.id = u.incident_id WHERE u.account_id = $1 AND u.id = $2`, [accountId, id]);
    if (!u) return null;
    return {
      components: u.component_ids,
      mail: (language, unsubscribe) => incidentUpdateMail({ language, page: page.name, title: u.title, status: u.status, parts: u.parts, nextUpdateAt: u.next_update_at, contactRoute: u.contact_route, timeZone: page.timeZone, unsubscribe }),
    };
  }
  if (kind === 'maintenance') {
    const [a] = await db.query<{ content: AnnouncementContent; effective_at: Date; ends_at: Date | null; contact_route: string; status: string }>(
      'SELECT content, effective_at, ends_at, contact_route, status FROM announcements WHERE account_id = $1 AND id = $2', [accountId, id]);
    if (!a || a.status === 'cancelled') return null;
    return {
      components: [],
      mail: (language, unsubscribe) => maintenanceMail({ language, page: page.name, content: a.content, startsAt: a.effective_at, endsAt: a.ends_at, contactRoute: a.contact_route, timeZone: page.timeZone, unsubscribe }),
    };
  }
  return null;
}
