import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { createField, deleteField, updateField } from '../../custom-fields/manage-fields.ts';
import { FIELD_ENTITIES, FIELD_KEY, FIELD_TYPES, type FieldEntity, type FieldType } from '../../custom-fields/fields.ts';
import { fieldDefinitions } from '../../custom-fields/store.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const entity = z.enum(FIELD_ENTITIES as [FieldEntity, ...FieldEntity[]]);
const fieldSchema = z
  .object({
    id: z.string(), entity, key: z.string(), label_nl: z.string(), label_en: z.string(),
    type: z.enum(FIELD_TYPES as [FieldType, ...FieldType[]]), options: z.array(z.string()),
    required_on_solve: z.boolean().describe('cases only: the case cannot be solved or closed while it is empty'),
    position: z.number().int(), created_at: res.time, updated_at: res.time,
  })
  .describe('Custom field');
const label = z.string().trim().min(1).max(100);
const options = z.array(z.string().max(100)).max(100);
const position = z.number().int().min(0).max(10_000);

export function customFieldRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['custom fields'];

  r.get('/api/v1/custom-fields', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'The account\'s custom fields (of one kind with ?entity=case|customer|organisation)', querystring: z.object({ entity: entity.optional() }).strict(),
      response: { 200: res.listOf(fieldSchema), ...res.errors } },
  }, async (req) => ({ data: await fieldDefinitions(db, actorOf(req).accountId, req.query.entity) }));

  r.post('/api/v1/custom-fields', {
    config: { permission: 'custom_fields.manage' },
    schema: { tags, summary: 'Make a custom field (admin): key, labels, type, options for one_of / several_of, required on solve for cases',
      body: z.object({ entity, key: z.string().regex(FIELD_KEY, 'lower-case letters, digits and _, starting with a letter, at most 40'), label_nl: label, label_en: label,
        type: z.enum(FIELD_TYPES as [FieldType, ...FieldType[]]), options: options.optional(), required_on_solve: z.boolean().optional(), position: position.optional() }).strict(),
      response: { 201: fieldSchema, ...res.errors } },
  }, async (req, reply) => reply.code(201).send(await createField(db, actorOf(req), req.body)));

  r.patch('/api/v1/custom-fields/:id', {
    config: { permission: 'custom_fields.manage' },
    schema: { tags, summary: 'Change labels, options (one in use cannot go), order or required on solve (admin)', params: s.idParams,
      body: z.object({ label_nl: label.optional(), label_en: label.optional(), options: options.optional(), required_on_solve: z.boolean().optional(), position: position.optional() }).strict(),
      response: { 200: fieldSchema, ...res.errors } },
  }, async (req) => updateField(db, actorOf(req), req.params.id, req.body));

  r.delete('/api/v1/custom-fields/:id', {
    config: { permission: 'custom_fields.manage' },
    schema: { tags, summary: 'Delete a custom field and its values (admin)', params: s.idParams, response: { 200: fieldSchema, ...res.errors } },
  }, async (req) => deleteField(db, actorOf(req), req.params.id));
}
