import type { Db } from '../../storage/db.ts';
import { contactAddedCtes } from '../../cases/contact-added-sql.ts';
import type { Actor } from '../../shared/actor.ts';
import { CASE_COLUMNS, type CaseRow } from '../../cases/store.ts';
import { MESSAGE_COLUMNS, type MessageRow } from '../../cases/insert-message.ts';
import { searchConfigFor } from '../../text/language.ts';
import { ANALYSE_JOB } from '../../listening/analyse-stored-message.ts';
import { LIVE_CHANNEL } from '../../live/notice.ts';
import { hashChatToken } from './chat-session.ts';

export interface OpenChatMessage {
  accountId: string;
  token: string;
  /** chat.<client id>@luister: a resend after a lost connection is found by it */
  externalId: string;
  body: string;
  language: 'nl' | 'en';
}

export type OpenChatOutcome =
  | { kind: 'stored'; seq: number; caseRef: string; caseRow: CaseRow; message: MessageRow }
  | { kind: 'duplicate'; seq: number; caseRef: string }
  /** no session with this token */
  | { kind: 'no_session' }
  /** not the common case (the case was closed or merged, the visitor's identity moved, the case changed meanwhile): nothing written, the full road decides */
  | { kind: 'other' };

const cols = (list: string, from: string, prefix: string) => list.split(',').map((c) => `${from}.${c.trim()} AS "${prefix}${c.trim()}"`).join(', ');
const unprefix = <T>(row: Record<string, unknown>, prefix: string) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v])) as T;

/**
 * A visitor's message in a conversation whose case is open, in one statement (the common case of
 * a chat): the session row locked (messages of one chat are numbered one after the other), a
 * resend recognised, the contact counted on the case (reopened when it waited on the customer or
 * was solved) with its audit row and the followers' notifications rung live, the message with its
 * audit row and its analysis job, and its number in the chat. What receiveMessageIn, joinCase,
 * insertMessage and appendChatEntry do for such a message, in the same rows; their webhook
 * events (case.updated, message.created) are the caller's to emit in the same transaction.
 *
 * Anything else (a closed or merged case, a customer whose identity is no longer the session's,
 * a case whose status changed between the read and the update) writes nothing and says `other`.
 */
export async function appendToOpenChat(tx: Db, actor: Actor, m: OpenChatMessage): Promise<OpenChatOutcome> {
  const [row] = await tx.query<Record<string, unknown> & { dup_seq: number | null; dup_ref: string | null; seq: number | null; n: number }>(
    `WITH s AS (
       SELECT s.id, s.case_id, c.status, c.merged_into_id,
         (SELECT i.customer_id FROM customer_identities i WHERE i.account_id = s.account_id AND i.kind = 'social' AND i.value = s.visitor) AS customer_id,
         dup.seq AS dup_seq, dup.ref AS dup_ref
       FROM chat_sessions s JOIN cases c ON c.account_id = s.account_id AND c.id = s.case_id
       LEFT JOIN LATERAL (
         SELECT e.seq, k.ref FROM messages d JOIN chat_entries e ON e.account_id = d.account_id AND e.message_id = d.id AND e.session_id = s.id
         JOIN cases k ON k.account_id = d.account_id AND k.id = d.case_id WHERE d.account_id = s.account_id AND d.email_message_id = $3) dup ON true
       WHERE s.account_id = $1 AND s.token_hash = $2
       FOR UPDATE OF s),
     ok AS (SELECT * FROM s WHERE dup_seq IS NULL AND merged_into_id IS NULL AND status <> 'closed' AND customer_id IS NOT NULL),
     u AS (
       -- joinCase: one more contact; waiting on the customer or solved reopens (statusAfterCustomerContact), so solved_at goes
       UPDATE cases c SET contact_count = c.contact_count + 1, last_contact_at = now(), updated_at = now(),
         status = CASE WHEN ok.status IN ('pending_customer', 'solved') THEN 'open' ELSE ok.status END, solved_at = NULL
       FROM ok WHERE c.account_id = $1 AND c.id = ok.case_id AND c.status = ok.status
       RETURNING ${CASE_COLUMNS.split(',').map((c) => `c.${c.trim()}`).join(', ')}, ok.status AS before_status, ok.customer_id AS sender_id),
     ${contactAddedCtes({ actorType: '$7', actorId: '$8', requestId: '$9', beforeStatus: 'u.before_status', liveChannel: '$10' })},
     m AS (
       INSERT INTO messages (account_id, case_id, type, channel, customer_id, body, language, search_config, email_message_id, intake_notes)
       SELECT $1, u.id, 'inbound', 'chat', u.sender_id, $4, $5, $6, $3, ARRAY['sent in the chat widget'] FROM u
       RETURNING ${MESSAGE_COLUMNS}),
     ma AS (
       INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, after, request_id)
       SELECT $1, $7::text, $8::uuid, 'message.inbound', 'case', m.case_id, jsonb_build_object('message_id', m.id, 'type', m.type, 'channel', m.channel), $9::text
       FROM m),
     j AS (INSERT INTO jobs (account_id, kind, payload, max_attempts) SELECT $1, $11::text, jsonb_build_object('message_id', m.id::text), 10 FROM m),
     q AS (UPDATE chat_sessions cs SET last_seq = cs.last_seq + 1 FROM u WHERE cs.account_id = $1 AND cs.case_id = u.id RETURNING cs.id, cs.last_seq),
     e AS (INSERT INTO chat_entries (account_id, session_id, seq, message_id) SELECT $1, q.id, q.last_seq, m.id FROM q, m RETURNING session_id, seq)
     SELECT s.dup_seq, s.dup_ref, (SELECT e.seq FROM e WHERE e.session_id = s.id) AS seq, (SELECT n FROM rung) AS n,
       -- the group's next messages reuse one plan of this statement (planning it costs more than running it: store-batch.ts)
       set_config('plan_cache_mode', 'force_generic_plan', true) AS plans,
       ${cols(CASE_COLUMNS, 'u', 'c.')}, ${cols(MESSAGE_COLUMNS, 'm', 'm.')}
     FROM s LEFT JOIN u ON true LEFT JOIN m ON true`,
    [m.accountId, hashChatToken(m.token), m.externalId, m.body, m.language, searchConfigFor(m.language),
      actor.type, actor.id, actor.requestId ?? null, LIVE_CHANNEL, ANALYSE_JOB],
  );
  if (!row) return { kind: 'no_session' };
  if (row.dup_seq != null) return { kind: 'duplicate', seq: row.dup_seq, caseRef: row.dup_ref! };
  if (row['m.id'] == null) return { kind: 'other' };
  // stored but not numbered in its own chat: never answer "other" for a written message (the full road would store it again)
  if (row.seq == null) throw new Error('chat message stored without its entry');
  const caseRow = unprefix<CaseRow>(row, 'c.');
  return { kind: 'stored', seq: row.seq, caseRef: caseRow.ref, caseRow, message: unprefix<MessageRow>(row, 'm.') };
}
