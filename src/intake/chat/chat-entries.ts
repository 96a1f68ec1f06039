import type { Db } from '../../storage/db.ts';

/** One entry of a chat as the widget shows it: numbered per session, the cursor a reconnect resumes from. */
export interface ChatEntry {
  seq: number;
  message_id: string;
  /** bot: the knowledge-base bot's automatic answer (bot-answer.ts) */
  from: 'visitor' | 'agent' | 'bot';
  author: string | null;
  body: string;
  at: Date;
}

/** Who an entry is from, over messages `m`: the visitor, the knowledge-base bot's automatic answer, or an agent (the chat feed reads the same). */
export const ENTRY_FROM_SQL = `CASE WHEN m.type = 'inbound' THEN 'visitor' WHEN m.automated = 'bot' THEN 'bot' ELSE 'agent' END`;

/**
 * Numbers a stored message into the chat sessions of its case. The number is taken by updating the
 * session row, which holds its lock until the transaction commits: entries of one session commit in
 * number order, so a reader that has seen number n and asks for "after n" misses nothing.
 */
export async function appendChatEntry(tx: Db, accountId: string, caseId: string, messageId: string): Promise<number | null> {
  const [row] = await tx.query<{ seq: number }>(
    `WITH s AS (UPDATE chat_sessions SET last_seq = last_seq + 1 WHERE account_id = $1 AND case_id = $2 RETURNING id, last_seq)
     INSERT INTO chat_entries (account_id, session_id, seq, message_id) SELECT $1, s.id, s.last_seq, $3 FROM s RETURNING seq`,
    [accountId, caseId, messageId],
  );
  return row?.seq ?? null;
}

/** A session's entries after the cursor, oldest first (at most `limit`). Only replies and the visitor's own messages: never notes. */
export async function chatEntriesAfter(db: Db, accountId: string, sessionId: string, after: number, limit = 200): Promise<ChatEntry[]> {
  return db.query<ChatEntry>(
    `SELECT e.seq, e.message_id, ${ENTRY_FROM_SQL} AS "from",
       CASE WHEN m.type = 'outbound' THEN split_part(a.name, ' ', 1) END AS author, m.body, m.created_at AS at
     FROM chat_entries e JOIN messages m ON m.account_id = e.account_id AND m.id = e.message_id
     LEFT JOIN agents a ON a.account_id = m.account_id AND a.id = m.author_agent_id
     WHERE e.account_id = $1 AND e.session_id = $2 AND e.seq > $3 AND m.type IN ('inbound', 'outbound')
     ORDER BY e.seq LIMIT $4`,
    [accountId, sessionId, after, limit],
  );
}
