import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { ReadReplica } from '../../storage/read-replica.ts';
import type { Reads } from '../read-your-writes.ts';
import { search, type HitType } from '../../cases/search.ts';
import { EVENT_NAMES } from '../../webhooks/events.ts';
import { createWebhook, deleteWebhook, listDeliveries, listWebhooks } from '../../webhooks/manage-webhooks.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

export function miscRoutes(app: FastifyInstance, db: Db, reads: Reads, replica: ReadReplica | null) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/healthz', { config: { permission: 'public', rateLimit: false }, schema: { tags: ['health'], summary: 'Liveness and database check' } }, async (_req, reply) => {
    try {
      await db.query('SELECT 1');
      // the replica's state is information, not health: its reads go to the primary while it is down
      const r = replica?.status();
      return { status: 'ok', database: db.kind, ...(r ? { replica: r } : {}) };
    } catch {
      return reply.code(503).send({ status: 'unavailable', database: db.kind });
    }
  });

  r.get('/api/v1/search', {
    config: { permission: 'cases.read' },
    schema: {
      tags: ['search'],
      summary: 'Ranked full-text search (Dutch and English stemming) over cases, messages and customers',
      querystring: z
        .object({
          q: z.string().min(1).max(500),
          type: z.string().regex(/^(case|message|customer)(,(case|message|customer))*$/, 'comma-separated: case, message, customer').optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
          cursor: s.cursor,
        })
        .strict(),
      response: { 200: res.pageOf(res.searchHitSchema), ...res.errors },
    },
  }, async (req) =>
    search(reads(req), actorOf(req).accountId, { query: req.query.q, types: req.query.type?.split(',') as HitType[] | undefined, limit: req.query.limit, cursor: req.query.cursor }));

  const hookTags = ['webhooks'];
  r.get('/api/v1/webhooks', { config: { permission: 'webhooks.manage' }, schema: { tags: hookTags, summary: 'List webhooks', response: { 200: res.listOf(res.webhookSchema), ...res.errors } } }, async (req) => ({ data: await listWebhooks(db, actorOf(req)) }));

  r.post('/api/v1/webhooks', {
    config: { permission: 'webhooks.manage' },
    schema: {
      tags: hookTags,
      summary: 'Subscribe a URL to events; deliveries are signed (Luister-Signature: t=…,v1=HMAC-SHA256). The secret is shown once.',
      body: z
        .object({
          url: z.url({ protocol: /^https?$/ }).max(2000),
          events: z.array(z.enum(EVENT_NAMES as [string, ...string[]])).min(1).max(EVENT_NAMES.length),
          description: z.string().max(500).optional(),
        })
        .strict(),
      response: { 201: res.webhookSchema.extend({ secret: z.string().describe('signing secret, shown once') }), ...res.errors },
    },
  }, async (req, reply) => reply.code(201).send(await createWebhook(db, actorOf(req), req.body as Parameters<typeof createWebhook>[2])));

  r.delete('/api/v1/webhooks/:id', { config: { permission: 'webhooks.manage' }, schema: { tags: hookTags, summary: 'Deactivate a webhook', params: s.idParams, response: { 200: res.webhookSchema, ...res.errors } } }, async (req) =>
    deleteWebhook(db, actorOf(req), req.params.id));

  r.get('/api/v1/webhooks/:id/deliveries', { config: { permission: 'webhooks.manage' }, schema: { tags: hookTags, summary: 'The last 100 deliveries', params: s.idParams } }, async (req) => ({
    data: await listDeliveries(db, actorOf(req), req.params.id),
  }));

  r.get('/api/v1/audit', {
    config: { permission: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: 'The append-only audit log (supervisors and admins), newest first',
      querystring: z.object({ entity_id: s.id.optional(), limit: s.limit, before_id: z.coerce.number().int().positive().optional() }).strict(),
    },
  }, async (req) => {
    const a = actorOf(req);
    const rows = await db.query<{ id: number }>(
      `SELECT id, at, actor_type, actor_id, action, entity_type, entity_id, before, after, request_id FROM audit_log
       WHERE account_id = $1 AND ($2::uuid IS NULL OR entity_id = $2) AND ($3::bigint IS NULL OR id < $3)
       ORDER BY id DESC LIMIT $4`,
      [a.accountId, req.query.entity_id ?? null, req.query.before_id ?? null, req.query.limit],
    );
    return { data: rows, next_before_id: rows.length === req.query.limit ? rows[rows.length - 1].id : null };
  });
}
