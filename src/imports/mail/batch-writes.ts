import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { CASE_COLUMNS, type CaseRow, publicCase } from '../../cases/store.ts';
import type { MessageRow } from '../../cases/insert-message.ts';
import { linkCustomersByDomain } from '../../organisations/link-by-domain.ts';
import { searchConfigFor } from '../../text/language.ts';
import { emitEvents, type PendingEvent } from '../../webhooks/events.ts';
import { LIVE_CHANNEL } from '../../live/notice.ts';
import type { Plan } from './batch-plan.ts';

/** A batch met a change made meanwhile by another connection (a customer created, a case's status changed): run it again. */
export class BatchRaced extends Error {}

/**
 * Stores a planned batch (batch-plan.ts) with one statement per kind of row, in the order the
 * per-message road wrote them: the new customers (their identities and audit rows), the new
 * cases (with their audit rows), the messages (already carrying their original dates), their
 * attachments, the cases' contacts and dates, the audit rows, then the webhook events and live
 * notices in the order the messages came.
 */
export async function writePlan(tx: Db, actor: Actor, plan: Plan, now: Date): Promise<void> {
  const acc = actor.accountId;
  const who = [actor.type, actor.id, actor.requestId ?? null] as const;

  if (plan.newCustomers.length) {
    const [{ won }] = await tx.query<{ won: number }>(
      `WITH v AS (SELECT * FROM json_to_recordset($2::json) AS v(ord int, id uuid, name text, language text, kind text, value text)),
       c AS (
         INSERT INTO customers (account_id, id, name, language, search_text)
         SELECT $1, v.id, v.name, v.language, v.name || ' ' || v.value || ' ' || replace(split_part(v.value, '@', 1), '.', ' ')
         FROM v ORDER BY v.ord RETURNING id),
       i AS (
         INSERT INTO customer_identities (account_id, customer_id, kind, value)
         SELECT $1, c.id, v.kind, v.value FROM c JOIN v ON v.id = c.id ORDER BY v.ord
         ON CONFLICT (account_id, kind, value) DO NOTHING RETURNING customer_id)
       SELECT count(*)::int AS won FROM i`,
      [acc, JSON.stringify(plan.newCustomers.map((c, ord) => ({ ord, id: c.id, name: c.name, language: c.language, kind: c.identity.kind, value: c.identity.value })))],
    );
    // another connection stored one of these identities since the batch read them: plan again
    if (won !== plan.newCustomers.length) throw new BatchRaced('a customer of this batch was created meanwhile');
    if (plan.newCustomers.some((c) => c.identity.kind === 'email')) {
      await linkCustomersByDomain(tx, acc, { customerIds: plan.newCustomers.filter((c) => c.identity.kind === 'email').map((c) => c.id) });
    }
  }
  if (plan.nameFills.size) {
    await tx.query(
      `UPDATE customers c SET name = v.name, updated_at = now() FROM unnest($2::uuid[], $3::text[]) AS v(id, name)
       WHERE c.account_id = $1 AND c.id = v.id AND c.name = ''`,
      [acc, [...plan.nameFills.keys()], [...plan.nameFills.values()]],
    );
  }

  // the new cases and their audit rows; a case's number comes in the order the cases were opened
  const inserted = new Map<string, CaseRow>();
  if (plan.newCases.length) {
    const rows = await tx.query<CaseRow>(
      `WITH v AS (SELECT * FROM json_to_recordset($2::json) AS v(ord int, id uuid, customer_id uuid, subject text, subject_key text, channel text, language text, search_config text)),
       c AS (
         INSERT INTO cases (account_id, id, customer_id, subject, subject_key, channel, language, search_config, priority)
         SELECT $1, v.id, v.customer_id, v.subject, v.subject_key, v.channel, v.language, v.search_config::regconfig, 'normal'
         FROM v ORDER BY v.ord RETURNING ${CASE_COLUMNS}),
       a AS (
         INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, after, request_id)
         SELECT $1, $3::text, $4::uuid, 'case.created', 'case', c.id,
           jsonb_build_object('ref', c.ref, 'subject', c.subject, 'channel', c.channel, 'customer_id', c.customer_id), $5::text
         FROM c)
       SELECT * FROM c`,
      [acc, JSON.stringify(plan.newCases.map((c, ord) => ({ ord, id: c.id, customer_id: c.customerId, subject: c.subject, subject_key: c.subjectKey,
        channel: c.channel, language: c.language, search_config: searchConfigFor(c.language) }))), ...who],
    );
    for (const r of rows) inserted.set(r.id, r);
  }

  // the messages, dated as written; their rows (for the events) are what was sent, nothing to read back
  const messages = new Map<string, MessageRow>();
  for (const pm of plan.messages) {
    const { prepared, at } = pm.item;
    const m = prepared.message;
    messages.set(pm.id, {
      id: pm.id, case_id: pm.caseId, type: 'inbound', channel: m.channel, author_agent_id: null, customer_id: pm.customerId, body: m.newText,
      language: pm.language, findings: null, subject: m.subject || null, from_address: m.from.email ?? null, to_address: m.to,
      original_body: m.text === m.newText ? null : m.text, html: m.html, automated: m.automated.kind === 'bounce' ? null : m.automated.kind,
      delivery_status: null, sent_at: null, delivery_error: null,
      intake_notes: ['imported from a mail archive', ...m.notes, ...(m.automated.reason ? [`automated: ${m.automated.reason}`] : []), ...prepared.attachments.notes],
      created_at: at,
    });
  }
  if (plan.messages.length) {
    await tx.query(
      `INSERT INTO messages (account_id, id, case_id, type, channel, customer_id, body, language, search_config, subject, email_message_id,
         email_references, from_address, to_address, original_body, html, automated, intake_notes, created_at)
       SELECT $1, v.id, v.case_id, 'inbound', v.channel, v.customer_id, v.body, v.language, v.search_config::regconfig, v.subject, v.message_id,
         v.refs, v.from_address, v.to_address, v.original_body, v.html, v.automated, v.notes, v.at
       FROM json_to_recordset($2::json) AS v(ord int, id uuid, case_id uuid, channel text, customer_id uuid, body text, language text, search_config text,
         subject text, message_id text, refs text[], from_address text, to_address text, original_body text, html text, automated text, notes text[], at timestamptz)
       ORDER BY v.ord`,
      [acc, JSON.stringify(plan.messages.map((pm, ord) => {
        const row = messages.get(pm.id)!;
        const m = pm.item.prepared.message;
        return { ord, id: row.id, case_id: row.case_id, channel: row.channel, customer_id: row.customer_id, body: row.body, language: row.language,
          search_config: searchConfigFor(row.language), subject: row.subject, message_id: m.externalId, refs: m.references.length ? m.references : null,
          from_address: row.from_address, to_address: row.to_address, original_body: row.original_body, html: row.html, automated: row.automated,
          notes: row.intake_notes, at: row.created_at.toISOString() };
      }))],
    );
  }

  // attachments: bytes as parameters, many rows to a statement
  const files = plan.messages.flatMap((pm) => pm.item.prepared.attachments.keep.map((a) => ({ messageId: pm.id, a })));
  for (let start = 0; start < files.length; start += 500) {
    const part = files.slice(start, start + 500);
    const params: unknown[] = [acc];
    const values = part.map(({ messageId, a }) => {
      const n = params.length;
      params.push(messageId, a.filename, a.declaredType.slice(0, 200), a.detectedType, a.content.length, a.sha256, a.content);
      return `($1, $${n + 1}::uuid, $${n + 2}::text, $${n + 3}::text, $${n + 4}::text, $${n + 5}::int, $${n + 6}::text, $${n + 7}::bytea)`;
    });
    await tx.query(`INSERT INTO attachments (account_id, message_id, filename, declared_type, detected_type, size, sha256, content) VALUES ${values.join(', ')}`, params);
  }

  // the cases' contacts (joinCase, several at once) and their dates (the first and the latest message's), the
  // followers told of each contact; applies only where the status is still the one read
  const touched = [...plan.touched.values()];
  if (touched.length) {
    const [{ updated }] = await tx.query<{ updated: number }>(
      `WITH v AS (SELECT * FROM json_to_recordset($2::json) AS v(id uuid, joins int, seen text, status text)),
       s AS (
         SELECT v.*, x.first, x.last FROM v CROSS JOIN LATERAL (
           SELECT min(created_at) AS first, max(created_at) FILTER (WHERE type = 'inbound') AS last
           FROM messages m WHERE m.account_id = $1 AND m.case_id = v.id) AS x),
       u AS (
         UPDATE cases c SET contact_count = c.contact_count + s.joins,
           status = CASE WHEN s.joins > 0 THEN s.status ELSE c.status END,
           solved_at = CASE WHEN s.joins > 0 AND s.status <> 'solved' THEN NULL ELSE c.solved_at END,
           created_at = CASE WHEN s.last IS NULL THEN c.created_at ELSE least(c.created_at, s.first) END,
           last_contact_at = coalesce(s.last, CASE WHEN s.joins > 0 THEN now() ELSE c.last_contact_at END),
           updated_at = coalesce(s.last, CASE WHEN s.joins > 0 THEN now() ELSE c.updated_at END)
         FROM s WHERE c.account_id = $1 AND c.id = s.id AND (s.joins = 0 OR c.status = s.seen)
         RETURNING c.id, c.ref, c.subject, s.joins),
       f AS (
         INSERT INTO notifications (account_id, agent_id, kind, body, case_id)
         SELECT $1, fo.agent_id, 'case.customer_message', u.ref || ': nieuw bericht van de klant — ' || left(u.subject, 200), u.id
         FROM u CROSS JOIN LATERAL generate_series(1, u.joins) AS n
         JOIN case_followers fo ON fo.account_id = $1 AND fo.case_id = u.id
         JOIN agents g ON g.account_id = fo.account_id AND g.id = fo.agent_id AND g.active
         RETURNING id, agent_id, case_id),
       rung AS (
         SELECT count(pg_notify($3, json_build_object('account_id', $1::text, 'event', 'notification.created',
           'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'agent_id', agent_id, 'case_id', case_id, 'id', id)::text)) AS n
         FROM f)
       SELECT (SELECT count(*) FROM u)::int AS updated, (SELECT n FROM rung) AS rung`,
      [acc, JSON.stringify(touched.map((t) => ({ id: t.id, joins: t.joins, seen: t.seen, status: t.status }))), LIVE_CHANNEL],
    );
    if (updated !== touched.length) throw new BatchRaced('a case of this batch changed meanwhile');
  }

  // audit rows and events, in the order of the road
  const audit: { action: string; entity_type: string; entity_id: string; before: unknown; after: unknown }[] = [];
  const events: PendingEvent[] = [];
  const base = (id: string): CaseRow => inserted.get(id) ?? plan.touched.get(id)!.row!;
  for (const step of plan.steps) {
    if (step.kind === 'customer.created') {
      const c = step.customer;
      audit.push({ action: 'customer.created', entity_type: 'customer', entity_id: c.id, before: null,
        after: { name: c.rawName, identities: [{ kind: c.identity.kind, value: c.identity.value }] } });
    } else if (step.kind === 'case.created') {
      events.push({ event: 'case.created', data: publicCase(inserted.get(step.caseId)!) });
    } else if (step.kind === 'case.joined') {
      audit.push({ action: 'case.contact_added', entity_type: 'case', entity_id: step.caseId,
        before: { contact_count: step.before.count, status: step.before.status }, after: { contact_count: step.after.count, status: step.after.status } });
      const row = base(step.caseId);
      events.push({ event: 'case.updated', data: publicCase({ ...row, contact_count: step.after.count, status: step.after.status, last_contact_at: now, updated_at: now,
        solved_at: step.after.status === 'solved' ? row.solved_at : null }) });
    } else {
      const row = messages.get(step.message.id)!;
      audit.push({ action: 'message.inbound', entity_type: 'case', entity_id: row.case_id, before: null,
        after: { message_id: row.id, type: row.type, channel: row.channel, ...(row.automated ? { automated: row.automated } : {}) } });
      events.push({ event: 'message.created', data: row });
    }
  }
  if (audit.length) {
    await tx.query(
      `INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, before, after, request_id)
       SELECT $1, $2::text, $3::uuid, v.action, v.entity_type, v.entity_id, v.before, v.after, $4::text
       FROM json_to_recordset($5::json) AS v(ord int, action text, entity_type text, entity_id uuid, before jsonb, after jsonb) ORDER BY v.ord`,
      [acc, ...who, JSON.stringify(audit.map((a, ord) => ({ ord, ...a })))],
    );
  }
  await emitEvents(tx, acc, events);
}
