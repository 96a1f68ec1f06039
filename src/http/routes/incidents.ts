import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { INCIDENT_IMPACTS, INCIDENT_STATUSES, type IncidentImpact, type IncidentStatus, partsSchema, titleSchema } from '../../announcements/incident-store.ts';
import { getIncident, listIncidents } from '../../announcements/list-incidents.ts';
import { openIncident } from '../../announcements/open-incident.ts';
import { postIncidentUpdate } from '../../announcements/post-incident-update.ts';
import { incidentBodies } from '../../announcements/incident-input.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const status = z.enum(INCIDENT_STATUSES as [IncidentStatus, ...IncidentStatus[]]);
const impact = z.enum(INCIDENT_IMPACTS as [IncidentImpact, ...IncidentImpact[]]);
const incident = z.object({
  id: z.string(), title: titleSchema, impact, status, owner_id: z.string(), problem_id: z.string().nullable(), component_ids: z.array(z.string()),
  next_update_at: res.time.nullable().describe('the promised next update; overdue once past'), reminded_at: res.time.nullable(), overdue_at: res.time.nullable(),
  escalated_at: res.time.nullable(), updates_on_time: z.number(), updates_late: z.number(), created_at: res.time, updated_at: res.time, resolved_at: res.time.nullable(),
}).describe('Incident');
const update = z.object({
  id: z.string(), incident_id: z.string(), status, parts: partsSchema, next_update_at: res.time.nullable(), contact_route: z.string(),
  late: z.boolean().describe('posted after the promised time'), created_by: z.string().nullable(), created_at: res.time,
}).describe('Incident update');
const updateBody = incidentBodies.update;

export function incidentRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get('/api/v1/incidents', {
    config: { permission: 'announcements.read' },
    schema: { tags, summary: 'Incidents, newest first (?open=true: only open ones; ?problem_id=: those of one problem)',
      querystring: z.object({ limit: s.limit, cursor: s.cursor, open: z.enum(['true', 'false']).optional(), problem_id: s.id.optional() }).strict(),
      response: { 200: res.pageOf(incident), ...res.errors } },
  }, async (req) => listIncidents(db, actorOf(req).accountId, { ...req.query, open: req.query.open === 'true' }));

  r.post('/api/v1/incidents', {
    config: { permission: 'incidents.open' },
    schema: { tags, summary: 'Open a public incident with its first update (four parts, a contact route, the next update time)',
      body: incidentBodies.open,
      response: { 201: z.object({ incident, update }), ...res.errors } },
  }, async (req, reply) => {
    const b = req.body;
    const r2 = await openIncident(db, actorOf(req), {
      title: b.title, impact: b.impact, componentIds: b.component_ids, problemId: b.problem_id, ownerId: b.owner_id,
      update: { status: b.update.status, parts: b.update.parts, nextUpdateAt: b.update.next_update_at, contactRoute: b.update.contact_route },
    });
    return reply.code(201).send({ incident: r2.incident, update: r2.update });
  });

  r.get('/api/v1/incidents/:id', {
    config: { permission: 'announcements.read' },
    schema: { tags, summary: 'An incident with its updates', params: s.idParams, response: { 200: incident.extend({ updates: z.array(update) }), ...res.errors } },
  }, async (req) => getIncident(db, actorOf(req).accountId, req.params.id));

  r.post('/api/v1/incidents/:id/updates', {
    config: { permission: 'incidents.open' },
    schema: { tags, summary: 'Post an update: keeps the promised update (late if after its time) and promises the next', params: s.idParams, body: updateBody,
      response: { 201: z.object({ incident, update, late: z.boolean() }), ...res.errors } },
  }, async (req, reply) => {
    const b = req.body;
    return reply.code(201).send(await postIncidentUpdate(db, actorOf(req), req.params.id, { status: b.status, parts: b.parts, nextUpdateAt: b.next_update_at, contactRoute: b.contact_route }));
  });

}
