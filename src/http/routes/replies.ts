import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { loadCase } from '../../cases/store.ts';
import { checkReply } from '../../replies/check-reply.ts';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, updateTemplate } from '../../replies/manage-templates.ts';
import { renderForCase } from '../../replies/render-for-case.ts';
import { getReplySettings, replySettingsPatch, updateReplySettings } from '../../replies/settings.ts';
import { CHECK_NAMES } from '../../replies/types.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const finding = z
  .object({
    check: z.enum(CHECK_NAMES as [string, ...string[]]),
    severity: z.enum(['info', 'warning', 'block']),
    message: z.string(),
    suggestion: z.string(),
    span: z.object({ start: z.number().int(), end: z.number().int(), text: z.string() }).nullable().describe('the offending text; null when something is missing'),
  })
  .describe('Finding');
const checkResult = z.object({ findings: z.array(finding), blocked: z.boolean().describe('true: sending this reply is refused') });
const modes = z.enum(['off', 'warn', 'block']);
const settingsSchema = z.object({
  checks: z.record(z.string(), modes),
  mantra: z.object({ min_customers: z.number().int(), similarity: z.number(), days: z.number().int() }),
});
const templateSchema = z
  .object({ id: z.string(), name: z.string(), language: z.string().nullable(), body: z.string(), variables: z.array(z.string()), created_at: res.time, updated_at: res.time })
  .describe('Template');
const templateBody = z.string().min(1).max(20_000);

export function replyRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['replies'];

  r.post('/api/v1/replies/check', {
    config: { permission: 'replies.use' },
    schema: {
      tags,
      summary: 'Check a draft reply for a case: apology, thanks, action, next contact, signature, blame, condescension, sales pitch to an opted-out customer, mantra',
      body: z.object({ case_id: s.caseId, body: s.body, is_complaint: z.boolean().optional() }).strict(),
      response: { 200: checkResult, ...res.errors },
    },
  }, async (req) => {
    const a = actorOf(req);
    const c = await loadCase(db, a.accountId, req.body.case_id);
    return checkReply(db, a.accountId, c, req.body.body, { isComplaint: req.body.is_complaint });
  });

  r.get('/api/v1/settings/reply-checks', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'Which reply checks are off, warn or block; mantra thresholds', response: { 200: settingsSchema, ...res.errors } },
  }, async (req) => getReplySettings(db, actorOf(req).accountId));

  r.patch('/api/v1/settings/reply-checks', {
    config: { permission: 'replies.settings' },
    schema: { tags, summary: 'Change reply-check settings (admin)', body: replySettingsPatch, response: { 200: settingsSchema, ...res.errors } },
  }, async (req) => updateReplySettings(db, actorOf(req), req.body));

  const ttags = ['templates'];
  r.get('/api/v1/templates', { config: { permission: 'replies.use' }, schema: { tags: ttags, summary: 'List templates', response: { 200: res.listOf(templateSchema), ...res.errors } } }, async (req) => ({
    data: await listTemplates(db, actorOf(req).accountId),
  }));

  r.post('/api/v1/templates', {
    config: { permission: 'templates.manage' },
    schema: {
      tags: ttags,
      summary: 'Create a template with variables like {{customer.first_name}}, {{case.ref}}, {{agent.name}}, {{promise.due}}',
      body: z.object({ name: z.string().trim().min(1).max(200), body: templateBody, language: s.language.nullable().optional() }).strict(),
      response: { 201: templateSchema, ...res.errors },
    },
  }, async (req, reply) => reply.code(201).send(await createTemplate(db, actorOf(req), req.body)));

  r.get('/api/v1/templates/:id', { config: { permission: 'replies.use' }, schema: { tags: ttags, summary: 'One template', params: s.idParams, response: { 200: templateSchema, ...res.errors } } }, async (req) =>
    getTemplate(db, actorOf(req).accountId, req.params.id));

  r.patch('/api/v1/templates/:id', {
    config: { permission: 'templates.manage' },
    schema: {
      tags: ttags,
      summary: 'Change a template',
      params: s.idParams,
      body: z.object({ name: z.string().trim().min(1).max(200).optional(), body: templateBody.optional(), language: s.language.nullable().optional() }).strict(),
      response: { 200: templateSchema, ...res.errors },
    },
  }, async (req) => updateTemplate(db, actorOf(req), req.params.id, req.body));

  r.delete('/api/v1/templates/:id', { config: { permission: 'templates.manage' }, schema: { tags: ttags, summary: 'Delete a template', params: s.idParams, response: { 200: templateSchema, ...res.errors } } }, async (req) =>
    deleteTemplate(db, actorOf(req), req.params.id));

  r.post('/api/v1/templates/:id/render', {
    config: { permission: 'replies.use' },
    schema: {
      tags: ttags,
      summary: 'Fill a template in for a case (a missing variable is an error) and check the result',
      params: s.idParams,
      body: z.object({ case_id: s.caseId, variables: z.record(z.string(), z.unknown()).optional() }).strict(),
      response: { 200: checkResult.extend({ text: z.string(), html: z.string().describe('HTML-escaped') }), ...res.errors },
    },
  }, async (req) => renderForCase(db, actorOf(req), req.params.id, req.body.case_id, req.body.variables));
}
