import { randomUUID } from 'node:crypto';
import type { Db } from '../../../storage/db.ts';
import type { MessageEmailFields } from '../../../cases/insert-message.ts';
import { enqueueJob } from '../../../storage/jobs.ts';
import { inboxForCase, type InboxRow } from '../../inboxes/store.ts';

interface LastInbound {
  email_message_id: string | null;
  email_references: string[] | null;
  from_address: string | null;
}

/** How many earlier Message-IDs an outbound mail carries in References (RFC 5322 allows more; clients trim too). */
const MAX_REFERENCES = 20;

export interface CaseForMail {
  id: string;
  ref: string;
  subject: string;
  customer_id: string;
  inbox_id?: string | null;
}

/**
 * The e-mail envelope of a message we send on a case: from the case's inbox, to the address the
 * customer last wrote from, threaded under their last mail (In-Reply-To/References), the case
 * reference in the subject. When there is no inbox or no address the message is stored as
 * `failed` with the reason, so nobody believes it went out.
 */
export async function outboundEmailFields(
  tx: Db,
  accountId: string,
  c: CaseForMail,
  /** what the caller already knows (the acknowledgement: the inbox and the mail it answers), saving the lookups */
  known: { inbox?: InboxRow; answering?: LastInbound } = {},
): Promise<MessageEmailFields> {
  // a case row as most code loads it has no inbox_id: read it, or a reply would go out from the account's first inbox
  const caseInbox = async () => c.inbox_id !== undefined ? c.inbox_id
    : ((await tx.query<{ inbox_id: string | null }>('SELECT inbox_id FROM cases WHERE account_id = $1 AND id = $2', [accountId, c.id]))[0]?.inbox_id ?? null);
  const inbox = known.inbox ?? (await inboxForCase(tx, accountId, await caseInbox()));
  const [last] = known.answering
    ? [known.answering]
    : await tx.query<LastInbound>(
        `SELECT email_message_id, email_references, from_address FROM messages
         WHERE account_id = $1 AND case_id = $2 AND type = 'inbound' AND channel = 'email' AND automated IS NULL
         ORDER BY created_at DESC LIMIT 1`,
        [accountId, c.id],
      );
  const to = last?.from_address ?? (await customerAddress(tx, accountId, c.customer_id));
  const references = [...(last?.email_references ?? []), ...(last?.email_message_id ? [last.email_message_id] : [])].slice(-MAX_REFERENCES);
  const subject = c.subject.includes(c.ref) ? `Re: ${c.subject}` : `Re: ${c.subject} [${c.ref}]`;
  const domain = inbox?.address.split('@')[1] ?? 'luister.invalid';
  const fields: MessageEmailFields = {
    subject: subject.replace(/^(Re:\s*)+/i, 'Re: '),
    messageId: `${randomUUID()}@${domain}`,
    references,
    from: inbox?.address ?? null,
    to,
    inboxId: inbox?.id ?? null,
    deliveryStatus: 'queued',
  };
  if (!inbox) return { ...fields, deliveryStatus: 'failed', deliveryError: 'no inbox to send from: add one (POST /api/v1/inboxes or `luister inbox create`)' };
  if (!to) return { ...fields, deliveryStatus: 'failed', deliveryError: 'the customer has no e-mail address' };
  return fields;
}

/** The job that sends a stored outbound mail (insertMessage's `job` queues it in the statement that stores the mail). */
export const SEND_JOB = { kind: 'email.send', maxAttempts: 12 } as const;

/** Queues the sending of a stored outbound mail, in the caller's transaction: stored and queued together, or neither. */
export async function queueSend(tx: Db, accountId: string, messageId: string): Promise<void> {
  await enqueueJob(tx, { accountId, kind: SEND_JOB.kind, payload: { message_id: messageId }, maxAttempts: SEND_JOB.maxAttempts });
}

async function customerAddress(tx: Db, accountId: string, customerId: string): Promise<string | null> {
  const [row] = await tx.query<{ value: string }>(
    `SELECT value FROM customer_identities WHERE account_id = $1 AND customer_id = $2 AND kind = 'email'
     ORDER BY bouncing_since IS NOT NULL, created_at DESC LIMIT 1`,
    [accountId, customerId],
  );
  return row?.value ?? null;
}
