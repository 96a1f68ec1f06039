import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { batchedCalls } from '../../shared/batched-calls.ts';
import { publicCase } from '../../cases/store.ts';
import { emitEvents, type PendingEvent } from '../../webhooks/events.ts';
import { appendToOpenChat, type OpenChatMessage, type OpenChatOutcome } from './append-to-open-chat.ts';
import { hashChatToken } from './chat-session.ts';

/** At most this many chat messages share one transaction. */
export const MAX_BATCH = 32;
/** Transactions under way at once: while one waits on the database, the next one is written. */
export const IN_FLIGHT = 2;

const committers = new WeakMap<Db, (m: OpenChatMessage) => Promise<OpenChatOutcome>>();

/**
 * Group commit of chat messages into open conversations (appendToOpenChat): the messages that
 * arrive while a transaction is under way share the next one, its BEGIN, its webhook events
 * (one statement for all of them) and its COMMIT. Each promise settles only after the transaction
 * holding its message committed, so a message is stored before the visitor hears "sent".
 */
export function commitOpenChatMessage(db: Db, m: OpenChatMessage): Promise<OpenChatOutcome> {
  let commit = committers.get(db);
  if (!commit) committers.set(db, (commit = batchedCalls((batch) => storeOpenChats(db, batch), { maxBatch: MAX_BATCH, inFlight: IN_FLIGHT })));
  return commit(m);
}

/**
 * One transaction for the batch; the sessions are locked in one order (by token hash), so two
 * batches never wait on each other crosswise. When the shared transaction fails (a resend that
 * another connection stored first, a deadlock with a transaction elsewhere), it is rolled back
 * whole and each message is tried again in a transaction of its own: only the messages that fail
 * alone get their Error (as the e-mail intake's store-batch.ts does).
 */
export async function storeOpenChats(db: Db, batch: OpenChatMessage[]): Promise<(OpenChatOutcome | Error)[]> {
  if (!batch.length) return [];
  const order = batch.map((m, i) => ({ m, i, key: hashChatToken(m.token) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));
  try {
    return await db.transaction(async (tx) => {
      const out: OpenChatOutcome[] = new Array(batch.length);
      const events = new Map<string, PendingEvent[]>();
      for (const { m, i } of order) {
        const r = await appendToOpenChat(tx, systemActor(m.accountId), m);
        out[i] = r;
        if (r.kind !== 'stored') continue;
        let list = events.get(m.accountId);
        if (!list) events.set(m.accountId, (list = []));
        list.push({ event: 'case.updated', data: publicCase(r.caseRow) }, { event: 'message.created', data: r.message });
      }
      for (const [accountId, list] of events) await emitEvents(tx, accountId, list);
      return out;
    });
  } catch (err) {
    if (batch.length === 1) return [err instanceof Error ? err : new Error(String(err))];
    const out: (OpenChatOutcome | Error)[] = [];
    for (const m of batch) out.push((await storeOpenChats(db, [m]))[0]);
    return out;
  }
}
