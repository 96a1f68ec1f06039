import type { Db } from '../../storage/db.ts';
import { systemActor } from '../../shared/actor.ts';
import { recordAudit } from '../../shared/audit.ts';
import { AppError } from '../../shared/errors.ts';
import { hashSecret } from './book-callback.ts';

export interface CallbackBooking {
  id: string;
  account_id: string;
  case_id: string;
  promise_id: string;
  slot_start: Date;
  slot_end: Date;
  phone: string;
  state: 'booked' | 'moved' | 'cancelled';
  ref: string;
}

/** The booking behind a customer's "move or cancel" link, or null. */
export async function findBooking(db: Db, secret: string): Promise<CallbackBooking | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(secret)) return null;
  const [row] = await db.query<CallbackBooking>(
    `SELECT b.id, b.account_id, b.case_id, b.promise_id, b.slot_start, b.slot_end, b.phone, b.state, c.ref
     FROM callback_bookings b JOIN cases c ON c.account_id = b.account_id AND c.id = b.case_id WHERE b.manage_hash = $1`,
    [hashSecret(secret)],
  );
  return row ?? null;
}

/**
 * The customer cancels their callback through their link: the slot gets its place back, the
 * promise is withdrawn (the owner no longer has to call), and the case says so in its audit trail.
 * Cancelling twice changes nothing the second time.
 */
export async function cancelCallback(db: Db, secret: string): Promise<CallbackBooking> {
  return db.transaction(async (tx) => {
    const b = await findBooking(tx, secret);
    if (!b) throw new AppError('booking_not_found', 'This callback link is not valid (any more)', 404);
    const [locked] = await tx.query<{ state: string }>('SELECT state FROM callback_bookings WHERE account_id = $1 AND id = $2 FOR UPDATE', [b.account_id, b.id]);
    if (locked.state !== 'booked') return { ...b, state: locked.state as CallbackBooking['state'] };
    await tx.query(`UPDATE callback_bookings SET state = 'cancelled' WHERE account_id = $1 AND id = $2`, [b.account_id, b.id]);
    await tx.query('UPDATE callback_slots SET booked = booked - 1 WHERE account_id = $1 AND slot_start = $2 AND booked > 0', [b.account_id, b.slot_start]);
    await tx.query(`UPDATE promises SET state = 'cancelled', updated_at = now() WHERE account_id = $1 AND id = $2 AND state = 'open'`, [b.account_id, b.promise_id]);
    const actor = { ...systemActor(b.account_id), type: 'customer' as const };
    await recordAudit(tx, actor, { action: 'promise.cancelled', entityType: 'promise', entityId: b.promise_id, after: { state: 'cancelled', reason: 'the customer cancelled the callback' } });
    await recordAudit(tx, actor, { action: 'case.callback_cancelled', entityType: 'case', entityId: b.case_id, after: { slot_start: b.slot_start } });
    return { ...b, state: 'cancelled' };
  });
}
