import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import { getPortalSettings, portalSettingsPatch, setPortalSettings } from '../../portal/settings.ts';
import { actorOf } from '../auth.ts';
import * as res from '../responses.ts';

const settings = z
  .object({
    enabled: z.boolean().describe('customers may sign in at /portal/<slug> with a link mailed to an address Luister knows for them'),
    link_minutes: z.number().int().describe('how long a sign-in link works (it works once)'),
    idle_minutes: z.number().int().describe('a signed-in customer is signed out after this long without a request'),
    path: z.string().nullable().describe('where the portal is, while it is on'),
    url: z.string().nullable().describe('the full address customers use (PUBLIC_URL and path), while it is on and PUBLIC_URL is set'),
    public_url_set: z.boolean().describe('PUBLIC_URL is configured: sign-in links need it (they never point at the Host a request named)'),
  })
  .describe('Customer portal settings');

/** The customer portal's on/off switch and clocks (admin, like the other public doors). */
export function portalSettingsRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['channels'];
  const withUrl = <T extends { path: string | null }>(s: T) => ({
    ...s, url: config.PUBLIC_URL && s.path ? `${config.PUBLIC_URL.replace(/\/+$/, '')}${s.path}` : null, public_url_set: Boolean(config.PUBLIC_URL),
  });
  r.get('/api/v1/portal/settings', {
    config: { permission: 'settings.read' },
    schema: { tags, summary: 'The customer portal: on or off, how long sign-in links and idle sessions last', response: { 200: settings, ...res.errors } },
  }, async (req) => withUrl(await getPortalSettings(db, actorOf(req).accountId)));
  r.patch('/api/v1/portal/settings', {
    config: { permission: 'channels.manage' },
    schema: {
      tags,
      summary: 'Switch the customer portal on or off, or change its clocks (admin, channels.manage). On needs the public doors\' slug and an inbox; off signs everyone out.',
      body: portalSettingsPatch,
      response: { 200: settings, ...res.errors },
    },
  }, async (req) => withUrl(await setPortalSettings(db, actorOf(req), req.body)));
}
