import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { clearCallbackHours, listRota, setCallbackHours } from '../../intake/callback/rota-store.ts';
import { actorOf } from '../auth.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

const interval = z.object({ start: z.string(), end: z.string() });
const absence = z.object({ start: z.string(), end: z.string(), reason: z.string().optional() });
const hoursIn = z.object({
  weekly: z.record(z.string(), z.array(interval).max(10)).describe('weekday (0 = Sunday … 6 = Saturday) → intervals HH:MM–HH:MM in the desk\'s time zone; days left out take no callbacks'),
  absences: z.array(absence).max(100).describe('whole days away, YYYY-MM-DD, both days included'),
  hours_text: z.string().max(1000).describe('instead of weekly: "ma-vr 09:00-12:00, wo 13:00-17:00" (Dutch or English day names)'),
  absences_text: z.string().max(5000).describe('instead of absences: "2027-01-11, 2027-07-19..2027-08-06"'),
}).partial().strict();
const lang = z.object({ lang: z.enum(['nl', 'en']).default('nl').describe('the language of hours_text') });
const hoursOut = z.object({ weekly: z.record(z.string(), z.array(interval)), absences: z.array(absence), updated_at: res.time, hours_text: z.string(), absences_text: z.string() });
const line = z.object({ agent_id: z.string(), name: z.string(), email: z.string(), hours: hoursOut.nullable() })
  .describe('An active agent and their callback hours (null: none; once anyone has hours, agents without take no callbacks)');

/** The callback rota: when each agent takes callbacks, which decides the slots customers can book. */
export function callbackRotaRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['channels'];
  r.get('/api/v1/callback-rota', {
    config: { permission: 'agents.read' },
    schema: { tags, summary: 'Every active agent with their callback hours and absences', querystring: lang, response: { 200: res.listOf(line), ...res.errors } },
  }, async (req) => ({ data: await listRota(db, actorOf(req).accountId, req.query.lang) }));
  r.put('/api/v1/agents/:id/callback-hours', {
    config: { permission: 'profile.own' },
    schema: { tags, summary: "Set an agent's callback hours and absences (their own; anyone's with routing.manage); checked whole", params: s.idParams, body: hoursIn,
      querystring: lang, response: { 200: line, ...res.errors } },
  }, async (req) => setCallbackHours(db, actorOf(req), req.params.id, req.body, req.query.lang));
  r.delete('/api/v1/agents/:id/callback-hours', {
    config: { permission: 'profile.own' },
    schema: { tags, summary: "Take an agent off the callback rota (their own; anyone's with routing.manage)", params: s.idParams,
      response: { 200: z.object({ agent_id: z.string(), deleted: z.boolean() }), ...res.errors } },
  }, async (req) => clearCallbackHours(db, actorOf(req), req.params.id));
}
