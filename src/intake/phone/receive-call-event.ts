import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { receiveMessageIn } from '../../cases/receive-message.ts';
import { insertMessage } from '../../cases/insert-message.ts';
import { makePromise } from '../../promises/make-promise.ts';
import { getServiceSettings } from '../../promises/settings.ts';
import { addBusinessTime } from '../../promises/due-time.ts';
import { invalid } from '../../shared/errors.ts';
import type { Connections } from '../doors/connections.ts';
import { firstDelivery, linkEvent, openCaseOf } from '../channels/open-case.ts';
import { type CallEvent, customerNumber, phoneAdapter } from '../channels/phone.ts';
import { phoneCallbackOwner } from './callback-owner.ts';
import { acknowledgeCall } from './acknowledge-call.ts';

export interface CallEventOptions {
  /** the acknowledgement rules' limit per address and hour (config ACK_PER_SENDER_PER_HOUR) */
  ackPerHour: number;
}

export type CallEventResult =
  | { outcome: 'duplicate' }
  | { outcome: 'noted'; call_id: string }
  | { outcome: 'logged'; case_id: string; case_ref: string; message_id: string; created_case: boolean; promise_id: string | null;
      /** how the caller was told of a new callback promise (acknowledge-call.ts); null: no new promise */
      acknowledged: 'whatsapp' | 'email' | 'none' | null }
  | { outcome: 'dropped'; reason: string };

/**
 * One telephony event (its signature already checked), in one transaction:
 *   the event id is recorded — a retry of it changes nothing;
 *   started / answered: the call is remembered until it ends;
 *   ended / missed / callback request: the call is logged on the customer's one open case (found by
 *     their number through any identity; opened when there is none), not on a new case per call;
 *   missed inbound call / callback request: a callback promise (C5) with an owner and a due time —
 *     one per case, a second missed call does not make a second promise;
 *   a new callback promise is confirmed to the caller on WhatsApp or by e-mail (acknowledge-call.ts),
 *     or noted on the case for the agents when neither can reach them.
 */
