import { z } from 'zod';
import { parseTrustProxy } from './http/trust-proxy.ts';

/** Every setting Luister reads from the environment. Documented in README ("Configuration"). */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  DATA_DIR: z.string().default('./data'),
  PUBLIC_URL: z.string().url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce.number().int().positive().default(1_048_576),
  RATE_LIMIT_MAX: z.coerce.number().int().min(0).default(1200),
  RATE_LIMIT_WINDOW: z.string().default('1 minute'),
  // seals secrets Luister must read back (two-factor secrets, single sign-on client secrets): 32 bytes, base64 or hex;
  // without it a key file in DATA_DIR/secrets.key
  SECRETS_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  // behind a TLS proxy / load balancer: whose X-Forwarded-For/-Proto/-Host to believe (see README)
  TRUST_PROXY: z.string().default('false').transform((v, ctx) => {
    const parsed = parseTrustProxy(v);
    if ('error' in parsed) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.value;
  }),
  // Strict-Transport-Security max-age in seconds; 0 sends no HSTS header
  HSTS_MAX_AGE: z.coerce.number().int().min(0).max(63_072_000).default(0),
  HSTS_INCLUDE_SUBDOMAINS: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  // other origins whose pages may send cookie-authenticated requests (comma-separated, e.g. https://intranet.example.nl)
  TRUSTED_ORIGINS: z.string().default('').transform((v, ctx) => {
    const out: string[] = [];
    for (const item of v.split(',').map((x) => x.trim()).filter(Boolean)) {
      let origin: string | null = null;
      try {
        const u = new URL(item);
        if ((u.protocol === 'https:' || u.protocol === 'http:') && u.pathname === '/' && !u.search && !u.username) origin = u.origin;
      } catch {
        origin = null;
      }
      if (!origin) ctx.addIssue({ code: 'custom', message: `"${item}" is not an origin like https://intranet.example.nl` });
      else out.push(origin);
    }
    return out;
  }),
  // how often an open live stream checks that its session or token is still valid (sign-out ends it at once)
  LIVE_RECHECK_SECONDS: z.coerce.number().positive().max(3600).default(60),
  WORKER: z.enum(['auto', 'on', 'off']).default('auto'),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(4),
  WORKER_POLL_MS: z.coerce.number().int().positive().default(1000),
  // finished jobs are deleted after this many days (done) and this many (failed), by the hourly jobs.prune job
  JOB_RETENTION_DAYS: z.coerce.number().positive().default(7),
  JOB_FAILED_RETENTION_DAYS: z.coerce.number().positive().default(30),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // WhatsApp out: the Graph API (Cloud API) base URL, version included (README "Phone and WhatsApp")
  WHATSAPP_API_URL: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com/v21.0'),
  PG_POOL_SIZE: z.coerce.number().int().positive().default(10),
  // PGlite: let V8 optimise the embedded database's WebAssembly (more memory; see README "Configuration")
  PGLITE_OPTIMISE: z.enum(['on', 'off']).default('off').transform((v) => v === 'on'),
  // read-only work (search, dashboard, lists, exports) on a streaming replica of DATABASE_URL (README "Read replica")
  DATABASE_REPLICA_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  // past this lag behind the primary, reads go to the primary; the replica's position is checked every REPLICA_PROBE_MS
  REPLICA_MAX_LAG_MS: z.coerce.number().int().positive().default(2_000),
  REPLICA_PROBE_MS: z.coerce.number().int().min(50).max(60_000).default(250),
  // e-mail in: the SMTP listener (see README "E-mail")
  SMTP_ENABLED: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  SMTP_HOST: z.string().default('0.0.0.0'),
  SMTP_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  SMTP_MAX_RECIPIENTS: z.coerce.number().int().positive().default(50),
  SMTP_MAX_CONNECTIONS: z.coerce.number().int().positive().default(100),
  SMTP_MAX_CONNECTIONS_PER_IP: z.coerce.number().int().positive().default(10),
  SMTP_IDLE_TIMEOUT_SECONDS: z.coerce.number().int().positive().default(60),
  SMTP_TLS_KEY: z.string().optional(),
  SMTP_TLS_CERT: z.string().optional(),
  // e-mail out: where replies and acknowledgements are sent, e.g. smtp://user:pass@smtp.example.nl:587
  SMTP_RELAY_URL: z.preprocess((v) => (v === '' ? undefined : v), z.string().url().optional()),
  ATTACHMENT_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  ACK_PER_SENDER_PER_HOUR: z.coerce.number().int().min(0).default(3),
  FIRST_RESPONSE_HOURS: z.coerce.number().positive().default(24),
  IMAP_POLL_SECONDS: z.coerce.number().int().positive().default(60),
}).refine((c) => !c.DATABASE_REPLICA_URL || c.DATABASE_URL, {
  path: ['DATABASE_REPLICA_URL'],
  message: 'a read replica follows a PostgreSQL server: set DATABASE_URL too (PGlite has no replicas)',
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
