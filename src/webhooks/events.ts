import type { Db } from '../storage/db.ts';
import { LIVE_CHANNEL, liveNotice } from '../live/notice.ts';

export type EventName =
  | 'case.created'
  | 'case.updated'
  | 'message.created'
  | 'case.transferred'
  | 'signal.raised'
  | 'problem.opened'
  | 'problem.updated'
  | 'promise.made'
  | 'promise.due_soon'
  | 'promise.breached'
  | 'promise.kept'
  | 'sla.at_risk'
  | 'case.escalated'
  | 'case.merged'
  | 'case.split'
  | 'refund.requested'
  | 'refund.approved'
  | 'refund.paid'
  | 'refund.rejected'
  | 'charge.finding'
  | 'announcement.scheduled'
  | 'announcement.sent'
  | 'incident.opened'
  | 'incident.updated'
  | 'incident.update_overdue';
export const EVENT_NAMES: readonly EventName[] = [
  'case.created', 'case.updated', 'message.created', 'case.transferred', 'signal.raised', 'problem.opened', 'problem.updated',
  'promise.made', 'promise.due_soon', 'promise.breached', 'promise.kept', 'sla.at_risk', 'case.escalated', 'case.merged', 'case.split',
  'refund.requested', 'refund.approved', 'refund.paid', 'refund.rejected', 'charge.finding',
  'announcement.scheduled', 'announcement.sent', 'incident.opened', 'incident.updated', 'incident.update_overdue',
];

/**
 * Queues one delivery per subscribed webhook, in the caller's transaction (an outbox):
 * the event exists if and only if the change it describes committed. The same statement tells
 * the workspace live (a NOTIFY, sent on commit), so an event costs one round trip either way.
 */
export function emitEvent(tx: Db, accountId: string, event: EventName, data: unknown): Promise<void> {
  return emitEvents(tx, accountId, [{ event, data }]);
}

export interface PendingEvent {
  event: EventName;
  data: unknown;
}

/**
 * emitEvent for many events in one statement (a batch that writes many rows, e.g. an archive
 * import): the deliveries, jobs and live notices, in the order given. Data-modifying CTEs run to
 * completion whether or not the outer SELECT reads them.
 */
export async function emitEvents(tx: Db, accountId: string, events: PendingEvent[]): Promise<void> {
  if (!events.length) return;
  const held = deferred.get(tx);
  if (held) {
    const list = held.get(accountId);
    if (list) list.push(...events);
    else held.set(accountId, [...events]);
    return;
  }
  const now = new Date();
  const rows = events.map((e, ord) => ({
    ord,
    event: e.event,
    payload: { event: e.event, created_at: now.toISOString(), data: e.data },
    notice: JSON.stringify(liveNotice(accountId, e.event, e.data, now)),
  }));
  await tx.query(
    // the payload stays json until a webhook wants it: an account without webhooks does not pay for jsonb (a message's ~25 KB)
    `WITH e AS (SELECT * FROM json_to_recordset($2::json) AS e(ord int, event text, payload json, notice text)),
     d AS (
       INSERT INTO webhook_deliveries (account_id, webhook_id, event, payload)
       SELECT w.account_id, w.id, e.event, e.payload::jsonb FROM e JOIN webhooks w ON w.account_id = $1 AND w.active AND e.event = ANY(w.events)
       ORDER BY e.ord
       RETURNING account_id, id),
     j AS (
       INSERT INTO jobs (account_id, kind, payload)
       SELECT account_id, 'webhook.deliver', jsonb_build_object('delivery_id', id) FROM d)
     SELECT count(pg_notify($3, x.notice)) FROM (SELECT notice FROM e ORDER BY ord) AS x`,
    [accountId, JSON.stringify(rows), LIVE_CHANNEL],
  );
}

/** Transactions whose events are held back until the end (withDeferredEvents), per account, in order. */
const deferred = new WeakMap<Db, Map<string, PendingEvent[]>>();

/**
 * Runs `fn` in the caller's transaction with every event it emits held back, then writes them all
 * in one statement per account (emitEvents), still inside the transaction: the same deliveries,
 * jobs and live notices in the same order, committed with the changes or not at all. For a
 * transaction that stores many things at once (the e-mail intake's group commit: three events a
 * mail become one statement a batch). Nothing in `fn` may read webhook_deliveries expecting them.
 */
export async function withDeferredEvents<T>(tx: Db, fn: () => Promise<T>): Promise<T> {
  if (deferred.has(tx)) return fn();
  const held = new Map<string, PendingEvent[]>();
  deferred.set(tx, held);
  let result: T;
  try {
    result = await fn();
  } finally {
    deferred.delete(tx);
  }
  for (const [accountId, events] of held) await emitEvents(tx, accountId, events);
  return result;
}
