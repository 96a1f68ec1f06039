import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { routeCase, routeQueue, routingAgents } from '../../routing/route-case.ts';
import { setAgentRouting } from '../../routing/set-agent-routing.ts';
import { deleteRoutingRule, listRoutingRules, saveRoutingRule } from '../../routing/manage-routing-rules.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const tier = z.enum(['L1', 'L2', 'L3']);
const word = z.string().trim().min(1).max(50);
const ruleBody = z.object({
  name: z.string().trim().min(1).max(200),
  position: z.number().int().min(0).max(10_000).describe('rules are tried in this order (then by name); the first that matches decides'),
  conditions: s.fieldConditions.min(1).describe('custom field values the case, its customer or their organisation must have (all of them)'),
  team_id: s.id.nullable().describe('only this team\'s agents are offered the case, and the case is put in it'),
  tier: tier.nullable().describe('the case is routed at least at this tier'),
});
const rule = z.object({
  id: z.string(), name: z.string(), position: z.number().int(), conditions: s.fieldConditionsOut, team_id: z.string().nullable(), tier: tier.nullable(),
  created_at: res.time, updated_at: res.time,
}).describe('Routing rule');

export function routingRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['routing'];
  r.get('/api/v1/routing/agents', {
    config: { permission: 'agents.read' },
    schema: { tags, summary: 'Agents as routing sees them: languages, skills, availability, tier, open cases',
      response: { 200: res.listOf(z.object({ id: z.string(), name: z.string(), teamId: z.string().nullable().optional(), languages: z.array(z.string()), skills: z.array(z.string()), available: z.boolean(),
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
  r.get('/api/v1/routing/rules', {
    config: { permission: 'agents.read' },
    schema: { tags, summary: 'Routing rules in the order they are tried: custom field conditions → a team and/or a tier', response: { 200: res.listOf(rule), ...res.errors } },
  }, async (req) => ({ data: await listRoutingRules(db, actorOf(req).accountId) }));
  r.post('/api/v1/routing/rules', {
    config: { permission: 'routing.manage' },
    schema: { tags, summary: 'Add a routing rule (supervisor); conditions are checked against the custom fields\' types',
      body: ruleBody.partial({ position: true, team_id: true, tier: true }).strict(), response: { 201: rule, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await saveRoutingRule(db, actorOf(req), null, req.body as never)));
  r.patch('/api/v1/routing/rules/:id', {
    config: { permission: 'routing.manage' },
    schema: { tags, summary: 'Change a routing rule (supervisor)', params: s.idParams, body: ruleBody.partial().strict(), response: { 200: rule, ...res.errors } },
  }, async (req) => saveRoutingRule(db, actorOf(req), req.params.id, req.body as never));
  r.delete('/api/v1/routing/rules/:id', {
    config: { permission: 'routing.manage' },
    schema: { tags, summary: 'Remove a routing rule (supervisor)', params: s.idParams, response: { 200: z.object({ id: z.string(), deleted: z.boolean() }), ...res.errors } },
  }, async (req) => deleteRoutingRule(db, actorOf(req), req.params.id));
  r.post('/api/v1/routing/queue', {
    config: { permission: 'routing.manage' },
    schema: { tags, summary: 'Route every unowned case, higher segments first, then the longest waiting (supervisor)',
      body: z.object({ limit: z.number().int().min(1).max(500) }).partial().strict().nullish(),
      response: { 200: res.listOf(z.object({ case_id: z.string(), ref: z.string(), offered_to: z.string().nullable(), reason: z.string() })), ...res.errors } },
  }, async (req) => routeQueue(db, actorOf(req), { limit: req.body?.limit }));
}
