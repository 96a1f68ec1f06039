import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { createOrganisation, updateOrganisation } from '../../organisations/save-organisation.ts';
import { deleteOrganisation } from '../../organisations/delete-organisation.ts';
import { getOrganisation } from '../../organisations/get-organisation.ts';
import { listOrganisations } from '../../organisations/store.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const organisationSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    segment: z.string(),
    notes: z.string(),
    domains: z.array(z.string()).describe('claimed e-mail domains: customers writing from them belong to this organisation'),
    people_count: z.number().int(),
    custom_fields: res.customFields,
    portal_shares_cases: z.boolean().describe("its people see each other's cases in the customer portal"),
    created_at: res.time,
    updated_at: res.time,
  })
  .describe('Organisation');

const organisationPage = organisationSchema.extend({
  people: z.array(z.object({ id: z.string(), name: z.string(), segment: z.string(), emails: z.array(z.string()), open_cases: z.number().int() })),
  cases: z.array(z.object({ id: z.string(), ref: z.string(), subject: z.string(), status: z.string(), priority: z.string(), customer_id: z.string(), customer_name: z.string(), updated_at: res.time })),
});

const fields = {
  name: z.string().trim().min(1).max(200),
  segment: s.segment.optional(),
  notes: z.string().max(20_000).optional(),
  domains: z.array(z.string().max(260)).max(50).optional().describe('e-mail domains to claim (replaces the list); free-mail domains such as gmail.com cannot be claimed'),
  custom_fields: s.customFieldValues.optional(),
  portal_shares_cases: z.boolean().optional().describe("let its people see each other's cases in the customer portal (default false: each sees only their own)"),
};

export function organisationRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['organisations'];

  r.get('/api/v1/organisations', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: 'Organisations by name, with their domains and how many people', querystring: z.object({ q: z.string().max(200).optional(), limit: s.limit }).strict(),
      response: { 200: res.listOf(organisationSchema), ...res.errors } },
  }, async (req) => ({ data: await listOrganisations(db, actorOf(req).accountId, req.query) }));

  r.post('/api/v1/organisations', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'Make an organisation; customers writing from its domains join it (now and later)', body: z.object(fields).strict(),
      response: { 201: organisationSchema, ...res.errors } },
  }, async (req, reply) => {
    const o = await createOrganisation(db, actorOf(req), req.body);
    return reply.code(201).header('location', `/api/v1/organisations/${o.id}`).send(o);
  });

  r.get('/api/v1/organisations/:id', {
    config: { permission: 'customers.read' },
    schema: { tags, summary: 'An organisation with its people and their latest cases', params: s.idParams, response: { 200: organisationPage, ...res.errors } },
  }, async (req) => getOrganisation(db, actorOf(req).accountId, req.params.id));

  r.patch('/api/v1/organisations/:id', {
    config: { permission: 'customers.write' },
    schema: { tags, summary: 'Change name, segment, notes, domains, custom fields or portal sharing', params: s.idParams,
      body: z.object({ ...fields, name: fields.name.optional() }).strict(), response: { 200: organisationSchema, ...res.errors } },
  }, async (req) => updateOrganisation(db, actorOf(req), req.params.id, req.body));

  r.delete('/api/v1/organisations/:id', {
    config: { permission: 'organisations.delete' },
    schema: { tags, summary: 'Delete an organisation (supervisor): its people stay, without it', params: s.idParams, response: { 200: organisationSchema, ...res.errors } },
  }, async (req) => deleteOrganisation(db, actorOf(req), req.params.id));
}
