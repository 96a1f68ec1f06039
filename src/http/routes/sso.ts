import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import { FLOW_MINUTES, finishSso, startSso } from '../../accounts/sso/flow.ts';
import { secretsKey } from '../../accounts/sso/secret-box.ts';
import { listSsoButtons, setSso, showSso, turnSsoOff } from '../../accounts/sso/settings.ts';
import { actorOf, SESSION_COOKIE } from '../auth.ts';
import { ROOT_CSP } from '../security-headers.ts';
import * as s from '../schemas.ts';
import * as res from '../responses.ts';

export const SSO_COOKIE = 'luister_sso';

const view = z.object({
  enabled: z.boolean(),
  label: z.string().nullable().describe('the button reads "Sign in with <label>"'),
  discovery_url: z.string().nullable(),
  client_id: z.string().nullable(),
  client_secret_set: z.boolean().describe('the secret itself is never shown'),
  auto_create_role: s.role.nullable().describe('role of an agent created on first sign-in; null: nobody is created'),
  password_sign_in: z.boolean().describe('false: agents of this account sign in only through the identity provider'),
  updated_at: res.time.nullable(),
  redirect_uri: z.string().describe('register this at the identity provider'),
}).describe('Single sign-on (OpenID Connect)');

const base = (req: FastifyRequest, config: Config) => (config.PUBLIC_URL ? config.PUBLIC_URL.replace(/\/+$/, '') : `${req.protocol}://${req.host}`);
const redirectUri = (req: FastifyRequest, config: Config, accountId: string) => `${base(req, config)}/sso/${accountId}/callback`;
const secure = (req: FastifyRequest, config: Config) => (config.COOKIE_SECURE === 'auto' ? req.protocol === 'https' : config.COOKIE_SECURE === 'true');

const escapeHtml = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The page a refused sign-in ends on: what went wrong, and the way back. No session is made. */
function errorPage(reply: FastifyReply, err: unknown) {
  const e = err instanceof AppError ? err : new AppError('sso_failed', 'Single sign-on failed', 500);
  if (!(err instanceof AppError)) reply.log.error({ err }, 'single sign-on failed');
  return reply
    .code(e.status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', ROOT_CSP)
    .header('cache-control', 'no-store')
    .send(
      '<!doctype html><html lang="nl"><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Aanmelden mislukt · Sign-in failed</title>' +
        '<body style="font:16px system-ui;margin:3rem;max-width:40rem"><main><h1>Aanmelden is niet gelukt · Sign-in failed</h1>' +
        `<p id="sso-error" data-code="${escapeHtml(e.code)}">${escapeHtml(e.message)}</p>` +
        '<p><a href="/app/">Opnieuw aanmelden · Sign in again</a></p></main></body></html>',
    );
}

/** Single sign-on: the settings (admin), the sign-in page's buttons, and the browser's way through the provider. */
export function ssoRoutes(app: FastifyInstance, db: Db, config: Config) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const key = () => secretsKey(config);
  const tags = ['auth'];

  r.get('/api/v1/auth/sso', {
    config: { permission: 'public' },
    schema: {
      tags,
      summary: 'The "Sign in with …" buttons of the sign-in page: accounts with single sign-on',
      response: { 200: res.listOf(z.object({ account_id: s.id, account_name: z.string(), label: z.string(), start_url: z.string() })), ...res.errors },
    },
  }, async () => ({ data: (await listSsoButtons(db)).map((b) => ({ ...b, start_url: `/sso/${b.account_id}/start` })) }));

  r.get('/api/v1/sso', {
    config: { permission: 'sso.manage' },
    schema: { tags, summary: 'Single sign-on settings (admin, sso.manage); never the client secret', response: { 200: view, ...res.errors } },
  }, async (req) => ({ ...(await showSso(db, actorOf(req))), redirect_uri: redirectUri(req, config, actorOf(req).accountId) }));

  r.put('/api/v1/sso', {
    config: { permission: 'sso.manage' },
    schema: {
      tags,
      summary: 'Set up or change single sign-on with OpenID Connect (admin, sso.manage)',
      description: 'Leave out client_secret to keep the one stored. The secret is stored encrypted and never returned.',
      body: z.object({
        label: z.string().trim().min(1).max(100),
        discovery_url: z.string().trim().min(1).max(2000).describe('the issuer, or its /.well-known/openid-configuration'),
        client_id: z.string().trim().min(1).max(500),
        client_secret: z.string().min(1).max(2000).optional(),
        auto_create_role: s.role.nullable().default(null),
        password_sign_in: z.boolean().default(true),
      }).strict(),
      response: { 200: view, ...res.errors },
    },
  }, async (req) => ({ ...(await setSso(db, actorOf(req), key(), req.body)), redirect_uri: redirectUri(req, config, actorOf(req).accountId) }));

  r.delete('/api/v1/sso', {
    config: { permission: 'sso.manage' },
    schema: { tags, summary: 'Switch single sign-on off; password sign-in is on again (admin, sso.manage)', response: { 200: view, ...res.errors } },
  }, async (req) => ({ ...(await turnSsoOff(db, actorOf(req))), redirect_uri: redirectUri(req, config, actorOf(req).accountId) }));

  const pageRoute = { config: { permission: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { hide: true, params: z.object({ account: z.string().max(100) }) } } as const;

  r.get('/sso/:account/start', pageRoute, async (req, reply) => {
    try {
      const accountId = req.params.account;
      const flow = await startSso(db, key(), accountId, redirectUri(req, config, accountId));
      reply.setCookie(SSO_COOKIE, flow.cookie, { httpOnly: true, sameSite: 'lax', secure: secure(req, config), path: `/sso/${accountId}/`, maxAge: FLOW_MINUTES * 60 });
      return reply.header('cache-control', 'no-store').redirect(flow.location, 302);
    } catch (err) {
      return errorPage(reply, err);
    }
  });

  // the callback's URL carries the authorization code: its request lines are not logged (info level)
  r.get('/sso/:account/callback', { ...pageRoute, logLevel: 'warn' }, async (req, reply) => {
    const accountId = req.params.account;
    reply.clearCookie(SSO_COOKIE, { path: `/sso/${accountId}/` });
    try {
      const { cookie, expiresAt } = await finishSso(db, key(), {
        accountId,
        callbackUrl: new URL(req.url, 'http://callback.invalid'),
        cookie: req.cookies[SSO_COOKIE],
        ttlHours: config.SESSION_TTL_HOURS,
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, cookie, { httpOnly: true, sameSite: 'lax', secure: secure(req, config), path: '/', expires: expiresAt });
      return reply.header('cache-control', 'no-store').redirect('/app/', 302);
    } catch (err) {
      return errorPage(reply, err);
    }
  });
}
