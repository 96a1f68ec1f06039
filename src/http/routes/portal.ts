import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import { checkPortalToken, portalToken } from '../../portal/form-token.ts';
import { listPortalCases } from '../../portal/list-cases.ts';
import { requestSignInLink } from '../../portal/request-link.ts';
import { endPortalSession, findPortalUser, peekLink, type PortalUser, useLink } from '../../portal/session.ts';
import { findPortal, type Portal } from '../../portal/settings.ts';
import { checkRequestOrigin, trustedOrigins } from '../csrf.ts';
import type { Lang } from '../public/contact-form-pages.ts';
import { pickLanguage } from '../public/help-centre-pages.ts';
import { casesPage } from '../public/portal-case-pages.ts';
import { confirmLinkPage, linkProblemPage, linkSentPage, type PortalFrame, portalHref, portalNotFoundPage, portalPage, portalThrottledPage, signInPage } from '../public/portal-pages.ts';
import { PT } from '../public/portal-text.ts';
import { portalCaseRoutes } from './portal-case.ts';

/** The portal's cookie: its own, apart from the agents' session (luister_session), and only sent to /portal/<slug>. */
export const PORTAL_COOKIE = 'luister_portal';
const BODY_LIMIT = 256 * 1024;
const query = z.object({ lang: z.string().optional(), page: z.string().optional() });
const slugParams = z.object({ slug: z.string() });
const form = z.record(z.string(), z.string().max(25_000));

export const PORTAL_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function sendPortal(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', PORTAL_CSP)
    .header('cache-control', 'no-store')
    // the sign-in link carries its secret in the path: no page of the portal tells another site where it came from
    .header('referrer-policy', 'no-referrer')
    .header('vary', 'Accept-Language, Cookie')
    .send(html);
}

/** What every portal handler starts from: the portal (or a 404 that names nothing), the language, the visitor. */
export interface PortalRequest {
  portal: Portal;
  lang: Lang;
  user: PortalUser | null;
  /** a cookie came but its session is over (idle, ended, or the address is no longer a customer's) */
  lapsed: boolean;
  frame: (here: string) => Promise<PortalFrame>;
}

