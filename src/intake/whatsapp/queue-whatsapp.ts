import type { Db } from '../../storage/db.ts';
import { enqueueJob } from '../../storage/jobs.ts';

/** The job that sends one stored outbound WhatsApp message (send-whatsapp.ts). */
export const WHATSAPP_SEND_JOB = { kind: 'whatsapp.send', maxAttempts: 8 } as const;

export interface WhatsAppTemplateUse {
  name: string;
  language: string;
  parameters?: string[];
}

/**
 * Queues the sending of a stored outbound message on WhatsApp, in the caller's transaction: the
 * message, its outbox row (with its idempotency key) and the job are stored together or not at all.
 */
export async function queueWhatsApp(tx: Db, accountId: string, messageId: string, toWaId: string, template: WhatsAppTemplateUse | null): Promise<void> {
  await tx.query(
    'INSERT INTO whatsapp_outbound (account_id, message_id, to_wa_id, template) VALUES ($1, $2, $3, $4::jsonb)',
    [accountId, messageId, toWaId, template ? JSON.stringify(template) : null],
  );
  await enqueueJob(tx, { accountId, kind: WHATSAPP_SEND_JOB.kind, payload: { message_id: messageId }, maxAttempts: WHATSAPP_SEND_JOB.maxAttempts });
}
