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

/** The lock key of a sender: two transactions that store mail of one customer never run side by side. */
export function senderKey(m: Pick<InboundMessage, 'accountId' | 'from'>): string | null {
  return m.from.email ? `sender:${m.accountId}:${m.from.email.toLowerCase()}` : null;
}

type Lockable = Pick<InboundMessage, 'accountId' | 'references' | 'externalId' | 'from'>;

/** The keys lockThreads takes for a message: its thread, its sender. */
export function lockKeys(m: Lockable): string[] {
  return [threadKey(m), senderKey(m)].filter((k): k is string => k !== null);
}

/**
 * Serialises the messages of one conversation, so a reply and its original arriving at the same
 * moment on two connections still end up in one case; and the messages of one sender, so two
 * transactions never create the same customer or update the same case at once. One statement
 * locks the threads and senders of a whole batch, always in the same order (by hash), so two
 * batches never wait on each other in a circle. A statement of its own: the lookups after it see
 * what the transaction it waited for committed.
 */
export async function lockThreads(tx: Db, messages: Lockable[], opts: { genericPlans?: boolean } = {}): Promise<void> {
  const keys = [...new Set(messages.flatMap(lockKeys))];
  // store-batch.ts: the transaction's plan setting rides along, saving a round trip
  const plans = opts.genericPlans ? `, set_config('plan_cache_mode', 'force_generic_plan', true)` : '';
  if (!keys.length) {
    if (plans) await tx.query(`SELECT ${plans.slice(2)}`);
    return;
  }
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(h))${plans} FROM (SELECT DISTINCT hashtextextended(k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS l`,
    [keys],
  );
}