export function portalRoutes(app: FastifyInstance, db: Db, config: Config) {
  const trusted = trustedOrigins(config);
  const secure = (req: FastifyRequest) => config.COOKIE_SECURE === 'true' || (config.COOKIE_SECURE === 'auto' && (req.protocol === 'https' || Boolean(config.PUBLIC_URL?.startsWith('https:'))));
  const cookiePath = (p: Portal) => `/portal/${p.slug}`;

  /** Loads the portal, language and visitor; sends the 404 itself and returns null when there is no portal at this slug. */
  async function open(req: FastifyRequest<{ Params: { slug: string }; Querystring: { lang?: string }; Body?: unknown }>, reply: FastifyReply): Promise<PortalRequest | null> {
    const lang = pickLanguage(req.query.lang, req.headers['accept-language']);
    const portal = await findPortal(db, req.params.slug);
    if (!portal) {
      await sendPortal(reply, 404, portalNotFoundPage(lang));
      return null;
    }
    const cookie = req.cookies?.[PORTAL_COOKIE];
    const user = cookie ? await findPortalUser(db, portal, cookie) : null;
    if (cookie && !user) reply.clearCookie(PORTAL_COOKIE, { path: cookiePath(portal) });
    return {
      portal, lang, user, lapsed: Boolean(cookie && !user),
      frame: async (here) => ({
        lang, slug: portal.slug, name: portal.name, ways: portal.ways, here,
        ...(user ? { user: { name: user.name, email: user.email, token: portalToken(portal.door.form_secret, portal.accountId, user.sessionId) } } : {}),
      }),
    };
  }

  /** Posts come from the portal's own pages: the browser says so (Sec-Fetch-Site, else Origin or Referer). */
  function fromThisSite(req: FastifyRequest): boolean {
    const h = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
    return checkRequestOrigin({ secFetchSite: h(req.headers['sec-fetch-site']), origin: h(req.headers.origin), referer: h(req.headers.referer), host: req.host, trusted }).ok;
  }
  async function refused(reply: FastifyReply, p: PortalRequest, here: string) {
    const t = PT[p.lang];
    return sendPortal(reply, 403, portalPage(await p.frame(here), { title: t.refusedTitle, main: `<h1>${t.refusedTitle}</h1>\n<p role="alert">${t.refused}</p>` }));
  }
  const signInToken = (p: Portal) => portalToken(p.door.form_secret, p.accountId, null);

  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
      const out: Record<string, string> = Object.create(null);
      for (const [k, v] of new URLSearchParams(body as string)) out[k] = v;
      done(null, out);
    });
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const hidden = { config: { permission: 'public' }, schema: { hide: true, querystring: query, params: slugParams } } as const;
    const posted = { ...hidden, bodyLimit: BODY_LIMIT, schema: { ...hidden.schema, body: form.nullish() } } as const;

    // signed in: the cases; else the sign-in form
    r.get('/portal/:slug', hidden, async (req, reply) => {
      const p = await open(req, reply);
      if (!p) return reply;
      const here = `/portal/${p.portal.slug}`;
      if (!p.user) return sendPortal(reply, 200, signInPage(await p.frame(here), { token: signInToken(p.portal), ...(p.lapsed ? { problem: 'session_over' } : {}) }));
      const page = Math.min(Math.max(1, Number.parseInt(req.query.page ?? '1', 10) || 1), 1000);
      const list = await listPortalCases(db, p.user, { page });
      return sendPortal(reply, 200, casesPage(await p.frame(here), { ...list, page, timeZone: p.portal.timeZone }));
    });

    r.post('/portal/:slug/sign-in', posted, async (req, reply) => {
      const p = await open(req, reply);
      if (!p) return reply;
      const here = `/portal/${p.portal.slug}`;
      const b = req.body ?? {};
      const token = checkPortalToken(p.portal.door.form_secret, p.portal.accountId, null, b.t);
      if (!fromThisSite(req) || (!token.ok && token.reason !== 'expired')) return refused(reply, p, here);
      if (!token.ok) return sendPortal(reply, 422, signInPage(await p.frame(here), { token: signInToken(p.portal), email: b.email, problem: 'expired_form' }));
      try {
        const out = await requestSignInLink(db, p.portal, { email: b.email ?? '', ip: req.ip, language: p.lang });
        if (out.outcome === 'throttled') {
          reply.header('retry-after', String(out.retryAfterSeconds));
          return sendPortal(reply, 429, portalThrottledPage(await p.frame(here), out.retryAfterSeconds));
        }
        return sendPortal(reply, 200, linkSentPage(await p.frame(here), p.portal.linkMinutes));
      } catch (err) {
        if (err instanceof AppError && err.code === 'invalid_email') {
          return sendPortal(reply, 422, signInPage(await p.frame(here), { token: signInToken(p.portal), email: b.email, problem: 'invalid_email' }));
        }
        throw err;
      }
    });

    const linkParams = { params: z.object({ slug: z.string(), secret: z.string() }) };
    // the link in the mail lands here: a button, because only a POST uses the link (mail scanners fetch links)
    r.get('/portal/:slug/in/:secret', { ...hidden, schema: { ...hidden.schema, ...linkParams } }, async (req, reply) => {
      const p = await open(req, reply);
      if (!p) return reply;
      const here = `/portal/${p.portal.slug}/in/${req.params.secret}`;
      const state = await peekLink(db, p.portal, req.params.secret);
      if (state !== 'valid') return sendPortal(reply, state === 'unknown' ? 404 : 410, linkProblemPage(await p.frame(`/portal/${p.portal.slug}`), state));
      return sendPortal(reply, 200, confirmLinkPage(await p.frame(here), req.params.secret));
    });

    r.post('/portal/:slug/in/:secret', { ...posted, schema: { ...posted.schema, ...linkParams } }, async (req, reply) => {
      const p = await open(req, reply);
      if (!p) return reply;
      // a page elsewhere must not sign a visitor in as someone else (login CSRF)
      if (!fromThisSite(req)) return refused(reply, p, `/portal/${p.portal.slug}`);
      const used = await useLink(db, p.portal, req.params.secret);
      if (!used.ok) return sendPortal(reply, used.state === 'unknown' ? 404 : 410, linkProblemPage(await p.frame(`/portal/${p.portal.slug}`), used.state));
      reply.setCookie(PORTAL_COOKIE, used.cookie, { path: cookiePath(p.portal), httpOnly: true, sameSite: 'lax', secure: secure(req) });
      return reply.code(303).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(portalHref(p.portal.slug, p.lang), 303);
    });

    r.post('/portal/:slug/sign-out', posted, async (req, reply) => {
      const p = await open(req, reply);
      if (!p) return reply;
      const here = `/portal/${p.portal.slug}`;
      if (p.user) {
        if (!fromThisSite(req) || !checkPortalToken(p.portal.door.form_secret, p.portal.accountId, p.user.sessionId, req.body?.t).ok) return refused(reply, p, here);
        await endPortalSession(db, p.user);
        reply.clearCookie(PORTAL_COOKIE, { path: cookiePath(p.portal) });
      }
      const frame = { ...(await p.frame(here)), user: undefined };
      return sendPortal(reply, 200, signInPage(frame, { token: signInToken(p.portal), problem: 'signed_out' }));
    });

    portalCaseRoutes(scope, db, config, { open, fromThisSite, refused });
  });
}
