import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { requirePermission } from '../../accounts/permissions.ts';
import { getDashboard } from '../../insight/dashboard.ts';
import { DASHBOARD_TABLES, SURVEY_TABLES, dashboardTable, surveyTable } from '../../insight/dashboard-tables.ts';
import { answerSurvey, commentOnSurvey } from '../../rights/answer-survey.ts';
import { toCsv } from '../../rights/csv.ts';
import { exportCasesCsv } from '../../rights/export-cases-csv.ts';
import { queueNpsSample } from '../../rights/queue-survey.ts';
import { getSurveyFigures } from '../../rights/survey-figures.ts';
import { AppError } from '../../shared/errors.ts';
import { escapeHtml } from '../public/html.ts';
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
  }),
  nps: z.object({ asked: z.number().int(), responses: z.number().int(), score: z.number().nullable().describe('-100…100'), promoters: z.number().int(), passives: z.number().int(), detractors: z.number().int() }),
});
const csv = (reply: import('fastify').FastifyReply, name: string, body: unknown) =>
  reply.headers({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"`, 'cache-control': 'private, no-store' }).send(body);

export function surveyRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['insight'];

  r.get('/api/v1/insight/surveys', {
    schema: { tags, summary: 'CSAT (per agent, team, topic, channel, day) and NPS over the last N days', querystring: z.object({ days }).strict(), response: { 200: figures, ...res.errors } },
  }, async (req) => getSurveyFigures(db, actorOf(req).accountId, { days: req.query.days }));

  r.get('/api/v1/insight/export.csv', {
    schema: { tags, summary: 'Any dashboard table as CSV (supervisor): contacts, topics, cases, sla, promises, cost, csat_by_agent|team|topic|channel|day, nps',
      querystring: z.object({ days, table: z.enum([...DASHBOARD_TABLES, ...SURVEY_TABLES]) }).strict(), response: { 200: z.any().describe('text/csv'), ...res.errors } },
  }, async (req, reply) => {
    const actor = actorOf(req);
    requirePermission(actor, 'insight.export', 'Exporting dashboard tables');
    const { table } = req.query;
    const t = (SURVEY_TABLES as readonly string[]).includes(table)
      ? surveyTable(await getSurveyFigures(db, actor.accountId, { days: req.query.days }), table as (typeof SURVEY_TABLES)[number])
      : dashboardTable(await getDashboard(db, actor.accountId, { days: req.query.days }), table as (typeof DASHBOARD_TABLES)[number]);
    return csv(reply, `luister-${table}`, Buffer.from(toCsv(t.rows, t.columns)));
  });

  r.get('/api/v1/cases/export.csv', {
    schema: { tags, summary: 'Cases opened in [from, to) as CSV, streamed (supervisor); figures only, no subjects or names',
      querystring: z.object({ from: z.iso.date(), to: z.iso.date() }).strict(), response: { 200: z.any().describe('text/csv'), ...res.errors } },
  }, async (req, reply) => {
    const from = new Date(`${req.query.from}T00:00:00Z`);
    const to = new Date(`${req.query.to}T00:00:00Z`);
    if (!(to > from)) throw new AppError('invalid_period', '`to` must be after `from`', 400);
    return csv(reply, `luister-cases-${req.query.from}-${req.query.to}`, exportCasesCsv(db, actorOf(req), { from, to }));
  });

  r.post('/api/v1/surveys/nps', {
    schema: { tags, summary: 'Send the NPS question to a random sample of customers who accept surveys and were not asked in 90 days (supervisor)',
      body: z.object({ sample: z.number().int().min(1).max(10_000) }).strict(), response: { 200: z.object({ queued: z.number().int() }), ...res.errors } },
  }, async (req) => {
    const actor = actorOf(req);
    requirePermission(actor, 'surveys.send', 'Sending an NPS survey');
    return { queued: await db.transaction((tx) => queueNpsSample(tx, actor.accountId, req.body.sample)) };
  });

  // The links in a survey mail: no sign-in; one click on a score records it (once), then an optional comment.
  app.register(async (pub) => {
    pub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16_384 }, (_req, body, done) => done(null, body));
    const p = pub.withTypeProvider<ZodTypeProvider>();
    const params = z.object({ token: z.string().max(200) }).strict();
    p.get('/s/:token', { config: { auth: false }, schema: { hide: true, params, querystring: z.object({ score: z.coerce.number().int().min(0).max(10) }).strict() } }, async (req, reply) => {
      try {
        const a = await answerSurvey(db, req.params.token, req.query.score);
        const thanks = a.already ? '<h1>U had deze vraag al beantwoord. Dank u!</h1><p lang="en">You already answered. Thank you!</p>'
          : `<h1>Dank u voor uw antwoord (${a.score}).</h1><p lang="en">Thank you for your answer.</p>`;
        return sendRightsPage(reply, 200, rightsPage('Dank u', thanks + (a.already ? '' :
          `<form method="post" action="/s/${escapeHtml(req.params.token)}/comment"><label for="c">Wilt u er iets over kwijt? (niet verplicht) · Anything to add? (optional)</label><br>` +
          `<textarea id="c" name="comment" rows="5" maxlength="4000" style="width:100%;font:inherit"></textarea><br><button type="submit" style="font:inherit;padding:.5rem 1rem">Versturen · Send</button></form>`)));
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return sendRightsPage(reply, err.status, rightsPage('Link ongeldig', '<h1>Deze link is niet (meer) geldig.</h1><p lang="en">This link is not valid.</p>'));
        throw err;
      }
    });
    p.post('/s/:token/comment', { config: { auth: false }, schema: { hide: true, params } }, async (req, reply) => {
      const comment = new URLSearchParams(typeof req.body === 'string' ? req.body : '').get('comment') ?? '';
      try {
        await commentOnSurvey(db, req.params.token, comment);
        return sendRightsPage(reply, 200, rightsPage('Dank u', '<h1>Dank u, uw opmerking is ontvangen.</h1><p lang="en">Thank you, your comment was received.</p>'));
      } catch (err) {
        if (err instanceof AppError && err.status < 500) return sendRightsPage(reply, err.status, rightsPage('Niet gelukt', '<h1>Dit kan niet (meer).</h1><p lang="en">This is not possible (any more).</p>'));
        throw err;
      }
    });
  });
}
