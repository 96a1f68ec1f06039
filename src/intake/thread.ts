import type { Db } from '../storage/db.ts';
import type { CaseCandidate } from '../cases/repeat-contact.ts';
import type { InboundMessage } from './types.ts';

/**
 * The lock key of a message's conversation: the first id in its References, or its own
 * Message-ID when it starts the thread. Every message of a thread locks the same key.
 */
export function threadKey(m: Pick<InboundMessage, 'accountId' | 'references' | 'externalId'>): string | null {
  const root = m.references[0] ?? m.externalId;
  return root ? `thread:${m.accountId}:${root}` : null;
}

/**
 * Serialises the messages of one conversation, so a reply and its original arriving at the same
 * moment on two connections still end up in one case. One statement locks the threads of a whole
 * batch, always in the same order (by hash), so two batches never wait on each other in a circle.
 * A statement of its own: the lookups after it see what the transaction it waited for committed.
 */
export async function lockThreads(tx: Db, messages: Pick<InboundMessage, 'accountId' | 'references' | 'externalId'>[]): Promise<void> {
  const keys = [...new Set(messages.map(threadKey).filter((k): k is string => k !== null))];
  if (!keys.length) return;
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(h)) FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS l`,
    [keys],
  );
}

export interface ThreadLookup {
  /** the message already stored under this Message-ID (a second delivery of the same mail) */
  duplicate: { id: string; case_id: string } | null;
  /** the case the message belongs to by its thread (see below), with what the case road needs to know of it */
  caseId: string | null;
  threaded: CaseCandidate | null;
}

/**
 * In one statement: a second delivery of the same message, and the case the message belongs to by
 * its thread, in any arrival order: the case of a message it answers (References / In-Reply-To),
 * else of a message that answers the same mail (two replies that both came before their
 * original), else of a message that answers it — a reply that arrived before its original opened
 * that case, and the original joins it. coalesce stops at the first that finds one.
 */
export async function lookupThread(tx: Db, accountId: string, m: Pick<InboundMessage, 'externalId' | 'references'>): Promise<ThreadLookup> {
  const [row] = await tx.query<{ dup_id: string | null; dup_case: string | null; case_id: string | null } & Partial<CaseCandidate>>(
    `WITH t AS (
       SELECT coalesce(
         (SELECT case_id FROM messages WHERE account_id = $1 AND email_message_id = ANY($3::text[]) ORDER BY created_at DESC LIMIT 1),
         (SELECT case_id FROM messages WHERE account_id = $1 AND email_references && $3::text[] ORDER BY created_at LIMIT 1),
         (SELECT case_id FROM messages WHERE account_id = $1 AND email_references @> ARRAY[$2::text] ORDER BY created_at LIMIT 1)
       ) AS case_id
       WHERE NOT EXISTS (SELECT 1 FROM messages WHERE account_id = $1 AND email_message_id = $2))
     SELECT d.id AS dup_id, d.case_id AS dup_case, c.id AS case_id, c.status, c.subject_key, c.customer_id, c.last_contact_at
     FROM (SELECT 1) AS one
     LEFT JOIN messages d ON d.account_id = $1 AND d.email_message_id = $2
     LEFT JOIN t ON true
     LEFT JOIN cases c ON c.account_id = $1 AND c.id = t.case_id`,
    [accountId, m.externalId, m.references],
  );
  const threaded = row.case_id
    ? { id: row.case_id, status: row.status!, subject_key: row.subject_key!, customer_id: row.customer_id!, last_contact_at: row.last_contact_at! }
    : null;
  return { duplicate: row.dup_id ? { id: row.dup_id, case_id: row.dup_case! } : null, caseId: threaded?.id ?? null, threaded };
}
