import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import type { Reads } from '../read-your-writes.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { getDashboard } from '../../insight/dashboard.ts';
import { DASHBOARD_TABLES, SURVEY_TABLES, dashboardTable, surveyTable } from '../../insight/dashboard-tables.ts';
import { answerSurvey, surveyState } from '../../rights/answer-survey.ts';
import { toCsv } from '../../rights/csv.ts';
import { exportCasesCsv } from '../../rights/export-cases-csv.ts';
import { queueNpsSample } from '../../rights/queue-survey.ts';
import { getSurveyFigures } from '../../rights/survey-figures.ts';
import { getSurveySettings, surveySettingsPatch, updateSurveySettings } from '../../rights/survey-settings.ts';
import { AppError } from '../../shared/errors.ts';
import { surveyClosedPage, surveyFormPage, surveyInvalidPage, surveyThanksPage } from '../public/survey-pages.ts';
import { rightsPage, sendRightsPage } from '../public/rights-pages.ts';
import { actorOf } from '../auth.ts';
import * as res from '../responses.ts';

const days = z.coerce.number().int().min(1).max(366).default(30).describe('the last N days, today included, in the account time zone');
const group = z.object({ key: z.string().nullable(), label: z.string().nullable(), responses: z.number().int(), average: z.number().nullable(), satisfied_rate: z.number().nullable() });
const figures = z.object({
  from: z.string(), to: z.string(), time_zone: z.string(),
  csat: z.object({
    asked: z.number().int(), skipped_opted_out: z.number().int().describe('not asked: the customer refused surveys'), responses: z.number().int(),
    average: z.number().nullable().describe('1–5'), satisfied_rate: z.number().nullable().describe('share of 4 and 5'),
    by_agent: z.array(group), by_team: z.array(group), by_topic: z.array(group), by_channel: z.array(group),
    by_day: z.array(z.object({ day: z.string(), responses: z.number().int(), average: z.number() })),
    by_week: z.array(z.object({ week: z.string().describe('the Monday the week starts on, YYYY-MM-DD'), responses: z.number().int(), average: z.number(), satisfied_rate: z.number() })),
  }),
  nps: z.object({ asked: z.number().int(), responses: z.number().int(), score: z.number().nullable().describe('-100…100'), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int(),
    by_week: z.array(z.object({ week: z.string(), responses: z.number().int(), score: z.number().nullable() })) }),
});
const csv = (reply: import('fastify').FastifyReply, name: string, body: unknown) =>
  reply.headers({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'private, no-store' }).send(body);

