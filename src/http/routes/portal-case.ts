import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Db } from '../../storage/db.ts';
import { AppError } from '../../shared/errors.ts';
import { checkPortalToken, portalToken } from '../../portal/form-token.ts';
import { getPortalCase } from '../../portal/get-case.ts';
import { replyFromPortal } from '../../portal/reply-from-portal.ts';
import { type CasePageState, casePage } from '../public/portal-case-pages.ts';
import { portalHref, portalNotFoundPage } from '../public/portal-pages.ts';
import { type PortalRequest, sendPortal } from './portal.ts';

type Open = (req: FastifyRequest<{ Params: { slug: string }; Querystring: { lang?: string } }>, reply: FastifyReply) => Promise<PortalRequest | null>;

/**
 * One case in the portal (GET) and a reply on it (POST). A case the visitor may not see — another
 * customer's, or none at all — is the same 404 page, whatever the id; nothing is written for it.
 * Signed out, both lead to the sign-in page (303), without saying whether the case exists.
 */
export function portalCaseRoutes(
  scope: FastifyInstance,
  db: Db,
  config: Config,
  h: {
    open: Open;
    fromThisSite: (req: FastifyRequest) => boolean;
    refused: (reply: FastifyReply, p: PortalRequest, here: string) => unknown;
  },
) {
  const r = scope.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ slug: z.string(), id: z.string().max(100) });
  const query = z.object({ lang: z.string().optional() });
  const get = { config: { permission: 'public' }, schema: { hide: true, querystring: query, params } } as const;
  const post = { ...get, bodyLimit: 256 * 1024, schema: { ...get.schema, body: z.record(z.string(), z.string().max(25_000)).nullish() } } as const;

  const show = async (reply: FastifyReply, p: PortalRequest, id: string, status: number, state: Partial<CasePageState> = {}) => {
    const user = p.user!;
    const here = `/portal/${p.portal.slug}/cases/${id}`;
    const c = await getPortalCase(db, user, id);
    if (!c) return sendPortal(reply, 404, portalNotFoundPage(p.lang, await p.frame(`/portal/${p.portal.slug}`)));
    const token = portalToken(p.portal.door.form_secret, user.accountId, user.sessionId);
    return sendPortal(reply, status, casePage(await p.frame(here), c, { token, timeZone: p.portal.timeZone, company: p.portal.name, ...state }));
  };

  r.get('/portal/:slug/cases/:id', get, async (req, reply) => {
    const p = await h.open(req, reply);
    if (!p) return reply;
    if (!p.user) return reply.code(303).header('cache-control', 'no-store').redirect(portalHref(p.portal.slug, p.lang), 303);
    return show(reply, p, req.params.id, 200);
  });

  r.post('/portal/:slug/cases/:id/reply', post, async (req, reply) => {
    const p = await h.open(req, reply);
    if (!p) return reply;
    if (!p.user) return reply.code(303).header('cache-control', 'no-store').redirect(portalHref(p.portal.slug, p.lang), 303);
    const body = req.body ?? {};
    const here = `/portal/${p.portal.slug}/cases/${req.params.id}`;
    const token = checkPortalToken(p.portal.door.form_secret, p.portal.accountId, p.user.sessionId, body.t);
    // a post from another site, or with a token of another session or none: refused, nothing written
    if (!h.fromThisSite(req) || (!token.ok && token.reason !== 'expired')) return h.refused(reply, p, here);
    if (!token.ok) return show(reply, p, req.params.id, 422, { problem: 'expired_form', text: body.text });
    try {
      const out = await replyFromPortal(db, p.user, req.params.id, { text: body.text ?? '', nonce: token.nonce, config });
      if (!out) return show(reply, p, req.params.id, 404);
      if (out.kind === 'fix') return show(reply, p, req.params.id, 422, { problem: out.problem, text: body.text });
      if (out.kind === 'dropped') {
        req.log.info({ reason: out.reason, account: p.portal.accountId }, 'portal reply dropped');
        return h.refused(reply, p, here);
      }
      return show(reply, p, out.caseId, 200, { done: { ref: out.caseRef, answerBy: out.answerBy, newCase: out.newCase } });
    } catch (err) {
      if (err instanceof AppError && err.code === 'colleague_case') return show(reply, p, req.params.id, 403);
      throw err;
    }
  });
}
