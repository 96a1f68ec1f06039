import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { enqueueJob } from '../storage/jobs.ts';
import { systemActor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { emitEvent } from '../webhooks/events.ts';
import { publishLive } from '../live/publish.ts';
import { liveNotice } from '../live/notice.ts';
import { contactDecisions } from '../rights/may-contact.ts';
import { createRightsLink, oneClickHeaders, unsubscribeUrl } from '../rights/rights-links.ts';
import { replyAddress } from './announcement-feedback.ts';
import { skipReasonOf } from './audience.ts';
import { composeAnnouncement } from './compose.ts';
import { transportFor } from './mail-transport.ts';
import { getAnnouncementSettings } from './settings.ts';
import { deliveryCounts, loadAnnouncement } from './store.ts';
import { inboxForCase } from '../intake/inboxes/store.ts';

interface Claimed { customer_id: string; email: string; language: 'nl' | 'en'; vulnerable: boolean; email_message_id: string; reply_token: string | null }


/**
 * Job `announcement.send`: one batch of the recipients whose time has come, at most the account's
 * rate per minute; then the next batch is queued a minute on (or at the next recipient's time).
 * Each recipient moves queued → sending (committed before the mail leaves) → sent. After a crash the
 * rows left in `sending` are sent again with the same Message-ID, so a receiving server or client
 * that deduplicates on it shows one message; a recipient marked sent is never written to again.
 * Nobody is written to on or after the day the change takes effect: they are skipped as too late.
 * The one consent check is asked again per batch: whoever said no (or was erased) after the audience
 * was fixed is skipped, naming why. A marketing mail carries a one-click unsubscribe (RFC 8058).
 */
export function sendAnnouncementJob(relayUrl: string | undefined, clock: () => Date = () => new Date(), publicUrl?: string) {
  return async (db: Db, job: JobRow): Promise<void> => {
    const accountId = job.account_id!;
    const id = String(job.payload.announcement_id);
    const a = await loadAnnouncement(db, accountId, id);
    if (a.status === 'cancelled' || a.status === 'sent') return;
    if (!relayUrl) throw new Error('SMTP_RELAY_URL is not set: the announcement waits until it is');
    const marketing = a.purpose === 'marketing';
    if (marketing && !publicUrl) throw new Error('PUBLIC_URL is not set: a marketing announcement waits for it (its unsubscribe link needs it)');
    const settings = await getAnnouncementSettings(db, accountId);
    // the account's first inbox, its sender name as mail leaves it (the account's default when it has none)
    const inbox = await inboxForCase(db, accountId, null);
    if (!inbox) throw new Error('no inbox to send from');
    const now = clock();
    const started = now.getTime();

    const late = await db.query(
      `UPDATE announcement_recipients SET state = 'skipped', skip_reason = 'too_late'
       WHERE account_id = $1 AND announcement_id = $2 AND state IN ('queued', 'sending') AND $3::timestamptz >= $4::timestamptz RETURNING 1`,
      [accountId, id, now, a.effective_at],
    );
    const batch = await db.query<Claimed>(
      `UPDATE announcement_recipients SET state = 'sending'
       WHERE (account_id, announcement_id, customer_id) IN (
         SELECT account_id, announcement_id, customer_id FROM announcement_recipients
         WHERE account_id = $1 AND announcement_id = $2 AND state IN ('queued', 'sending') AND send_at <= $3
         ORDER BY send_at, customer_id LIMIT $4 FOR UPDATE SKIP LOCKED)
       RETURNING customer_id, email, language, vulnerable, email_message_id, reply_token`,
      [accountId, id, now, settings.send_per_minute],
    );
    const consent = await contactDecisions(db, accountId, batch.map((r) => r.customer_id), marketing ? 'marketing_announcement' : 'service');
    const refused = batch.filter((r) => consent.get(r.customer_id)?.allowed === false);
    for (const r of refused) {
      await db.query(`UPDATE announcement_recipients SET state = 'skipped', skip_reason = $4 WHERE account_id = $1 AND announcement_id = $2 AND customer_id = $3`,
        [accountId, id, r.customer_id, skipReasonOf(consent.get(r.customer_id)!)]);
    }
    const sendable = batch.filter((r) => !refused.includes(r));
    if (batch.length && a.status === 'scheduled') await db.query(`UPDATE announcements SET status = 'sending', updated_at = now() WHERE account_id = $1 AND id = $2 AND status = 'scheduled'`, [accountId, id]);

    const transport = transportFor(relayUrl);
    let failure: Error | null = null;
    const sendOne = async (r: Claimed) => {
      const stop = marketing ? unsubscribeUrl(publicUrl!, await createRightsLink(db, accountId, { customerId: r.customer_id, purpose: 'unsubscribe', kind: 'announcements' })) : undefined;
      const m = composeAnnouncement({ content: a.content, language: r.language, vulnerable: r.vulnerable, contactRoute: a.contact_route, effectiveAt: a.effective_at, timeZone: settings.time_zone, unsubscribe: stop });
      try {
        await transport.sendMail({
          from: { name: inbox.name, address: inbox.address }, to: r.email, replyTo: { name: inbox.name, address: replyAddress(inbox.address, r.reply_token) },
          subject: m.subject, text: m.text, messageId: `<${r.email_message_id}>`,
          headers: { 'X-Luister-Announcement': id, 'Auto-Submitted': 'auto-generated', 'Content-Language': m.language, ...(stop ? { ...oneClickHeaders(stop), Precedence: 'bulk' } : {}) },
        });
        // a bounce that came back already (announcement-feedback.ts) stays bounced
        await db.query(`UPDATE announcement_recipients SET state = 'sent', sent_at = now(), error = NULL WHERE account_id = $1 AND announcement_id = $2 AND customer_id = $3 AND state = 'sending'`, [accountId, id, r.customer_id]);
      } catch (err) {
        const e = err as Error & { responseCode?: number };
        const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500;
        await db.query(
          `UPDATE announcement_recipients SET state = $4, error = $5 WHERE account_id = $1 AND announcement_id = $2 AND customer_id = $3`,
          [accountId, id, r.customer_id, permanent ? 'bounced' : 'queued', e.message.slice(0, 500)],
        );
        if (!permanent) failure ??= e;
      }
    };
    // a few mails in flight at once over the pooled connection; the rate is kept per batch
    for (let i = 0; i < sendable.length && !failure; i += 5) await Promise.all(sendable.slice(i, i + 5).map(sendOne));

    // the workspace's send progress follows each batch (a live notice only: webhooks hear announcement.sent)
    if (batch.length) await publishLive(db, liveNotice(accountId, 'announcement.progress', { id }));

    const [next] = await db.query<{ at: Date | null; left: number }>(
      `SELECT min(send_at) AS at, count(*)::int AS left FROM announcement_recipients WHERE account_id = $1 AND announcement_id = $2 AND state IN ('queued', 'sending')`,
      [accountId, id],
    );
    if (next.left > 0) {
      // the rate: the next batch a minute after this one started (sooner is never taken)
      const at = Math.max(next.at!.getTime(), batch.length >= settings.send_per_minute || failure ? started + 60_000 : started);
      await enqueueJob(db, { accountId, kind: 'announcement.send', payload: { announcement_id: id }, runAt: new Date(at) });
      return;
    }
    await db.transaction(async (tx) => {
      const [done] = await tx.query(`UPDATE announcements SET status = 'sent', updated_at = now() WHERE account_id = $1 AND id = $2 AND status IN ('scheduled', 'sending') RETURNING id`, [accountId, id]);
      if (!done) return;
      const counts = await deliveryCounts(tx, accountId, id);
      await recordAudit(tx, systemActor(accountId), { action: 'announcement.sent', entityType: 'announcement', entityId: id, after: { ...counts, skipped_too_late: late.length } });
      await emitEvent(tx, accountId, 'announcement.sent', { id, delivery: counts });
    });
  };
}
