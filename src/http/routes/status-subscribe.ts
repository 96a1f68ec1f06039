import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import { confirmSubscription, findPendingSubscriber, subscribeToStatus, unsubscribeFromStatus } from '../../announcements/subscribe-to-status.ts';
import { pickLanguage } from '../public/help-centre-pages.ts';
import { subscribePageHtml, type SubscribePage } from '../public/status-subscribe-pages.ts';
import type { Lang } from '../public/status-page.ts';

/**
 * Subscribing to a status page, without signing in: the page's form POSTs an address (and
 * components); the confirmation link's GET only shows a button, its POST confirms; the unsubscribe
 * link the same, and its POST is also RFC 8058's one-click (`List-Unsubscribe=One-Click`).
 */
export function statusSubscribeRoutes(app: FastifyInstance, db: Db) {
  app.register(async (pub) => {
    pub.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => done(null, body));
    pub.addContentTypeParser('multipart/form-data', { parseAs: 'string', bodyLimit: 8192 }, (_req, body, done) => done(null, body));
    const p = pub.withTypeProvider<ZodTypeProvider>();
    const slug = z.string().max(63);
    const token = z.string().max(100);
    const query = z.object({ lang: z.string().optional() });
    const send = (reply: FastifyReply, status: number, page: SubscribePage, lang: Lang, s: string, n?: number) =>
      reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer')
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
        .send(subscribePageHtml(page, lang, s, n));
    const langOf = (q: string | undefined, h: string | undefined) => pickLanguage(q, h) as Lang;

    p.post('/status/:slug/subscribe', { config: { permission: 'public' }, schema: { hide: true, params: z.object({ slug }) } }, async (req, reply) => {
      const form = new URLSearchParams(typeof req.body === 'string' ? req.body : '');
      const lang = langOf(form.get('lang') ?? undefined, req.headers['accept-language']);
      const components = form.getAll('component').filter((c) => /^[0-9a-f-]{36}$/i.test(c)).slice(0, 100);
      try {
        await subscribeToStatus(db, req.params.slug, { email: form.get('email') ?? '', componentIds: components, language: lang, ip: req.ip });
      } catch (err) {
        if (err instanceof AppError && err.status === 404) return send(reply, 404, 'invalid', lang, req.params.slug);
        if (err instanceof AppError && err.status === 429) {
          const d = err.details as { limit: 'client_address' | 'email_address'; retry_after_seconds: number };
          reply.header('retry-after', String(d.retry_after_seconds));
          return d.limit === 'client_address'
            ? send(reply, 429, 'too_many_ip', lang, req.params.slug, Math.ceil(d.retry_after_seconds / 60))
            : send(reply, 429, 'too_many_email', lang, req.params.slug, Math.ceil(d.retry_after_seconds / 3600));
        }
        if (err instanceof AppError && err.status < 500) return send(reply, 422, 'bad_email', lang, req.params.slug);
        throw err;
      }
      // the same answer whether or not the address was known: the page tells nobody who subscribed
      return send(reply, 202, 'check', lang, req.params.slug);
    });

    const hidden = { config: { permission: 'public' }, schema: { hide: true, params: z.object({ slug, token }), querystring: query } } as const;
    p.get('/status/:slug/confirm/:token', hidden, async (req, reply) => {
      const s = await findPendingSubscriber(db, req.params.slug, req.params.token);
      const lang = s?.language ?? langOf(req.query.lang, req.headers['accept-language']);
      return s ? send(reply, 200, 'confirm', lang, req.params.slug) : send(reply, 404, 'invalid', lang, req.params.slug);
    });
    p.post('/status/:slug/confirm/:token', hidden, async (req, reply) => {
      const s = await confirmSubscription(db, req.params.slug, req.params.token);
      const lang = s?.language ?? langOf(req.query.lang, req.headers['accept-language']);
      return s ? send(reply, 200, 'confirmed', lang, req.params.slug) : send(reply, 404, 'invalid', lang, req.params.slug);
    });
    p.get('/status/:slug/unsubscribe/:token', hidden, async (req, reply) => send(reply, 200, 'leave', langOf(req.query.lang, req.headers['accept-language']), req.params.slug));
    p.post('/status/:slug/unsubscribe/:token', hidden, async (req, reply) => {
      const lang = langOf(req.query.lang, req.headers['accept-language']);
      return (await unsubscribeFromStatus(db, req.params.slug, req.params.token)) ? send(reply, 200, 'left', lang, req.params.slug) : send(reply, 404, 'invalid', lang, req.params.slug);
    });
  });
}
