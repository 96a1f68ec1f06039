import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { applyMacro, previewMacro } from '../../macros/apply-macro.ts';
import { createMacro, deleteMacro, listMacros, updateMacro } from '../../macros/manage-macros.ts';
import type { MacroActions } from '../../macros/plan.ts';
import { macroActionsObject, macroActionsSchema } from '../../macros/store.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const macroSchema = z
  .object({
    id: z.string(), name: z.string(), owner_id: z.string().nullable().describe('the agent whose personal macro it is; null when shared'),
    shared: z.boolean(), actions: macroActionsObject, created_at: res.time, updated_at: res.time,
  })
  .describe('Macro');
const change = z.object({
  field: z.string().regex(/^(status|priority|tier|team_id|tags|fields\.[a-z][a-z0-9_]{0,39})$/).describe('status, priority, tier, team_id, tags, or fields.<key> for a custom field'),
  from: z.unknown(), to: z.unknown(),
});
const outcome = z.object({
  macro: z.object({ id: z.string(), name: z.string() }),
  case_id: z.string(),
  changes: z.array(change).describe('each field that would change, from → to (a field already at its target is left out)'),
  note: z.string().nullable().describe('the internal note it adds'),
  reply: z.object({ template_id: z.string(), text: z.string(), findings: z.array(z.unknown()), blocked: z.boolean() }).nullable()
    .describe('the template filled in for this case with the reply checks\' findings: put in the composer, never sent by the macro'),
  problems: z.array(z.object({ code: z.string(), message: z.string() })).describe('why it cannot be applied now; apply refuses (422) while there is one'),
});
const macroParams = z.object({ id: s.id, case_id: s.caseId }).strict();
const name = z.string().trim().min(1).max(200);

export function macroRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['macros'];

  r.get('/api/v1/macros', {
    config: { permission: 'replies.use' },
    schema: { tags, summary: 'The macros you may use: the shared ones and your own', response: { 200: res.listOf(macroSchema), ...res.errors } },
  }, async (req) => ({ data: await listMacros(db, actorOf(req)) }));

  r.post('/api/v1/macros', {
    config: { permission: 'replies.use' },
    schema: {
      tags, summary: 'Make a macro: status, priority, team, tags to add and remove, an internal note, a reply template. Shared ones need a supervisor',
      body: z.object({ name, shared: z.boolean().default(false), actions: macroActionsSchema }).strict(),
      response: { 201: macroSchema, ...res.errors },
    },
  }, async (req, reply) => reply.code(201).send(await createMacro(db, actorOf(req), { ...req.body, actions: req.body.actions as MacroActions })));

  r.patch('/api/v1/macros/:id', {
    config: { permission: 'replies.use' },
    schema: { tags, summary: 'Rename a macro or replace its actions', params: s.idParams,
      body: z.object({ name: name.optional(), actions: macroActionsSchema.optional() }).strict(), response: { 200: macroSchema, ...res.errors } },
  }, async (req) => updateMacro(db, actorOf(req), req.params.id, { ...req.body, actions: req.body.actions as MacroActions | undefined }));

  r.delete('/api/v1/macros/:id', {
    config: { permission: 'replies.use' },
    schema: { tags, summary: 'Delete a macro', params: s.idParams, response: { 200: macroSchema, ...res.errors } },
  }, async (req) => deleteMacro(db, actorOf(req), req.params.id));

  r.get('/api/v1/macros/:id/preview/:case_id', {
    config: { permission: 'replies.use' },
    schema: { tags, summary: 'What the macro would change on this case, without changing it', params: macroParams, response: { 200: outcome, ...res.errors } },
  }, async (req) => previewMacro(db, actorOf(req), req.params.id, req.params.case_id));

  r.post('/api/v1/macros/:id/apply/:case_id', {
    config: { permission: 'cases.write' },
    schema: { tags, summary: 'Apply the macro to the case in one transaction (audited, live); refused with nothing written when any part cannot be done',
      params: macroParams, response: { 200: outcome.extend({ case: res.caseSchema, note_id: z.string().nullable() }), ...res.errors } },
  }, async (req) => applyMacro(db, actorOf(req), req.params.id, req.params.case_id));
}
