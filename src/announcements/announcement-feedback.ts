import { randomBytes } from 'node:crypto';
import type { Db } from '../storage/db.ts';
import { plusAddress } from '../intake/channels/email/addresses.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import type { InboundMessage } from '../intake/types.ts';

/**
 * What comes back from an announcement, fed back to its recipients. Each recipient's mail has a
 * Reply-To of its own, the inbox's plus-address with an unguessable token (`service+a-<token>@…`):
 * a reply to it names the one recipient it answers, also when the mail client dropped
 * In-Reply-To/References, and nobody can answer in someone else's name by quoting a Message-ID (a
 * Message-ID is no secret: it travels with every forward). Without the token (recipients scheduled
 * before it existed, a reply written to the inbox's own address), the Message-ID the reply references
 * (announcement_recipients.email_message_id) counts only when it comes from the recipient's own
 * address. A bounce (the original's headers in the DSN) is matched by the Message-ID. Called by
 * intake (store-inbound.ts) in its transaction.
 */

export interface RepliedRecipient { announcement_id: string; customer_id: string }

const TOKEN = /^a-([0-9a-f]{24})$/;

/** 96 random bits, lower-case hex: survives the lower-casing of a local part. */
export const newReplyToken = () => randomBytes(12).toString('hex');

/** The Reply-To of one recipient's mail: the inbox's plus-address with the token (the inbox itself without one). */
export function replyAddress(inbox: string, token: string | null): string {
  return token ? plusAddress(inbox, `a-${token}`) : inbox;
}

/** The token in a plus-address tag (`a-<token>`), or null when the tag is something else (a case reference). */
export function replyTokenOf(tag: string | null | undefined): string | null {
  return TOKEN.exec(tag ?? '')?.[1] ?? null;
}

/**
 * The recipient a message answers: by the token of the address it was sent to, else by the announcement
 * mail it references when it comes from that recipient's address; null when it answers none.
 */
export async function announcementAnswered(tx: Db, accountId: string, m: { token: string | null; references: string[]; from: string | undefined }): Promise<RepliedRecipient | null> {
  if (m.token) {
    const [row] = await tx.query<RepliedRecipient>(
      'SELECT announcement_id, customer_id FROM announcement_recipients WHERE account_id = $1 AND reply_token = $2', [accountId, m.token]);
    if (row) return row;
  }
  if (!m.references.length || !m.from) return null;
  const [row] = await tx.query<RepliedRecipient>(
    `SELECT announcement_id, customer_id FROM announcement_recipients WHERE account_id = $1 AND email_message_id = ANY($2::text[]) AND lower(email) = $3 LIMIT 1`,
    [accountId, m.references, m.from.toLowerCase()],
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
