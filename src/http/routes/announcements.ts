import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { audienceSchema, previewAudience } from '../../announcements/audience.ts';
import { cancelAnnouncement } from '../../announcements/cancel-announcement.ts';
import { listAnnouncementFeedback } from '../../announcements/announcement-feedback.ts';
import { getAnnouncement, listAnnouncements } from '../../announcements/list-announcements.ts';
import { ANNOUNCEMENT_KINDS, type AnnouncementKind, checkNotice } from '../../announcements/notice.ts';
import { scheduleAnnouncement } from '../../announcements/schedule-announcement.ts';
import { announcementSettingsPatch, contactRoute, getAnnouncementSettings, noticeRuleOf, updateAnnouncementSettings } from '../../announcements/settings.ts';
import { contentSchema, loadAnnouncement } from '../../announcements/store.ts';
import { setCustomerTags } from '../../customers/set-customer-tags.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';
import { incidentRoutes } from './incidents.ts';
import { statusComponentRoutes } from './status-components.ts';

const kind = z.enum(ANNOUNCEMENT_KINDS as [AnnouncementKind, ...AnnouncementKind[]]);
const when = z.iso.datetime({ offset: true }).transform((v) => new Date(v)).describe('ISO 8601 with offset, e.g. 2026-12-15T00:00:00+01:00');
const purpose = z.enum(['service', 'marketing']);
const counts = z.object({ total: z.number(), vulnerable: z.number(), skipped: z.number(), skipped_by_reason: z.record(z.string(), z.number()) });
const verdict = z.object({ ok: z.boolean(), required_days: z.number(), given_days: z.number(), earliest_effective_date: z.string(), earliest_effective_at: res.time });
const announcement = z.object({
  id: z.string(), kind, purpose, content: contentSchema, effective_at: res.time, ends_at: res.time.nullable(), send_at: res.time,
  audience: z.unknown(), channels: z.array(z.string()), contact_route: z.string(), status: z.enum(['scheduled', 'sending', 'sent', 'cancelled']),
  notice_days: z.number(), override_reason: z.string().nullable().describe('why an admin scheduled it with less than the minimum notice'),
  override_by: z.string().nullable(), problem_id: z.string().nullable(), show_on_status_page: z.boolean(), created_by: z.string().nullable(),
  created_at: res.time, updated_at: res.time,
}).describe('Announcement');
const delivery = z.object({ queued: z.number(), sending: z.number(), sent: z.number(), bounced: z.number(), replied: z.number(), skipped: z.number(), total: z.number(), vulnerable: z.number() });
const settings = z.object({
  notice_days: z.record(z.string(), z.number()), vulnerable_extra_days: z.number(), send_per_minute: z.number(),
  status_slug: z.string().nullable(), status_name: z.string().nullable(), contact_route: z.string().nullable(), time_zone: z.string(),
});
const toVerdict = (v: ReturnType<typeof checkNotice>) => ({ ok: v.ok, required_days: v.requiredDays, given_days: v.givenDays, earliest_effective_date: v.earliestDate, earliest_effective_at: v.earliestAt });

