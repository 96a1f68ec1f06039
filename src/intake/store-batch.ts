import type { Db } from '../storage/db.ts';
import { isUniqueViolation } from '../shared/errors.ts';
import { lockThreads } from './thread.ts';
import { lookupInbound } from './lookup-inbound.ts';
import { withDeferredEvents } from '../webhooks/events.ts';
import { storeInbound, type IntakeConfig, type PreparedInbound } from './store-inbound.ts';
import type { IntakeResult } from './types.ts';

/**
 * Group commit: stores several prepared messages (from concurrent SMTP sessions, or an IMAP fetch)
 * in one transaction, one after the other, so they share its BEGIN, thread lock statement and
 * COMMIT, and one statement at its end for the events of all of them (withDeferredEvents). Result i
 * belongs to message i and exists only once the transaction committed.
 *
 * One bad message never fails the others: when the shared transaction fails (a message that
 * cannot be stored, a deadlock with another batch, the same Message-ID committed elsewhere), it
 * is rolled back whole and every message is stored again in a transaction of its own; only the
 * messages that fail alone get their Error. (Retrying beats a SAVEPOINT per message: failures are
 * rare, and two more statements per message are a third of what a message costs.)
 *
 * Generic plans (lockThreads' genericPlans, for this transaction only): the intake's lookups are
 * planned once per connection, not on every call. PostgreSQL would plan them anew each time (its
 * estimate for a generic plan of the thread lookup is higher than for one planned with the values),
 * and that planning cost 0.2–0.5 ms a statement, more than running them (0.05–0.2 ms with the
 * generic plan, which uses the same indexes). Like any cached plan, it is made again after ANALYZE.
 */
export async function storeBatch(db: Db, batch: PreparedInbound[], config: IntakeConfig): Promise<(IntakeResult | Error)[]> {
  if (!batch.length) return [];
  try {
    return await db.transaction(async (tx) => {
      await lockThreads(tx, batch.map((p) => p.message), { genericPlans: true });
      // the webhook and live events of the whole batch in one statement at its end (about three a mail otherwise)
      return withDeferredEvents(tx, async () => {
        const results: IntakeResult[] = [];
        for (const p of batch) results.push(await storeInbound(tx, p, config));
        return results;
      });
    });
  } catch (err) {
    if (batch.length === 1) return [await afterFailure(db, batch[0], err)];
    const results: (IntakeResult | Error)[] = [];
    for (const p of batch) results.push((await storeBatch(db, [p], config))[0]);
    return results;
  }
}

/** The same message committed by another connection between our check and our insert is a duplicate; anything else an Error. */
async function afterFailure(db: Db, p: PreparedInbound, err: unknown): Promise<IntakeResult | Error> {
  if (isUniqueViolation(err, 'messages_email_message_id')) {
    const { duplicate } = await lookupInbound(db, p.message.accountId, p.message).catch(() => ({ duplicate: null }));
    if (duplicate) return { outcome: 'duplicate', messageId: duplicate.id, caseId: duplicate.case_id };
  }
  return err instanceof Error ? err : new Error(String(err));
}
