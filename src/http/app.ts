import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Db } from '../storage/db.ts';
import { authHook, checkRoutePermission } from './auth.ts';
import { csrfHook } from './csrf.ts';
import { fastifyTrustProxy } from './trust-proxy.ts';
import { DOCS_CSP, registerSecurityHeaders, ROOT_CSP } from './security-headers.ts';
import { rejectLoneSurrogates } from './well-formed-text.ts';
import { checkResponse } from './check-response.ts';
import { errorHandler, notFoundHandler } from './errors.ts';
import { registerIdempotency } from './idempotency.ts';
import { accountRoutes } from './routes/accounts.ts';
import { twoFactorRoutes } from './routes/two-factor.ts';
import { caseRoutes } from './routes/cases.ts';
import { customerRoutes } from './routes/customers.ts';
import { tagRoutes } from './routes/tags.ts';
import { spamRoutes } from './routes/spam.ts';
import { caseMergeRoutes } from './routes/case-merge.ts';
import { autoCloseRoutes } from './routes/autoclose.ts';
import { macroRoutes } from './routes/macros.ts';
import { organisationRoutes } from './routes/organisations.ts';
import { customFieldRoutes } from './routes/custom-fields.ts';
import { knowledgeRoutes } from './routes/knowledge.ts';
import { miscRoutes } from './routes/misc.ts';
import { problemRoutes } from './routes/problems.ts';
import { replyRoutes } from './routes/replies.ts';
import { setupRoutes } from './routes/setup.ts';
import { emailRoutes } from './routes/email.ts';
import { promiseRoutes } from './routes/promises.ts';
import { serviceLevelRoutes } from './routes/service-levels.ts';
import { escalationRoutes } from './routes/escalation.ts';
import { routingRoutes } from './routes/routing.ts';
import { callbackRotaRoutes } from './routes/callback-rota.ts';
import { webRoutes } from './routes/web.ts';
import { liveRoutes } from './routes/live.ts';
import { insightRoutes } from './routes/insight.ts';
import { refundRoutes } from './routes/refunds.ts';
import { rightsRoutes } from './routes/rights.ts';
import { announcementRoutes } from './routes/announcements.ts';
import { statusPageChangeHooks, statusPageRoutes } from './routes/status-page.ts';
import { StatusPageCache } from './public/status-page-cache.ts';
import { statusSubscribeRoutes } from './routes/status-subscribe.ts';
import { channelRoutes } from './routes/channels.ts';
import { importRoutes } from './routes/imports.ts';
import { contactFormRoutes } from './routes/contact-form.ts';
import { portalRoutes } from './routes/portal.ts';
import { portalSettingsRoutes } from './routes/portal-settings.ts';
import { chatRoutes } from './routes/chat.ts';
import { phoneWhatsAppRoutes } from './routes/phone-whatsapp.ts';
import { ssoRoutes } from './routes/sso.ts';
import { roleRoutes } from './routes/roles.ts';
import { LiveHub } from '../live/hub.ts';
import { primaryOnly, type ReadReplica } from '../storage/read-replica.ts';
import { readRouting } from './read-your-writes.ts';

export interface AppOptions {
  db: Db;
  config: Config;
  /** DATABASE_REPLICA_URL: search, dashboard, lists and exports read there (src/storage/read-replica.ts) */
  replica?: ReadReplica;
  /** one-time token for the first-run setup page; null when an account exists */
  setupToken?: { value: string | null };
  logger?: boolean;
  /** where logs go (default stdout); tests read them to prove nothing secret is written */
  logStream?: NodeJS.WritableStream;
  /** tests: every response must match the schema it documents in OpenAPI (else 500 response_schema_mismatch) */
  checkResponses?: boolean;
  /** DNS TXT lookups for inbox verification (default: the system resolver; tests stub it) */
  resolveTxt?: (name: string) => Promise<string[][]>;
}

