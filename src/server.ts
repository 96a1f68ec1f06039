import { randomBytes } from 'node:crypto';
import pino from 'pino';
import type { Config } from './config.ts';
import { buildApp, REDACT } from './http/app.ts';
import { openRuntime } from './runtime.ts';
import { openReadReplica } from './storage/read-replica.ts';
import { jobHandlers } from './worker/handlers.ts';
import { startWorker } from './worker/runner.ts';
import { startSmtpListener } from './intake/channels/email/smtp-listener.ts';

/** `luister serve`: HTTP API, plus the job worker in-process on PGlite (or when WORKER=on). */
export async function serve(config: Config) {
  const started = performance.now();
  const { db, close } = await openRuntime(config, 'serve', config.PORT);
  const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM accounts');
  const setupToken = { value: n === 0 ? randomBytes(18).toString('base64url') : null };
  const replica = config.DATABASE_REPLICA_URL
    ? await openReadReplica(db, config.DATABASE_REPLICA_URL, { poolSize: config.PG_POOL_SIZE, maxLagMs: config.REPLICA_MAX_LAG_MS, probeMs: config.REPLICA_PROBE_MS })
    : undefined;
  const app = await buildApp({ db, config, setupToken, replica });
  const log = app.log as unknown as pino.Logger;
  const runWorker = config.WORKER === 'on' || (config.WORKER === 'auto' && db.kind === 'pglite');
  const worker = runWorker
    ? startWorker(db, { handlers: jobHandlers(config), concurrency: config.WORKER_CONCURRENCY, pollMs: config.WORKER_POLL_MS, log })
    : null;

  await app.listen({ port: config.PORT, host: config.HOST });
  const smtp = config.SMTP_ENABLED ? await startSmtpListener(db, config, log) : null;
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
  const base = config.PUBLIC_URL ?? `http://localhost:${port}`;
  const readyMs = Math.round(performance.now() - started);
  console.log(`Luister is ready at ${base} (database: ${db.kind}${db.kind === 'pglite' ? ` in ${config.DATA_DIR}` : ''}, ${readyMs} ms)`);
  console.log(`API docs: ${base}/docs`);
  const r = replica?.status();
  if (r) console.log(`Read replica: ${r.state}${r.state === 'down' ? ' (reads go to the primary until it answers)' : `, ${r.lag_ms} ms behind`}`);
  if (smtp) console.log(`Mail in: SMTP on port ${smtp.port}${config.SMTP_RELAY_URL ? '' : ' (mail out: set SMTP_RELAY_URL to send replies)'}`);
  if (setupToken.value) {
    console.log(
      `\nNo account yet. Create the first account and admin once, here:\n  ${base}/setup?token=${setupToken.value}\n` +
        'or stop the server and run: npx luister setup (or npx luister demo for a demo account to look around in)\n',
    );
  }
  if (!worker && db.kind === 'postgres') console.log('Job worker not in this process: run `npx luister worker` (or set WORKER=on).');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await smtp?.close();
    await app.close();
    await worker?.stop();
    await replica?.close();
    await close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  return { app, db, port, smtpPort: smtp?.port ?? null, readyMs, stop };
}

export { REDACT };
