import type { Db } from '../storage/db.ts';
import { batchedCalls } from '../shared/batched-calls.ts';
import { storeBatch } from './store-batch.ts';
import type { IntakeConfig, PreparedInbound } from './store-inbound.ts';
import type { IntakeResult } from './types.ts';

/** At most this many messages share one transaction. */
export const MAX_BATCH = 32;
/**
 * Transactions under way at once: while one waits on the database, the next is written. Two of
 * them (batches of ~4 mails from 8 connections) measured as fast as four, with fewer commits.
 */
export const IN_FLIGHT = 2;

/**
 * Collects messages that arrive at the same time (concurrent SMTP sessions) into shared
 * transactions (store-batch.ts), through the one batching helper (src/shared/batched-calls.ts):
 * the messages that arrive while a transaction commits form the next one, so under load a batch
 * grows by itself and an idle server stores a lone message at once, without a timer. `store`
 * settles only after the transaction holding the message committed (or with the Error that kept it out).
 */
export function groupCommit(db: Db, config: IntakeConfig, opts: { maxBatch?: number; inFlight?: number } = {}) {
  const store = batchedCalls<PreparedInbound, IntakeResult>((batch) => storeBatch(db, batch, config),
    { maxBatch: opts.maxBatch ?? MAX_BATCH, inFlight: opts.inFlight ?? IN_FLIGHT });
  return { store };
}
