import { randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { AppError, invalid, isUniqueViolation } from '../../shared/errors.ts';
import { receiveMessageIn } from '../../cases/receive-message.ts';
import type { Door } from '../doors/channel-settings.ts';
import { appendChatEntry } from './chat-entries.ts';
import { findChatSession, hashChatToken, newChatToken } from './chat-session.ts';

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
export async function sendChatMessage(db: Db, door: Door, i: ChatMessageInput): Promise<{ token: string; seq: number; caseRef: string; duplicate: boolean }> {
  if (!door.chat_enabled) throw new AppError('chat_off', 'Chat is switched off', 404);
  const body = i.body.replace(/\r\n?/g, '\n').trim();
  if (!body) throw invalid('message_empty', 'Write a message first');
  if (body.length > 4000) throw invalid('message_too_long', 'A chat message is at most 4,000 characters');
  if (!/^[A-Za-z0-9_-]{8,64}$/.test(i.clientId)) throw invalid('client_id_invalid', 'client_id must be 8 to 64 letters, digits, - or _');
  const actor = systemActor(door.account_id);
  const externalId = `chat.${i.clientId}@luister`;
  try {
    return await db.transaction(async (tx) => {
      let session = i.token ? await findChatSession(tx, door.account_id, i.token, true) : null;
      if (i.token && !session) throw new AppError('chat_session_not_found', 'This chat has ended; start a new one', 404);
      const [dup] = session ? await tx.query<{ seq: number; ref: string }>(
        `SELECT e.seq, c.ref FROM messages m JOIN chat_entries e ON e.account_id = m.account_id AND e.message_id = m.id AND e.session_id = $3
         JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id WHERE m.account_id = $1 AND m.email_message_id = $2`,
        [door.account_id, externalId, session.id]) : [];
      if (dup) return { token: i.token!, seq: dup.seq, caseRef: dup.ref, duplicate: true };
      const visitor = session?.visitor ?? `chat:v${randomBytes(10).toString('hex')}`;
      const stored = await receiveMessageIn(tx, actor, {
        customer: { ...(i.email ? { email: i.email } : { social: visitor }), ...(i.name ? { name: i.name } : {}) },
        subject: session ? undefined : (i.language === 'nl' ? 'Chat' : 'Chat'),
        body,
        channel: 'chat',
        language: i.language,
        threadedCaseId: session?.case_id ?? null,
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
      return { token, seq, caseRef: stored.case.ref, duplicate: false };
    });
  } catch (err) {
    // the same client id sent twice at the same moment: the other one stored it
    if (isUniqueViolation(err, 'messages_email_message_id') && i.token) return sendChatMessage(db, door, i);
    throw err;
  }
}
