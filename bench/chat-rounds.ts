/**
 * Live chat under load: `node --expose-gc bin/run-ts.mjs bench/chat-rounds.ts [--visitors N] [--rounds R] [--concurrency C]`
 *
 * One Luister server in this process on a fresh PostgreSQL database, over real TCP. N widget visitors
 * each start a chat (POST …/messages) and keep the widget's server-sent-event stream open; then, R
 * rounds: every visitor writes a message and an agent answers every chat through the API's normal
 * reply (POST /api/v1/cases/:id/messages, the reply checker and all), C requests in flight. Measured:
 * visitor messages/s, the time from a visitor's message to the agent's workspace live stream
 * having it, agent answers delivered/s, the time from sending the agent's reply to the
 * visitor's stream having it (p50/p95/p99), and memory per open stream. Beside it, in the same run and
 * with the same client code: a bare SSE echo server (node:http, a Map of open responses; a POST writes
 * to one of them), the floor for "a message into an open stream". Memory is the whole process (client
 * and server ends of each connection), so compare it with the echo's: the difference is Luister's.
 * The visitors' streams come from 200 loopback addresses (one address may hold 50 open chat streams).
 * Ends with one RESULT line; never asserts.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createAccount } from '../src/accounts/create-account.ts';
import { buildApp } from '../src/http/app.ts';
import { loadConfig } from '../src/config.ts';
import { setChannelSettings } from '../src/intake/doors/channel-settings.ts';
import { updateServiceSettings } from '../src/promises/settings.ts';
import { systemActor } from '../src/shared/actor.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('visitors', 500);
const ROUNDS = arg('rounds', 3);
const C = arg('concurrency', 50);
const POOL = arg('pool', 20);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x: number) => x.toFixed(1);
setFlagsFromString('--expose_gc');
const gc = (globalThis as { gc?: () => void }).gc ?? (runInNewContext('gc') as () => void);
async function memory() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss };
}
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

/** Runs fn(0..n-1) with at most C in flight. */
async function pool(n: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(C, n) }, async () => {
    while (next < n) await fn(next++);
  }));
}

/** An open SSE stream that resolves waiters by the text a `data:` line carries. */
interface Stream { req: http.ClientRequest; wait: (text: string, fresh?: boolean) => Promise<number> }
/** What a data line is known by: a chat entry by its text, a workspace notice by event and case. */
const keyOf = (d: { body?: unknown; event?: unknown; case_id?: unknown }) =>
  typeof d.body === 'string' ? d.body : typeof d.event === 'string' ? `${d.event}:${d.case_id}` : null;
function openStream(url: string, headers: Record<string, string>, localAddress?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const waiters = new Map<string, (t: number) => void>();
    const seen = new Map<string, number>();
    const req = http.get(url, { headers: { accept: 'text/event-stream', ...headers }, agent: false, localAddress }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`stream: HTTP ${res.statusCode}`));
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        buf += chunk;
        let at: number;
        while ((at = buf.indexOf('\n\n')) >= 0) {
          const event = buf.slice(0, at);
          buf = buf.slice(at + 2);
          const data = event.split('\n').find((l) => l.startsWith('data: '))?.slice(6);
          if (!data) continue;
          let text = data;
          try {
            text = keyOf(JSON.parse(data)) ?? data;
          } catch { /* the echo sends plain text */ }
          const now = performance.now();
          const w = waiters.get(text);
          if (w) {
            waiters.delete(text);
            w(now);
          } else seen.set(text, now);
        }
      });
      resolve({
        req,
        wait: (text, fresh = false) => {
          // fresh: only what arrives from now on counts (a case has many `message.created`)
          if (fresh) seen.delete(text);
          const got = seen.get(text);
          if (got !== undefined) return Promise.resolve(got);
          return new Promise((r) => waiters.set(text, r));
        },
      });
    });
    req.on('error', reject);
  });
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${url}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

interface Run { label: string; sendRate: number; deliveredRate: number; latencies: number[]; perStream: { heap: number; rss: number } }

