import type { Db } from '../../storage/db.ts';
import type { Actor } from '../../shared/actor.ts';
import { identifyCustomer } from '../../customers/identify-customer.ts';
import type { Identity } from '../../customers/identity.ts';
import { insertMessage, type MessageType } from '../../cases/insert-message.ts';
import type { CaseStatus, ChannelKind, Priority } from '../../cases/status.ts';
import { subjectKey } from '../../cases/subject.ts';
import { searchConfigFor } from '../../text/language.ts';
import type { FieldValues } from '../../custom-fields/fields.ts';
import type { HelpdeskSource } from '../summary.ts';

/** One ticket as Luister will hold it: everything decided (plan-ticket.ts), nothing left but writing. */
export interface TicketPlan {
  source: HelpdeskSource;
  externalId: string;
  customer: {
    identity: Identity;
    name: string;
    /** its organisation's name (lower case), found by name in the batch's transaction */
    organisation: string | null;
    /** values for the customer's empty custom fields (an agent's value is never overwritten) */
    fields: FieldValues;
  };
  subject: string;
  language: string | null;
  status: CaseStatus;
  priority: Priority;
  channel: ChannelKind;
  ownerId: string | null;
  tags: string[];
  /** the case's custom field values */
  fields: FieldValues;
  createdAt: Date;
  updatedAt: Date;
  messages: PlannedMessage[];
}

export interface PlannedMessage {
  externalId: string;
  type: MessageType;
  body: string;
  at: Date;
  /** the Luister agent who wrote it (outbound replies and notes of matched agents) */
  agentId: string | null;
  notes: string[];
}

/**
 * Stores a ticket (or, when it was imported before, only its messages not yet here), in the caller's
 * transaction: its customer found or made by identity, put in its organisation when it has none yet.
 */
export async function storeTicket(tx: Db, actor: Actor, plan: TicketPlan, known: { caseId: string | null; comments: Set<string>; organisationId: string | null }): Promise<{ createdCase: boolean; messages: number }> {
  const fresh = plan.messages.filter((m) => !known.comments.has(m.externalId));
  if (known.caseId && !fresh.length) return { createdCase: false, messages: 0 };
  const { customerId } = await identifyCustomer(tx, actor, plan.customer.identity, { name: plan.customer.name, language: plan.language });
  if (known.organisationId) {
    await tx.query('UPDATE customers SET organisation_id = $3, updated_at = now() WHERE account_id = $1 AND id = $2 AND organisation_id IS NULL AND merged_into IS NULL',
      [actor.accountId, customerId, known.organisationId]);
  }
  if (Object.keys(plan.customer.fields).length) {
    // the export's values fill what is empty; what is set (by an agent, or an earlier import) stays
    await tx.query(`UPDATE customers SET custom_fields = $3::jsonb || custom_fields, updated_at = now()
                    WHERE account_id = $1 AND id = $2 AND ($3::jsonb || custom_fields) <> custom_fields`,
      [actor.accountId, customerId, JSON.stringify(plan.customer.fields)]);
  }
  let caseId = known.caseId;
  if (!caseId) {
    const inbound = plan.messages.filter((m) => m.type === 'inbound');
    const lastContact = inbound.length ? inbound[inbound.length - 1].at : plan.createdAt;
    const done = plan.status === 'solved' || plan.status === 'closed' ? plan.updatedAt : null;
    [{ id: caseId }] = await tx.query<{ id: string }>(
      `WITH c AS (
         INSERT INTO cases (account_id, customer_id, subject, subject_key, channel, language, search_config, priority, status, owner_id,
           contact_count, created_at, updated_at, last_contact_at, solved_at, closed_at, custom_fields)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $21::jsonb) RETURNING id, ref, subject, channel, customer_id),
       a AS (
         INSERT INTO audit_log (account_id, actor_type, actor_id, action, entity_type, entity_id, after, request_id)
         SELECT $1, $17::text, $18::uuid, 'case.created', 'case', c.id,
           jsonb_build_object('ref', c.ref, 'subject', c.subject, 'channel', c.channel, 'customer_id', c.customer_id, 'imported_from', $22::text, 'source_id', $19::text), $20::text
         FROM c),
       r AS (INSERT INTO import_refs (account_id, source, kind, external_id, local_id) SELECT $1, $22::text, 'ticket', $19::text, c.id FROM c)
       SELECT id FROM c`,
      [actor.accountId, customerId, plan.subject, subjectKey(plan.subject), plan.channel, plan.language, searchConfigFor(plan.language), plan.priority,
        plan.status, plan.ownerId, Math.max(1, inbound.length), plan.createdAt, plan.updatedAt, lastContact, done,
        plan.status === 'closed' ? plan.updatedAt : null, actor.type, actor.id, plan.externalId, actor.requestId ?? null,
        JSON.stringify(plan.fields), plan.source],
    );
    if (plan.tags.length) {
      await tx.query('INSERT INTO case_tags (account_id, case_id, tag) SELECT $1, $2, t FROM unnest($3::text[]) AS t ON CONFLICT DO NOTHING', [actor.accountId, caseId, plan.tags]);
    }
  }
  const dated: { id: string; at: Date }[] = [];
  for (const m of fresh) {
    const row = await insertMessage(tx, { ...actor, agentId: m.agentId }, {
      caseId,
      type: m.type,
      channel: m.type === 'note' ? 'internal' : plan.channel,
      body: m.body,
      language: plan.language,
      customerId: m.type === 'inbound' ? customerId : null,
      email: { notes: m.notes },
    });
    dated.push({ id: row.id, at: m.at });
  }
  await tx.query(
    `WITH v AS (SELECT * FROM unnest($2::uuid[], $3::timestamptz[], $4::text[]) AS v(id, at, ext)),
     u AS (UPDATE messages m SET created_at = v.at FROM v WHERE m.account_id = $1 AND m.id = v.id RETURNING m.id)
     INSERT INTO import_refs (account_id, source, kind, external_id, local_id) SELECT $1, $5::text, 'comment', v.ext, v.id FROM v`,
    [actor.accountId, dated.map((d) => d.id), dated.map((d) => d.at.toISOString()), fresh.map((m) => m.externalId), plan.source],
  );
  if (known.caseId) {
    // more comments on a ticket imported before: its contacts counted again from what is stored
    await tx.query(
      `UPDATE cases c SET contact_count = greatest(1, s.n), last_contact_at = coalesce(s.last, c.last_contact_at)
       FROM (SELECT count(*) FILTER (WHERE type = 'inbound')::int AS n, max(created_at) FILTER (WHERE type = 'inbound') AS last
             FROM messages WHERE account_id = $1 AND case_id = $2) AS s
       WHERE c.account_id = $1 AND c.id = $2`,
      [actor.accountId, caseId],
    );
  }
  return { createdCase: !known.caseId, messages: fresh.length };
}
