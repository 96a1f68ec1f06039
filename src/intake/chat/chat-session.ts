import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.ts';

export interface ChatSession {
  id: string;
  account_id: string;
  case_id: string;
  customer_id: string;
  visitor: string;
  language: string;
  last_seq: number;
  wants_person: boolean;
}

export const hashChatToken = (token: string) => createHash('sha256').update(`chat|${token}`).digest('hex');
export const newChatToken = () => randomBytes(24).toString('base64url');

/** The session behind a visitor's token, in this account, or null. */
export async function findChatSession(db: Db, accountId: string, token: string | undefined, forUpdate = false): Promise<ChatSession | null> {
  if (!token || !/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const [row] = await db.query<ChatSession>(
    `SELECT id, account_id, case_id, customer_id, visitor, language, last_seq, wants_person FROM chat_sessions
     WHERE account_id = $1 AND token_hash = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [accountId, hashChatToken(token)],
  );
  return row ?? null;
}
