import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { receiveMessageIn } from '../../cases/receive-message.ts';
import { insertMessage } from '../../cases/insert-message.ts';
import { normaliseIdentity } from '../../customers/identity.ts';
import { makePromise } from '../../promises/make-promise.ts';
import { getServiceSettings } from '../../promises/settings.ts';
import { inboxForCase } from '../inboxes/store.ts';
import { outboundEmailFields, SEND_JOB } from '../channels/email/outbound.ts';
import type { Door } from '../doors/channel-settings.ts';
import { callbackSlots, findSlot, type SlotRules } from './callback-slots.ts';
import { callbackConfirmation, callbackWhen } from './callback-text.ts';
import { callbackOwner } from './callback-owner.ts';
import { onDuty } from './callback-rota.ts';
import { readRota } from './rota-store.ts';

export interface BookCallbackOptions {
  slotStart: Date;
  phone: string;
  name?: string;
  email?: string;
  /** what the call is about */
  note?: string;
  language: 'nl' | 'en';
  /** where the customer's "move or cancel" link points: the path with the secret appended */
  managePath: (secret: string) => string;
  now?: Date;
}

export interface BookedCallback {
  caseRef: string;
  caseId: string;
  promiseId: string;
  start: Date;
  end: Date;
  /** "dinsdag 8 december tussen 10:00 en 10:30" */
  when: string;
  manageSecret: string;
  /** the number we will call, as stored (E.164) */
  phone: string;
}

/** The slots a customer may book now, with what is already booked read from the database. */
export async function openCallbackSlots(db: Db, door: Door, now = new Date()) {
  const { calendar } = await getServiceSettings(db, door.account_id);
  const booked = await db.query<{ slot_start: Date; booked: number }>(
    'SELECT slot_start, booked FROM callback_slots WHERE account_id = $1 AND slot_start >= $2', [door.account_id, now]);
  const rota = await readRota(db, door.account_id);
  // with a rota, who is on duty for a slot; a slot then takes the door's bookings per slot for each of them
  const onDutyAt = rota && ((s: Date, e: Date) => onDuty(rota, calendar.timeZone, s.getTime(), e.getTime()));
  const rules: SlotRules = {
    calendar, slotMinutes: door.callback_slot_minutes, capacity: door.callback_capacity, daysAhead: door.callback_days_ahead, now,
    booked: new Map(booked.map((b) => [new Date(b.slot_start).getTime(), b.booked])),
    ...(rota ? { capacityAt: (s: number, e: number) => onDuty(rota, calendar.timeZone, s, e).length * door.callback_capacity } : {}),
  };
  /** how many bookings the slot takes in all (what the booking statement checks against) */
  const capacityOf = (slot: { start: Date; end: Date }) => rules.capacityAt?.(slot.start.getTime(), slot.end.getTime()) ?? door.callback_capacity;
  return { calendar, rules, slots: callbackSlots(rules), onDutyAt, capacityOf };
}

/**
 * A customer books a callback instead of waiting in a queue. In one transaction: the slot takes one
 * more booking only while it has room (one statement, so two customers racing for the last place
 * cannot both get it); the request becomes a case; the callback becomes a promise with a window
 * and an owner (an agent on the callback rota then, or without a rota the available agent, with the
 * fewest callbacks in that slot); the confirmation with
 * a link to move or cancel goes out by mail when the customer gave an address.
 */
export async function bookCallback(db: Db, door: Door, o: BookCallbackOptions): Promise<BookedCallback> {
  const now = o.now ?? new Date();
  if (!door.callback_enabled) throw new AppError('callbacks_off', 'Callback booking is switched off', 404);
  const phone = normaliseIdentity('phone', o.phone);
  const { calendar, rules, onDutyAt, capacityOf } = await openCallbackSlots(db, door, now);
  // with what is booked ignored: whether it is a slot at all; whether it has room is decided under the lock below
  const slot = findSlot({ ...rules, booked: new Map() }, o.slotStart);
  if (!slot) throw invalid('slot_not_offered', 'This time is not a callback slot we offer (closed, a holiday, past, or too far ahead); choose one from the list');
  const actor = systemActor(door.account_id);
  const secret = randomBytes(24).toString('base64url');

  return db.transaction(async (tx) => {
    const [taken] = await tx.query<{ booked: number }>(
      `INSERT INTO callback_slots (account_id, slot_start, booked) VALUES ($1, $2, 1)
       ON CONFLICT (account_id, slot_start) DO UPDATE SET booked = callback_slots.booked + 1 WHERE callback_slots.booked < $3
       RETURNING booked`,
      [door.account_id, slot.start, capacityOf(slot)],
    );
    if (!taken) throw new AppError('slot_full', 'This slot has just been taken; choose another time', 409);

    const when = callbackWhen(slot.start, slot.end, o.language, calendar.timeZone);
    const body = [o.language === 'nl' ? `Terugbelverzoek: ${when}, op ${phone}.` : `Callback request: ${when}, on ${phone}.`, ...(o.note?.trim() ? ['', o.note.trim()] : [])].join('\n');
    const stored = await receiveMessageIn(tx, actor, {
      customer: { phone, ...(o.email ? { email: o.email } : {}), ...(o.name ? { name: o.name } : {}) },
      subject: o.language === 'nl' ? 'Terugbelverzoek' : 'Callback request',
      body,
      channel: 'web',
      language: o.language,
    });
    const ownerId = await callbackOwner(tx, door.account_id, { slotEnd: slot.end, onDuty: onDutyAt ? onDutyAt(slot.start, slot.end) : null });
    const promise = await makePromise(tx, actor, {
      caseId: stored.case.id, kind: 'callback', description: o.language === 'nl' ? `Terugbellen op ${phone}` : `Call back on ${phone}`,
      windowStart: slot.start, dueAt: slot.end, ownerId, now,
    });
    await tx.query(
      `INSERT INTO callback_bookings (account_id, case_id, promise_id, slot_start, slot_end, phone, manage_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [door.account_id, stored.case.id, promise.id, slot.start, slot.end, phone, hashSecret(secret)],
    );
    if (o.email) {
      const inbox = await inboxForCase(tx, door.account_id, null);
      const text = callbackConfirmation({ lang: o.language, start: slot.start, end: slot.end, timeZone: calendar.timeZone, ref: stored.case.ref,
        name: o.name ?? null, phone, manageUrl: o.managePath(secret), team: inbox?.name || door.account_name });
      const fields = await outboundEmailFields(tx, door.account_id, stored.case, inbox ? { inbox } : {});
      await insertMessage(tx, actor, {
        caseId: stored.case.id, type: 'outbound', channel: 'email', body: text.body, language: o.language, customerId: stored.customerId,
        email: { ...fields, subject: text.subject, automated: 'acknowledgement' }, job: fields.deliveryStatus === 'queued' ? SEND_JOB : undefined,
      });
    }
    return { caseRef: stored.case.ref, caseId: stored.case.id, promiseId: promise.id, start: slot.start, end: slot.end, when, manageSecret: secret, phone };
  });
}

export const hashSecret = (s: string) => createHash('sha256').update(s).digest('hex');
