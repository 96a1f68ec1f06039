import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, conflict, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { personOf, type Person } from './person.ts';
import { scrubReason } from './scrub-reason.ts';

export interface EraseCustomerOptions {
  customerId: string;
  /** why (a request by the customer, a retention rule): kept in the audit without the person's data */
  reason: string;
  /** erase even with open promises (they are cancelled) */
  override?: boolean;
}

export interface ErasureSummary {
  customer_id: string;
  cases: number;
  messages: number;
  attachments: number;
  audit_rows_redacted: number;
  open_promises_cancelled: number;
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
    const [open] = await tx.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM promises WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) AND state = 'open'`, [actor.accountId, person.customerIds]);
    if (open.n > 0 && !o.override) {
      throw new AppError('erasure_needs_override', `This customer has ${open.n} open promise(s); erase anyway with override (they are cancelled)`, 409, { open_promises: open.n });
    }
    await tx.query(`SET LOCAL luister.erasure = 'on'`);
    const summary = await wipe(tx, actor.accountId, person);
    await recordAudit(tx, actor, {
      action: 'customer.erased',
      entityType: 'customer',
      entityId: o.customerId,
      after: { reason: scrubReason(reason, [...person.values, ...person.texts]), override: Boolean(o.override), ...summary, customer_id: undefined },
    });
    return { customer_id: o.customerId, ...summary, open_promises_cancelled: o.override ? open.n : 0 };
  });
}

async function wipe(tx: Db, accountId: string, p: Person) {
  const q = (sql: string, params: unknown[] = []) => tx.query(sql, [accountId, ...params]);
  const ids = p.customerIds;
  const cases = p.caseIds;
  const messages = (await q(`SELECT id FROM messages WHERE account_id = $1 AND (case_id = ANY($2::uuid[]) OR customer_id = ANY($3::uuid[]))`, [cases, ids])).map((r) => (r as { id: string }).id);
  const promises = (await q(`SELECT id FROM promises WHERE account_id = $1 AND (customer_id = ANY($2::uuid[]) OR case_id = ANY($3::uuid[]))`, [ids, cases])).map((r) => (r as { id: string }).id);
  // every id and every value that can carry the person, for the copies that hold them as text
  const needles = [...ids, ...cases, ...messages, ...promises];
  const values = p.values;

  // audit: redact details that hold the person's data (fixed marker; the trigger allows nothing else)
  const redacted = await q(
    `UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
                          after = CASE WHEN after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
     WHERE account_id = $1 AND (before IS NOT NULL OR after IS NOT NULL)
       AND coalesce(before, '{}'::jsonb) <> '{"erased": true}'::jsonb
       AND (EXISTS (SELECT 1 FROM unnest($2::text[]) v WHERE strpos(lower(coalesce(before::text, '') || ' ' || coalesce(after::text, '')), lower(v)) > 0)
         OR (entity_id = ANY($3::uuid[])
             AND EXISTS (SELECT 1 FROM unnest($4::text[]) v WHERE strpos(lower(coalesce(before::text, '') || ' ' || coalesce(after::text, '')), lower(v)) > 0)))
     RETURNING id`,
    [values, needles, p.texts],
  );
  // copies: webhook payloads, job payloads, cached idempotent responses
  await q(`UPDATE webhook_deliveries SET payload = '{"erased": true}'::jsonb, last_error = NULL
           WHERE account_id = $1 AND EXISTS (SELECT 1 FROM unnest($2::text[]) v WHERE strpos(lower(payload::text), lower(v)) > 0)`, [[...needles, ...values]]);
  await q(`DELETE FROM jobs WHERE account_id = $1 AND status <> 'running'
           AND EXISTS (SELECT 1 FROM unnest($2::text[]) v WHERE strpos(lower(payload::text || ' ' || coalesce(last_error, '')), lower(v)) > 0)`, [[...needles, ...values]]);
  await q(`DELETE FROM idempotency_keys WHERE account_id = $1
           AND EXISTS (SELECT 1 FROM unnest($2::text[]) v WHERE strpos(lower(coalesce(response_body, '')), lower(v)) > 0)`, [[...needles, ...values]]);

  // what was written by and to them
  const attachments = await q(`DELETE FROM attachments WHERE account_id = $1 AND message_id = ANY($2::uuid[]) RETURNING id`, [messages]);
  await q(`DELETE FROM reply_bands WHERE account_id = $1 AND message_id = ANY($2::uuid[])`, [messages]);
  await q(`DELETE FROM reply_fingerprints WHERE account_id = $1 AND message_id = ANY($2::uuid[])`, [messages]);
  await q(`UPDATE message_analysis SET money = '[]'::jsonb, mentions = '[]'::jsonb WHERE account_id = $1 AND message_id = ANY($2::uuid[])`, [messages]);
  await q(
    `UPDATE messages SET body = '', original_body = NULL, html = NULL, subject = NULL, from_address = NULL, to_address = NULL,
       email_message_id = NULL, email_references = NULL, findings = NULL, intake_notes = NULL, delivery_error = NULL
     WHERE account_id = $1 AND id = ANY($2::uuid[])`, [messages]);
  await q(`UPDATE cases SET subject = '', subject_key = 'erased:' || id::text, updated_at = now() WHERE account_id = $1 AND id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE case_transfers SET note = NULL WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE promises SET description = '', state = CASE WHEN state = 'open' THEN 'cancelled' ELSE state END WHERE account_id = $1 AND id = ANY($2::uuid[])`, [promises]);
  await q(`UPDATE drafts SET body = '', reason = '' WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE notifications SET body = '' WHERE account_id = $1 AND (case_id = ANY($2::uuid[])
           OR EXISTS (SELECT 1 FROM unnest($3::text[]) v WHERE strpos(lower(body), lower(v)) > 0))`, [cases, values]);

  // the person: preferences, links, signs, identities go; the row stays (cases point at it), empty
  await q(`DELETE FROM vulnerability_signs WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`DELETE FROM contact_preferences WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`DELETE FROM rights_links WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`UPDATE surveys SET comment = NULL, to_address = NULL WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(`DELETE FROM customer_identities WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  await q(
    `UPDATE customers SET name = '', search_text = '', language = NULL, vulnerable = false, media = false, sales_opt_out = false,
       vulnerable_source = NULL, erased_at = now(), updated_at = now()
     WHERE account_id = $1 AND id = ANY($2::uuid[])`, [ids]);
  return { cases: cases.length, messages: messages.length, attachments: attachments.length, audit_rows_redacted: redacted.length };
}
