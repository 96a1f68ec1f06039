import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Reads } from '../read-your-writes.ts';
import { addMessage } from '../../cases/add-message.ts';
import { assignCase } from '../../cases/assign-case.ts';
import { getCase } from '../../cases/get-case.ts';
import { listCases } from '../../cases/list-cases.ts';
import { receiveMessage } from '../../cases/receive-message.ts';
import type { CaseStatus, ChannelKind, Priority, Tier } from '../../cases/status.ts';
import { offerTransfer } from '../../cases/transfer-case.ts';
import { respondToOffer } from '../../routing/route-case.ts';
import { updateCase } from '../../cases/update-case.ts';
import { parseTagChange } from '../../tags/tags.ts';
import { blockFor } from '../../spam/block-list.ts';
import { AppError } from '../../shared/errors.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import { fieldFilters } from '../../custom-fields/fields.ts';
import * as res from '../responses.ts';

const customerRef = z
  .object({
    email: z.string().max(320).optional(),
    phone: z.string().max(40).optional(),
    social: z.string().max(140).optional(),
    name: z.string().max(200).optional(),
  })
  .strict()
  .refine((c) => c.email || c.phone || c.social, 'give the customer an email, phone or social handle');

const createCase = z
  .object({
    customer: customerRef,
    subject: z.string().min(1).max(500).optional(),
    message: z.object({ body: s.body, language: s.language.optional() }).strict(),
    channel: s.channel.default('api'),
    case_ref: s.caseId.optional().describe('join this case when it belongs to the customer and is not closed'),
    priority: s.priority.optional(),
    topic: z.string().max(100).optional(),
  })
  .strict();

