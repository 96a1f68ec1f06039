import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { routeCase, routeQueue, routingAgents } from '../../routing/route-case.ts';
import { setAgentRouting } from '../../routing/set-agent-routing.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const tier = z.enum(['L1', 'L2', 'L3']);
const word = z.string().trim().min(1).max(50);

export function routingRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['routing'];
  r.get('/api/v1/routing/agents', {
    config: { permission: 'agents.read' },
    schema: { tags, summary: 'Agents as routing sees them: languages, skills, availability, tier, open cases',
      response: { 200: res.listOf(z.object({ id: z.string(), name: z.string(), languages: z.array(z.string()), skills: z.array(z.string()), available: z.boolean(),
        openCases: z.number().int(), maxOpenCases: z.number().int(), tier })), ...res.errors } },
  }, async (req) => ({ data: await routingAgents(db, actorOf(req).accountId) }));
  r.put('/api/v1/agents/:id/routing', {
    config: { permission: 'profile.own' },
    schema: { tags, summary: 'Set an agent\'s languages, skills and availability (themselves), tier and maximum load (supervisor)', params: s.idParams,
      body: z.object({ languages: z.array(word).max(20), skills: z.array(word).max(100), available: z.boolean(), max_open_cases: z.number().int().min(0).max(1000), tier }).partial().strict(),
      response: { 200: z.object({ id: z.string(), languages: z.array(z.string()), skills: z.array(z.string()), available: z.boolean(), max_open_cases: z.number().int(), tier }), ...res.errors } },
  }, async (req) => setAgentRouting(db, actorOf(req), req.params.id, req.body));
  r.post('/api/v1/cases/:id/route', {
    config: { permission: 'routing.manage' },
    schema: { tags, summary: 'Offer the case to the best available agent (supervisor); a decline passes it on', params: s.caseParams, body: z.object({}).strict().nullish(),
      response: { 200: z.object({ offer: res.transferSchema.nullable(), reason: z.string() }), ...res.errors } },
  }, async (req) => {
    const { offer, reason } = await routeCase(db, actorOf(req), req.params.id);
    return { offer, reason };
  });
  r.post('/api/v1/routing/queue', {
    config: { permission: 'routing.manage' },
    schema: { tags, summary: 'Route every unowned case, higher segments first, then the longest waiting (supervisor)',
      body: z.object({ limit: z.number().int().min(1).max(500) }).partial().strict().nullish(),
      response: { 200: res.listOf(z.object({ case_id: z.string(), ref: z.string(), offered_to: z.string().nullable(), reason: z.string() })), ...res.errors } },
  }, async (req) => routeQueue(db, actorOf(req), { limit: req.body?.limit }));
}