/** The same measurement against any server: open N streams, then R rounds of send → the stream has it. */
async function measure(label: string, open: (i: number) => Promise<Stream>, visitorSends: ((i: number, round: number) => Promise<void>) | null,
  reply: (i: number, text: string) => Promise<void>): Promise<Run> {
  const before = await memory();
  const streams: Stream[] = [];
  await pool(N, async (i) => { streams[i] = await open(i); });
  const after = await memory();
  const perStream = { heap: (after.heap - before.heap) / N, rss: (after.rss - before.rss) / N };
  const latencies: number[] = [];
  const responses: number[] = [];
  /** from the reply request's response to the stream having it (negative: the stream had it first) */
  const afterResponse: number[] = [];
  let sendMs = 0, sent = 0, deliverMs = 0;
  for (let round = 0; round < ROUNDS; round++) {
    if (visitorSends) {
      const t = performance.now();
      await pool(N, (i) => visitorSends(i, round));
      sendMs += performance.now() - t;
      sent += N;
    }
    const t = performance.now();
    await pool(N, async (i) => {
      const text = `Antwoord ${round} aan bezoeker ${i}: we kijken ernaar en laten het u vandaag weten.`;
      const got = streams[i].wait(text);
      const t0 = performance.now();
      await reply(i, text);
      const answered = performance.now();
      const at = await got;
      latencies.push(at - t0);
      responses.push(answered - t0);
      afterResponse.push(at - answered);
    });
    deliverMs += performance.now() - t;
  }
  for (const s of streams) s.req.destroy();
  const run = { label, sendRate: sent ? sent / (sendMs / 1000) : 0, deliveredRate: (N * ROUNDS) / (deliverMs / 1000), latencies, perStream };
  console.log(`${label}: ${N} open streams, ${ROUNDS} rounds, ${C} requests in flight`);
  if (sent) console.log(`  visitor messages: ${run.sendRate.toFixed(0)} /s`);
  console.log(`  answers delivered: ${run.deliveredRate.toFixed(0)} /s; reply sent → on the visitor's stream: p50 ${ms(pct(latencies, 0.5))} ms, p95 ${ms(pct(latencies, 0.95))} ms, p99 ${ms(pct(latencies, 0.99))} ms`);
  console.log(`  of which the reply request until its response: p50 ${ms(pct(responses, 0.5))} ms, p95 ${ms(pct(responses, 0.95))} ms; ` +
    `response → stream: p50 ${ms(pct(afterResponse, 0.5))} ms, p95 ${ms(pct(afterResponse, 0.95))} ms`);
  console.log(`  memory per open stream (client and server end, one process): heap ${kb(perStream.heap)} KB, RSS ${kb(perStream.rss)} KB`);
  return run;
}

// ---- baseline: a bare SSE echo server
const open = new Map<number, http.ServerResponse>();
const echo = http.createServer((req, res) => {
  const m = /^\/(stream|echo)\/(\d+)$/.exec(req.url ?? '');
  if (!m) return res.writeHead(404).end();
  const i = Number(m[2]);
  if (m[1] === 'stream') {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write('event: ready\ndata: {}\n\n');
    open.set(i, res);
    req.on('close', () => open.delete(i));
    return;
  }
  let body = '';
  req.setEncoding('utf8');
  req.on('data', (c: string) => (body += c));
  req.on('end', () => {
    open.get(i)?.write(`event: entry\ndata: ${body}\n\n`);
    res.writeHead(204).end();
  });
});
echo.keepAliveTimeout = 60_000;
await new Promise<void>((r) => echo.listen(0, '127.0.0.1', () => r()));
const echoBase = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
// warm-up (the client code's first streams), so neither run pays for it in its memory figure
await pool(20, async (i) => { (await openStream(`${echoBase}/stream/${i}`, {})).req.destroy(); });
const bare = await measure('bare SSE echo (baseline)', (i) => openStream(`${echoBase}/stream/${i}`, {}), null, async (i, text) => {
  const res = await fetch(`${echoBase}/echo/${i}`, { method: 'POST', body: JSON.stringify({ body: text }) });
  await res.arrayBuffer();
});
await new Promise<void>((r) => {
  for (const res of open.values()) res.end();
  echo.close(() => r());
});

