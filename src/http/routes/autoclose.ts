import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../storage/db.ts';
import { autoCloseSettingsPatch, autoCloseSettingsSchema, getAutoCloseSettings, updateAutoCloseSettings } from '../../autoclose/autoclose-settings.ts';
import { actorOf } from '../auth.ts';
import * as res from '../responses.ts';

/** Auto-close of cases pending with the customer (src/autoclose/): the account's setting. */
export function autoCloseRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['cases'];
  r.get('/api/v1/settings/autoclose', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'Auto-close: whether cases pending with the customer get a reminder and are then solved, and after how many days', response: { 200: autoCloseSettingsSchema, ...res.errors } },
  }, async (req) => getAutoCloseSettings(db, actorOf(req).accountId));
  r.patch('/api/v1/settings/autoclose', {
    config: { permission: 'cases.close_others' },
    schema: { tags, summary: 'Set auto-close: on/off, days to the reminder (1–90) and to the close (2–180, after the reminder) (supervisor)',
      body: autoCloseSettingsPatch, response: { 200: autoCloseSettingsSchema, ...res.errors } },
  }, async (req) => updateAutoCloseSettings(db, actorOf(req), req.body));
}
