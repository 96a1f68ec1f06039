import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { AppError, invalid, isUniqueViolation } from '../../shared/errors.ts';
import { receiveMessageIn } from '../../cases/receive-message.ts';
import type { Door } from '../doors/channel-settings.ts';
import { appendChatEntry } from './chat-entries.ts';
import { commitOpenChatMessage } from './commit-chat-messages.ts';
import { type ChatSession, hashChatToken, newChatToken } from './chat-session.ts';
import type { CaseStatus } from '../../cases/status.ts';

export interface ChatMessageInput {
  /** the visitor's session token; absent for the first message (a session is started) */
  token?: string;
  /** the widget's own id for this message: a resend after a lost connection is stored once */
  clientId: string;
  body: string;
  language: 'nl' | 'en';
  name?: string;
  email?: string;
}

/**
 * A visitor writes in the chat widget. The text is stored as text (the widget never renders it as
 * markup) on the case of their chat, through the same case road as every channel (customer, repeat
 * contact, analysis), and numbered in the chat. The first message opens the case and the session.
 */
export async function sendChatMessage(db: Db, door: Door, i: ChatMessageInput): Promise<{ token: string; seq: number; caseRef: string; duplicate: boolean; newCase?: { id: string; customerId: string; createdAt: Date } }> {
  if (!door.chat_enabled) throw new AppError('chat_off', 'Chat is switched off', 404);
  const body = i.body.replace(/\r\n?/g, '\n').trim();
  if (!body) throw invalid('message_empty', 'Write a message first');
  if (body.length > 4000) throw invalid('message_too_long', 'A chat message is at most 4,000 characters');
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(i.clientId)) throw invalid('client_id_invalid', 'client_id must be 8 to 64 letters, digits, - or _');
  const actor = systemActor(door.account_id);
  const externalId = `chat.${i.clientId}@luister`;
  // the common case, a message in an open conversation: one statement, committed together with the messages arriving with it
  if (i.token && !i.email && !i.name && /^[A-Za-z0-9_-]{32}$/.test(i.token)) {
    const r = await commitOpenChatMessage(db, { accountId: door.account_id, token: i.token, externalId, body, language: i.language }).catch((err: unknown) => {
      // the same client id sent twice at the same moment: the other one stored it, the full road finds it
      if (isUniqueViolation(err, 'messages_email_message_id')) return { kind: 'other' as const };
      throw err;
    });
    if (r.kind === 'no_session') throw new AppError('chat_session_not_found', 'This chat has ended; start a new one', 404);
    if (r.kind === 'duplicate') return { token: i.token, seq: r.seq, caseRef: r.caseRef, duplicate: true };
    if (r.kind === 'stored') return { token: i.token, seq: r.seq, caseRef: r.caseRef, duplicate: false };
  }
  try {
    return await db.transaction(async (tx) => {
      const found = i.token ? await sessionForMessage(tx, door.account_id, i.token, externalId) : null;
      if (i.token && !found) throw new AppError('chat_session_not_found', 'This chat has ended; start a new one', 404);
      if (found?.dup_seq != null) return { token: i.token!, seq: found.dup_seq, caseRef: found.dup_ref!, duplicate: true };
      const session = found;
      const visitor = session?.visitor ?? `chat:v${randomBytes(10).toString('hex')}`;
      const stored = await receiveMessageIn(tx, actor, {
        customer: { ...(i.email ? { email: i.email } : { social: visitor }), ...(i.name ? { name: i.name } : {}) },
        subject: session ? undefined : (i.language === 'nl' ? 'Chat' : 'Chat'),
        body,
        channel: 'chat',
        language: i.language,
        threadedCaseId: session?.case_id ?? null,
        // the session's case as the same statement read it (a merged case is looked up: it stands for the one it went into)
        ...(session && !session.merged_into_id ? { threadedCase: { id: session.case_id, status: session.case_status, subject_key: session.subject_key,
          customer_id: session.case_customer_id, last_contact_at: new Date(session.last_contact_at) } } : {}),
        email: { messageId: externalId, notes: ['sent in the chat widget'] },
      });
      const token = i.token ?? newChatToken();
      if (!session) {
        await tx.query(
          `INSERT INTO chat_sessions (account_id, case_id, customer_id, token_hash, visitor, language) VALUES ($1, $2, $3, $4, $5, $6)`,
          [door.account_id, stored.case.id, stored.customerId, hashChatToken(token), visitor, i.language],
        );
      } else if (session.case_id !== stored.case.id) {
        // the old case was closed: the conversation goes on on the new one
        await tx.query('UPDATE chat_sessions SET case_id = $3 WHERE account_id = $1 AND id = $2', [door.account_id, session.id, stored.case.id]);
      }
      const seq = (await appendChatEntry(tx, door.account_id, stored.case.id, stored.message.id))!;
      return { token, seq, caseRef: stored.case.ref, duplicate: false,
        ...(stored.createdCase ? { newCase: { id: stored.case.id, customerId: stored.customerId, createdAt: new Date(stored.case.created_at) } } : {}) };
    });
  } catch (err) {
    // the same client id sent twice at the same moment: the other one stored it
    if (isUniqueViolation(err, 'messages_email_message_id') && i.token) return sendChatMessage(db, door, i);
    throw err;
  }
}

/**
 * The visitor's session, locked (messages of one chat are numbered one after the other), with its
 * case as the case road needs it and, when this client id was stored before (a resend after a lost
 * connection), that message's number: one statement instead of three.
 */
async function sessionForMessage(tx: Db, accountId: string, token: string, externalId: string) {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const [row] = await tx.query<ChatSession & { case_status: CaseStatus; subject_key: string; case_customer_id: string; last_contact_at: Date | string;
    merged_into_id: string | null; dup_seq: number | null; dup_ref: string | null }>(
    `SELECT s.id, s.account_id, s.case_id, s.customer_id, s.visitor, s.language, s.last_seq, s.wants_person,
       c.status AS case_status, c.subject_key, c.customer_id AS case_customer_id, c.last_contact_at, c.merged_into_id,
       dup.seq AS dup_seq, dup.ref AS dup_ref
     FROM chat_sessions s JOIN cases c ON c.account_id = s.account_id AND c.id = s.case_id
     LEFT JOIN LATERAL (
       SELECT e.seq, k.ref FROM messages m JOIN chat_entries e ON e.account_id = m.account_id AND e.message_id = m.id AND e.session_id = s.id
       JOIN cases k ON k.account_id = m.account_id AND k.id = m.case_id WHERE m.account_id = s.account_id AND m.email_message_id = $3) dup ON true
     WHERE s.account_id = $1 AND s.token_hash = $2
     FOR UPDATE OF s`,
    [accountId, hashChatToken(token), externalId],
  );
  return row ?? null;
}
