import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import type { InboundMessage } from '../intake/types.ts';

/**
 * What comes back from an announcement, fed back to its recipients. Every recipient's mail has its
 * own Message-ID (announcement_recipients.email_message_id), so a reply (In-Reply-To/References) or a
 * bounce (the original's headers in the DSN) names the one recipient it is about. Called by intake
 * (store-inbound.ts) in its transaction.
 */

export interface RepliedRecipient { announcement_id: string; customer_id: string }

/** The recipient a message answers, by the announcement mail it references; null when it answers none. */
export async function announcementAnswered(tx: Db, accountId: string, references: string[]): Promise<RepliedRecipient | null> {
  if (!references.length) return null;
  const [row] = await tx.query<RepliedRecipient>(
    `SELECT announcement_id, customer_id FROM announcement_recipients WHERE account_id = $1 AND email_message_id = ANY($2::text[]) LIMIT 1`,
    [accountId, references],
  );
  return row ?? null;
}

/** A person answered the announcement: the case their reply opened (or joined) is linked to it. */
export async function linkAnnouncementReply(tx: Db, actor: Actor, r: RepliedRecipient, caseId: string): Promise<void> {
  // the first reply is the one linked; later ones land on the same case by its thread
  const [row] = await tx.query(
    `UPDATE announcement_recipients SET state = 'replied', replied_at = coalesce(replied_at, now()), reply_case_id = coalesce(reply_case_id, $4)
     WHERE account_id = $1 AND announcement_id = $2 AND customer_id = $3 AND reply_case_id IS NULL RETURNING 1`,
    [actor.accountId, r.announcement_id, r.customer_id, caseId],
  );
  if (!row) return;
  await recordAudit(tx, actor, { action: 'case.announcement_reply', entityType: 'case', entityId: caseId, after: { announcement_id: r.announcement_id } });
}

/**
 * A permanent bounce of an announcement mail: its recipient is bounced. Found by the Message-ID the
 * DSN quotes; a DSN that quotes none (some servers send only the text) is matched by the failed
 * address among this week's sent recipients, but only when it names no mail of ours at all.
 */
export async function recordAnnouncementBounce(tx: Db, accountId: string, m: Pick<InboundMessage, 'references' | 'automated'>, knownElsewhere: boolean): Promise<number> {
  if (!m.automated.permanent) return 0;
  const reason = (m.automated.reason ?? 'delivery failed').slice(0, 500);
  const byId = m.references.length
    ? await tx.query(
        `UPDATE announcement_recipients SET state = 'bounced', bounced_at = now(), error = $3
         WHERE account_id = $1 AND email_message_id = ANY($2::text[]) AND state IN ('sending', 'sent') RETURNING 1`,
        [accountId, m.references, reason],
      )
    : [];
  if (byId.length || knownElsewhere || !m.automated.bouncedRecipients.length) return byId.length;
  const byAddress = await tx.query(
    `UPDATE announcement_recipients SET state = 'bounced', bounced_at = now(), error = $3
     WHERE account_id = $1 AND lower(email) = ANY($2::text[]) AND state = 'sent' AND sent_at > now() - interval '7 days' RETURNING 1`,
    [accountId, m.automated.bouncedRecipients.map((r) => r.toLowerCase()), reason],
  );
  return byAddress.length;
}

/** The replies and bounces of one announcement: who answered (and the case it became), whose mail bounced. */
export async function listAnnouncementFeedback(db: Db, accountId: string, id: string) {
  return db.query<{ customer_id: string; email: string; state: 'replied' | 'bounced'; case_id: string | null; case_ref: string | null; at: Date; error: string | null }>(
    `SELECT r.customer_id, r.email, r.state, r.reply_case_id AS case_id, c.ref AS case_ref, coalesce(r.replied_at, r.bounced_at) AS at,
       CASE WHEN r.state = 'bounced' THEN r.error END AS error
     FROM announcement_recipients r LEFT JOIN cases c ON c.account_id = r.account_id AND c.id = r.reply_case_id
     WHERE r.account_id = $1 AND r.announcement_id = $2 AND r.state IN ('replied', 'bounced')
     ORDER BY coalesce(r.replied_at, r.bounced_at) DESC NULLS LAST, r.customer_id LIMIT 1000`,
    [accountId, id],
  );
}
