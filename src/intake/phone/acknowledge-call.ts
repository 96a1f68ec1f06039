import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { insertMessage } from '../../cases/insert-message.ts';
import { inboxForCase } from '../inboxes/store.ts';
import { outboundEmailFields } from '../channels/email/outbound.ts';
import { roleAddressKind } from '../channels/email/role-address.ts';
import { insertAcknowledgement } from '../acknowledge.ts';
import type { Connections } from '../doors/connections.ts';
import { queueWhatsApp } from '../whatsapp/queue-whatsapp.ts';
import { callAckText } from './call-ack-text.ts';
import { chooseCallAck, unreachedNote, type CallAckRoute } from './call-ack-route.ts';

export interface CallAckOptions {
  caseId: string;
  /** the caller in E.164 (+31612345678) */
  phone: string;
  language: 'nl' | 'en';
  kind: 'missed' | 'requested';
  windowStart: Date | null;
  dueAt: Date;
  timeZone: string;
  perHour: number;
  now: Date;
}

/**
 * Tells a caller whose call became a callback promise when we call back, with the case reference,
 * in their language — there is no SMS channel, so through their other known door (chooseCallAck):
 * WhatsApp (a job with retries, never sent twice), else e-mail (the acknowledgement's own outbound
 * path). When neither can reach them the case gets a note saying so, so the agent knows the caller
 * heard nothing. Runs in the call event's transaction, only for a new promise: a provider's retry,
 * a second event of the same call or another call while the promise is open tell them nothing new.
 */
export async function acknowledgeCall(tx: Db, conn: Connections, o: CallAckOptions): Promise<CallAckRoute> {
  const accountId = conn.account_id;
  const actor = systemActor(accountId);
  const waId = o.phone.replace(/^\+/, '');
  const [f] = await tx.query<{
    ref: string; subject: string; customer_id: string; inbox_id: string | null; name: string | null; account_name: string;
    wa_last: Date | null; wa_recent: number; email: string | null; bouncing: boolean; own: boolean; email_recent: number;
  }>(
    `SELECT c.ref, c.subject, c.customer_id, c.inbox_id, cu.name, a.name AS account_name,
       (SELECT max(m.created_at) FROM cases k JOIN messages m ON m.account_id = k.account_id AND m.case_id = k.id
         WHERE k.account_id = $1 AND k.customer_id = c.customer_id AND m.type = 'inbound' AND m.channel = 'whatsapp' AND m.from_address = $3) AS wa_last,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND to_address = $3 AND automated = 'acknowledgement' AND created_at > now() - interval '1 hour') AS wa_recent,
       e.value AS email, coalesce(e.bouncing_since IS NOT NULL, false) AS bouncing,
       EXISTS (SELECT 1 FROM inboxes WHERE address = e.value) AS own,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND to_address = e.value AND automated = 'acknowledgement' AND created_at > now() - interval '1 hour') AS email_recent
     FROM cases c JOIN accounts a ON a.account_id = c.account_id LEFT JOIN customers cu ON cu.account_id = c.account_id AND cu.id = c.customer_id
     LEFT JOIN LATERAL (SELECT value, bouncing_since FROM customer_identities WHERE account_id = $1 AND customer_id = c.customer_id AND kind = 'email'
       ORDER BY bouncing_since IS NOT NULL, created_at DESC LIMIT 1) e ON true
     WHERE c.account_id = $1 AND c.id = $2`,
    [accountId, o.caseId, waId],
  );
  const route = chooseCallAck({
    language: o.language,
    whatsappConnected: Boolean(conn.whatsapp_enabled && conn.whatsapp_access_token && conn.whatsapp_phone_number_id),
    whatsappLastInbound: f.wa_last ? new Date(f.wa_last) : null,
    templates: conn.whatsapp_templates ?? [],
    whatsappSentLastHour: f.wa_recent,
    email: f.email ? { address: f.email, role: roleAddressKind(f.email), own: f.own, bouncing: f.bouncing, sentLastHour: f.email_recent } : null,
    perHour: o.perHour,
    now: o.now,
  });
  if (route.via === 'none') {
    await insertMessage(tx, actor, { caseId: o.caseId, type: 'note', channel: 'internal', body: unreachedNote(route.reasons, o.phone), language: 'nl' });
    return route;
  }

  const inbox = await inboxForCase(tx, accountId, f.inbox_id);
  const text = callAckText({ kind: o.kind, language: o.language, ref: f.ref, phone: o.phone, windowStart: o.windowStart, dueAt: o.dueAt,
    timeZone: o.timeZone, name: f.name, team: inbox?.name || f.account_name });
  if (route.via === 'whatsapp') {
    const sent = await insertMessage(tx, actor, { caseId: o.caseId, type: 'outbound', channel: 'whatsapp', body: text.whatsapp, language: o.language,
      customerId: f.customer_id, email: { to: waId, automated: 'acknowledgement', deliveryStatus: 'queued' } });
    await queueWhatsApp(tx, accountId, sent.id, waId, route.template && { ...route.template, parameters: text.parameters });
    return route;
  }
  const fields = await outboundEmailFields(tx, accountId, { id: o.caseId, ref: f.ref, subject: f.subject, customer_id: f.customer_id, inbox_id: f.inbox_id }, inbox ? { inbox } : {});
  await insertAcknowledgement(tx, actor, o.caseId, f.customer_id, { subject: text.subject, body: text.mail, language: o.language },
    { ...fields, to: route.to, references: [] });
  return route;
}
