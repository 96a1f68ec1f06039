import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { CHANNELS, PRIORITIES } from '../../cases/status.ts';
import { loadCase } from '../../cases/store.ts';
import { caseSla, casesAtRisk } from '../../promises/case-sla.ts';
import { deleteSlaPolicy, listSlaPolicies, saveSlaPolicy } from '../../promises/manage-sla-policies.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const minutes = z.number().int().min(1).max(525_600).nullable();
const policyBody = z.object({
  name: z.string().trim().min(1).max(200),
  segment: z.string().trim().min(1).max(100).nullable(),
  priority: z.enum(PRIORITIES as [string, ...string[]]).nullable(),
  channel: z.enum(CHANNELS as [string, ...string[]]).nullable(),
  first_response_minutes: minutes.describe('business minutes to the first reply'),
  next_response_minutes: minutes.describe('business minutes to answer a customer who wrote again'),
  resolution_minutes: minutes.describe('business minutes to solved'),
  at_risk_percent: z.number().int().min(1).max(99).describe('at risk once this share of a target has passed (default 80)'),
  field_conditions: s.fieldConditions.describe('custom field values the case, its customer or their organisation must have (all of them); a matching condition makes a policy more specific than segment, priority and channel'),
});
const policy = z.object({
  id: z.string(), name: z.string(), segment: z.string().nullable(), priority: z.string().nullable(), channel: z.string().nullable(),
  first_response_minutes: z.number().int().nullable(), next_response_minutes: z.number().int().nullable(), resolution_minutes: z.number().int().nullable(),
  at_risk_percent: z.number().int(), field_conditions: s.fieldConditionsOut, created_at: res.time,
}).describe('Service level');
const clock = z.object({
  target: z.enum(['first_response', 'next_response', 'resolution']), target_minutes: z.number().int(), started_at: res.time,
  due_at: res.time.nullable().describe('null while the clock is paused'), met_at: res.time.nullable(), elapsed_minutes: z.number().int(),
  state: z.enum(['ok', 'at_risk', 'breached', 'paused', 'met']),
});
const caseClocks = z.object({
  case_id: z.string(), ref: z.string(), subject: z.string(), owner_id: z.string().nullable(),
  policy: z.object({ id: z.string(), name: z.string() }).nullable(), clocks: z.array(clock),
}).describe('A case\'s service-level clocks');

export function serviceLevelRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['service levels'];
  r.get('/api/v1/sla-policies', { config: { permission: 'settings.read' }, schema: { tags, summary: 'Service levels by segment × priority × channel × custom field conditions', response: { 200: res.listOf(policy), ...res.errors } } },
    async (req) => ({ data: await listSlaPolicies(db, actorOf(req).accountId) }));
  r.post('/api/v1/sla-policies', {
    config: { permission: 'service_levels.manage' },
    schema: { tags, summary: 'Add a service level (admin); empty segment/priority/channel matches any, the most specific match wins',
      body: policyBody.partial().required({ name: true }).strict(), response: { 201: policy, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await saveSlaPolicy(db, actorOf(req), null, req.body as never)));
  r.patch('/api/v1/sla-policies/:id', {
    config: { permission: 'service_levels.manage' },
    schema: { tags, summary: 'Change a service level (admin)', params: s.idParams, body: policyBody.partial().strict(), response: { 200: policy, ...res.errors } },
  }, async (req) => saveSlaPolicy(db, actorOf(req), req.params.id, req.body as never));
  r.delete('/api/v1/sla-policies/:id', {
    config: { permission: 'service_levels.manage' },
    schema: { tags, summary: 'Remove a service level (admin)', params: s.idParams, response: { 200: z.object({ id: z.string(), deleted: z.boolean() }), ...res.errors } },
  }, async (req) => deleteSlaPolicy(db, actorOf(req), req.params.id));
  r.get('/api/v1/cases/:id/sla', {
    config: { permission: 'cases.read' },
    schema: { tags, summary: 'A case\'s service-level clocks (business time; paused while waiting on the customer)', params: s.caseParams, response: { 200: caseClocks, ...res.errors } },
  }, async (req) => {
    const accountId = actorOf(req).accountId;
    const c = await loadCase(db, accountId, req.params.id);
    return (await caseSla(db, accountId, { caseId: c.id }))[0];
  });
  r.get('/api/v1/sla/cases', {
    config: { permission: 'cases.read' },
    schema: { tags, summary: 'Open cases at risk or breached, breached first', querystring: z.object({ state: z.enum(['at_risk', 'breached']).optional() }).strict(),
      response: { 200: res.listOf(caseClocks), ...res.errors } },
  }, async (req) => casesAtRisk(db, actorOf(req).accountId, { state: req.query.state }));
}
