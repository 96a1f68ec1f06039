import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { addBlock, listBlocked, removeBlock } from '../../spam/block-list.ts';
import { markSpam } from '../../spam/mark-spam.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const blockedSchema = z.object({
  id: z.string(),
  kind: z.enum(['address', 'domain']),
  value: z.string(),
  reason: z.string().nullable(),
  case_id: z.string().nullable(),
  created_by: z.string().nullable(),
  created_at: res.time,
});

export function spamRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/v1/cases/:id/spam', {
    config: { permission: 'cases.write' },
    schema: {
      tags: ['cases'],
      summary: "Mark a case as spam: its sender's address (block: address, the default) or whole domain (block: domain) is blocked, the case is closed and left out of the case lists. Audited",
      params: s.caseParams,
      body: z.object({ block: z.enum(['address', 'domain', 'none']).default('address') }).strict(),
      response: { 200: z.object({ case: res.caseSchema, spam: z.literal(true), blocked: blockedSchema.nullable() }), ...res.errors },
    },
  }, async (req) => markSpam(db, actorOf(req), req.params.id, req.body.block));

  r.get('/api/v1/blocked-senders', {
    config: { permission: 'settings.read' },
    schema: {
      tags: ['spam'],
      summary: 'The block list: addresses and domains whose mail and form posts are dropped at intake, newest first',
      response: { 200: z.object({ data: z.array(blockedSchema) }), ...res.errors },
    },
  }, async (req) => ({ data: await listBlocked(db, actorOf(req).accountId) }));

  r.post('/api/v1/blocked-senders', {
    config: { permission: 'senders.block' },
    schema: {
      tags: ['spam'],
      summary: 'Block an address or a domain by hand (supervisor or admin). Blocking one already blocked returns it (200)',
      body: z.object({
        kind: z.enum(['address', 'domain']),
        value: z.string().min(1).max(320).describe('spam@example.com, or example.com'),
        reason: z.string().max(500).optional(),
      }).strict(),
      response: { 200: blockedSchema, 201: blockedSchema, ...res.errors },
    },
  }, async (req, reply) => {
    const { entry, created } = await addBlock(db, actorOf(req), req.body);
    reply.code(created ? 201 : 200);
    return entry;
  });

  r.delete('/api/v1/blocked-senders/:id', {
    config: { permission: 'senders.block' },
    schema: {
      tags: ['spam'],
      summary: 'Unblock (supervisor or admin): mail from the address or domain is taken in again. Audited',
      params: s.idParams,
      response: { 200: blockedSchema, ...res.errors },
    },
  }, async (req) => removeBlock(db, actorOf(req), req.params.id));
}
