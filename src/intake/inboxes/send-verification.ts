import { mailTransport } from '../../shared/mail-transport.ts';
import type { Db } from '../../storage/db.ts';
import { enqueueJob, type JobRow } from '../../storage/jobs.ts';
import { CODE_TTL_HOURS, hashCode, newVerificationCode } from './verification-code.ts';
import { INBOX_COLUMNS, type InboxRow } from './store.ts';

/**
 * The verification mail: a code sent to the inbox address through the outbound mail path (a job,
 * SMTP_RELAY_URL). Whoever reads that mailbox can confirm the inbox; whoever only typed the
 * address cannot. A new code is made when the mail is sent (so none waits in the jobs table), and
 * a new mail replaces the code of the one before.
 */
export const VERIFY_JOB = { kind: 'inbox.verification', maxAttempts: 8 } as const;
/** Another verification mail to the same address no sooner than this (no mail-bombing an address). */
export const RESEND_AFTER_MS = 60_000;

/** Queues the verification mail in the caller's transaction, and notes when it was asked for. */
export async function queueVerification(tx: Db, accountId: string, inboxId: string): Promise<void> {
  await tx.query('UPDATE inboxes SET verification_sent_at = now() WHERE account_id = $1 AND id = $2', [accountId, inboxId]);
  await enqueueJob(tx, { accountId, kind: VERIFY_JOB.kind, payload: { inbox_id: inboxId }, maxAttempts: VERIFY_JOB.maxAttempts });
}

export function verificationMail(inbox: Pick<InboxRow, 'id' | 'address'>, accountName: string, code: string, publicUrl?: string) {
  const where = publicUrl ? `${publicUrl.replace(/\/$/, '')}/api/v1/inboxes/${inbox.id}/verify` : `POST /api/v1/inboxes/${inbox.id}/verify`;
  const text = [
    `Het Luister-account "${accountName}" wil mail aan ${inbox.address} ontvangen.`,
    'Dat gebeurt pas als iemand die deze mailbox leest het adres bevestigt met deze code:',
    '',
    `    ${code}`,
    '',
    `De code is ${CODE_TTL_HOURS} uur geldig. Geef hem aan de beheerder van dat account, of vul hem zelf in`,
    `(${where}, met {"code": "${code}"}).`,
    'Heb je hier niet om gevraagd? Doe dan niets: zonder de code komt er geen mail bij dat account terecht.',
    '',
    '---',
    '',
    `The Luister account "${accountName}" wants to receive mail sent to ${inbox.address}.`,
    'That only happens once someone who reads this mailbox confirms the address with this code:',
    '',
    `    ${code}`,
    '',
    `The code is valid for ${CODE_TTL_HOURS} hours. Give it to that account's administrator, or enter it yourself`,
    `(${where}, with {"code": "${code}"}).`,
    'Did not ask for this? Do nothing: without the code no mail reaches that account.',
  ].join('\n');
  return { subject: `Bevestig ${inbox.address} voor Luister / Confirm ${inbox.address} for Luister`, text };
}

/** Job `inbox.verification`: makes a code, keeps its hash, mails it to the inbox address. */
export function sendVerificationJob(relayUrl: string | undefined, publicUrl?: string) {
  return async (db: Db, job: JobRow): Promise<void> => {
    const accountId = job.account_id!;
    const [inbox] = await db.query<InboxRow & { account_name: string }>(
      `SELECT ${INBOX_COLUMNS.split(', ').map((c) => `i.${c}`).join(', ')}, a.name AS account_name
       FROM inboxes i JOIN accounts a ON a.account_id = i.account_id WHERE i.account_id = $1 AND i.id = $2`,
      [accountId, String(job.payload.inbox_id)],
    );
    if (!inbox || inbox.verified_at) return; // gone, or verified another way meanwhile
    if (!relayUrl) throw new Error('SMTP_RELAY_URL is not set: the verification mail waits until it is');
    const code = newVerificationCode();
    await db.query(
      `UPDATE inboxes SET verification_code_hash = $3, verification_expires_at = now() + make_interval(hours => $4), verification_attempts = 0
       WHERE account_id = $1 AND id = $2 AND verified_at IS NULL`,
      [accountId, inbox.id, hashCode(code), CODE_TTL_HOURS],
    );
    const mail = verificationMail(inbox, inbox.account_name, code, publicUrl);
    await mailTransport(relayUrl).sendMail({
      from: { name: 'Luister', address: inbox.address },
      to: inbox.address,
      subject: mail.subject,
      text: mail.text,
      // RFC 3834: an automatic message; auto-responders (and Luister's own intake) do not answer it
      headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
    });
  };
}
