import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { makePromise } from '../../promises/make-promise.ts';
import type { Door } from '../doors/channel-settings.ts';
import { openCallbackSlots } from './book-callback.ts';
import { findSlot } from './callback-slots.ts';
import { callbackOwner } from './callback-owner.ts';
import { type CallbackBooking, findBooking } from './cancel-callback.ts';

/**
 * The customer moves their callback to another slot through their link, in one transaction: the
 * new slot takes one more booking only while it has room, the old one gets its place back, and the
 * promise is renegotiated to the new window (same owner, unless the callback rota puts someone else on then). The link keeps working.
 */
export async function moveCallback(db: Db, door: Door, secret: string, slotStart: Date, now = new Date()): Promise<CallbackBooking> {
  const { rules, onDutyAt, capacityOf } = await openCallbackSlots(db, door, now);
  const slot = findSlot({ ...rules, booked: new Map() }, slotStart);
  if (!slot) throw invalid('slot_not_offered', 'This time is not a callback slot we offer; choose one from the list');
  return db.transaction(async (tx) => {
    const b = await findBooking(tx, secret);
    if (!b || b.account_id !== door.account_id) throw new AppError('booking_not_found', 'This callback link is not valid (any more)', 404);
    const [locked] = await tx.query<{ state: string }>('SELECT state FROM callback_bookings WHERE account_id = $1 AND id = $2 FOR UPDATE', [b.account_id, b.id]);
    if (locked.state !== 'booked') throw new AppError('booking_cancelled', 'This callback was cancelled; book a new one', 409);
    if (new Date(b.slot_start).getTime() === slot.start.getTime()) return b;
    const [taken] = await tx.query(
      `INSERT INTO callback_slots (account_id, slot_start, booked) VALUES ($1, $2, 1)
       ON CONFLICT (account_id, slot_start) DO UPDATE SET booked = callback_slots.booked + 1 WHERE callback_slots.booked < $3 RETURNING booked`,
      [b.account_id, slot.start, capacityOf(slot)],
    );
    if (!taken) throw new AppError('slot_full', 'This slot has just been taken; choose another time', 409);
    await tx.query('UPDATE callback_slots SET booked = booked - 1 WHERE account_id = $1 AND slot_start = $2 AND booked > 0', [b.account_id, b.slot_start]);
    const actor = { ...systemActor(b.account_id), type: 'customer' as const };
    const [old] = await tx.query<{ owner_id: string; description: string }>(
      `UPDATE promises SET state = 'renegotiated', updated_at = now() WHERE account_id = $1 AND id = $2 AND state = 'open' RETURNING owner_id, description`,
      [b.account_id, b.promise_id],
    );
    const was = old?.owner_id ?? (await tx.query<{ owner_id: string }>('SELECT owner_id FROM promises WHERE account_id = $1 AND id = $2', [b.account_id, b.promise_id]))[0].owner_id;
    // the same owner, unless a rota says they do not take callbacks then
    const owner = await callbackOwner(tx, b.account_id, { slotEnd: slot.end, onDuty: onDutyAt ? onDutyAt(slot.start, slot.end) : null, keep: was });
    const next = await makePromise(tx, actor, {
      caseId: b.case_id, kind: 'callback', description: old?.description ?? `Terugbellen op ${b.phone}`, windowStart: slot.start, dueAt: slot.end,
      ownerId: owner, source: 'renegotiation', now,
    });
    await tx.query('UPDATE promises SET replaced_by = $3 WHERE account_id = $1 AND id = $2', [b.account_id, b.promise_id, next.id]);
    await tx.query('UPDATE callback_bookings SET slot_start = $3, slot_end = $4, promise_id = $5 WHERE account_id = $1 AND id = $2',
      [b.account_id, b.id, slot.start, slot.end, next.id]);
    await recordAudit(tx, actor, { action: 'case.callback_moved', entityType: 'case', entityId: b.case_id, before: { slot_start: b.slot_start }, after: { slot_start: slot.start } });
    return { ...b, slot_start: slot.start, slot_end: slot.end, promise_id: next.id };
  });
}
