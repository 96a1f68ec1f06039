import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { searchConfigFor } from '../text/language.ts';
import { emitEvent } from '../webhooks/events.ts';

export type MessageType = 'inbound' | 'outbound' | 'note';
export type MessageAutomated = 'auto_reply' | 'bounce' | 'bulk' | 'acknowledgement' | 'bot';

export interface MessageRow {
  id: string;
  case_id: string;
  type: MessageType;
  channel: string;
  author_agent_id: string | null;
  customer_id: string | null;
  body: string;
  language: string | null;
  /** reply-check warnings this outbound message was sent with */
  findings: unknown[] | null;
  subject: string | null;
  from_address: string | null;
  to_address: string | null;
  original_body: string | null;
  html: string | null;
  automated: MessageAutomated | null;
  delivery_status: 'queued' | 'sent' | 'failed' | null;
  sent_at: Date | null;
  delivery_error: string | null;
  intake_notes: string[] | null;
  created_at: Date;
}

export const MESSAGE_COLUMNS =
  'id, case_id, type, channel, author_agent_id, customer_id, body, language, findings, subject, from_address, to_address, ' +
  'original_body, html, automated, delivery_status, sent_at, delivery_error, intake_notes, created_at';

/** E-mail facts stored beside a message (all optional: other channels leave them empty). */
export interface MessageEmailFields {
  subject?: string | null;
  messageId?: string | null;
  references?: string[];
  from?: string | null;
  to?: string | null;
  originalBody?: string | null;
  html?: string | null;
  automated?: MessageAutomated | null;
  inboxId?: string | null;
  deliveryStatus?: 'queued' | 'failed' | null;
  deliveryError?: string | null;
  notes?: string[];
}

/**
 * Stores one timeline entry in the caller's transaction, with its audit row (and, when asked, the
 * job that works on it: analysis, sending) in the same statement, then its webhook event.
 */
export async function insertMessage(
  tx: Db,
  actor: Actor,
  m: {
    caseId: string;
    type: MessageType;
    channel: string;
    body: string;
    language: string | null;
    customerId?: string | null;
    findings?: unknown[] | null;
    email?: MessageEmailFields;
    /** a job queued for the new message (payload {message_id}), stored with it or not at all */
    job?: { kind: string; maxAttempts?: number };
  },
): Promise<MessageRow> {
  const e = m.email ?? {};
  const [row] = await tx.query<MessageRow>(
    `WITH m AS (
       INSERT INTO messages (account_id, case_id, type, channel, author_agent_id, customer_id, body, language, search_config, findings,
         subject, email_message_id, email_references, from_address, to_address, original_body, html, automated, inbox_id, delivery_status,
         intake_notes, delivery_error)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22) RETURNING ${MESSAGE_COLUMNS}),
     a AS (
       INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, after, request_id)
       SELECT $1, $23::text, $24::uuid, $25::text, 'case', m.case_id,
         jsonb_build_object('message_id', m.id, 'type', m.type, 'channel', m.channel)
           || CASE WHEN m.automated IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('automated', m.automated) END,
         $26::text
       FROM m)${m.job ? `,
     j AS (
       INSERT INTO jobs (account_id, kind, payload, max_attempts)
       SELECT $1, $27::text, jsonb_build_object('message_id', m.id::text), $28::int FROM m)` : ''}
     SELECT * FROM m`,
    [actor.accountId, m.caseId, m.type, m.channel, m.type === 'inbound' ? null : actor.agentId, m.customerId ?? null,
      m.body, m.language, searchConfigFor(m.language), m.findings?.length ? JSON.stringify(m.findings) : null,
      e.subject ?? null, e.messageId ?? null, e.references?.length ? e.references : null, e.from ?? null, e.to ?? null,
      e.originalBody ?? null, e.html ?? null, e.automated ?? null, e.inboxId ?? null, e.deliveryStatus ?? null, e.notes?.length ? e.notes : null, e.deliveryError ?? null,
      actor.type, actor.id, m.type === 'note' ? 'note.added' : `message.${m.type}`, actor.requestId ?? null,
      ...(m.job ? [m.job.kind, m.job.maxAttempts ?? 10] : [])],
  );
  if (m.type !== 'note') await emitEvent(tx, actor.accountId, 'message.created', row);
  return row;
}
