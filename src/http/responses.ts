import { z } from 'zod';
import { CASE_STATUSES, CHANNELS, PRIORITIES, TIERS } from '../cases/status.ts';
import { EVENT_NAMES } from '../webhooks/events.ts';

/**
 * Response shapes for the OpenAPI document. Responses are serialised with plain JSON (fast);
 * tests/integration/openapi-responses.test.ts checks real responses against these schemas so
 * the documentation cannot drift from the code.
 */
const uuid = z.string().describe('UUID');
// On the wire an ISO 8601 string; in the code a Date (the codec keeps both types honest).
export const time = z.codec(z.iso.datetime({ offset: true }), z.date(), {
  decode: (s) => new Date(s),
  encode: (d) => d.toISOString(),
});
const nullable = <T extends z.ZodType>(t: T) => t.nullable();

export const customFields = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
  .describe('custom field values by key (GET /api/v1/custom-fields for their labels and types)');

export const caseSchema = z
  .object({
    id: uuid,
    ref: z.string().describe('human reference, e.g. LU-1042'),
    subject: z.string(),
    status: z.enum(CASE_STATUSES as [string, ...string[]]),
    priority: z.enum(PRIORITIES as [string, ...string[]]),
    tier: z.enum(TIERS as [string, ...string[]]),
    topic: nullable(z.string()),
    language: nullable(z.string()),
    channel: z.enum(CHANNELS as [string, ...string[]]),
    customer_id: uuid,
    owner_id: nullable(uuid).describe('the one accountable owner; null only while the case is new'),
    team_id: nullable(uuid),
    transfer_count: z.number().int().describe('accepted transfers'),
    contact_count: z.number().int().describe('customer contacts on this case (repeat contacts raise it)'),
    created_at: time,
    updated_at: time,
    last_contact_at: time,
    solved_at: nullable(time),
    closed_at: nullable(time),
    tags: z.array(z.string()).optional().describe('the case\'s tags (in lists and on one case)'),
    custom_fields: customFields.optional(),
    merged_into_id: nullable(uuid).optional().describe('a merged case (closed): the case it went into, which holds its messages now'),
  })
  .describe('Case');

export const messageSchema = z
  .object({
    id: uuid,
    case_id: uuid,
    type: z.enum(['inbound', 'outbound', 'note']),
    channel: z.string(),
    author_agent_id: nullable(uuid),
    customer_id: nullable(uuid),
    body: z.string(),
    language: nullable(z.string()),
    findings: nullable(z.array(z.unknown())).describe('reply-check warnings this outbound message was sent with'),
    subject: nullable(z.string()),
    from_address: nullable(z.string()),
    to_address: nullable(z.string()),
    original_body: nullable(z.string()).describe('e-mail: the whole text as received; body holds only what was newly written'),
    html: nullable(z.string()).describe('e-mail: the HTML part, sanitised'),
    automated: nullable(z.enum(['auto_reply', 'bounce', 'bulk', 'acknowledgement', 'bot'])).describe('sent by a machine, not a person (bot: the chat widget\'s knowledge-base bot)'),
    delivery_status: nullable(z.enum(['queued', 'sent', 'failed'])).describe('outbound e-mail: where the mail is'),
    sent_at: nullable(time),
    delivery_error: nullable(z.string()),
    intake_notes: nullable(z.array(z.string())).describe('what intake noticed, e.g. an attachment over the size limit'),
    created_at: time,
  })
  .describe('Message');

export const identitySchema = z.object({
  id: uuid,
  kind: z.enum(['email', 'phone', 'social', 'external']).describe('external: the id billing or a CRM gives the customer; the charge ledger finds them by it'),
  value: z.string(),
  bouncing_since: nullable(time).describe('e-mail: mail to this address bounced permanently since then'),
  bounce_reason: nullable(z.string()),
});

export const vulnerabilitySignSchema = z
  .object({
    id: uuid,
    customer_id: uuid,
    case_id: uuid,
    message_id: uuid,
    kind: z.enum(['health', 'disability', 'age', 'bereavement', 'money_trouble', 'panic']),
    sentence: z.string().describe('the sentence that showed it, as the customer wrote it'),
    status: z.enum(['suggested', 'confirmed', 'dismissed']),
    decided_by: nullable(uuid),
    decided_at: nullable(time),
    created_at: time,
  })
  .describe('Sign of vulnerability');

export const customerSchema = z
  .object({
    id: uuid,
    name: z.string(),
    segment: z.string(),
    language: nullable(z.string()),
    vulnerable: z.boolean(),
    media: z.boolean(),
    sales_opt_out: z.boolean(),
    merged_into: nullable(uuid).describe('set when this record was merged into another customer'),
    vulnerable_source: nullable(z.record(z.string(), z.unknown())).describe('where the vulnerable flag came from: {source: message|agent|import, kind, sign_id, message_id, by, at}'),
    refund_iban: nullable(z.string()).optional().describe('the IBAN the customer\'s refunds are paid to (a bulk refund uses it)'),
    refund_account_holder: nullable(z.string()).optional(),
    identities: z.array(identitySchema),
    vulnerability_signs: z.array(vulnerabilitySignSchema).optional().describe('signs in the customer\'s messages that they may be vulnerable: suggested for an agent to confirm or dismiss (one customer only, not in lists)'),
    tags: z.array(z.string()).optional().describe('the customer\'s tags and products (one customer only)'),
    organisation_id: nullable(uuid).optional().describe('the organisation (company) the customer belongs to'),
    custom_fields: customFields.optional(),
    created_at: time,
    updated_at: time,
  })
  .describe('Customer');

