import type { Db } from '../storage/db.ts';
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