/** Secrets never reach the logs: credentials in headers, cookies, passwords and tokens in bodies. */
export const REDACT = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.admin_password',
  '*.token',
  '*.secret',
  '*.recovery_code',
  '*.challenge_token',
  '*.imap_password',
  '*.app_secret',
  '*.access_token',
  '*.verify_token',
  'req.headers["luister-signature"]',
  'req.headers["x-hub-signature-256"]',
  '*.client_secret',
  '*.SMTP_RELAY_URL',
];

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { db, config } = opts;
  const app = Fastify({
    logger:
      opts.logger === false
        ? false
        : { level: config.LOG_LEVEL, redact: { paths: REDACT, censor: '[redacted]' }, ...(opts.logStream ? { stream: opts.logStream } : {}) },
    bodyLimit: config.BODY_LIMIT,
    // TRUST_PROXY: behind a TLS proxy, req.ip / req.protocol / req.host come from X-Forwarded-* (README)
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    requestIdHeader: 'x-request-id',
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { removeAdditional: false } },
  });
  app.decorateRequest('actor', null);
  app.setValidatorCompiler(validatorCompiler);
  // Response schemas document the API (OpenAPI); responses are written with plain JSON.stringify.
  // A serializer that validated could fail with a 500 *after* a change committed, which invites a
  // duplicate on retry; the test suite checks every response against its schema instead (checkResponses).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler(notFoundHandler);
  // JSON only: without this, Fastify's built-in text/plain parser lets a plain-text body through (415 instead)
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-request-id', req.id);
    return payload;
  });

  if (opts.checkResponses) app.addHook('onSend', checkResponse);

  await registerSecurityHeaders(app, config);
  await app.register(cookie);
  if (config.RATE_LIMIT_MAX > 0) {
    await app.register(rateLimit, {
      max: config.RATE_LIMIT_MAX,
      timeWindow: config.RATE_LIMIT_WINDOW,
      // counted after authentication: per credential that was proven (a token, an agent's sessions),
      // else per client address. A header or cookie that proves nothing (any string will do) must not
      // buy a fresh allowance.
      hook: 'preHandler',
      keyGenerator: (req) => (req.actor ? `cred:${req.actor.type}:${req.actor.type === 'agent' ? req.actor.agentId : req.actor.id}` : `ip:${req.ip}`),
      errorResponseBuilder: (req, ctx) => ({
        statusCode: 429,
        code: 'rate_limited',
        message: `Too many requests: at most ${ctx.max} per ${ctx.after === '' ? 'window' : 'window'}; retry in ${Math.ceil(ctx.ttl / 1000)} s`,
      }),
    });
  }
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Luister API',
        version: '1.0.0',
        description:
          'Customer care that listens. Authenticate with `Authorization: Bearer <token>` (create one with `npx luister token create`) or a session cookie from /api/v1/auth/login. Every POST accepts an `Idempotency-Key` header. Errors are `{ "error": { "code", "message" } }`.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, session: { type: 'apiKey', in: 'cookie', name: 'luister_session' } } },
      security: [{ bearer: [] }, { session: [] }],
    },
    // every operation names the permission it needs (x-permission); a public one needs no credentials
    transform: (doc) => {
      const out = jsonSchemaTransform(doc);
      const permission = doc.route.config?.permission;
      return { ...out, schema: { ...out.schema, 'x-permission': permission, ...(permission === 'public' ? { security: [] } : {}) } };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'none', deepLinking: true }, staticCSP: DOCS_CSP });
  // from here on every route declares its permission (the documentation pages above are the plugin's own)
  app.addHook('onRoute', checkRoutePermission);

  app.addHook('onRequest', csrfHook(config));
  app.addHook('onRequest', authHook(db));
  app.addHook('preValidation', rejectLoneSurrogates);
  registerIdempotency(app, db);

  app.get('/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () => app.swagger());
  app.get('/', { config: { permission: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type('text/html; charset=utf-8').header('content-security-policy', ROOT_CSP).send(
      '<!doctype html><html lang="nl"><meta charset="utf-8"><title>Luister</title><body style="font:16px system-ui;margin:3rem">' +
        '<h1>Luister</h1><p>De API draait. <a href="/docs">API-documentatie</a> · <a href="/openapi.json">OpenAPI</a> · <a href="/healthz">status</a></p></body></html>',
    ));

  const hub = new LiveHub(db);
  app.addHook('onClose', () => hub.close());
  const statusPages = new StatusPageCache(db, hub);
  app.addHook('onClose', async () => statusPages.close());
  statusPageChangeHooks(app, statusPages);

  // before the routes: its write hook remembers where each writer's reads must wait for
  const reads = readRouting(app, opts.replica ?? primaryOnly(db), config);
  miscRoutes(app, db, reads, opts.replica ?? null);
  accountRoutes(app, db, config);
  twoFactorRoutes(app, db, config);
  roleRoutes(app, db);
  customerRoutes(app, db, reads);
  caseRoutes(app, db, reads);
  tagRoutes(app, db);
  spamRoutes(app, db);
  caseMergeRoutes(app, db);
  macroRoutes(app, db);
  organisationRoutes(app, db);
  customFieldRoutes(app, db);
  autoCloseRoutes(app, db);
  knowledgeRoutes(app, db);
  replyRoutes(app, db);
  problemRoutes(app, db);
  emailRoutes(app, db, config, { resolveTxt: opts.resolveTxt });
  promiseRoutes(app, db);
  serviceLevelRoutes(app, db);
  escalationRoutes(app, db);
  routingRoutes(app, db);
  liveRoutes(app, db, hub, { recheckMs: config.LIVE_RECHECK_SECONDS * 1000 });
  insightRoutes(app, db, reads);
  refundRoutes(app, db);
  rightsRoutes(app, db, reads);
  announcementRoutes(app, db);
  statusPageRoutes(app, statusPages);
  statusSubscribeRoutes(app, db);
  channelRoutes(app, db);
  callbackRotaRoutes(app, db);
  importRoutes(app, db, config);
  contactFormRoutes(app, db, config);
  portalRoutes(app, db, config);
  portalSettingsRoutes(app, db, config);
  chatRoutes(app, db, hub, { firstResponseHours: config.FIRST_RESPONSE_HOURS, databaseUrl: config.DATABASE_URL });
  phoneWhatsAppRoutes(app, db, config);
  ssoRoutes(app, db, config);
  webRoutes(app);
  setupRoutes(app, db, opts.setupToken ?? { value: null });
  return app;
}
