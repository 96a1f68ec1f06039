/**
 * Live chat in issue 17's shape: `node bin/run-ts.mjs bench/chat.ts [--connections 2000] [--every 10] [--seconds 60] [--pool 10] [--addresses 200] [--profile]`
 *
 * N widget connections on one server process, each visitor sending a message every `every` seconds
 * for `seconds` (open loop: sends are spread evenly over the interval and go out on time whether or
 * not earlier ones have been answered). Timed: from the visitor's send until the agent's live
 * stream has the event for it (the workspace's /api/v1/live, `message.created` of the visitor's
 * case), p50/p95/p99, and the HTTP answer to the send. Server memory per connection: the server
 * process's heap and RSS after a full GC, before and after opening the N streams (the server runs
 * in a child process, bench/lib/chat-server.ts, so the figure is the server's alone). The same
 * client code runs first against a bare SSE echo server (node:http) in the same run, the floor.
 *
 * Visitors come from `addresses` loopback addresses (127.0.0.10 …), ten or so per address as
 * behind an office's NAT: the per-address limits see a realistic spread, not one address for all.
 * Each Luister visitor starts a chat first (its first message: a new customer, case and session),
 * which is not timed. --profile writes a CPU profile of the Luister server into bench/tmp/.
 * Ends with one RESULT line; never asserts. (The older round-based bench of agent replies: bench/chat-rounds.ts.)
 */
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { loadavg } from 'node:os';
import pg from 'pg';
import { admin, urlFor } from './lib/pg-admin.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('connections', 2000);
const EVERY = arg('every', 10) * 1000;
const SECONDS = arg('seconds', 60);
const POOL = arg('pool', 10);
const ADDRESSES = arg('addresses', 200);
const PROFILE = process.argv.includes('--profile');
const SENDS = Math.max(1, Math.round((SECONDS * 1000) / EVERY));
const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : NaN);
const ms = (x: number) => x.toFixed(1);
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
const addressOf = (i: number) => `127.0.0.${10 + (i % ADDRESSES)}`;
const agents = new Map<string, http.Agent>();
const agentFor = (address: string) => {
  let a = agents.get(address);
  if (!a) agents.set(address, (a = new http.Agent({ keepAlive: true, localAddress: address, maxSockets: 64 })));
  return a;
};

/** Runs fn(0..n-1) with at most c in flight. */
async function inParallel(n: number, c: number, fn: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(c, n) }, async () => {
    while (next < n) await fn(next++);
  }));
}

interface Stream { req: http.ClientRequest; wait: (key: string) => Promise<number> }
/**
 * An open SSE stream; wait(key) resolves when an event with that key ("<event>:<case_id>", or a chat
 * entry's body) arrives from now on: the n-th waiter of a key gets the n-th such event.
 */
function openStream(url: string, headers: Record<string, string>, localAddress?: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    // per key, oldest first: a visitor's next message may go out before the last one's event came (an overloaded server)
    const waiters = new Map<string, ((t: number) => void)[]>();
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
          if (!waiters.size) continue;
          const data = event.split('\n').find((l) => l.startsWith('data: '))?.slice(6);
          if (!data) continue;
          let key: string | null = null;
          try {
            const d = JSON.parse(data) as { event?: unknown; case_id?: unknown; body?: unknown };
            key = typeof d.event === 'string' ? `${d.event}:${d.case_id}` : typeof d.body === 'string' ? d.body : null;
          } catch { /* not JSON */ }
          const queue = key ? waiters.get(key) : undefined;
          if (queue) {
            const w = queue.shift()!;
            if (!queue.length) waiters.delete(key!);
            w(performance.now());
          }
        }
      });
      resolve({ req, wait: (key) => new Promise((r) => {
        const queue = waiters.get(key);
        if (queue) queue.push(r);
        else waiters.set(key, [r]);
      }) });
    });
    req.on('error', reject);
  });
}

function post(url: string, body: unknown, headers: Record<string, string>, address: string): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(url, { method: 'POST', agent: agentFor(address), headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data), ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch { /* not JSON */ }
        resolve({ status: res.statusCode ?? 0, json });
      });
    });
    req.on('error', reject);
    req.end(data);
  });
}

interface Stats { heap: number; rss: number; cpuMs: number; loopP99: number; loopMax: number }
interface Server { child: ChildProcess; base: string; info: Record<string, string>; stats: () => Promise<Stats>; ask: (cmd: string, answer: string) => Promise<unknown>;
  stop: () => Promise<void>; profile: boolean }
