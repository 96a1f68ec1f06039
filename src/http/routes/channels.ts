import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { channelSettingsPatch, getChannelSettings, setChannelSettings } from '../../intake/doors/channel-settings.ts';
import { actorOf } from '../auth.ts';
import * as res from '../responses.ts';

const label = z.object({ nl: z.string(), en: z.string() });
const settings = z.object({
  account_id: z.string(),
  slug: z.string().describe('public address: /contact/<slug>'),
  form_enabled: z.boolean(),
  form_fields: z.array(z.object({ key: z.string(), label: label.optional(), required: z.boolean().optional(), max: z.number().int().optional(), multiline: z.boolean().optional() })),
  allowed_origins: z.array(z.string()).describe('websites that may frame the form and load the widget'),
  min_fill_seconds: z.number().int(),
  submissions_per_hour: z.number().int().describe('per client address'),
  callback_enabled: z.boolean(),
  callback_slot_minutes: z.number().int(),
  callback_capacity: z.number().int().describe('callbacks one slot takes'),
  callback_days_ahead: z.number().int(),
  chat_enabled: z.boolean(),
  chat_bot_enabled: z.boolean().describe('the chat widget answers questions with up to 3 public help-centre articles, marked as automatic, until the visitor asks for a person (default off)'),
}).describe('Public doors: contact form, callback booking, chat widget');

/** Settings of the account's public doors (contact form, callbacks, chat). */
export function channelRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['channels'];
  r.get('/api/v1/channels', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'The public doors: contact form, callback booking and chat settings (null until set up)', response: { 200: z.object({ settings: settings.nullable() }), ...res.errors } },
  }, async (req) => ({ settings: await getChannelSettings(db, actorOf(req).accountId) }));
  r.put('/api/v1/channels', {
    config: { permission: 'channels.manage' },
    schema: {
      tags,
      summary: 'Set up or change the public doors (admin, channels.manage). The first call needs a slug.',
      body: channelSettingsPatch,
      response: { 200: settings, ...res.errors },
    },
  }, async (req) => setChannelSettings(db, actorOf(req), req.body));
}
