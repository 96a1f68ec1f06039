import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { searchConfigFor } from '../text/language.ts';
import { emitEvent } from '../webhooks/events.ts';

export type MessageType = 'inbound' | 'outbound' | 'note';

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
  created_at: Date;
}

export const MESSAGE_COLUMNS = 'id, case_id, type, channel, author_agent_id, customer_id, body, language, findings, created_at';

/** Stores one timeline entry in the caller's transaction, audited, with its webhook event. */
export async function insertMessage(
  tx: Db,
  actor: Actor,
  m: { caseId: string; type: MessageType; channel: string; body: string; language: string | null; customerId?: string | null; findings?: unknown[] | null },
): Promise<MessageRow> {
  const [row] = await tx.query<MessageRow>(
    `INSERT INTO messages (account_id, case_id, type, channel, author_agent_id, customer_id, body, language, search_config, findings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING ${MESSAGE_COLUMNS}`,
    [actor.accountId, m.caseId, m.type, m.channel, m.type === 'inbound' ? null : actor.agentId, m.customerId ?? null,
      m.body, m.language, searchConfigFor(m.language), m.findings?.length ? JSON.stringify(m.findings) : null],
  );
  await recordAudit(tx, actor, {
    action: m.type === 'note' ? 'note.added' : `message.${m.type}`,
    entityType: 'case',
    entityId: m.caseId,
    after: { message_id: row.id, type: row.type, channel: row.channel },
  });
  if (m.type !== 'note') await emitEvent(tx, actor.accountId, 'message.created', row);
  return row;
}
