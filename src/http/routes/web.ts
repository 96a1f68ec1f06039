import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/**
 * The agent workspace (web/, built by `npm run build` into web/dist) at /app/. Hashed assets are
 * cached for a year; every other /app/ path answers index.html (the app routes in the browser).
 * Browsers asking for / are sent to /app/; API clients keep the plain page / has always given.
 */
export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));
const PREFIX = '/app/';

// The app only talks to its own origin: no inline scripts or styles, no third parties, no framing.
export const WORKSPACE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
  "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const wantsHtml = (req: FastifyRequest) => (req.headers.accept ?? '').includes('text/html');

function secure(reply: FastifyReply) {
  return reply
    .header('content-security-policy', WORKSPACE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY');
}

function notBuilt(req: FastifyRequest, reply: FastifyReply) {
  const message = 'The agent workspace is not built yet: run `npm run build` (npm start builds it too), then reload.';
  reply.code(503).header('cache-control', 'no-store').header('retry-after', '30');
  if (!wantsHtml(req)) return reply.send({ error: { code: 'workspace_not_built', message, request_id: req.id } });
  return secure(reply)
    .type('text/html; charset=utf-8')
    .send(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Luister</title><h1>Luister</h1><p>${message.replace(/`([^`]+)`/g, '<code>$1</code>')}</p></html>`);
}

export function webRoutes(app: FastifyInstance, dist = WEB_DIST) {
  app.addHook('onRequest', async (req, reply) => {
    if (req.method === 'GET' && (req.url === '/' || req.url.startsWith('/?')) && wantsHtml(req)) return reply.redirect(PREFIX, 302);
  });

  app.register(async (scope) => {
    // serve: false — only reply.sendFile; the routes below decide what is cached and what falls back
    await scope.register(fastifyStatic, { root: dist, serve: false, decorateReply: true, wildcard: false });
    const opts = { config: { permission: 'public' }, schema: { hide: true } } as const;

    scope.get('/app', opts, async (_req, reply) => reply.redirect(PREFIX, 301));

    scope.get('/app/assets/*', opts, async (req, reply) => {
      if (!existsSync(`${dist}index.html`)) return notBuilt(req, reply);
      const file = (req.params as { '*': string })['*'];
      return secure(reply).sendFile(`assets/${file}`, { maxAge: '365d', immutable: true });
    });

    const index = async (req: FastifyRequest, reply: FastifyReply) => {
      if (!existsSync(`${dist}index.html`)) return notBuilt(req, reply);
      // the page itself is never cached, so a new build reaches everyone on their next load
      return secure(reply).header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    };
    scope.get('/app/', opts, index);
    scope.get('/app/*', opts, index);
  });
}