// ---- Luister
const name = `luister_bench_chat_${process.pid}`;
await admin(`CREATE DATABASE ${name}`);
const url = urlFor(name);
let luister: Run;
try {
  const db = await openDb({ databaseUrl: url, poolSize: POOL });
  await migrate(db);
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' });
  const app = await buildApp({ db, config, logger: false });
  app.server.keepAliveTimeout = 60_000;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const acc = await createAccount(db, { name: 'Chat bench', adminEmail: 'chat-bench@example.test', adminPassword: 'een lang benchmark wachtwoord' });
  const accountId = acc.account.account_id;
  const auth = { authorization: `Bearer ${acc.token}` };
  const allDay = [{ start: '00:00', end: '24:00' }];
  await updateServiceSettings(db, systemActor(accountId), { calendar: { weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay }, holidays: null } });
  const slug = 'bench-chat';
  await setChannelSettings(db, systemActor(accountId), { slug, submissions_per_hour: 1000 });
  const chat = `${base}/api/public/v1/chat/${slug}`;
  const tokens: string[] = [];
  const caseIds: string[] = [];
  // every visitor starts a chat (this is also the first of their messages)
  const t = performance.now();
  await pool(N, async (i) => {
    const r = await postJson(`${chat}/messages`, { client_id: `bench-${i}-start`, body: `Hallo, ik ben bezoeker ${i} en heb een vraag over mijn bestelling.`, lang: 'nl' }) as { token: string; case_ref: string };
    tokens[i] = r.token;
    const [c] = await db.query<{ id: string }>('SELECT id FROM cases WHERE account_id = $1 AND ref = $2', [accountId, r.case_ref]);
    caseIds[i] = c.id;
  });
  console.log(`chats started: ${N} in ${ms(performance.now() - t)} ms (${(N / ((performance.now() - t) / 1000)).toFixed(0)} /s, each a new customer, case and session)`);
  // the agent's workspace stream (what the inbox and the case view listen to)
  const workspace = await openStream(`${base}/api/v1/live`, auth);
  const toAgent: number[] = [];
  luister = await measure('Luister chat (PostgreSQL)', (i) => openStream(`${chat}/stream?after=1`, { 'x-luister-chat': tokens[i] }, `127.0.0.${10 + (i % 200)}`),
    async (i, round) => {
      const live = workspace.wait(`message.created:${caseIds[i]}`, true);
      const t0 = performance.now();
      await postJson(`${chat}/messages`, { client_id: `bench-${i}-r${round}`, body: `Nog een vraag, ronde ${round}.`, lang: 'nl' }, { 'x-luister-chat': tokens[i] });
      toAgent.push((await live) - t0);
    },
    async (i, text) => {
      await postJson(`${base}/api/v1/cases/${caseIds[i]}/messages`, { body: text }, auth);
    });
  workspace.req.destroy();
  console.log(`  visitor sends → the agent's workspace stream has the message: p50 ${ms(pct(toAgent, 0.5))} ms, p95 ${ms(pct(toAgent, 0.95))} ms, p99 ${ms(pct(toAgent, 0.99))} ms`);
  // for scale, the same server without chat: POST /api/v1/cases (an e-mail case), then the same reply on it
  const mailCases: string[] = [];
  let t1 = performance.now();
  await pool(N, async (i) => {
    const r = await postJson(`${base}/api/v1/cases`, { customer: { email: `mail${i}@example.test`, name: `Klant ${i}` }, subject: `Vraag ${i}`, message: { body: 'Hallo, ik heb een vraag over mijn bestelling.' } }, auth) as { id: string };
    mailCases[i] = r.id;
  });
  const casesRate = N / ((performance.now() - t1) / 1000);
  t1 = performance.now();
  await pool(N, async (i) => {
    await postJson(`${base}/api/v1/cases/${mailCases[i]}/messages`, { body: `Antwoord aan klant ${i}: we kijken ernaar en laten het u vandaag weten.` }, auth);
  });
  const mailReplyRate = N / ((performance.now() - t1) / 1000);
  console.log(`for scale, no chat: POST /api/v1/cases ${casesRate.toFixed(0)} /s; the same reply on those e-mail cases ${mailReplyRate.toFixed(0)} /s (${C} in flight)`);
  await app.close();
  await db.close();
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
const p95 = pct(luister.latencies, 0.95), base95 = pct(bare.latencies, 0.95);
console.log(`summary: Luister ${luister.deliveredRate.toFixed(0)} answers/s vs echo ${bare.deliveredRate.toFixed(0)} /s (${(luister.deliveredRate / bare.deliveredRate).toFixed(2)}); ` +
  `memory per stream heap ${kb(luister.perStream.heap)} KB vs ${kb(bare.perStream.heap)} KB, RSS ${kb(luister.perStream.rss)} KB vs ${kb(bare.perStream.rss)} KB`);
console.log(`RESULT chat_reply_to_visitor_p95 ${ms(p95)} ms baseline=${ms(base95)} ratio=${(p95 / base95).toFixed(2)}`);
