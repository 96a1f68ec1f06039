import { mailTransport } from '../../../shared/mail-transport.ts';
import type { Db } from '../../../storage/db.ts';
import type { JobRow } from '../../../storage/jobs.ts';
import { inboxForCase } from '../../inboxes/store.ts';
import { plusAddress } from './addresses.ts';
import { withSignature } from './signature.ts';

interface OutboundRow {
  id: string;
  case_id: string;
  body: string;
  subject: string | null;
  email_message_id: string | null;
  email_references: string[] | null;
  to_address: string | null;
  automated: string | null;
  delivery_status: string | null;
  inbox_id: string | null;
  language: string | null;
  ref: string;
}

/**
 * Job `email.send`: sends one stored outbound mail through SMTP_RELAY_URL, then marks it sent.
 * A mail already marked sent is never sent again (a retried or duplicated job finds it sent);
 * a failure is retried with backoff, and after the last attempt the message shows `failed`
 * with the relay's answer. Replies go to support+LU-1042@…, so the answer finds its case even
 * when the customer's mail client drops the threading headers.
 */
export function sendEmailJob(relayUrl: string | undefined) {
  return async (db: Db, job: JobRow): Promise<void> => {
    const accountId = job.account_id!;
    const messageId = String(job.payload.message_id);
    const [m] = await db.query<OutboundRow>(
      `SELECT m.id, m.case_id, m.body, m.subject, m.email_message_id, m.email_references, m.to_address, m.automated,
         m.delivery_status, m.inbox_id, coalesce(m.language, c.language) AS language, c.ref
       FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
       WHERE m.account_id = $1 AND m.id = $2 AND m.type = 'outbound'`,
      [accountId, messageId],
    );
    if (!m || m.delivery_status !== 'queued') return; // gone, already sent, or given up: never twice
    try {
      if (!relayUrl) throw new Error('SMTP_RELAY_URL is not set: outbound e-mail waits until it is');
      const inbox = await inboxForCase(db, accountId, m.inbox_id);
      if (!inbox) throw new Error('no inbox to send from');
      if (!m.to_address) throw new Error('no recipient address');
      const references = m.email_references ?? [];
      await mailTransport(relayUrl).sendMail({
        from: { name: inbox.name, address: inbox.address },
        to: m.to_address,
        replyTo: { name: inbox.name, address: plusAddress(inbox.address, m.ref) },
        subject: m.subject ?? `[${m.ref}]`,
        // the inbox's signature goes under every mail from it (replies and acknowledgements alike), in the message's language
        text: withSignature(m.body, inbox, m.language),
        messageId: `<${m.email_message_id}>`,
        ...(references.length ? { inReplyTo: `<${references[references.length - 1]}>`, references: references.map((r) => `<${r}>`) } : {}),
        headers: {
          'X-Luister-Case': m.ref,
          // RFC 3834: an acknowledgement is an automatic reply, so well-behaved auto-responders do not answer it
          ...(m.automated === 'acknowledgement' ? { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All' } : {}),
        },
      });
      await db.query(
        `UPDATE messages SET delivery_status = 'sent', sent_at = now(), delivery_error = NULL WHERE account_id = $1 AND id = $2`,
        [accountId, m.id],
      );
    } catch (err) {
      const reason = (err as Error).message.slice(0, 500);
      const last = job.attempts >= job.max_attempts;
      await db.query(
        `UPDATE messages SET delivery_error = $3, delivery_status = CASE WHEN $4::boolean THEN 'failed' ELSE delivery_status END
         WHERE account_id = $1 AND id = $2`,
        [accountId, m.id, reason, last],
      );
      throw err;
    }
  };
}
