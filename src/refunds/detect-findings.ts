import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { emitEvent } from '../webhooks/events.ts';
import { getRefundSettings } from './settings.ts';

/** Webhook events per run at most (a first import can find thousands; the rest is in the list). */
const MAX_EVENTS = 500;

/**
 * Looks through the ledger for money taken wrongly, before the customer calls:
 * - double charges: the same customer, amount, currency and merchant reference within the account's
 *   window (the later charge is the double one);
 * - overcharges: a charge above its product's tariff rule (fixed + unit price × quantity, capped),
 *   beyond the rule's tolerance; the finding proposes the difference;
 * - charges after a cancellation: later than the customer's recorded cancellation (of the charge's
 *   product, or of everything), or than a cancelled_at the ledger's rows carry; the whole charge.
 * Each finding is matched to the customer (e-mail, phone or external id identity) and their open case. Running
 * it again finds nothing new. Set-based SQL: a million charges are one pass each.
 */
export async function detectFindings(db: Db, actor: Actor): Promise<{ double_charges: number; after_cancellation: number; overcharges: number; linked_to_customer: number }> {
  requirePermission(actor, 'refunds.manage_ledger', 'Looking for double charges');
  const settings = await getRefundSettings(db, actor.accountId);
  return db.transaction(async (tx) => {
    const doubles = await tx.query<{ id: string }>(
      `INSERT INTO charge_findings (account_id, kind, charge_id, related_charge_id, customer_ref, amount_cents, currency, explanation)
       SELECT $1, 'double_charge', charge_ref, prev_ref, customer_ref, amount_cents, currency,
         format('Charge %s takes %s cents again for %s, %s minutes after charge %s', charge_ref, amount_cents, merchant_ref,
           round(extract(epoch FROM charged_at - prev_at) / 60), prev_ref)
       FROM (
         SELECT charge_ref, customer_ref, amount_cents, currency, merchant_ref, charged_at,
           lag(charged_at) OVER w AS prev_at, lag(charge_ref) OVER w AS prev_ref
         FROM charges WHERE account_id = $1 AND merchant_ref IS NOT NULL
         WINDOW w AS (PARTITION BY customer_ref, merchant_ref, amount_cents, currency ORDER BY charged_at, charge_ref)) x
       WHERE prev_ref IS NOT NULL AND charged_at - prev_at <= make_interval(mins => $2::int)
       ON CONFLICT (account_id, kind, charge_id) DO NOTHING RETURNING id`,
      [actor.accountId, settings.double_charge_window_minutes],
    );
    // charged after a cancellation: a charge later than the customer's cancellation (of its product, or
    // of everything) — recorded for the customer (API, workspace) or carried by the ledger's own rows.
    // The whole charge is proposed back; a charge already found as a double one is not found twice.
    const afterCancel = await tx.query<{ id: string }>(
      `WITH m AS (
         SELECT ci.value, coalesce(cu.merged_into, cu.id) AS customer_id
         FROM customer_identities ci JOIN customers cu ON cu.account_id = ci.account_id AND cu.id = ci.customer_id
         WHERE ci.account_id = $1 AND ci.kind IN ('email', 'phone', 'external')),
       cx AS (
         SELECT m.value AS customer_ref, x.product, x.cancelled_at
         FROM customer_cancellations x JOIN customers cu ON cu.account_id = x.account_id AND cu.id = x.customer_id
         JOIN m ON m.customer_id = coalesce(cu.merged_into, cu.id)
         WHERE x.account_id = $1
         UNION ALL
         SELECT customer_ref, product, min(cancelled_at) FROM charges
         WHERE account_id = $1 AND cancelled_at IS NOT NULL GROUP BY customer_ref, product)
       INSERT INTO charge_findings (account_id, kind, charge_id, customer_ref, amount_cents, currency, explanation)
       SELECT DISTINCT ON (c.charge_ref) $1, 'after_cancellation', c.charge_ref, c.customer_ref, c.amount_cents, c.currency,
         format('Charge %s takes %s cents%s on %s, after the customer cancelled%s on %s', c.charge_ref, c.amount_cents,
           coalesce(' for ' || c.product, ''), to_char(c.charged_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI'),
           coalesce(' ' || cx.product, ''), to_char(cx.cancelled_at AT TIME ZONE 'Europe/Amsterdam', 'YYYY-MM-DD HH24:MI'))
       FROM charges c JOIN cx ON cx.customer_ref = c.customer_ref AND (cx.product IS NULL OR cx.product = c.product) AND c.charged_at > cx.cancelled_at
       WHERE c.account_id = $1
         AND NOT EXISTS (SELECT 1 FROM charge_findings f WHERE f.account_id = $1 AND f.charge_id = c.charge_ref)
       ORDER BY c.charge_ref, cx.cancelled_at
       ON CONFLICT (account_id, kind, charge_id) DO NOTHING RETURNING id`,
      [actor.accountId],
    );
    const over = await tx.query<{ id: string }>(
      `INSERT INTO charge_findings (account_id, kind, charge_id, customer_ref, amount_cents, currency, explanation)
       SELECT $1, 'overcharge', charge_ref, customer_ref, amount_cents - expected, currency,
         format('Charge %s: %s cents for %s × %s, the tariff allows %s cents', charge_ref, amount_cents, quantity, product, expected)
       FROM (
         SELECT c.charge_ref, c.customer_ref, c.amount_cents, c.currency, c.product, c.quantity, t.tolerance_cents,
           least(coalesce(t.max_cents, 9223372036854775807), t.fixed_cents + ceil(t.unit_price_cents * c.quantity))::bigint AS expected
         FROM charges c JOIN tariff_rules t ON t.account_id = c.account_id AND t.product = c.product AND t.currency = c.currency
         WHERE c.account_id = $1 AND c.quantity IS NOT NULL) x
       WHERE amount_cents - expected > tolerance_cents
         AND NOT EXISTS (SELECT 1 FROM charge_findings f WHERE f.account_id = $1 AND f.charge_id = x.charge_ref AND f.kind = 'after_cancellation')
       ON CONFLICT (account_id, kind, charge_id) DO NOTHING RETURNING id`,
      [actor.accountId],
    );
    const found = [...doubles, ...afterCancel, ...over].map((f) => f.id);
    // who it was found for, and the case it belongs on: the customer's most recent case still open
    // (also for earlier findings whose customer wrote since)
    const linked = await tx.query<{ id: string }>(
      `WITH m AS (
         SELECT DISTINCT ON (ci.value) ci.value, coalesce(cu.merged_into, cu.id) AS customer_id
         FROM customer_identities ci JOIN customers cu ON cu.account_id = ci.account_id AND cu.id = ci.customer_id
         WHERE ci.account_id = $1 AND ci.kind IN ('email', 'phone', 'external')),
       t AS (
         SELECT f.id, m.customer_id,
           (SELECT c.id FROM cases c WHERE c.account_id = $1 AND c.customer_id = m.customer_id
            AND c.status NOT IN ('solved', 'closed') ORDER BY c.last_contact_at DESC LIMIT 1) AS case_id
         FROM charge_findings f JOIN m ON m.value = f.customer_ref
         WHERE f.account_id = $1 AND f.status = 'proposed' AND (f.customer_id IS NULL OR f.case_id IS NULL))
       UPDATE charge_findings f SET customer_id = t.customer_id, case_id = t.case_id FROM t
       WHERE f.account_id = $1 AND f.id = t.id AND (f.customer_id IS DISTINCT FROM t.customer_id OR f.case_id IS DISTINCT FROM t.case_id)
       RETURNING f.id`,
      [actor.accountId],
    );
    if (found.length) {
      const rows = await tx.query<Record<string, unknown>>(
        `SELECT id, kind, charge_id, customer_id, case_id, amount_cents, currency, explanation FROM charge_findings
         WHERE account_id = $1 AND id = ANY($2::uuid[]) LIMIT ${MAX_EVENTS}`,
        [actor.accountId, found],
      );
      for (const f of rows) await emitEvent(tx, actor.accountId, 'charge.finding', f);
      await recordAudit(tx, actor, {
        action: 'ledger.detected', entityType: 'account', entityId: actor.accountId,
        after: { double_charges: doubles.length, after_cancellation: afterCancel.length, overcharges: over.length, linked_to_customer: linked.length },
      });
    }
    return { double_charges: doubles.length, after_cancellation: afterCancel.length, overcharges: over.length, linked_to_customer: linked.length };
  });
}
