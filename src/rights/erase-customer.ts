import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { personOf, type Person } from './person.ts';
import { scrubReason } from './scrub-reason.ts';
import { anonymiseCases } from './anonymise-cases.ts';
import { eraseMoney, openMatters } from './erase-money.ts';

export interface EraseCustomerOptions {
  customerId: string;
  /** why (a request by the customer, a retention rule): kept in the audit without the person's data */
  reason: string;
  /** erase even with open promises or refunds (the promises are cancelled, the refunds rejected) */
  override?: boolean;
}

export interface ErasureSummary {
  customer_id: string;
  cases: number;
  messages: number;
  attachments: number;
  audit_rows_redacted: number;
  open_promises_cancelled: number;
  open_refunds_rejected: number;
}

/**
 * GDPR art. 17: removes or anonymises every piece of personal data of one customer (and of the
 * customers merged into them) in every table and copy, in one transaction — see docs/erasure.md.
 * Rows that figures count (cases, messages, analysis scores, survey scores) stay, emptied of what
 * identifies the person, so the dashboard keeps adding up. The audit records that it happened.
 */
export async function eraseCustomer(db: Db, actor: Actor, o: EraseCustomerOptions): Promise<ErasureSummary> {
  requirePermission(actor, 'customers.erase', 'Erasing a customer');
  const reason = o.reason.trim();
  if (!reason) throw new AppError('reason_required', 'Say why this customer is erased (e.g. "verzoek klant 12-11")', 422);
  return db.transaction(async (tx) => {
    const person = await personOf(tx, actor.accountId, o.customerId, true);
    if (!person) throw notFound('customer', o.customerId);
    if (person.erasedAt) throw conflict('customer_erased', `Customer ${o.customerId} was already erased`);
    const open = await openMatters(tx, actor.accountId, person.customerIds);
    if ((open.open_promises > 0 || open.open_refunds > 0) && !o.override) {
      throw new AppError('erasure_needs_override',
        `This customer has ${open.open_promises} open promise(s) and ${open.open_refunds} open refund(s); erase anyway with override (the promises are cancelled, the refunds rejected)`,
        409, open);
    }
    await tx.query(`SET LOCAL luister.erasure = 'on'`);
    const refundsRejected = await eraseMoney(tx, actor.accountId, person);
    const summary = await wipe(tx, actor.accountId, person);
    await recordAudit(tx, actor, {
      action: 'customer.erased',
      entityType: 'customer',
      entityId: o.customerId,
      after: { reason: scrubReason(reason, [...person.values, ...person.texts]), override: Boolean(o.override), ...summary, ...open, customer_id: undefined },
    });
    return { customer_id: o.customerId, ...summary, open_promises_cancelled: o.override ? open.open_promises : 0, open_refunds_rejected: refundsRejected };
  });
}

async function wipe(tx: Db, accountId: string, p: Person) {
  const q = (sql: string, params: unknown[] = []) => tx.query(sql, [accountId, ...params]);
  const ids = p.customerIds;
  const counts = await anonymiseCases(tx, accountId, { caseIds: p.caseIds, customerIds: ids, values: p.values, texts: p.texts });
  // the person: preferences, links, signs, identities go; the row stays (cases point at it), empty
  await q(`DELETE FROM vulnerability_signs WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`DELETE FROM contact_preferences WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  // listening keeps a day of each message's topic words with its sender (words that burst): not theirs any more
  await q(`DELETE FROM term_postings WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`DELETE FROM rights_links WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`UPDATE surveys SET comment = NULL, to_address = NULL WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  // a cancellation stays (the ledger's findings rest on it), without the agent's note
  await q(`UPDATE customer_cancellations SET note = NULL WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  // calls and WhatsApp sends carry their number; custom field values on their cases and on them may be personal
  await q(`DELETE FROM phone_calls WHERE account_id = $1 AND (case_id = ANY($2::uuid[]) OR customer_phone = ANY($3::text[]))`, [p.caseIds, p.values]);
  await q(
    `UPDATE whatsapp_outbound w SET to_wa_id = '', last_error = NULL FROM messages m
     WHERE w.account_id = $1 AND m.account_id = w.account_id AND m.id = w.message_id AND m.case_id = ANY($2::uuid[])`, [p.caseIds]);
  await q(`UPDATE cases SET custom_fields = '{}' WHERE account_id = $1 AND id = ANY($2::uuid[]) AND custom_fields <> '{}'`, [p.caseIds]);
  // portal sign-in links and sessions carry their address (and stop working once the identities go anyway)
  await q(`DELETE FROM portal_links WHERE account_id = $1 AND (customer_id = ANY($2::uuid[]) OR email = ANY($3::text[]))`, [ids, p.values]);
  await q(`DELETE FROM portal_sessions WHERE account_id = $1 AND (customer_id = ANY($2::uuid[]) OR email = ANY($3::text[]))`, [ids, p.values]);
  // copies of their address or number kept by other doors: announcement deliveries, callbacks (cancelled), status page subscriptions
  await q(`UPDATE announcement_recipients SET email = '', error = NULL, reply_token = NULL WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`UPDATE callback_bookings SET phone = '', state = 'cancelled' WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [p.caseIds]);
  const addresses = p.values.map((v) => v.toLowerCase());
  await q(`DELETE FROM status_deliveries WHERE account_id = $1 AND subscriber_id IN (SELECT id FROM status_subscribers WHERE account_id = $1 AND lower(email) = ANY($2::text[]))`, [addresses]);
  await q(`DELETE FROM status_subscribers WHERE account_id = $1 AND lower(email) = ANY($2::text[])`, [addresses]);
  await q(
    `UPDATE whatsapp_outbound w SET template = NULL FROM messages m
     WHERE w.account_id = $1 AND m.account_id = w.account_id AND m.id = w.message_id AND m.case_id = ANY($2::uuid[]) AND w.template IS NOT NULL`, [p.caseIds]);
  await q(`DELETE FROM customer_identities WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(
    `UPDATE customers SET name = '', search_text = '', language = NULL, vulnerable = false, media = false, sales_opt_out = false,
       vulnerable_source = NULL, refund_iban = NULL, refund_account_holder = NULL, organisation_id = NULL, custom_fields = '{}',
       erased_at = now(), updated_at = now()
     WHERE account_id = $1 AND id = ANY($2::uuid[])`, [ids]);
  return counts;
}