export function caseRoutes(app: FastifyInstance, db: Db, reads: Reads) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];

  r.post('/api/v1/cases', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Receive a customer message: opens a case, or joins the open case it belongs to (repeat contact)',
      body: createCase,
      response: { 201: res.createdCaseSchema, ...res.errors },
    },
  }, async (req, reply) => {
    const b = req.body;
    const blocked = await blockFor(db, actorOf(req).accountId, b.customer.email);
    if (blocked) {
      req.log.info({ block: blocked.id, kind: blocked.kind }, 'api: blocked sender dropped');
      throw new AppError('sender_blocked', `This sender's ${blocked.kind} is on the block list (GET /api/v1/blocked-senders): nothing was stored`, 422);
    }
    const result = await receiveMessage(db, actorOf(req), {
      customer: b.customer,
      subject: b.subject,
      body: b.message.body,
      language: b.message.language,
      channel: b.channel as ChannelKind,
      caseRef: b.case_ref,
      priority: b.priority as Priority | undefined,
      topic: b.topic,
    });
    reply.code(201).header('location', `/api/v1/cases/${result.case.id}`);
    return { ...result.case, repeat_contact: !result.createdCase, message: result.message };
  });

  r.get('/api/v1/cases', {
    config: { permission: 'cases.read' },
    schema: {
      tags,
      summary: 'List cases, newest first; filter on custom fields with field.<key>=value (several_of: has that option)',
      querystring: s
        .withFieldFilters({
          limit: s.limit,
          cursor: s.cursor,
          status: z
            .string()
            .refine((v) => v.split(',').every((x) => !x.trim() || s.status.safeParse(x.trim()).success), `comma-separated: ${s.status.options.join(', ')}`)
            .optional()
            .describe('comma-separated statuses'),
          owner_id: s.id.optional(),
          customer_id: s.id.optional(),
          passed_around: z.coerce.number().int().min(1).max(1000).optional().describe('transferred at least this many times'),
          team_id: s.id.optional().describe("the team's cases: its own and those its members own"),
          topic_id: s.id.optional().describe('cases with a message in this topic (GET /api/v1/topics)'),
          tag: z.string().max(1000).optional().describe('comma-separated tags (at most 50): cases carrying every one of them'),
          spam: z.enum(['true', 'false']).optional().describe('true: only the cases marked as spam (left out otherwise)'),
          followed_by: s.id.optional().describe('the cases this agent follows'),
        }),
      response: { 200: res.pageOf(res.caseSchema.extend({ customer_name: z.string().describe('the customer\'s name (may be empty)') })), ...res.errors },
    },
  }, async (req) => {
    const q = req.query;
    const statuses = q.status?.split(',').map((x) => x.trim()).filter(Boolean);
    return listCases(reads(req), actorOf(req).accountId, {
      limit: q.limit,
      cursor: q.cursor,
      status: statuses as CaseStatus[] | undefined,
      ownerId: q.owner_id,
      customerId: q.customer_id,
      passedAround: q.passed_around,
      teamId: q.team_id,
      topicId: q.topic_id,
      tags: q.tag === undefined ? undefined : parseTagChange({ add: q.tag.split(',').filter((t) => t.trim()) }).add,
      fields: fieldFilters(q),
      spam: q.spam === 'true',
      followedBy: q.followed_by,
    });
  });

  r.get('/api/v1/cases/:id', {
    config: { permission: 'cases.read' },
    schema: { tags, summary: 'One case with its customer and timeline', params: s.caseParams, response: { 200: res.caseDetailSchema, ...res.errors } },
  }, async (req) => getCase(db, actorOf(req).accountId, req.params.id));

  r.patch('/api/v1/cases/:id', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Change status, priority, tier, topic, language, subject or custom fields (a wrong value: 400 naming the field; solving with a required field empty: 409 required_fields_missing)',
      params: s.caseParams,
      body: z
        .object({
          subject: z.string().trim().min(1).max(500).optional(),
          status: s.status.optional(),
          priority: s.priority.optional(),
          tier: s.tier.optional(),
          topic: z.string().max(100).nullable().optional(),
          language: s.language.nullable().optional(),
          custom_fields: s.customFieldValues.optional(),
        })
        .strict(),
      response: { 200: res.caseSchema, ...res.errors },
    },
  }, async (req) => {
    const b = req.body;
    return updateCase(db, actorOf(req), req.params.id, {
      ...b,
      status: b.status as CaseStatus | undefined,
      priority: b.priority as Priority | undefined,
      tier: b.tier as Tier | undefined,
    });
  });

  r.post('/api/v1/cases/:id/messages', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Reply to the customer (outbound). The reply checker runs first: a blocking finding refuses the reply (422 reply_blocked), warnings are kept on the message. The first reply to a new case makes the sender its owner. When the customer last wrote on WhatsApp the reply goes out there; more than 24 hours after that message only an approved template may (422 whatsapp_window_closed)',
      params: s.caseParams,
      body: z
        .object({
          body: s.body, language: s.language.optional(), is_complaint: z.boolean().optional().describe('overrides the complaint guess for the apology check'),
          whatsapp_template: z.object({
            name: z.string().regex(/^[a-z0-9_]{1,512}$/), language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/),
            parameters: z.array(z.string().min(1).max(1024)).max(20).optional(),
          }).strict().optional().describe('an approved WhatsApp template (required outside the 24-hour service window); body is what the timeline shows'),
        })
        .strict(),
      response: { 201: res.messageSchema, ...res.errors },
    },
  }, async (req, reply) => {
    const { is_complaint, whatsapp_template, ...b } = req.body;
    const m = await addMessage(db, actorOf(req), req.params.id, { type: 'outbound', ...b, isComplaint: is_complaint, whatsappTemplate: whatsapp_template });
    return reply.code(201).send(m);
  });

  r.post('/api/v1/cases/:id/notes', {
    config: { permission: 'cases.write' },
    schema: { tags, summary: 'Add an internal note', params: s.caseParams, body: z.object({ body: s.body }).strict(), response: { 201: res.messageSchema, ...res.errors } },
  }, async (req, reply) => {
    const m = await addMessage(db, actorOf(req), req.params.id, { type: 'note', body: req.body.body });
    return reply.code(201).send(m);
  });

  r.post('/api/v1/cases/:id/assign', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Give an unowned case its owner (triage)',
      params: s.caseParams,
      body: z.object({ agent_id: s.id }).strict(),
      response: { 200: res.caseSchema, ...res.errors },
    },
  }, async (req) => assignCase(db, actorOf(req), req.params.id, req.body.agent_id));

  r.post('/api/v1/cases/:id/transfers', {
    config: { permission: 'cases.write' },
    schema: {
      tags,
      summary: 'Offer the case to another agent; the owner stays accountable until they accept',
      params: s.caseParams,
      body: z.object({ to_agent_id: s.id, note: z.string().max(5000).optional() }).strict(),
      response: { 201: res.transferSchema, ...res.errors },
    },
  }, async (req, reply) => {
    const t = await offerTransfer(db, actorOf(req), req.params.id, { toAgentId: req.body.to_agent_id, note: req.body.note });
    return reply.code(201).send(t);
  });

  for (const action of ['accept', 'decline', 'cancel'] as const) {
    r.post(`/api/v1/cases/:id/transfers/:transfer_id/${action}`, {
      config: { permission: 'cases.write' },
      schema: {
        tags,
        summary: `${action[0].toUpperCase()}${action.slice(1)} a transfer offer`,
        params: z.object({ id: s.caseId, transfer_id: s.id }).strict(),
        response: {
          200: z.object({
            case: res.caseSchema, transfer: res.transferSchema,
            next_offer: res.transferSchema.nullable().optional().describe('declining an offer from routing passes the case on'),
            routing: z.string().optional(),
          }),
          ...res.errors,
        },
      },
    }, async (req) => respondToOffer(db, actorOf(req), req.params.id, req.params.transfer_id, action));
  }
}