async function startServer(args: string[], profile: boolean): Promise<Server> {
  const child = fork('bin/run-ts.mjs', ['bench/lib/chat-server.ts', ...args], {
    execArgv: ['--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const info = await new Promise<Record<string, string>>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Record<string, string>));
    child.once('exit', (code) => reject(new Error(`server exited: ${code}`)));
  });
  const ask = (cmd: string, answer: string) => new Promise<unknown>((resolve) => {
    const on = (m: Record<string, unknown>) => {
      if (!(answer in m)) return;
      child.off('message', on);
      resolve(m[answer]);
    };
    child.on('message', on);
    child.send({ cmd });
  });
  const stats = () => ask('stats', 'stats') as Promise<Stats>;
  const stop = () => new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.send({ cmd: 'stop' });
  });
  return { child, base: `http://127.0.0.1:${info.port}`, info, stats, ask, stop, profile };
}

interface Target {
  label: string;
  agentStream: () => Promise<Stream>;
  visitorStream: (i: number) => Promise<Stream>;
  /** the key of the agent's live event for visitor i's message */
  key: (i: number) => string;
  send: (i: number, k: number) => Promise<{ status: number; json: unknown }>;
}
interface Run { label: string; latencies: number[]; answers: number[]; errors: number; sent: number; rate: number; perConn: { heap: number; rss: number };
  during: Stats; cpuPct: number; idle: Stats; loadBefore: string; loadAfter: string }

async function measure(server: Server, t: Target): Promise<Run> {
  const loadBefore = load();
  const agent = await t.agentStream();
  const idle = await server.stats();
  const streams: Stream[] = [];
  await inParallel(N, 50, async (i) => { streams[i] = await t.visitorStream(i); });
  const open = await server.stats();
  const perConn = { heap: (open.heap - idle.heap) / N, rss: (open.rss - idle.rss) / N };
  const latencies: number[] = [];
  const answers: number[] = [];
  let errors = 0, sent = 0, lastError = '';
  if (server.profile) await server.ask('profile-start', 'profiling');
  const start = performance.now() + 200;
  const pending: Promise<void>[] = [];
  await new Promise<void>((allScheduled) => {
    let scheduled = 0;
    for (let k = 0; k < SENDS; k++) {
      for (let i = 0; i < N; i++) {
        const at = start + k * EVERY + (i * EVERY) / N;
        setTimeout(() => {
          pending.push((async () => {
            sent++;
            const live = agent.wait(t.key(i));
            const t0 = performance.now();
            try {
              const r = await t.send(i, k);
              answers.push(performance.now() - t0);
              if (!r || r.status !== 200) {
                errors++;
                lastError = JSON.stringify(r?.json).slice(0, 200);
                return;
              }
              const got = await Promise.race([live, new Promise<number>((res) => setTimeout(() => res(NaN), 30_000))]);
              if (Number.isNaN(got)) errors++;
              else latencies.push(got - t0);
            } catch (err) {
              errors++;
              lastError = String(err);
            }
          })());
          if (++scheduled === SENDS * N) allScheduled();
        }, Math.max(0, at - performance.now()));
      }
    }
  });
  const sendEnd = performance.now();
  await Promise.all(pending);
  const wall = (sendEnd - start) / 1000;
  const during = await server.stats();
  if (server.profile) console.log(`  CPU profile of the server during the minute: ${await server.ask('profile-stop', 'profile')}`);
  const cpuPct = ((during.cpuMs - open.cpuMs) / (performance.now() - start)) * 100;
  for (const s of streams) s.req.destroy();
  agent.req.destroy();
  const run: Run = { label: t.label, latencies, answers, errors, sent, rate: latencies.length / wall, perConn, during, cpuPct, idle, loadBefore, loadAfter: load() };
  console.log(`${t.label}: ${N} connections, a message from each every ${EVERY / 1000} s for ${SECONDS} s (${sent} sent, ${errors} errors${errors ? `: ${lastError}` : ''})`);
  console.log(`  messages reaching the agent: ${run.rate.toFixed(0)} /s (offered ${(N / (EVERY / 1000)).toFixed(0)} /s)`);
  console.log(`  visitor's send → agent's live event: p50 ${ms(pct(latencies, 0.5))} ms, p95 ${ms(pct(latencies, 0.95))} ms, p99 ${ms(pct(latencies, 0.99))} ms, max ${ms(pct(latencies, 1))} ms`);
  console.log(`  the send's HTTP answer: p50 ${ms(pct(answers, 0.5))} ms, p95 ${ms(pct(answers, 0.95))} ms`);
  console.log(`  server memory: idle heap ${mb(idle.heap)} MB, RSS ${mb(idle.rss)} MB; per open connection heap ${kb(perConn.heap)} KB, RSS ${kb(perConn.rss)} KB; ` +
    `after the minute heap ${mb(during.heap)} MB, RSS ${mb(during.rss)} MB`);
  console.log(`  server CPU during the minute ${cpuPct.toFixed(0)} % of a core, ${ms((during.cpuMs - open.cpuMs) / Math.max(1, sent))} ms a message; event loop delay p99 ${ms(during.loopP99)} ms, max ${ms(during.loopMax)} ms; load average ${loadBefore} → ${run.loadAfter}`);
  return run;
}