export const transferSchema = z
  .object({
    id: uuid,
    case_id: uuid,
    from_agent_id: nullable(uuid),
    to_agent_id: uuid,
    note: nullable(z.string()),
    status: z.enum(['offered', 'accepted', 'declined', 'cancelled']),
    routed: z.boolean().describe('offered by routing: a decline passes the case on to the next agent'),
    created_at: time,
    responded_at: nullable(time),
  })
  .describe('Transfer');

export const attachmentSchema = z
  .object({
    id: uuid,
    filename: z.string(),
    declared_type: z.string().describe('the type the sender declared'),
    detected_type: nullable(z.string()).describe('the type its bytes show (null: not recognised)'),
    size: z.number().int(),
    sha256: z.string(),
  })
  .describe('Attachment');

const analysisSchema = z
  .object({
    language: nullable(z.string()),
    sentiment: nullable(z.number()).describe('-1 very negative .. 1 very positive'),
    anger: nullable(z.number()).describe('0 calm .. 1 furious'),
    intents: z.array(z.string()).describe('complaint, question, cancellation, refund_request, opt_out'),
    money: z.array(z.object({ cents: z.number().int(), currency: z.string() })),
    reputation_risk: z.number().int().describe('0 none .. 3 high: media, regulators, lawyers, going public'),
    mentions: z.array(z.unknown()),
    topic_id: nullable(z.string()),
  })
  .describe('What listening found in an inbound message');

const timelineEntry = z.union([
  messageSchema.extend({
    kind: z.literal('message'),
    analysis: nullable(analysisSchema),
    attachments: z.array(attachmentSchema).describe('download with GET /api/v1/attachments/{id}'),
  }),
  z.object({
    kind: z.literal('event'),
    id: z.number().int(),
    action: z.string(),
    actor_type: z.string(),
    actor_id: nullable(uuid),
    before: z.unknown(),
    after: z.unknown(),
    created_at: time,
    case_ref: z.string().optional().describe('an event of a case merged into this one: that case\'s reference'),
  }),
]);

const caseLink = z.object({ id: uuid, ref: z.string(), subject: z.string() });
export const followerSchema = z
  .object({ agent_id: uuid, name: z.string(), added_by: nullable(uuid).describe('who added them (themselves, a colleague)'), created_at: time })
  .describe('Follower: an agent who gets the case\'s notifications without owning it');

export const caseDetailSchema = caseSchema
  .extend({
    customer: nullable(customerSchema),
    pending_transfer: nullable(
      z.object({ id: uuid, from_agent_id: nullable(uuid), to_agent_id: uuid, note: nullable(z.string()), created_at: time }),
    ),
    timeline: z.array(timelineEntry).describe('messages, notes and audit events, oldest first'),
    merged_into: nullable(caseLink).optional().describe('a merged case: the case it went into (its messages are there now)'),
    merged_from: z.array(caseLink.extend({ merged_at: nullable(time) })).optional().describe('the cases merged into this one'),
    followers: z.array(followerSchema).optional(),
  })
  .describe('Case with timeline');

export const createdCaseSchema = caseSchema
  .extend({ repeat_contact: z.boolean().describe('true: the message joined an existing case'), message: messageSchema })
  .describe('Case after a received message');

export const agentSchema = z
  .object({ id: uuid, account_id: uuid, email: z.string(), name: z.string(), role: z.enum(['agent', 'supervisor', 'admin']), team_id: nullable(uuid), active: z.boolean(),
    custom_role_id: nullable(uuid).describe('a custom role: permissions on top of the built-in role (GET /api/v1/roles)'), created_at: time })
  .describe('Agent');
export const teamSchema = z.object({ id: uuid, name: z.string(), created_at: time }).describe('Team');
export const apiTokenSchema = z
  .object({
    id: uuid,
    name: z.string(),
    role: z.enum(['agent', 'supervisor', 'admin']),
    agent_id: nullable(uuid).describe('the agent the token acts as; null: a service identity'),
    created_by: nullable(uuid).describe('who made it (null: the command line)'),
    created_at: time,
    last_used_at: nullable(time),
    revoked_at: nullable(time),
  })
  .describe('API token');
export const webhookSchema = z
  .object({ id: uuid, url: z.string(), events: z.array(z.enum(EVENT_NAMES as [string, ...string[]])), description: nullable(z.string()), active: z.boolean(), created_at: time })
  .describe('Webhook');

export const searchHitSchema = z
  .object({
    type: z.enum(['case', 'message', 'customer']),
    id: uuid,
    case_id: nullable(uuid),
    case_ref: nullable(z.string()),
    title: z.string(),
    snippet: z.string().describe('HTML-escaped text with matches in <mark>…</mark>'),
    rank: z.number(),
    created_at: time,
  })
  .describe('Search hit');

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item), next_cursor: nullable(z.string()) });
export const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

export const errorSchema = z
  .object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional(), request_id: z.string().optional() }) })
  .describe('Error');

/** The error responses every authenticated route can give. */
export const errors = { '4xx': errorSchema, 500: errorSchema };
