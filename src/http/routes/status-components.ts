import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { createComponent, listComponents, reorderComponents, updateComponent } from '../../announcements/components.ts';
import { removeComponent } from '../../announcements/remove-component.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const name = z.string().trim().min(1).max(100);
const description = z.string().trim().max(500).nullable().describe('what the component covers, shown under its name; null or empty: none');
const component = z.object({
  id: z.string(), name_nl: z.string(), name_en: z.string(), description_nl: z.string().nullable(), description_en: z.string().nullable(),
  group_id: z.string().nullable().describe('the group this component is in; a component others name here is a group (one level deep)'),
  position: z.number().describe('0 is first on the page'), created_at: res.time,
}).describe('Status page component');

/** The parts of the service the public status page reports on: listed by anyone in the account, changed, grouped and removed by an admin. */
export function statusComponentRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get('/api/v1/status-components', {
    config: { permission: 'announcements.read' },
    schema: { tags, summary: 'The parts of the service the status page reports on, in page order', response: { 200: res.listOf(component), ...res.errors } },
  }, async (req) => ({ data: await listComponents(db, actorOf(req).accountId) }));

  r.post('/api/v1/status-components', {
    config: { permission: 'announcements.settings' },
    schema: { tags, summary: 'Add a status page component (admin); without a position it goes last',
      body: z.object({ name_nl: name, name_en: name.optional(), description_nl: description.optional(), description_en: description.optional(), position: z.number().int().min(0).max(1000).optional() }).strict(),
      response: { 201: component, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await createComponent(db, actorOf(req), req.body)));

  r.patch('/api/v1/status-components/:id', {
    config: { permission: 'announcements.settings' },
    schema: { tags, summary: 'Rename a component, change its description or put it in a group (admin); the status page shows it at once', params: s.idParams,
      body: z.object({ name_nl: name, name_en: name, description_nl: description, description_en: description,
        group_id: s.id.nullable().describe('put the component in this group (another component, which then is a group); null: take it out. One level: a group is in no group itself') })
        .partial().strict()
        .refine((b) => Object.keys(b).length > 0, 'Change at least one field'),
      response: { 200: component, ...res.errors } },
  }, async (req) => updateComponent(db, actorOf(req), req.params.id, req.body));

  r.put('/api/v1/status-components/order', {
    config: { permission: 'announcements.settings' },
    schema: { tags, summary: 'Set the order of the components on the status page (admin): every component, each once, first to last',
      body: z.object({ ids: z.array(s.id).min(1).max(200) }).strict(),
      response: { 200: res.listOf(component), ...res.errors } },
  }, async (req) => ({ data: await reorderComponents(db, actorOf(req), req.body.ids) }));

  r.delete('/api/v1/status-components/:id', {
    config: { permission: 'announcements.settings' },
    schema: { tags, summary: 'Remove a component from the status page (admin): gone from the page and the choices at once; incidents that named it keep it in their history; the components of a removed group stay, ungrouped',
      params: s.idParams,
      response: { 200: z.object({ id: z.string(), removed: z.literal(true), ungrouped: z.array(z.string()).describe('components that were in this group and now stand alone') }), ...res.errors } },
  }, async (req) => ({ id: req.params.id, removed: true as const, ...(await removeComponent(db, actorOf(req), req.params.id)) }));
}