export function surveyRoutes(app: FastifyInstance, db: Db, reads: Reads) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['insight'];

  r.get('/api/v1/insight/surveys', {
    config: { permission: 'insight.read' },
    schema: { tags, summary: 'CSAT (per agent, team, topic, channel, day, week) and NPS (with its weekly trend) over the last N days', querystring: z.object({ days }).strict(), response: { 200: figures, ...res.errors } },
  }, async (req) => getSurveyFigures(reads(req), actorOf(req).accountId, { days: req.query.days }));

  r.get('/api/v1/insight/export.csv', {
    config: { permission: 'insight.export' },
    schema: { tags, summary: 'Any dashboard table as CSV (supervisor): contacts, topics, channels, cases, sla, promises, cost, refunds, refund_months, csat_by_agent|team|topic|channel|day|week, nps, nps_by_week',
      querystring: z.object({ days, table: z.enum([...DASHBOARD_TABLES, ...SURVEY_TABLES]) }).strict(), response: { 200: z.any().describe('text/csv'), ...res.errors } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    requirePermission(actor, 'insight.export', 'Exporting dashboard tables');
    const { table } = req.query;
    const rdb = reads(req);
    const t = (SURVEY_TABLES as readonly string[]).includes(table)
      ? surveyTable(await getSurveyFigures(rdb, actor.accountId, { days: req.query.days }), table as (typeof SURVEY_TABLES)[number])
      : dashboardTable(await getDashboard(rdb, actor.accountId, { days: req.query.days }), table as (typeof DASHBOARD_TABLES)[number]);
    return csv(reply, `luister-${table}`, Buffer.from(toCsv(t.rows, t.columns)));
  });

  r.get('/api/v1/cases/export.csv', {
    config: { permission: 'insight.export' },
    schema: { tags, summary: 'Cases opened in [from, to) as CSV, streamed (supervisor); figures only, no subjects or names',
      querystring: z.object({ from: z.iso.date(), to: z.iso.date() }).strict(), response: { 200: z.any().describe('text/csv'), ...res.errors } },
  }, async (req, reply) => {
    const from = new Date(`${req.query.from}T00:00:00Z`);
    const to = new Date(`${req.query.to}T00:00:00Z`);
    if (!(to > from)) throw new AppError('invalid_period', '`to` must be after `from`', 400);
    return csv(reply, `luister-cases-${req.query.from}-${req.query.to}`, exportCasesCsv(reads(req), actorOf(req), { from, to }));
  });

  r.post('/api/v1/surveys/nps', {
    config: { permission: 'surveys.send' },
    schema: { tags, summary: 'Send the NPS question to a random sample of customers who accept surveys and were not asked in 90 days (supervisor)',
      body: z.object({ sample: z.number().int().min(1).max(10_000) }).strict(), response: { 200: z.object({ queued: z.number().int() }), ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, 'surveys.send', 'Sending an NPS survey');
    return { queued: await db.transaction((tx) => queueNpsSample(tx, actor.accountId, req.body.sample)) };
  });

  const settings = z.object({
    nps_every_days: z.number().int().nullable().describe('every this many days an NPS round goes out (daily sweep, 08:00 UTC); null: not scheduled'),
    nps_sample: z.number().int().describe('customers asked per round'), nps_last_sent_at: res.time.nullable(),
  });
  r.get('/api/v1/settings/surveys', { config: { permission: 'settings.read' }, schema: { tags, summary: 'The NPS schedule', response: { 200: settings, ...res.errors } } },
    async (req) => getSurveySettings(db, actorOf(req).accountId));
  r.patch('/api/v1/settings/surveys', {
    config: { permission: 'surveys.send' },
    schema: { tags, summary: 'Schedule NPS: every N days (7–366) to a sample of customers who accept surveys and were not asked in 90 days (supervisor)',
      body: surveySettingsPatch, response: { 200: settings, ...res.errors } },
  }, async (req) => updateSurveySettings(db, actorOf(req), req.body));

  // The score links in a survey mail: no sign-in. A GET only shows the page with that score
  // preselected (mail scanners and link previewers follow links); the POST from its button records
  // the answer, once, changeable for a day.
  app.register(async (pub) => {
    pub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => done(null, body));
    const p = pub.withTypeProvider<ZodTypeProvider>();
    const params = z.object({ token: z.string().max(200) }).strict();
    const invalid = (reply: import('fastify').FastifyReply, err: unknown) => {
      if (err instanceof AppError && err.status === 404) return sendRightsPage(reply, 404, surveyInvalidPage());
      throw err;
    };
    p.get('/s/:token', { config: { permission: 'public' }, schema: { hide: true, params, querystring: z.object({ score: z.coerce.number().int().min(0).max(10).optional() }).strict() } }, async (req, reply) => {
      try {
        const s = await surveyState(db, req.params.token);
        if (!s.open) return sendRightsPage(reply, 200, surveyClosedPage(s.score));
        return sendRightsPage(reply, 200, surveyFormPage(req.params.token, s, req.query.score ?? null));
      } catch (err) {
        return invalid(reply, err);
      }
    });
    p.post('/s/:token', { config: { permission: 'public' }, schema: { hide: true, params } }, async (req, reply) => {
      const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
      const raw = form.get('score');
      const score = raw !== null && /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
      try {
        const a = await answerSurvey(db, req.params.token, { score, comment: form.get('comment') ?? '' });
        return sendRightsPage(reply, 200, surveyThanksPage(a.score, a.changed));
      } catch (err) {
        if (err instanceof AppError && err.code === 'survey_closed') return sendRightsPage(reply, 409, surveyClosedPage(null));
        if (err instanceof AppError && err.code === 'invalid_score') {
          return sendRightsPage(reply, 400, rightsPage('Kies een score', '<h1>Kies eerst een score.</h1><p lang="en">Please choose a score first.</p>'));
        }
        return invalid(reply, err);
      }
    });
  });
}
