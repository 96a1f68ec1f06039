import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { loadCase } from '../../cases/store.ts';
import { makePromise } from '../../promises/make-promise.ts';
import { getPromise, listPromises } from '../../promises/list-promises.ts';
import { KEEPING_ACTIONS, keepPromise } from '../../promises/keep-promise.ts';
import { renegotiatePromise } from '../../promises/renegotiate-promise.ts';
import { cancelPromise } from '../../promises/cancel-promise.ts';
import { approveDraft, discardDraft, listDrafts } from '../../promises/decide-draft.ts';
import { listNotifications, markNotificationRead } from '../../promises/notifications.ts';
import { getServiceSettings, serviceSettingsPatch, updateServiceSettings } from '../../promises/settings.ts';
import { PROMISE_KINDS, PROMISE_STATES, type PromiseKind, type PromiseState } from '../../promises/store.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const kind = z.enum(PROMISE_KINDS as [PromiseKind, ...PromiseKind[]]);
const state = z.enum(PROMISE_STATES as [PromiseState, ...PromiseState[]]);
const when = z.iso.datetime({ offset: true }).transform((v) => new Date(v)).describe('ISO 8601 with offset, e.g. 2026-11-25T12:00:00+01:00');
const promise = z
  .object({
    id: z.string(), case_id: z.string().nullable().describe('null for an incident\'s promised next update'), customer_id: z.string().nullable(),
    incident_id: z.string().nullable().describe('the incident whose next public update this is (kept by posting the update)'), owner_id: z.string(), kind, description: z.string(),
    window_start: res.time.nullable(), due_at: res.time, state, source: z.enum(['manual', 'reply', 'renegotiation']),
    source_message_id: z.string().nullable(), remind_at: res.time.nullable(), reminded_at: res.time.nullable(), breached_at: res.time.nullable(),
    breach_notice_message_id: z.string().nullable().describe('the message that told the customer after a breach'),
    kept_at: res.time.nullable(), kept_by: z.string().nullable().describe('the action that kept it'), replaced_by: z.string().nullable(),
    created_at: res.time, updated_at: res.time,
  })
  .describe('Promise');
const draft = z
  .object({
    id: z.string(), case_id: z.string(), promise_id: z.string().nullable(), body: z.string(), reason: z.string(),
    status: z.enum(['pending', 'sent', 'discarded']), proposed_due_at: res.time.nullable(), sent_message_id: z.string().nullable(), created_at: res.time,
  })
  .describe('Draft message waiting for approval');
const notification = z.object({
  id: z.string(), kind: z.string(), body: z.string(), case_id: z.string().nullable(), promise_id: z.string().nullable(), created_at: res.time, read_at: res.time.nullable(),
});
const settings = z.object({
  time_zone: z.string(), calendar: z.unknown().describe('weekly open hours, holidays (country), closures'),
  remind_before_minutes: z.number().int(), breach_notice: z.enum(['draft', 'send']),
});

