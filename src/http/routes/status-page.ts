import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StatusPageData } from '../../announcements/status-page-data.ts';
import { pickLanguage } from '../public/help-centre-pages.ts';
import { statusAtom, statuspageV2 } from '../public/status-feeds.ts';
import { statusPageHtml } from '../public/status-page.ts';
import { StatusPageCache } from '../public/status-page-cache.ts';
import { collectedStatusChanges, collectStatusChanges } from '../../announcements/status-changes.ts';

/** how long an answer that changed a status page waits for the change's notice to come back through the database */
const HEARD_BACK_MS = 250;

/**
 * Registered before the routes: a request that changes what a status page shows (an incident update, a
 * component, the settings) is answered only once this process has heard the change's NOTIFY back, so the
 * other server processes have it too by the time the client can ask them (StatusPageCache.heardBack).
 */
export function statusPageChangeHooks(app: FastifyInstance, cache: StatusPageCache) {
  // preValidation: after the body is read, so the scope covers the handler (a scope opened earlier is lost to the body's events)
  app.addHook('preValidation', (req, _reply, done) => (req.method === 'GET' || req.method === 'HEAD' ? done() : collectStatusChanges(done)));
  app.addHook('onSend', async (_req, reply, payload) => {
    const changes = collectedStatusChanges();
    if (changes.length && reply.statusCode < 400) await Promise.all(changes.map((c) => cache.heardBack(c.accountId, c.version, HEARD_BACK_MS)));
    return payload;
  });
}

const JSON_FILES = ['summary.json', 'status.json', 'components.json', 'incidents.json', 'incidents/unresolved.json',
  'scheduled-maintenances.json', 'scheduled-maintenances/upcoming.json', 'scheduled-maintenances/active.json'] as const;
type JsonFile = (typeof JSON_FILES)[number];

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/**
 * Stored, but asked again every time (a status page is only useful when it is current); the ETag makes
 * asking again a 304 without a body.
 */
const CACHE_CONTROL = 'public, no-cache';

/** True when an If-None-Match header names the tag (a list, weak tags and `*` as RFC 9110 says). */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header === etag || header.trim() === '*') return true;
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * The public status page of an account: /status/<slug> (HTML, no script), /status/<slug>/feed.atom,
 * and /status/<slug>/api/v2/*.json in Statuspage's shape. No sign-in. Pages come from memory
 * (StatusPageCache: dropped by the live notice every change sends, in every server process), each
 * rendering made once with its ETag; a request that brings the tag gets a 304.
 */
export function statusPageRoutes(app: FastifyInstance, cache: StatusPageCache) {
  const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;
  const langOf = (req: FastifyRequest) => {
    const q = (req.query as { lang?: unknown }).lang;
    return pickLanguage(typeof q === 'string' ? q : undefined, req.headers['accept-language']);
  };

  async function serve(req: FastifyRequest, reply: FastifyReply, key: string, type: string, render: (d: StatusPageData) => string) {
    const page = await cache.get((req.params as { slug: string }).slug);
    if (!page) return reply.code(404).type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send('Status page not found / Statuspagina niet gevonden');
    const r = cache.render(page, `${key}|${origin(req)}`, render);
    reply.header('etag', r.etag).header('cache-control', CACHE_CONTROL).header('vary', 'Accept-Language');
    if (matchesEtag(req.headers['if-none-match'], r.etag)) return reply.code(304).send();
    return reply.type(type).send(r.body);
  }

  // no schema: the slug and the language are checked by hand (a page request costs no validation pass)
  const hidden = { config: { permission: 'public' }, schema: { hide: true } } as const;

  app.get('/status/:slug', hidden, async (req, reply) => {
    const lang = langOf(req);
    reply.header('content-security-policy', PAGE_CSP).header('referrer-policy', 'same-origin');
    return serve(req, reply, `html:${lang}`, 'text/html; charset=utf-8', (d) => statusPageHtml(d, lang, d.generatedAt));
  });

  app.get('/status/:slug/feed.atom', hidden, async (req, reply) => {
    const lang = langOf(req);
    return serve(req, reply, `atom:${lang}`, 'application/atom+xml; charset=utf-8', (d) => statusAtom(d, lang, origin(req)));
  });

  for (const file of JSON_FILES) {
    app.get(`/status/:slug/api/v2/${file}`, hidden, async (req, reply) => {
      reply.header('access-control-allow-origin', '*');
      return serve(req, reply, `json:${file}`, 'application/json; charset=utf-8', (d) => JSON.stringify(statuspageV2(d, origin(req))[file as JsonFile]));
    });
  }
}
