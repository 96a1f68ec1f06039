import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Reads } from '../read-your-writes.ts';
import { getDashboard } from '../../insight/dashboard.ts';
import { getInsightSettings, insightSettingsPatch, updateInsightSettings } from '../../insight/settings.ts';
import { actorOf } from '../auth.ts';
import * as res from '../responses.ts';

const spike = z.object({ signal_id: z.string(), day: z.string(), title: z.string() });
const dashboard = z.object({
  from: z.string(), to: z.string(), time_zone: z.string(), days: z.array(z.string()).describe('YYYY-MM-DD, oldest first'),
  contacts: z.object({
    total: z.number().int(), by_day: z.array(z.number().int()),
    topics: z.array(z.object({ topic_id: z.string().nullable().describe('null: every other topic together'), label: z.string().nullable(), total: z.number().int(), counts: z.array(z.number().int()), spikes: z.array(spike) })),
    spikes: z.array(spike.extend({ topic_id: z.string().nullable() })),
  }),
  cases: z.object({
    opened: z.number().int(), repeat_contact_cases: z.number().int().describe('opened in the period, with two or more contacts'), repeat_contact_rate: z.number().nullable(),
    customers: z.number().int(), customers_with_several_cases: z.number().int(), transfers_per_case: z.number().nullable(), resolved: z.number().int(),
    first_contact_resolved: z.number().int().describe('resolved with one contact: the customer did not have to come back'),
    first_contact_resolution_rate: z.number().nullable().describe('first_contact_resolved / resolved'),
    contacts_per_resolved_case: z.number().nullable().describe('customer contacts per resolved case'),
    backlog: z.number().int().describe('open now'),
  }),
  channels: z.array(z.object({ channel: z.string(), cases: z.number().int(), share: z.number().nullable() })).describe('channel mix: cases opened in the period per channel the customer first used'),
  sla: z.object({ policies: z.number().int(), cases_breached: z.number().int(), met_rate: z.number().nullable(), first_response_median_minutes: z.number().nullable().describe('wall-clock minutes to the first human reply') }),
  promises: z.object({ due: z.number().int(), kept_on_time: z.number().int(), broken: z.number().int(), open: z.number().int(), kept_rate: z.number().nullable() }),
  cost: z.object({ hourly_cost_cents: z.number().int(), handled_hours: z.number().describe('time agents spent on cases, from the workspace'), cost_per_contact_cents: z.number().int().nullable() }),
  refunds: z.object({
    requested: z.number().int(), paid: z.number().int(), paid_cents: z.number().int(),
    median_hours_to_paid: z.number().nullable(), max_hours_to_paid: z.number().nullable(),
    waiting: z.number().int(), oldest_waiting_hours: z.number().nullable(),
    median_hours_charge_to_paid: z.number().nullable().describe('refunds paid in the period that name their charge: median hours from the charge to paid'),
    median_hours_complaint_to_paid: z.number().nullable().describe("refunds paid in the period on a case the customer wrote in: median hours from their first message to paid"),
    by_month: z.array(z.object({
      month: z.string().describe('YYYY-MM in the account time zone'), paid: z.number().int(), median_hours_to_paid: z.number().nullable(),
      median_hours_charge_to_paid: z.number().nullable(), median_hours_complaint_to_paid: z.number().nullable(),
    })).describe('the twelve months up to the end of the period, months with refunds paid only'),
  }),
});

export function insightRoutes(app: FastifyInstance, db: Db, reads: Reads) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['insight'];
  r.get('/api/v1/insight/dashboard', {
    config: { permission: 'insight.read' },
    schema: {
      tags,
      summary: 'The dashboard: contacts per topic per day with spikes, repeat contacts, first-contact resolution, channel mix, SLA and promise-kept rates, cost per contact',
      querystring: z.object({ days: z.coerce.number().int().min(1).max(366).default(14).describe('the last N days, today included, in the account time zone') }).strict(),
      response: { 200: dashboard, ...res.errors },
    },
  }, async (req) => getDashboard(reads(req), actorOf(req).accountId, { days: req.query.days }));

  const settings = z.object({ hourly_cost_cents: z.number().int().describe('what an agent hour costs, for cost per contact (default 3000 = €30)') });
  r.get('/api/v1/settings/insight', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'The hourly cost behind cost per contact', response: { 200: settings, ...res.errors } },
  }, async (req) => getInsightSettings(db, actorOf(req).accountId));
  r.patch('/api/v1/settings/insight', {
    config: { permission: 'insight.settings' },
    schema: { tags, summary: 'Set the hourly cost (admin); null goes back to €30', body: insightSettingsPatch, response: { 200: settings, ...res.errors } },
  }, async (req) => updateInsightSettings(db, actorOf(req), req.body));
}