export function promiseRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['promises'];

  r.get('/api/v1/promises', {
    config: { permission: 'promises.read' },
    schema: {
      tags, summary: 'Promises, soonest due first (e.g. ?state=open&due_before=<end of today> for "due today")',
      querystring: z.object({ limit: s.limit, cursor: s.cursor, state: state.optional(), owner_id: s.id.optional(), case_id: s.id.optional(), due_before: when.optional() }).strict(),
      response: { 200: res.pageOf(promise), ...res.errors },
    },
  }, async (req) => listPromises(db, actorOf(req).accountId, req.query));

  r.post('/api/v1/cases/:id/promises', {
    config: { permission: 'promises.write' },
    schema: {
      tags, summary: 'Make a promise on a case: one owner (default the case owner), a due time or an appointment window',
      params: s.caseParams,
      body: z.object({ kind, description: z.string().trim().min(1).max(1000), due_at: when, window_start: when.optional(), owner_id: s.id.optional() }).strict(),
      response: { 201: promise, ...res.errors },
    },
  }, async (req, reply) => {
    const actor = actorOf(req);
    const c = await loadCase(db, actor.accountId, req.params.id);
    const p = await db.transaction((tx) => makePromise(tx, actor, {
      caseId: c.id, kind: req.body.kind, description: req.body.description, dueAt: req.body.due_at, windowStart: req.body.window_start, ownerId: req.body.owner_id,
    }));
    return reply.code(201).send(p);
  });

  r.get('/api/v1/promises/:id', {
    config: { permission: 'promises.read' },
    schema: { tags, summary: 'A promise with its history', params: s.idParams,
      response: { 200: promise.extend({ history: z.array(z.object({ action: z.string(), actor_type: z.string(), actor_id: z.string().nullable(), after: z.unknown(), at: res.time })) }), ...res.errors } },
  }, async (req) => getPromise(db, actorOf(req).accountId, req.params.id));

  r.post('/api/v1/promises/:id/keep', {
    config: { permission: 'promises.write' },
    schema: { tags, summary: 'Record the action that kept a promise (a reply keeps answer/update promises by itself)', params: s.idParams,
      body: z.object({ action: z.enum(KEEPING_ACTIONS), note: z.string().max(500).optional() }).strict(), response: { 200: promise, ...res.errors } },
  }, async (req) => keepPromise(db, actorOf(req), req.params.id, req.body));

  r.post('/api/v1/promises/:id/renegotiate', {
    config: { permission: 'promises.write' },
    schema: { tags, summary: 'Agree a new time; a broken promise needs a message to the customer (sent through the case\'s channel)', params: s.idParams,
      body: z.object({ due_at: when, window_start: when.optional(), message: z.string().max(20_000).optional() }).strict(),
      response: { 200: z.object({ previous: promise, promise }), ...res.errors } },
  }, async (req) => renegotiatePromise(db, actorOf(req), req.params.id, { dueAt: req.body.due_at, windowStart: req.body.window_start, message: req.body.message }));

  r.post('/api/v1/promises/:id/cancel', {
    config: { permission: 'promises.write' },
    schema: { tags, summary: 'Withdraw a promise with a reason (a broken one only after the customer was told)', params: s.idParams,
      body: z.object({ reason: z.string().trim().min(1).max(1000) }).strict(), response: { 200: promise, ...res.errors } },
  }, async (req) => cancelPromise(db, actorOf(req), req.params.id, req.body));

  r.get('/api/v1/drafts', {
    config: { permission: 'promises.read' },
    schema: { tags, summary: 'Messages waiting for a supervisor (e.g. the apology after a broken promise)',
      querystring: z.object({ status: z.enum(['pending', 'sent', 'discarded']).optional() }).strict(), response: { 200: res.listOf(draft), ...res.errors } },
  }, async (req) => listDrafts(db, actorOf(req).accountId, req.query.status));

  r.post('/api/v1/drafts/:id/approve', {
    config: { permission: 'drafts.approve' },
    schema: { tags, summary: 'Approve (and optionally edit) a draft: it is sent to the customer (supervisor)', params: s.idParams,
      body: z.object({ body: z.string().trim().min(1).max(20_000).optional(), due_at: when.optional() }).strict().optional(), response: { 200: draft, ...res.errors } },
  }, async (req) => approveDraft(db, actorOf(req), req.params.id, req.body ?? {}));

  r.post('/api/v1/drafts/:id/discard', {
    config: { permission: 'drafts.approve' },
    schema: { tags, summary: 'Discard a draft with a reason (supervisor)', params: s.idParams,
      body: z.object({ reason: z.string().trim().min(1).max(1000) }).strict(), response: { 200: draft, ...res.errors } },
  }, async (req) => discardDraft(db, actorOf(req), req.params.id, req.body.reason));

  r.get('/api/v1/notifications', {
    config: { permission: 'profile.own' },
    schema: { tags, summary: 'My notifications: reminders, escalations, breaches, drafts to approve',
      querystring: z.object({ unread: z.enum(['true', 'false']).optional(), limit: s.limit }).strict(), response: { 200: res.listOf(notification), ...res.errors } },
  }, async (req) => listNotifications(db, actorOf(req), { unread: req.query.unread === 'true', limit: req.query.limit }));

  r.post('/api/v1/notifications/:id/read', {
    config: { permission: 'profile.own' },
    schema: { tags, summary: 'Mark a notification read', params: s.idParams, body: z.object({}).strict().optional(), response: { 200: z.object({ id: z.string(), read: z.boolean() }), ...res.errors } },
  }, async (req) => markNotificationRead(db, actorOf(req), req.params.id));

  r.get('/api/v1/settings/service', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'Time zone, business hours, reminders and what happens after a breach', response: { 200: settings, ...res.errors } },
  }, async (req) => getServiceSettings(db, actorOf(req).accountId));

  r.patch('/api/v1/settings/service', {
    config: { permission: 'service_levels.manage' },
    schema: { tags, summary: 'Change the service settings (admin); a calendar without open hours or an unknown time zone is refused', body: serviceSettingsPatch, response: { 200: settings, ...res.errors } },
  }, async (req) => updateServiceSettings(db, actorOf(req), req.body));
}
