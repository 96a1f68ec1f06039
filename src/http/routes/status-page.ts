import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../storage/db.ts';
import { loadStatusPage, type StatusPageData, statusPageVersion } from '../../announcements/status-page-data.ts';
import { pickLanguage } from '../public/help-centre-pages.ts';
import { statusAtom, statuspageV2 } from '../public/status-feeds.ts';
import { statusPageHtml } from '../public/status-page.ts';

const JSON_FILES = ['summary.json', 'status.json', 'components.json', 'incidents.json', 'incidents/unresolved.json',
  'scheduled-maintenances.json', 'scheduled-maintenances/upcoming.json', 'scheduled-maintenances/active.json'] as const;
type JsonFile = (typeof JSON_FILES)[number];

interface Cached { version: number; data: StatusPageData; rendered: Map<string, string> }
const MAX_PAGES = 1000;

/**
 * The public status page of an account: /status/<slug> (HTML, no script), /status/<slug>/feed.atom,
 * and /status/<slug>/api/v2/*.json in Statuspage's shape. No sign-in. Each request costs one indexed
 * lookup (the page's version, raised in the transaction of every change it shows); the page itself
 * is built once per version and kept until a promised update falls due or maintenance starts or ends.
 * ETags let pollers revalidate for free.
 */
export function statusPageRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = new Map<string, Cached>();

  // requests that arrive while a version lookup for the page is on its way share it (single flight): under load
  // one query serves many requests, and none sees a version older than one that had committed before that query
  const inFlight = new Map<string, ReturnType<typeof statusPageVersion>>();
  function version(slug: string) {
    let p = inFlight.get(slug);
    if (!p) {
      inFlight.set(slug, (p = statusPageVersion(db, slug)));
      void p.finally(() => inFlight.delete(slug)).catch(() => {});
    }
    return p;
  }

  async function current(slug: string): Promise<Cached | null> {
    const v = await version(slug);
    if (!v) return null;
    const hit = cache.get(slug);
    if (hit && hit.version === v.version && hit.data.validUntil.getTime() > Date.now()) return hit;
    const data = await loadStatusPage(db, slug);
    if (!data) return null;
    if (cache.size >= MAX_PAGES) cache.clear();
    const fresh = { version: data.version, data, rendered: new Map<string, string>() };
    cache.set(slug, fresh);
    return fresh;
  }

  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

  async function serve(req: FastifyRequest, reply: FastifyReply, slug: string, key: string, type: string, render: (d: StatusPageData) => string) {
    const page = await current(slug);
    if (!page) return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send('Status page not found / Statuspagina niet gevonden');
    const fullKey = `${key}|${origin(req)}`;
    const tag = `"${page.version}-${page.data.generatedAt.getTime().toString(36)}-${Buffer.from(fullKey).toString('base64url')}"`;
    reply.header('etag', tag).header('cache-control', 'public, max-age=0, must-revalidate').header('vary', 'Accept-Language').header('x-content-type-options', 'nosniff');
    if (req.headers['if-none-match'] === tag) return reply.code(304).send();
    // the Host header is the client's to choose: a page keeps a bounded number of renderings
    if (page.rendered.size >= 64) page.rendered.clear();
    let body = page.rendered.get(fullKey);
    if (body === undefined) page.rendered.set(fullKey, (body = render(page.data)));
    return reply.type(type).send(body);
  }

  const query = z.object({ lang: z.string().optional() });
  const params = z.object({ slug: z.string().max(63) });
  const hidden = { config: { auth: false }, schema: { hide: true, querystring: query, params } } as const;

  r.get('/status/:slug', hidden, async (req, reply) => {
    const lang = pickLanguage(req.query.lang, req.headers['accept-language']);
    reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'").header('referrer-policy', 'same-origin');
    return serve(req, reply, req.params.slug, `html:${lang}`, 'text/html; charset=utf-8', (d) => statusPageHtml(d, lang, d.generatedAt));
  });

  r.get('/status/:slug/feed.atom', hidden, async (req, reply) => {
    const lang = pickLanguage(req.query.lang, req.headers['accept-language']);
    return serve(req, reply, req.params.slug, `atom:${lang}`, 'application/atom+xml; charset=utf-8', (d) => statusAtom(d, lang, origin(req)));
  });

  for (const file of JSON_FILES) {
    r.get(`/status/:slug/api/v2/${file}`, hidden, async (req, reply) => {
      reply.header('access-control-allow-origin', '*');
      return serve(req, reply, req.params.slug, `json:${file}`, 'application/json; charset=utf-8', (d) => JSON.stringify(statuspageV2(d, origin(req))[file as JsonFile]));
    });
  }
}
