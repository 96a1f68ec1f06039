import type { Db } from '../storage/db.ts';

export interface AnonymisedCounts {
  cases: number;
  messages: number;
  attachments: number;
  audit_rows_redacted: number;
}

/**
 * Empties cases of what identifies a person — subjects, messages (text, original, HTML, addresses),
 * attachments, notes, promise descriptions, drafts, notifications, transfer notes, analysis details,
 * the mantra index, and the copies in webhook payloads, job payloads, cached responses and audit
 * details — while the rows figures count stay. Used by erasure and by retention. The caller's
 * transaction must have `SET LOCAL luister.erasure = 'on'` (the audit trigger allows only that).
 * `values` are found anywhere in the account (a name, an address); `texts` only on these entities.
 */
export async function anonymiseCases(
  tx: Db,
  accountId: string,
  o: { caseIds: string[]; customerIds?: string[]; values?: string[]; texts?: string[] },
): Promise<AnonymisedCounts> {
  const q = <T = { id: string }>(sql: string, params: unknown[] = []) => tx.query<T>(sql, [accountId, ...params]);
  const cases = o.caseIds;
  const ids = o.customerIds ?? [];
  const values = o.values ?? [];
  const texts = [...(o.texts ?? []), ...(await q<{ subject: string }>('SELECT subject FROM cases WHERE account_id = $1 AND id = ANY($2::uuid[])', [cases])).map((c) => c.subject)]
    .map((t) => t.trim()).filter((t) => t.length >= 4);
  const messages = (await q(`SELECT id FROM messages WHERE account_id = $1 AND (case_id = ANY($2::uuid[]) OR customer_id = ANY($3::uuid[]))`, [cases, ids])).map((r) => r.id);
  const promises = (await q(`SELECT id FROM promises WHERE account_id = $1 AND (customer_id = ANY($2::uuid[]) OR case_id = ANY($3::uuid[]))`, [ids, cases])).map((r) => r.id);
  for (const p of await q<{ description: string }>('SELECT description FROM promises WHERE account_id = $1 AND id = ANY($2::uuid[])', [promises])) {
    if (p.description.trim().length >= 4) texts.push(p.description.trim());
  }
  const needles = [...ids, ...cases, ...messages, ...promises];
  const contains = (expr: string, param: string) => `EXISTS (SELECT 1 FROM unnest(${param}::text[]) v WHERE strpos(lower(${expr}), lower(v)) > 0)`;
  const details = `coalesce(before::text, '') || ' ' || coalesce(after::text, '')`;

  const redacted = await q(
    `UPDATE audit_log SET before = CASE WHEN before IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END,
                          after = CASE WHEN after IS NULL THEN NULL ELSE '{"erased": true}'::jsonb END
     WHERE account_id = $1 AND (before IS NOT NULL OR after IS NOT NULL)
       AND coalesce(after, before) <> '{"erased": true}'::jsonb
       AND (${contains(details, '$2')} OR (entity_id = ANY($3::uuid[]) AND ${contains(details, '$4')}))
     RETURNING id`,
    [values, needles, texts],
  );
  const anywhere = [...needles, ...values];
  await q(`UPDATE webhook_deliveries SET payload = '{"erased": true}'::jsonb, last_error = NULL WHERE account_id = $1 AND ${contains('payload::text', '$2')}`, [anywhere]);
  await q(`DELETE FROM jobs WHERE account_id = $1 AND status <> 'running' AND ${contains(`payload::text || ' ' || coalesce(last_error, '')`, '$2')}`, [anywhere]);
  await q(`DELETE FROM idempotency_keys WHERE account_id = $1 AND ${contains(`coalesce(response_body, '')`, '$2')}`, [anywhere]);

  const attachments = await q(`DELETE FROM attachments WHERE account_id = $1 AND message_id = ANY($2::uuid[]) RETURNING id`, [messages]);
  await q(`DELETE FROM reply_bands WHERE account_id = $1 AND message_id = ANY($2::uuid[])`, [messages]);
  await q(`DELETE FROM reply_fingerprints WHERE account_id = $1 AND message_id = ANY($2::uuid[])`, [messages]);
  await q(`UPDATE message_analysis SET money = '[]'::jsonb, mentions = '[]'::jsonb WHERE account_id = $1 AND message_id = ANY($2::uuid[])`, [messages]);
  await q(
    `UPDATE messages SET body = '', original_body = NULL, html = NULL, subject = NULL, from_address = NULL, to_address = NULL,
       email_message_id = NULL, email_references = NULL, findings = NULL, intake_notes = NULL, delivery_error = NULL
     WHERE account_id = $1 AND id = ANY($2::uuid[])`, [messages]);
  await q(`UPDATE cases SET subject = '', subject_key = 'erased:' || id::text WHERE account_id = $1 AND id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE case_transfers SET note = NULL WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE promises SET description = '', state = CASE WHEN state = 'open' THEN 'cancelled' ELSE state END WHERE account_id = $1 AND id = ANY($2::uuid[])`, [promises]);
  await q(`UPDATE drafts SET body = '', reason = '' WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE notifications SET body = '' WHERE account_id = $1 AND (case_id = ANY($2::uuid[]) OR ${contains('body', '$3')})`, [cases, values]);
  await q(`UPDATE vulnerability_signs SET sentence = '' WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE contact_preferences SET sentence = NULL WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [cases]);
  await q(`UPDATE surveys SET comment = NULL WHERE account_id = $1 AND case_id = ANY($2::uuid[])`, [cases]);
  return { cases: cases.length, messages: messages.length, attachments: attachments.length, audit_rows_redacted: redacted.length };
}
