import { Readable } from 'node:stream';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { conflict, notFound } from '../shared/errors.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { personOf, type Person } from './person.ts';
import { exportReadme } from './export-readme.ts';

const PAGE = 500;
const enc = new TextEncoder();

/**
 * GDPR art. 15/20: everything Luister holds about one customer as a ZIP — JSON files plus the
 * attachments under files/. The permission, the account and the audit entry are settled before a
 * byte is sent; the ZIP is then produced as it is read (a page of rows, one attachment at a time),
 * so a customer with 10,000 messages exports in constant memory.
 */
export async function exportCustomer(db: Db, actor: Actor, customerId: string): Promise<{ filename: string; stream: Readable }> {
  requirePermission(actor, 'customers.export', 'Exporting a customer\'s data');
  const person = await personOf(db, actor.accountId, customerId);
  if (!person) throw notFound('customer', customerId);
  if (person.erasedAt) throw conflict('customer_erased', `Customer ${customerId} was erased: nothing personal is left to export`);
  await recordAudit(db, actor, { action: 'customer.exported', entityType: 'customer', entityId: customerId, after: { cases: person.caseIds.length } });
  const filename = `luister-export-${customerId}-${new Date().toISOString().slice(0, 10)}.zip`;
  return { filename, stream: Readable.from(zipChunks(db, actor.accountId, person), { objectMode: false }) };
}

