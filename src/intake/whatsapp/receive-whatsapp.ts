import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { receiveMessageIn } from '../../cases/receive-message.ts';
import { insertMessage } from '../../cases/insert-message.ts';
import { getServiceSettings } from '../../promises/settings.ts';
import { answerBy } from '../answer-by.ts';
import { formatWhen } from '../acknowledgement-text.ts';
import type { Connections } from '../doors/connections.ts';
import { firstDelivery, linkEvent, openCaseOf } from '../channels/open-case.ts';
import { type WhatsAppPayload, whatsappAdapter } from '../channels/whatsapp.ts';
import { queueWhatsApp } from './queue-whatsapp.ts';
import { whatsappAcknowledgement } from './service-window.ts';

export interface WhatsAppIntakeResult {
  stored: Array<{ wamid: string; case_id: string; case_ref: string; created_case: boolean; acknowledged: boolean }>;
  duplicates: string[];
  ignored: string[];
  statuses: number;
}

/**
 * A webhook post from Meta (signature already checked). Each message, in its own transaction: a
 * second delivery of the same wamid (Meta retries) changes nothing; the sender's number is their
 * phone identity, so they are the customer who also mails and calls from it; the message joins
 * their one open case or opens one, on the `whatsapp` channel; a new case is acknowledged on
 * WhatsApp in the customer's language with its reference and when they hear from us.
 * A failed-delivery status from Meta marks our outbound message failed, with Meta's reason.
 */
export async function receiveWhatsApp(db: Db, conn: Connections, payload: WhatsAppPayload, o: { team: string; fallbackHours: number; now?: Date }): Promise<WhatsAppIntakeResult> {
  const accountId = conn.account_id;
  const actor = systemActor(accountId);
  const now = o.now ?? new Date();
  const result: WhatsAppIntakeResult = { stored: [], duplicates: [], ignored: [], statuses: 0 };
  for (const change of payload.entry.flatMap((e) => e.changes)) {
    if (change.field !== 'messages') continue;
    const v = change.value;
    // a number of another business on the same app is not ours to store
    if (v.metadata && v.metadata.phone_number_id !== conn.whatsapp_phone_number_id) {
      result.ignored.push(...(v.messages ?? []).map((m) => m.id));
      continue;
    }
    for (const message of v.messages ?? []) {
      const profileName = v.contacts?.find((c) => c.wa_id === message.from)?.profile?.name ?? null;
      const m = await whatsappAdapter.toInbound({ message, profileName, receivedAt: now }, { accountId, inboxId: null, to: null });
      const out = await db.transaction(async (tx) => {
        if (!(await firstDelivery(tx, accountId, 'whatsapp', message.id))) return null;
        const openCase = await openCaseOf(tx, accountId, 'phone', m.from.phone!);
        const stored = await receiveMessageIn(tx, actor, {
          customer: m.from, body: m.text, channel: 'whatsapp', threadedCaseId: openCase,
          email: { messageId: m.externalId, from: message.from, notes: m.notes },
        });
        let acknowledged = false;
        if (stored.createdCase) {
          const due = await answerBy(tx, accountId, stored.case as { customer_id: string; priority: string; channel: string }, now, o.fallbackHours);
          const { calendar } = await getServiceSettings(tx, accountId);
          const lang = stored.message.language === 'en' ? 'en' : 'nl';
          const ack = whatsappAcknowledgement(lang, stored.case.ref, formatWhen(due, lang, calendar.timeZone), o.team);
          const sent = await insertMessage(tx, actor, { caseId: stored.case.id, type: 'outbound', channel: 'whatsapp', body: ack.body, language: ack.language,
            customerId: stored.customerId, email: { to: message.from, automated: 'acknowledgement', deliveryStatus: 'queued' } });
          await queueWhatsApp(tx, accountId, sent.id, message.from, null);
          acknowledged = true;
        }
        await linkEvent(tx, accountId, 'whatsapp', message.id, stored.case.id, stored.message.id);
        return { wamid: message.id, case_id: stored.case.id, case_ref: stored.case.ref, created_case: stored.createdCase, acknowledged };
      });
      if (out) result.stored.push(out);
      else result.duplicates.push(message.id);
    }
    for (const s of v.statuses ?? []) {
      result.statuses++;
      if (s.status !== 'failed') continue;
      const reason = `WhatsApp did not deliver: ${s.errors?.map((e) => `${e.title ?? 'error'}${e.code ? ` (${e.code})` : ''}`).join('; ') || 'no reason given'}`.slice(0, 500);
      await db.query(
        `UPDATE messages m SET delivery_status = 'failed', delivery_error = $3 FROM whatsapp_outbound w
         WHERE w.account_id = $1 AND w.wamid = $2 AND m.account_id = w.account_id AND m.id = w.message_id`,
        [accountId, s.id, reason],
      );
    }
  }
  return result;
}
