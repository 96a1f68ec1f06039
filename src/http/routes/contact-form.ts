import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import { type Door, findDoor } from '../../intake/doors/channel-settings.ts';
import { issueFormToken } from '../../intake/form/form-token.ts';
import { submitForm } from '../../intake/form/submit-form.ts';
import { getServiceSettings } from '../../promises/settings.ts';
import { callbackRoutes } from './callback.ts';
import { callbackPath } from '../public/callback-pages.ts';
import { pickLanguage } from '../public/help-centre-pages.ts';
import { contactNotFoundPage, formPage, type Lang, refusedPage, thanksPage, throttledPage } from '../public/contact-form-pages.ts';

const FORM_BODY_LIMIT = 64 * 1024;
const query = z.object({ lang: z.string().optional() });
const params = z.object({ slug: z.string() });

/**
 * The public contact form at /contact/<slug>: GET shows it, POST (a plain HTML form post) takes it.
 * No sign-in, no script. Framable only by the account's allowed origins.
 */
export function contactFormRoutes(app: FastifyInstance, db: Db, config: Config) {
  // a scope of its own: only these routes read application/x-www-form-urlencoded
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT }, (_req, body, done) => {
      const out: Record<string, string> = Object.create(null);
      for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
      done(null, out);
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const hidden = { config: { permission: 'public' }, schema: { hide: true, querystring: query, params } } as const;

    r.get('/contact/:slug', hidden, async (req, reply) => {
      const lang = pickLanguage(req.query.lang, req.headers['accept-language']);
      const door = await findDoor(db, req.params.slug);
      if (!door || !door.form_enabled) return send(reply, 404, contactNotFoundPage(lang), null);
      const token = issueFormToken(door.form_secret, door.account_id);
      const callbackHref = door.callback_enabled ? callbackPath(door.slug, lang) : undefined;
      return send(reply, 200, formPage({ slug: door.slug, name: door.account_name, lang, fields: door.fields, token, callbackHref }), door);
    });

    r.post('/contact/:slug', { ...hidden, schema: { ...hidden.schema, body: z.record(z.string(), z.string().max(20_000)) } }, async (req, reply) => {
      const body = req.body;
      const lang: Lang = body.lang === 'en' || body.lang === 'nl' ? body.lang : pickLanguage(req.query.lang, req.headers['accept-language']);
      const door = await findDoor(db, req.params.slug);
      if (!door || !door.form_enabled) return send(reply, 404, contactNotFoundPage(lang), null);
      const base = { slug: door.slug, name: door.account_name, lang };
      const outcome = await submitForm(db, door, { ip: req.ip, body, language: lang, config });
      switch (outcome.kind) {
        case 'stored': {
          const { time_zone } = await getServiceSettings(db, door.account_id);
          return send(reply, 200, thanksPage({ ...base, ref: outcome.caseRef, answerBy: outcome.answerBy, timeZone: time_zone }), door);
        }
        case 'fix': {
          const token = issueFormToken(door.form_secret, door.account_id);
          return send(reply, 422, formPage({ ...base, fields: door.fields, token, values: outcome.values, problems: outcome.problems }), door);
        }
        case 'throttled':
          reply.header('retry-after', String(outcome.retryAfterSeconds));
          return send(reply, 429, throttledPage({ ...base, retryAfterSeconds: outcome.retryAfterSeconds }), door);
        case 'refused':
          req.log.info({ reason: outcome.reason, account: door.account_id }, 'contact form submission refused');
          return send(reply, 400, refusedPage(base), door);
      }
    });

    callbackRoutes(scope, db, send);
  });
}

export function send(reply: FastifyReply, status: number, html: string, door: Door | null) {
  const ancestors = door?.allowed_origins.length ? `'self' ${door.allowed_origins.join(' ')}` : "'none'";
  if (door?.allowed_origins.length) reply.removeHeader('x-frame-options');
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', `default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors ${ancestors}`)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'same-origin')
    .header('vary', 'Accept-Language')
    .send(html);
}
