import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import type { Config } from '../config.ts';

/**
 * Security headers on every response (@fastify/helmet): nosniff, no framing, Referrer-Policy,
 * Cross-Origin-Opener/Resource-Policy, HSTS when HSTS_MAX_AGE is set, and a Content-Security-Policy
 * that fits the kind of response. The JSON API gets the strictest one (it is never a page); pages
 * set their own on top (a route's content-security-policy header wins over the default here):
 * the workspace (web.ts: WORKSPACE_CSP), the public help centre (its own), the API docs (DOCS_CSP)
 * and the plain page at / (ROOT_CSP).
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Swagger UI at /docs: its own scripts and styles (it sets inline style attributes), its SVG icons as data: URLs. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/** The one plain page at / (inline style, no script). */
export const ROOT_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
    },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    // Cross-Origin-Embedder-Policy would keep help-centre pages from showing images from elsewhere
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: config.HSTS_MAX_AGE > 0 ? { maxAge: config.HSTS_MAX_AGE, includeSubDomains: config.HSTS_INCLUDE_SUBDOMAINS } : false,
  });
}