async function* zipChunks(db: Db, accountId: string, p: Person): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  function* drain() {
    if (failure) throw failure;
    while (out.length) yield out.shift()!;
  }
  const json = (name: string, value: unknown) => {
    const f = new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(enc.encode(JSON.stringify(value, null, 2)), true);
  };
  const ids = p.customerIds;
  const q = <T>(sql: string, params: unknown[]) => db.query<T>(sql, [accountId, ...params]);

  json('README.json', exportReadme());
  const [customer] = await q(`SELECT id, name, segment, language, vulnerable, media, sales_opt_out, merged_into, vulnerable_source, refund_iban, refund_account_holder, organisation_id, custom_fields, created_at, updated_at FROM customers WHERE account_id = $1 AND id = $2`, [p.customerId]);
  json('customer.json', {
    customer,
    merged_customers: await q(`SELECT id, name, created_at FROM customers WHERE account_id = $1 AND merged_into = $2`, [p.customerId]),
    identities: await q(`SELECT id, customer_id, kind, value, bouncing_since, bounce_reason, created_at FROM customer_identities WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) ORDER BY created_at`, [ids]),
    contact_preferences: await q(`SELECT kind, allowed, source, message_id, case_id, sentence, set_at FROM contact_preferences WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]),
    vulnerability_signs: await q(`SELECT id, case_id, message_id, kind, sentence, status, decided_at, created_at FROM vulnerability_signs WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]),
    surveys: await q(`SELECT id, kind, case_id, status, score, comment, sent_at, answered_at FROM surveys WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]),
    cancellations: await q(`SELECT id, product, cancelled_at, note, created_at FROM customer_cancellations WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) ORDER BY cancelled_at`, [ids]),
    phone_calls: await q(`SELECT call_id, direction, customer_phone, our_phone, state, started_at, answered_at, case_id FROM phone_calls WHERE account_id = $1 AND case_id = ANY($2::uuid[]) ORDER BY started_at`, [p.caseIds]),
  });
  yield* drain();
  json('cases.json', await q(`SELECT id, ref, subject, status, priority, tier, topic, language, channel, custom_fields, created_at, updated_at, solved_at, closed_at FROM cases WHERE account_id = $1 AND id = ANY($2::uuid[]) ORDER BY created_at`, [p.caseIds]));
  json('promises.json', await q(`SELECT id, case_id, kind, description, state, due_at, window_start, kept_at, breached_at, created_at FROM promises WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) ORDER BY created_at`, [ids]));
  json('refunds.json', {
    refunds: await q(`SELECT id, case_id, amount_cents, currency, reason, destination, iban, account_holder, state, rejection_reason, paid_at, created_at, updated_at
      FROM refunds WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) ORDER BY created_at`, [ids]),
    // what the imported ledger found about their charges (double charges, overcharges)
    charge_findings: await q(`SELECT id, kind, customer_ref, amount_cents, currency, explanation, status, case_id, created_at
      FROM charge_findings WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) ORDER BY created_at`, [ids]),
  });
  yield* drain();

  // messages (text and original) and notes about them, a page at a time, as one JSON array
  const messages = new ZipDeflate('messages.json', { level: 6 });
  zip.add(messages);
  messages.push(enc.encode('['));
  let after: { at: Date; id: string } | null = null;
  let first = true;
  const attachmentIds: { id: string; filename: string }[] = [];
  for (;;) {
    const rows: { id: string; created_at: Date }[] = await q(
      `SELECT m.id, m.case_id, m.type, m.channel, m.body, m.original_body, m.html, m.subject, m.from_address, m.to_address, m.language, m.created_at,
              (SELECT coalesce(json_agg(json_build_object('id', a.id, 'filename', a.filename, 'size', a.size, 'sha256', a.sha256)), '[]'::json)
               FROM attachments a WHERE a.account_id = m.account_id AND a.message_id = m.id) AS attachments
       FROM messages m WHERE m.account_id = $1 AND (m.case_id = ANY($2::uuid[]) OR m.customer_id = ANY($3::uuid[]))
         AND ($4::timestamptz IS NULL OR (m.created_at, m.id) > ($4::timestamptz, $5::uuid))
       ORDER BY m.created_at, m.id LIMIT ${PAGE}`,
      [p.caseIds, ids, after?.at ?? null, after?.id ?? null],
    );
    for (const r of rows) {
      messages.push(enc.encode((first ? '\n' : ',\n') + JSON.stringify(r)));
      first = false;
      for (const a of (r as unknown as { attachments: { id: string; filename: string }[] }).attachments) attachmentIds.push({ id: a.id, filename: a.filename });
    }
    yield* drain();
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1];
    after = { at: last.created_at, id: last.id };
  }
  messages.push(enc.encode('\n]\n'), true);
  yield* drain();

  // audit entries about them, their cases, promises and refunds
  const owned = await q<{ id: string }>(
    `SELECT id FROM promises WHERE account_id = $1 AND customer_id = ANY($2::uuid[]) UNION ALL SELECT id FROM refunds WHERE account_id = $1 AND customer_id = ANY($2::uuid[])`, [ids]);
  const audit = new ZipDeflate('audit.json', { level: 6 });
  zip.add(audit);
  audit.push(enc.encode('['));
  let lastId = 0;
  first = true;
  for (;;) {
    const rows = await q<{ id: string }>(
      `SELECT id, at, actor_type, actor_id, action, entity_type, entity_id, before, after FROM audit_log
       WHERE account_id = $1 AND entity_id = ANY($2::uuid[]) AND id > $3 ORDER BY id LIMIT ${PAGE}`,
      [[...ids, ...p.caseIds, ...owned.map((o) => o.id)], lastId],
    );
    for (const r of rows) {
      audit.push(enc.encode((first ? '\n' : ',\n') + JSON.stringify(r)));
      first = false;
    }
    yield* drain();
    if (rows.length < PAGE) break;
    lastId = Number(rows[rows.length - 1].id);
  }
  audit.push(enc.encode('\n]\n'), true);
  yield* drain();

  // the files, one in memory at a time (the id keeps two files of the same name apart)
  for (const a of attachmentIds) {
    const [row] = await q<{ content: Uint8Array }>(`SELECT content FROM attachments WHERE account_id = $1 AND id = $2`, [a.id]);
    if (!row) continue;
    const f = new ZipPassThrough(`files/${a.id}-${safeName(a.filename)}`);
    zip.add(f);
    f.push(new Uint8Array(row.content), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

const safeName = (name: string) => name.replace(/[\/\\\x00-\x1f]/g, '_').replace(/^\.+/, '_').slice(0, 150) || 'file';