export async function receiveCallEvent(db: Db, conn: Connections, e: CallEvent, now = new Date(), o: CallEventOptions = { ackPerHour: 3 }): Promise<CallEventResult> {
  const accountId = conn.account_id;
  const actor = systemActor(accountId);
  const phone = customerNumber(e);
  let window: { start: Date; end: Date } | null = null;
  if (e.callback_window) {
    window = { start: new Date(e.callback_window.start), end: new Date(e.callback_window.end) };
    if (window.start >= window.end) throw invalid('callback_window_invalid', 'callback_window.start must be before callback_window.end');
  }
  return db.transaction(async (tx): Promise<CallEventResult> => {
    if (!(await firstDelivery(tx, accountId, 'phone', e.id))) return { outcome: 'duplicate' };
    const at = e.occurred_at ? new Date(e.occurred_at) : now;
    if (e.type === 'call.started' || e.type === 'call.answered') {
      await tx.query(
        `INSERT INTO phone_calls (account_id, call_id, direction, customer_phone, our_phone, state, started_at, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $6 = 'answered' THEN $7::timestamptz END)
         ON CONFLICT (account_id, call_id) DO UPDATE SET state = CASE WHEN phone_calls.state IN ('ended', 'missed') THEN phone_calls.state ELSE EXCLUDED.state END,
           answered_at = coalesce(phone_calls.answered_at, EXCLUDED.answered_at)`,
        [accountId, e.call_id, e.direction, phone, e.direction === 'inbound' ? e.to : e.from, e.type === 'call.started' ? 'started' : 'answered', at],
      );
      return { outcome: 'noted', call_id: e.call_id };
    }

    const m = await phoneAdapter.toInbound({ ...e, receivedAt: now }, { accountId, inboxId: null, to: null });
    const openCase = await openCaseOf(tx, accountId, 'phone', phone);
    let caseId: string;
    let caseRef: string;
    let messageId: string;
    let created = false;
    if (e.direction === 'outbound') {
      // an agent's call out: logged on the customer's open case as something we did, not as a contact from them
      if (!openCase) return { outcome: 'dropped', reason: 'an outbound call to a customer without an open case is not logged' };
      const [c] = await tx.query<{ ref: string }>('SELECT ref FROM cases WHERE account_id = $1 AND id = $2', [accountId, openCase]);
      const msg = await insertMessage(tx, actor, { caseId: openCase, type: 'outbound', channel: 'phone', body: m.text, language: m.language,
        email: { messageId: m.externalId, to: phone, notes: m.notes } });
      [caseId, caseRef, messageId] = [openCase, c.ref, msg.id];
    } else {
      const stored = await receiveMessageIn(tx, actor, {
        customer: m.from, subject: m.subject, body: m.text, channel: 'phone', language: m.language ?? undefined,
        threadedCaseId: openCase, email: { messageId: m.externalId, from: phone, notes: m.notes },
      });
      [caseId, caseRef, messageId, created] = [stored.case.id, stored.case.ref, stored.message.id, stored.createdCase];
    }
    await tx.query(
      `INSERT INTO phone_calls (account_id, call_id, direction, customer_phone, our_phone, state, started_at, case_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (account_id, call_id) DO UPDATE SET state = EXCLUDED.state, case_id = EXCLUDED.case_id`,
      [accountId, e.call_id, e.direction, phone, e.direction === 'inbound' ? e.to : e.from, e.type === 'call.ended' ? 'ended' : 'missed', at, caseId],
    );
    let promiseId: string | null = null;
    let acknowledged: 'whatsapp' | 'email' | 'none' | null = null;
    if (e.direction === 'inbound' && (e.type === 'call.missed' || e.type === 'callback.requested')) {
      const language = m.language === 'en' ? 'en' : 'nl';
      const p = await promiseCallback(tx, conn, caseId, phone, language, window, now);
      promiseId = p.id;
      if (p.created) {
        const ack = await acknowledgeCall(tx, conn, { caseId, phone, language, kind: e.type === 'call.missed' ? 'missed' : 'requested',
          windowStart: p.windowStart, dueAt: p.dueAt, timeZone: p.timeZone, perHour: o.ackPerHour, now });
        acknowledged = ack.via;
      }
    }
    await linkEvent(tx, accountId, 'phone', e.id, caseId, messageId);
    return { outcome: 'logged', case_id: caseId, case_ref: caseRef, message_id: messageId, created_case: created, promise_id: promiseId, acknowledged };
  });
}

/** The callback promise of a missed call or a callback request; an open one on the case is kept, not doubled (created: false). */
async function promiseCallback(tx: Db, conn: Connections, caseId: string, phone: string, language: 'nl' | 'en', window: { start: Date; end: Date } | null, now: Date):
  Promise<{ id: string; created: boolean; windowStart: Date | null; dueAt: Date; timeZone: string }> {
  const [open] = await tx.query<{ id: string }>(
    `SELECT id FROM promises WHERE account_id = $1 AND case_id = $2 AND kind = 'callback' AND state = 'open' ORDER BY due_at LIMIT 1`,
    [conn.account_id, caseId],
  );
  if (open) return { id: open.id, created: false, windowStart: null, dueAt: now, timeZone: 'Europe/Amsterdam' };
  const { calendar } = await getServiceSettings(tx, conn.account_id);
  const dueAt = window?.end ?? addBusinessTime(now, conn.phone_callback_minutes, calendar) ?? new Date(now.getTime() + conn.phone_callback_minutes * 60_000);
  const promise = await makePromise(tx, systemActor(conn.account_id), {
    caseId, kind: 'callback', description: language === 'nl' ? `Terugbellen op ${phone}` : `Call back on ${phone}`,
    windowStart: window?.start ?? null, dueAt, ownerId: await phoneCallbackOwner(tx, conn.account_id, caseId, window?.start ?? now, calendar.timeZone), now,
  });
  return { id: promise.id, created: true, windowStart: window?.start ?? null, dueAt, timeZone: calendar.timeZone };
}
