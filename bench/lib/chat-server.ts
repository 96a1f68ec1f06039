/**
 * The server side of bench/chat.ts, in its own process so its memory is the server's alone:
 * `node --expose-gc bin/run-ts.mjs bench/lib/chat-server.ts echo|luister [databaseUrl] [pool]`.
 * Talks to the bench over IPC: sends {ready, base, …} once listening; answers {cmd: 'stats'} with
 * the heap and RSS after a full GC, the CPU time used so far and the event loop's delay; exits on
 * {cmd: 'stop'}.
 *
 * - echo: a bare SSE server (node:http). GET /stream/:i is visitor i's stream, GET /agent the one
 *   agent stream; POST /send/:i writes the message into the agent's stream (as the notice
 *   `message.created` naming "case" i) and into visitor i's stream, and answers 200. The floor for
 *   "a visitor's message reaches the agent live" over the same client code.
 * - luister: the real server (buildApp) on the given PostgreSQL database: an account whose chat is
 *   open around the clock, the bench's addresses as allowed.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose_gc');
const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const [mode, databaseUrl, poolArg] = process.argv.slice(2);
let close: () => Promise<void> = async () => {};
let profiler: Session | null = null;

const send = (m: unknown) => process.send!(m);

process.on('message', async (m: { cmd: string }) => {
  if (m.cmd === 'stats') {
    for (let i = 0; i < 3; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 50));
    }
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    send({ stats: { heap: mem.heapUsed, rss: mem.rss, cpuMs: (cpu.user + cpu.system) / 1000, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6 } });
    loop.reset();
  } else if (m.cmd === 'profile-start') {
    // a CPU profile of the timed part only (not the migrations and the chat starts)
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.start');
    send({ profiling: true });
  } else if (m.cmd === 'profile-stop' && profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    const file = `bench/tmp/chat-server-${Date.now()}.cpuprofile`;
    writeFileSync(file, JSON.stringify(profile));
    profiler.disconnect();
    profiler = null;
    send({ profile: file });
  } else if (m.cmd === 'stop') {
    await close();
    process.exit(0);
  }
});

if (mode === 'echo') {
  const visitors = new Map<number, http.ServerResponse>();
  let agent: http.ServerResponse | null = null;
  const sse = (res: http.ServerResponse) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('event: ready\ndata: {}\n\n');
  };
  const server = http.createServer((req, res) => {
    if (req.url === '/agent') {
      sse(res);
      agent = res;
      return;
    }
    const m = /^\/(stream|send)\/(\d+)$/.exec(req.url ?? '');
    if (!m) return res.writeHead(404).end();
    const i = Number(m[2]);
    if (m[1] === 'stream') {
      sse(res);
      visitors.set(i, res);
      req.on('close', () => visitors.delete(i));
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      agent?.write(`event: message.created\ndata: ${JSON.stringify({ event: 'message.created', case_id: String(i) })}\n\n`);
      visitors.get(i)?.write(`event: entry\ndata: ${body}\n\n`);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"seq":1}');
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, '0.0.0.0', () => r()));
  close = () => new Promise<void>((r) => {
    for (const res of visitors.values()) res.end();
    agent?.end();
    server.closeAllConnections();
    server.close(() => r());
  });
  send({ ready: true, port: (server.address() as AddressInfo).port });
} else {
  const { createAccount } = await import('../../src/accounts/create-account.ts');
  const { buildApp } = await import('../../src/http/app.ts');
  const { loadConfig } = await import('../../src/config.ts');
  const { setChannelSettings } = await import('../../src/intake/doors/channel-settings.ts');
  const { updateServiceSettings } = await import('../../src/promises/settings.ts');
  const { systemActor } = await import('../../src/shared/actor.ts');
  const { openDb } = await import('../../src/storage/db.ts');
  const { migrate } = await import('../../src/storage/migrate.ts');
  const db = await openDb({ databaseUrl, poolSize: Number(poolArg) || 10 });
  await migrate(db);
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' });
  const app = await buildApp({ db, config, logger: false });
  app.server.keepAliveTimeout = 60_000;
  await app.listen({ port: 0, host: '0.0.0.0' });
  const acc = await createAccount(db, { name: 'Chat bench', adminEmail: 'chat-bench@example.test', adminPassword: 'een lang benchmark wachtwoord' });
  const accountId = acc.account.account_id;
  const allDay = [{ start: '00:00', end: '24:00' }];
  await updateServiceSettings(db, systemActor(accountId), { calendar: { weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay }, holidays: null } });
  const slug = 'bench-chat';
  await setChannelSettings(db, systemActor(accountId), { slug, submissions_per_hour: 1000 });
  close = async () => {
    await app.close();
    await db.close();
  };
  send({ ready: true, port: (app.server.address() as AddressInfo).port, token: acc.token, slug, accountId });
}
