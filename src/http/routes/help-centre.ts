import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { findHelpCentre, getPublicArticle, listPublicArticles } from '../../knowledge/get-help-centre.ts';
import { searchHelpCentre } from '../../knowledge/search-help-centre.ts';
import { articlePage, homePage, notFoundPage, pickLanguage, searchPage } from '../public/help-centre-pages.ts';

// Public pages take whatever else a link carries (utm_source, …): unknown query fields are dropped, not refused.
const query = z.object({ lang: z.string().optional(), q: z.string().optional() });
const hidden = { config: { permission: 'public' }, schema: { hide: true, querystring: query } } as const;

/**
 * The public help centre: /help/<account's help slug>. No sign-in; only public articles, in
 * Dutch or English (?lang=, else Accept-Language, else Dutch). Plain HTML that no script can
 * run in: the content security policy allows none, on top of escaping everything.
 */
export function helpCentreRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const centreFor = async (slug: string) => (slug.length <= 63 ? findHelpCentre(db, slug) : null);

  r.get('/help/:slug', { ...hidden, schema: { ...hidden.schema, params: z.object({ slug: z.string() }) } }, async (req, reply) => {
    const lang = pickLanguage(req.query.lang, req.headers['accept-language']);
    const centre = await centreFor(req.params.slug);
    if (!centre) return sendPage(reply, 404, notFoundPage(null, lang));
    return sendPage(reply, 200, homePage(centre, lang, await listPublicArticles(db, centre.accountId, lang)));
  });

  r.get('/help/:slug/search', { ...hidden, schema: { ...hidden.schema, params: z.object({ slug: z.string() }) } }, async (req, reply) => {
    const lang = pickLanguage(req.query.lang, req.headers['accept-language']);
    const centre = await centreFor(req.params.slug);
    if (!centre) return sendPage(reply, 404, notFoundPage(null, lang));
    const q = (req.query.q ?? '').slice(0, 200).trim();
    let hits = q ? await searchHelpCentre(db, centre.accountId, { query: q, language: lang, limit: 20 }) : [];
    // nothing in the visitor's language: an answer in the other one beats none
    if (q && !hits.length) hits = await searchHelpCentre(db, centre.accountId, { query: q, limit: 20 });
    return sendPage(reply, 200, searchPage(centre, lang, q, hits));
  });

  r.get('/help/:slug/articles/:articleSlug', {
    ...hidden,
    schema: { ...hidden.schema, params: z.object({ slug: z.string(), articleSlug: z.string() }) },
  }, async (req, reply) => {
    const lang = pickLanguage(req.query.lang, req.headers['accept-language']);
    const centre = await centreFor(req.params.slug);
    if (!centre) return sendPage(reply, 404, notFoundPage(null, lang));
    const article = req.params.articleSlug.length <= 120 ? await getPublicArticle(db, centre.accountId, req.params.articleSlug, lang) : null;
    if (!article) return sendPage(reply, 404, notFoundPage(centre, lang));
    return sendPage(reply, 200, articlePage(centre, lang, article));
  });
}

function sendPage(reply: FastifyReply, status: number, html: string) {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('vary', 'Accept-Language')
    .header('cache-control', status === 200 ? 'public, max-age=60' : 'no-cache')
    .send(html);
}