/** Announcements (C4): the notice check, audiences, scheduling and delivery; incidents in incidents.ts. */
export function announcementRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['announcements'];

  r.get('/api/v1/announcements', {
    config: { permission: 'announcements.read' },
    schema: { tags, summary: 'Announcements, latest effective date first, each with its send progress (recipients per state)',
      querystring: z.object({ limit: s.limit, cursor: s.cursor, status: z.enum(['scheduled', 'sending', 'sent', 'cancelled']).optional() }).strict(),
      response: { 200: res.pageOf(announcement.extend({ delivery, override_by_name: z.string().nullable() })), ...res.errors } },
  }, async (req) => listAnnouncements(db, actorOf(req).accountId, req.query));

  r.post('/api/v1/announcements/check', {
    config: { permission: 'announcements.read' },
    schema: { tags, summary: 'The notice check as you type: the minimum notice and the earliest allowed effective date, with and without vulnerable customers; with an audience, its counts',
      body: z.object({ kind, effective_at: when, send_at: when.optional(), audience: audienceSchema.optional(), purpose: purpose.optional() }).strict(),
      response: { 200: z.object({ regular: verdict, with_vulnerable: verdict, applies: z.enum(['regular', 'with_vulnerable']), audience: counts.nullable() }), ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    const rule = noticeRuleOf(await getAnnouncementSettings(db, actor.accountId));
    const input = { kind: req.body.kind, sendAt: req.body.send_at ?? new Date(), effectiveAt: req.body.effective_at };
    const audience = req.body.audience ? (await previewAudience(db, actor.accountId, req.body.audience, req.body.purpose ?? 'service')).counts : null;
    return {
      regular: toVerdict(checkNotice(rule, { ...input, anyVulnerable: false })),
      with_vulnerable: toVerdict(checkNotice(rule, { ...input, anyVulnerable: true })),
      applies: audience && audience.vulnerable > 0 ? 'with_vulnerable' as const : 'regular' as const,
      audience,
    };
  });

  r.post('/api/v1/announcements', {
    config: { permission: 'announcements.schedule' },
    schema: { tags, summary: 'Schedule an announcement (refused with the earliest allowed effective date when the notice is too short; an admin may override with a written reason)',
      body: z.object({
        kind, purpose: purpose.default('service'), content: contentSchema, effective_at: when, ends_at: when.optional(), send_at: when.optional(),
        audience: audienceSchema, contact_route: contactRoute.optional(), problem_id: s.id.optional(), show_on_status_page: z.boolean().optional(),
        override_reason: z.string().trim().min(1).max(2000).optional(),
      }).strict(),
      response: { 201: announcement, ...res.errors } },
  }, async (req, reply) => {
    const b = req.body;
    const row = await scheduleAnnouncement(db, actorOf(req), {
      kind: b.kind, purpose: b.purpose, content: b.content, effectiveAt: b.effective_at, endsAt: b.ends_at, sendAt: b.send_at, audience: b.audience,
      contactRoute: b.contact_route, problemId: b.problem_id, showOnStatusPage: b.show_on_status_page, overrideReason: b.override_reason,
    });
    return reply.code(201).send(row);
  });

  r.get('/api/v1/announcements/:id', {
    config: { permission: 'announcements.read' },
    schema: { tags, summary: 'An announcement with its delivery per state', params: s.idParams,
      response: { 200: announcement.extend({ delivery, override_by_name: z.string().nullable() }), ...res.errors } },
  }, async (req) => getAnnouncement(db, actorOf(req).accountId, req.params.id));

  r.get('/api/v1/announcements/:id/feedback', {
    config: { permission: 'announcements.read' },
    schema: { tags, summary: 'What came back: replies (each became a case linked to the announcement) and bounces, newest first (up to 1,000)', params: s.idParams,
      response: { 200: res.listOf(z.object({ customer_id: z.string(), email: z.string(), state: z.enum(['replied', 'bounced']), case_id: z.string().nullable(),
        case_ref: z.string().nullable(), at: res.time.nullable(), error: z.string().nullable().describe('the bounce reason') })), ...res.errors } },
  }, async (req) => {
    const { accountId } = actorOf(req);
    await loadAnnouncement(db, accountId, req.params.id);
    return { data: await listAnnouncementFeedback(db, accountId, req.params.id) };
  });

  r.post('/api/v1/announcements/:id/cancel', {
    config: { permission: 'announcements.schedule' },
    schema: { tags, summary: 'Stop an announcement: whoever has not had it, will not get it', params: s.idParams,
      body: z.object({ reason: z.string().trim().min(1).max(1000) }).strict(), response: { 200: announcement, ...res.errors } },
  }, async (req) => cancelAnnouncement(db, actorOf(req), req.params.id, req.body.reason));

  r.get('/api/v1/settings/announcements', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'Minimum notice per kind, extra days for vulnerable customers, send rate, status page', response: { 200: settings, ...res.errors } },
  }, async (req) => getAnnouncementSettings(db, actorOf(req).accountId));

  r.patch('/api/v1/settings/announcements', {
    config: { permission: 'announcements.settings' },
    schema: { tags, summary: 'Change the notice rules and the status page (admin)', body: announcementSettingsPatch, response: { 200: settings, ...res.errors } },
  }, async (req) => updateAnnouncementSettings(db, actorOf(req), req.body));

  r.put('/api/v1/customers/:id/tags', {
    config: { permission: 'customers.write' },
    schema: { tags: ['customers'], summary: "Replace a customer's tags and products (e.g. product:glasvezel), which announcements can target", params: s.idParams,
      body: z.object({ tags: z.array(z.string().regex(/^[a-z0-9][a-z0-9:_-]{0,63}$/)).max(100) }).strict(), response: { 200: z.object({ tags: z.array(z.string()) }), ...res.errors } },
  }, async (req) => ({ tags: await setCustomerTags(db, actorOf(req), req.params.id, req.body.tags) }));

  incidentRoutes(app, db);
  statusComponentRoutes(app, db);
}
