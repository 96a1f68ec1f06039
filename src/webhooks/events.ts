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
export async function emitEvent(tx: Db, accountId: string, event: EventName, data: unknown): Promise<void> {
  const now = new Date();
  const payload = JSON.stringify({ event, created_at: now.toISOString(), data });
  // data-modifying CTEs run to completion whether or not the outer SELECT reads them
  await tx.query(
    `WITH d AS (
       INSERT INTO webhook_deliveries (account_id, webhook_id, event, payload)
       SELECT account_id, id, $2, $3::jsonb FROM webhooks
       WHERE account_id = $1 AND active AND $2 = ANY(events)
       RETURNING account_id, id),
     j AS (
       INSERT INTO jobs (account_id, kind, payload)
       SELECT account_id, 'webhook.deliver', jsonb_build_object('delivery_id', id) FROM d)
     SELECT pg_notify($4, $5)`,
    [accountId, event, payload, LIVE_CHANNEL, JSON.stringify(liveNotice(accountId, event, data, now))],
  );
}
