import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadCase } from '../cases/store.ts';
import { makePromise } from '../promises/make-promise.ts';
import { getServiceSettings } from '../promises/settings.ts';
import { addBusinessDays } from '../promises/due-time.ts';
import { emitEvent } from '../webhooks/events.ts';
import { checkDestination } from './destination.ts';
import { isCurrency } from './money.ts';
import { getRefundSettings } from './settings.ts';
import { REFUND_COLUMNS, type RefundRow } from './store.ts';

export interface RequestRefundOptions {
  caseId: string;
  amountCents: number;
  currency: string;
  reason: string;
  /** the charge (billing's charge id, the ledger's key) the refund pays back, if known: the refund may not exceed what is left of it */
  chargeId?: string | null;
  destination: 'iban' | 'original_payment';
  iban?: string | null;
  accountHolder?: string | null;
  findingId?: string | null;
  problemId?: string | null;
  /** who is accountable for the refund_by promise; default the case owner, else the acting agent */
  ownerId?: string | null;
  now?: Date;
}

/**
 * A refund request on a case, with a refund_by promise due after the account's target in business
 * days (Dutch holidays): a slow refund is a breached promise. Bad input (a zero, negative or
 * fractional amount, an unknown currency, a bad IBAN, more than is left of the charge) changes
 * nothing. Joins the caller's transaction.
 */
export async function requestRefund(db: Db, actor: Actor, o: RequestRefundOptions): Promise<RefundRow> {
  if (!Number.isSafeInteger(o.amountCents) || o.amountCents <= 0) {
    throw invalid('invalid_amount', `amount_cents: ${o.amountCents} is not a whole, positive number of cents`, { field: 'amount_cents' });
  }
  if (!isCurrency(o.currency)) throw invalid('unknown_currency', `currency: "${o.currency}" is not an ISO 4217 currency code`, { field: 'currency' });
  const reason = o.reason.trim();
  if (!reason) throw invalid('reason_required', 'reason: say why the customer gets money back', { field: 'reason' });
  const dest = checkDestination({ destination: o.destination, iban: o.iban, account_holder: o.accountHolder });
  if (!dest.ok) throw invalid(dest.code, `${dest.field}: ${dest.message}`, { field: dest.field });
  const now = o.now ?? new Date();

  return db.transaction(async (tx) => {
    const c = await loadCase(tx, actor.accountId, o.caseId, true);
    if (o.chargeId) {
      const [charge] = await tx.query<{ amount_cents: number; currency: string; charge_ref: string; refunded: number }>(
        `SELECT c.amount_cents, c.currency, c.charge_ref,
           (SELECT coalesce(sum(r.amount_cents), 0)::bigint FROM refunds r WHERE r.account_id = c.account_id AND r.charge_id = c.charge_ref AND r.state <> 'rejected') AS refunded
         FROM charges c WHERE c.account_id = $1 AND c.charge_ref = $2 FOR UPDATE OF c`,
        [actor.accountId, o.chargeId],
      );
      // the id is not echoed: it is billing's text, sent by the caller (and may be another account's)
      if (!charge) throw new AppError('charge_not_found', "charge_id: the charge does not exist in this account (billing's charge id, as imported with the ledger)", 404);
      if (charge.currency !== o.currency) throw invalid('currency_mismatch', `currency: the charge ${charge.charge_ref} was in ${charge.currency}, not ${o.currency}`, { field: 'currency' });
      const left = charge.amount_cents - charge.refunded;
      if (o.amountCents > left) {
        throw invalid('amount_above_charge', `amount_cents: ${o.amountCents} is more than is left of charge ${charge.charge_ref} (${left} of ${charge.amount_cents} cents)`, { field: 'amount_cents' });
      }
    }
    const d = dest.destination;
    const [row] = await tx.query<RefundRow>(
      `INSERT INTO refunds (account_id, case_id, customer_id, amount_cents, currency, reason, charge_id, destination, iban, account_holder,
         requested_by, finding_id, problem_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14) RETURNING ${REFUND_COLUMNS}`,
      [actor.accountId, c.id, c.customer_id, o.amountCents, o.currency, reason.slice(0, 1000), o.chargeId ?? null, d.kind,
        d.kind === 'iban' ? d.iban : null, d.kind === 'iban' ? d.holder : null, actor.agentId, o.findingId ?? null, o.problemId ?? null, now],
    );
    const [service, settings] = await Promise.all([getServiceSettings(tx, actor.accountId), getRefundSettings(tx, actor.accountId)]);
    const promise = await makePromise(tx, actor, {
      caseId: c.id, kind: 'refund_by', ownerId: o.ownerId ?? undefined, dueAt: addBusinessDays(now, settings.target_business_days, service.calendar), now,
      description: `Terugbetaling ${(o.amountCents / 100).toFixed(2)} ${o.currency}: ${reason.slice(0, 200)}`,
    });
    const [refund] = await tx.query<RefundRow>(
      `UPDATE refunds SET promise_id = $3 WHERE account_id = $1 AND id = $2 RETURNING ${REFUND_COLUMNS}`,
      [actor.accountId, row.id, promise.id],
    );
    await recordAudit(tx, actor, {
      action: 'refund.requested', entityType: 'refund', entityId: refund.id,
      after: { case_id: c.id, amount_cents: refund.amount_cents, currency: refund.currency, reason: refund.reason, charge_id: refund.charge_id,
        destination: refund.destination, iban_last4: refund.iban?.slice(-4) ?? null, promise_id: promise.id, due_at: promise.due_at },
    });
    await recordAudit(tx, actor, { action: 'case.refund_requested', entityType: 'case', entityId: c.id, after: { refund_id: refund.id, amount_cents: refund.amount_cents } });
    await emitEvent(tx, actor.accountId, 'refund.requested', refund);
    return refund;
  });
}
