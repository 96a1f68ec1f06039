import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { AppError } from '../shared/errors.ts';
import { SESSION_COOKIE } from './auth.ts';

/**
 * Cross-site request forgery defence for the session cookie. The cookie is SameSite=Lax, which
 * still lets a page on a sibling subdomain (same site) post, and not every browser enforces it;
 * JSON-only bodies stop forms but not a bodiless POST. So every state-changing request that a
 * browser could send with the cookie must come from a page of this origin:
 *
 * - `Sec-Fetch-Site` (every current browser sends it): `same-origin` or `none` (typed, bookmarked) pass;
 * - without it, `Origin`, else `Referer`, must name this host (or a TRUSTED_ORIGINS / PUBLIC_URL origin);
 * - with none of the three the request is not from a browser page (browsers send Origin on every
 *   cross-origin POST/PUT/PATCH/DELETE), so it passes.
 *
 * Requests with `Authorization: Bearer` are not affected (a page elsewhere cannot add that header
 * without CORS, which Luister does not offer). Sign-in is checked even without a cookie: a forged
 * sign-in would put the victim in the attacker's account ("login CSRF").
 */
export const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Routes that hand out a session cookie: checked whether or not a cookie came with the request. */
export const SIGN_IN_ROUTES = new Set(['/api/v1/auth/login']);

export interface RequestOrigin {
  secFetchSite?: string;
  origin?: string;
  referer?: string;
  /** the request's own host (Host, or X-Forwarded-Host behind a trusted proxy), with port */
  host: string;
  /** other origins allowed to send cookie requests (scheme://host[:port]) */
  trusted: ReadonlySet<string>;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

const normaliseHost = (h: string) => h.trim().toLowerCase().replace(/:(80|443)$/, '');

function originOf(url: string): URL | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

/** Whether a cookie-carrying, state-changing request came from a page of this site. Pure. */
export function checkRequestOrigin(r: RequestOrigin): OriginVerdict {
  const fromPage = (raw: string, what: string): OriginVerdict => {
    const u = originOf(raw);
    if (!u) return { ok: false, reason: `${what} "${raw.slice(0, 100)}" is not a web origin` };
    if (normaliseHost(u.host) === normaliseHost(r.host) || r.trusted.has(u.origin)) return { ok: true };
    return { ok: false, reason: `${what} ${u.origin} is not this site` };
  };
  const site = r.secFetchSite?.trim().toLowerCase();
  if (site) {
    if (site === 'same-origin' || site === 'none') return { ok: true };
    // a trusted origin on another site (TRUSTED_ORIGINS) is let through by its Origin header
    if (r.origin && originOf(r.origin) && r.trusted.has(originOf(r.origin)!.origin)) return { ok: true };
    return { ok: false, reason: `the request came from a ${site} page` };
  }
  if (r.origin !== undefined) return r.origin === 'null' ? { ok: false, reason: 'the request came from an opaque origin' } : fromPage(r.origin, 'Origin');
  if (r.referer !== undefined) return fromPage(r.referer, 'Referer');
  return { ok: true };
}

export function trustedOrigins(config: Pick<Config, 'TRUSTED_ORIGINS' | 'PUBLIC_URL'>): Set<string> {
  const set = new Set(config.TRUSTED_ORIGINS);
  if (config.PUBLIC_URL) set.add(new URL(config.PUBLIC_URL).origin);
  return set;
}

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** onRequest hook: refuses a cross-site, cookie-authenticated, state-changing request with 403 cross_site_request. */
export function csrfHook(config: Pick<Config, 'TRUSTED_ORIGINS' | 'PUBLIC_URL'>) {
  const trusted = trustedOrigins(config);
  return async (req: FastifyRequest, _reply: FastifyReply) => {
    if (!UNSAFE_METHODS.has(req.method)) return;
    const byCookie = !req.headers.authorization && Boolean(req.cookies?.[SESSION_COOKIE]);
    if (!byCookie && !SIGN_IN_ROUTES.has(req.routeOptions.url ?? '')) return;
    const verdict = checkRequestOrigin({
      secFetchSite: header(req.headers['sec-fetch-site']),
      origin: header(req.headers.origin),
      referer: header(req.headers.referer),
      host: req.host,
      trusted,
    });
    if (!verdict.ok) {
      throw new AppError(
        'cross_site_request',
        `Refused: a request signed in by cookie must come from a page of this site (${verdict.reason}). ` +
          'Scripts and other servers use "Authorization: Bearer <token>"; add another site of yours to TRUSTED_ORIGINS.',
        403,
      );
    }
  };
}