// ---- baseline: the bare SSE echo server
const echo = await startServer(['echo'], false);
const bare = await measure(echo, {
  label: 'bare SSE echo (baseline)',
  agentStream: () => openStream(`${echo.base}/agent`, {}),
  visitorStream: (i) => openStream(`${echo.base}/stream/${i}`, {}, addressOf(i)),
  key: (i) => `message.created:${i}`,
  send: (i, k) => post(`${echo.base}/send/${i}`, { client_id: `bench-${i}-m${k}`, body: `Nog een vraag, bericht ${k}.`, lang: 'nl' }, {}, addressOf(i)),
});
await echo.stop();

// ---- Luister
const name = `luister_bench_chat_${process.pid}`;
await admin(`CREATE DATABASE ${name}`);
const url = urlFor(name);
let luister: Run;
try {
  const server = await startServer(['luister', url, String(POOL)], PROFILE);
  const chat = `${server.base}/api/public/v1/chat/${server.info.slug}`;
  const tokens: string[] = [];
  const refs: string[] = [];
  let t = performance.now();
  await inParallel(N, 50, async (i) => {
    const r = await post(`${chat}/messages`, { client_id: `bench-${i}-start`, body: `Hallo, ik ben bezoeker ${i} en heb een vraag over mijn bestelling.`, lang: 'nl' }, {}, addressOf(i));
    if (r.status !== 200) throw new Error(`chat start: HTTP ${r.status} ${JSON.stringify(r.json)}`);
    ({ token: tokens[i], case_ref: refs[i] } = r.json as { token: string; case_ref: string });
  });
  t = performance.now() - t;
  console.log(`chats started: ${N} in ${ms(t / 1000)} s (${(N / (t / 1000)).toFixed(0)} /s, each a new customer, case and session)`);
  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  const ids = new Map((await reader.query<{ ref: string; id: string }>('SELECT ref, id FROM cases')).rows.map((r) => [r.ref, r.id]));
  await reader.end();
  const caseIds = refs.map((ref) => ids.get(ref)!);
  // the jobs the chat starts queued (analysis of each message) are left to the job worker, which is not this process
  luister = await measure(server, {
    label: `Luister chat (PostgreSQL, pool ${POOL})`,
    agentStream: () => openStream(`${server.base}/api/v1/live`, { authorization: `Bearer ${server.info.token}` }),
    visitorStream: (i) => openStream(`${chat}/stream?after=1`, { 'x-luister-chat': tokens[i] }, addressOf(i)),
    key: (i) => `message.created:${caseIds[i]}`,
    send: (i, k) => post(`${chat}/messages`, { client_id: `bench-${i}-m${k}`, body: `Nog een vraag, bericht ${k}.`, lang: 'nl' }, { 'x-luister-chat': tokens[i] }, addressOf(i)),
  });
  await server.stop();
} finally {
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  for (const a of agents.values()) a.destroy();
}
const p95 = pct(luister.latencies, 0.95), base95 = pct(bare.latencies, 0.95);
console.log(`summary: ${N} connections, ${(N / (EVERY / 1000)).toFixed(0)} messages/s offered; Luister ${luister.rate.toFixed(0)} /s delivered, p50/p95/p99 ` +
  `${ms(pct(luister.latencies, 0.5))}/${ms(p95)}/${ms(pct(luister.latencies, 0.99))} ms vs echo ${ms(pct(bare.latencies, 0.5))}/${ms(base95)}/${ms(pct(bare.latencies, 0.99))} ms; ` +
  `server per connection heap ${kb(luister.perConn.heap)} KB vs ${kb(bare.perConn.heap)} KB, RSS ${kb(luister.perConn.rss)} KB vs ${kb(bare.perConn.rss)} KB; load ${luister.loadAfter}`);
console.log(`RESULT chat_visitor_to_agent_p95 ${ms(p95)} ms baseline=${ms(base95)} ratio=${(p95 / base95).toFixed(2)}`);
