/**
 * The whole product at a million messages a day (issue 21): `node bin/run-ts.mjs bench/soak.ts [--minutes M]
 * [--phases W,A,P,D] [--rate R] [--peak-factor F] [--agents N] [--streams S] [--chart FILE]`
 *
 * On a fresh PostgreSQL database (created on BENCH_DATABASE_URL's server, dropped afterwards): 2 server processes
 * (`node dist/cli/main.js serve`, WORKER=off, each with its own SMTP listener) and 2 worker processes
 * (`node dist/cli/main.js worker`), built first with scripts/build.mjs (compiled, as `npm start` runs in production).
 * Fed with generated Dutch/English customer mail (bench/email/generate-mails.ts: new cases, replies in their threads,
 * repeat contacts, attachments) over real SMTP to both listeners, bounces and out-of-office replies to what Luister sent
 * (its acknowledgements and the agents' answers reach a sink SMTP server through SMTP_RELAY_URL), and cases opened
 * through the API — Poisson arrivals at --rate (default 11.6/s = 1,000,000 a day) with a peak phase at --peak-factor
 * (10) times that. Meanwhile --agents (20) agents read the inbox, open cases, answer and search through the API, and
 * --streams (200) live streams (GET /api/v1/live, in a child process: bench/soak/streams.ts) listen.
 *
 * Phases: warm-up (average rate), average, peak, drain (average rate again); --phases gives their minutes (default
 * 10,60,60,30: 2 h 40 min, the full run), --minutes M scales them to M minutes in all. Compression: a shorter run keeps
 * the rates and shortens the phases (a slice of the day at its real rate); where this machine cannot take the rates,
 * --rate scales them down (say so with the figures). After the drain phase no more mail is sent and the bench waits
 * (at most --settle-min, 10) for the job backlog to empty.
 *
 * Per phase: p50/p95/p99 from the SMTP 250 to the message's live event (message.created) on the first stream and on
 * all streams, and to its analysis stored (message_analysis.analysed_at); API p95 per route class; job backlog; CPU per
 * message (the node processes from /proc/<pid>/stat, the PostgreSQL backends of the database and the server's
 * background processes); RSS of every process; errors; lost and duplicated mail (every accepted Message-ID exactly once
 * in messages). An SVG chart of the latency p95 and the backlog over time goes to --chart (bench/soak-chart.svg).
 * Ends with one RESULT line per goal, the last the main one (p95 250 → visible at the average rate, goal 1 s).
 *
 * The PostgreSQL of this machine runs with autovacuum off: the bench runs ANALYZE and VACUUM jobs every 60 s, as
 * autovacuum would. Env: BENCH_DATABASE_URL, BENCH_KEEP_DB=1. Never asserts.
 */
import { fork, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createAccount } from '../src/accounts/create-account.ts';
import { createAgent } from '../src/accounts/create-agent.ts';
import { createApiToken } from '../src/accounts/create-api-token.ts';
import { createInbox } from '../src/intake/inboxes/save-inbox.ts';
import { markInboxVerified } from '../src/intake/inboxes/verify-inbox.ts';
import { systemActor } from '../src/shared/actor.ts';
import { openDb } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { generateMails, type GeneratedMail } from './email/generate-mails.ts';
import { pgProcesses } from './lib/cpu.ts';
import { admin, urlFor } from './lib/pg-admin.ts';
import { rng } from './lib/random.ts';
import { request, startAgents, type ApiSample } from './soak/agents.ts';
import { autoReplyFor, bounceFor, senders, startSink, type Delivery, type MailKind } from './soak/mail.ts';
import { cpuSeconds, freePort, rssMb, startProc, stopProc, waitForPort, type Proc } from './soak/processes.ts';
import { chartSvg, fmt, pct, phaseOf, triple, type Phase, type Sample } from './soak/report.ts';

const argv = process.argv.slice(2);
const opt = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const num = (name: string, dflt: number) => Number(opt(name) ?? dflt);
const RATE = num('rate', 1_000_000 / 86_400);
const PEAK = num('peak-factor', 10);
const AGENTS = num('agents', 20);
const STREAMS = num('streams', 200);
const THINK_MS = num('think-ms', 3000);
const CONNECTIONS = num('connections', 4); // per server's SMTP listener
const POOL = num('pool', 8); // PG_POOL_SIZE of each process (the machine's PostgreSQL allows 100 connections, shared)
const SAMPLE_MS = num('sample-s', 5) * 1000;
const SETTLE_MIN = num('settle-min', 10);
const PREGEN = num('pregen', 40_000);
const API_SHARE = num('api-share', 0.04);
const BOUNCE_SHARE = num('bounce-share', 0.02);
const AUTO_SHARE = num('auto-reply-share', 0.03);
const CHART = opt('chart') ?? fileURLToPath(new URL('soak-chart.svg', import.meta.url));
const PHASE_MIN = (opt('phases') ?? '10,60,60,30').split(',').map(Number);
const scale = opt('minutes') ? Number(opt('minutes')) / PHASE_MIN.reduce((a, b) => a + b, 0) : 1;
const PHASES: [string, number, number][] = [
  ['warm-up', PHASE_MIN[0] * scale, RATE], ['average', PHASE_MIN[1] * scale, RATE], ['peak', PHASE_MIN[2] * scale, RATE * PEAK], ['drain', PHASE_MIN[3] * scale, RATE],
];
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INBOX = 'klantenservice@soak.example';
const epoch = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

console.log(`Soak (issue 21), ${new Date().toISOString()}, node ${process.version}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`Phases: ${PHASES.map(([n, m, r]) => `${n} ${fmt(m, 1)} min at ${fmt(r, 2)}/s`).join(', ')}; ${AGENTS} agents, ${STREAMS} streams`);
const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' });
if (build.status !== 0) throw new Error('build failed');

const DB = `luister_bench_soak_${process.pid}`;
await admin(`CREATE DATABASE ${DB}`);
const url = urlFor(DB);
const benchUrl = new URL(url);
benchUrl.searchParams.set('application_name', 'luister-soak-bench');
const db = await openDb({ databaseUrl: benchUrl.toString(), poolSize: 3 });
const procs: Proc[] = [];
let streamsChild: ReturnType<typeof fork> | null = null;
const sink = await startSink();
// Ctrl-C: the children and the database go too
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    streamsChild?.kill();
    for (const p of procs) p.child.kill('SIGKILL');
    void admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`).finally(() => process.exit(130));
  });
}
try {
  await migrate(db);
  const acc = await createAccount(db, { name: 'Soak BV', adminEmail: 'admin@soak.example', adminPassword: 'een lang soak wachtwoord' });
  const accountId = acc.account.account_id;
  const system = systemActor(accountId);
  await createInbox(db, system, { address: INBOX, name: 'Klantenservice' });
  await markInboxVerified(db, INBOX, accountId);
  const tokens: string[] = [];
  for (let i = 0; i < AGENTS; i++) {
    const a = await createAgent(db, system, { email: `agent${i}@soak.example`, name: `Agent ${i}`, role: 'agent' });
    tokens.push((await createApiToken(db, system, { name: `soak ${i}`, role: 'agent', agentId: a.id })).token);
  }
  const [{ autovacuum }] = await db.query<{ autovacuum: string }>('SHOW autovacuum');

  // ---- the processes
  const env = { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', RATE_LIMIT_MAX: '0', PG_POOL_SIZE: String(POOL), SMTP_RELAY_URL: sink.url, HOST: '127.0.0.1', SMTP_HOST: '127.0.0.1' };
  const httpPorts = [await freePort(), await freePort()];
  const smtpPorts = [await freePort(), await freePort()];
  const t0start = performance.now();
  for (let i = 0; i < 2; i++) procs.push(startProc(ROOT, `server${i + 1}`, 'serve', { ...env, PORT: String(httpPorts[i]), SMTP_PORT: String(smtpPorts[i]), WORKER: 'off' }));
  for (let i = 0; i < 2; i++) procs.push(startProc(ROOT, `worker${i + 1}`, 'worker', { ...env, PG_POOL_SIZE: String(Math.min(POOL, 6)) }));
  for (let i = 0; i < 2; i++) await waitForPort(procs[i], smtpPorts[i]);
  const bases = httpPorts.map((p) => `http://127.0.0.1:${p}`);
  console.log(`2 servers (HTTP ${httpPorts.join(', ')}, SMTP ${smtpPorts.join(', ')}) and 2 workers up in ${fmt((performance.now() - t0start) / 1000, 1)} s; sink ${sink.url}`);

  streamsChild = fork(`${ROOT}bin/run-ts.mjs`, ['bench/soak/streams.ts', JSON.stringify({ bases, tokens, streams: STREAMS })], {
    cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = <T>(type: string) => new Promise<T>((resolve) => {
    const on = (m: { type: string }) => {
      if (m.type === type) {
        streamsChild!.off('message', on);
        resolve(m as T);
      }
    };
    streamsChild!.on('message', on);
    if (type !== 'ready') streamsChild!.send({ type });
  });
  const ready = await ask<{ open: number }>('ready');
  console.log(`${ready.open} live streams open over the 2 servers`);

  // ---- the mail, generated before the clock starts (up to PREGEN; later chunks are made as they are needed, smaller)
  let chunk: GeneratedMail[] = [];
  let chunkNo = 0;
  const ids = new Set<string>();
  const more = (count: number) => chunk.unshift(...generateMails({ count, seed: 2100 + chunkNo++, to: INBOX }).reverse());
  const nextMail = (): GeneratedMail => {
    for (;;) {
      if (!chunk.length) more(500);
      const m = chunk.pop()!;
      if (!ids.has(m.messageId)) {
        ids.add(m.messageId);
        return m;
      }
    }
  };
  const expected = Math.ceil(PHASES.reduce((n, [, minutes, rate]) => n + minutes * 60 * rate, 0) * (1 - BOUNCE_SHARE - AUTO_SHARE) * 1.05);
  const tGen = performance.now();
  for (let n = Math.min(expected, PREGEN); n > 0; n -= 2000) more(Math.min(2000, n));
  console.log(`${chunk.length} mails generated in ${fmt((performance.now() - tGen) / 1000, 1)} s (${expected} expected)`);

  const start = epoch();
  const phases: Phase[] = [];
  let t = start;
  for (const [name, minutes, rate] of PHASES) phases.push({ name, from: t, to: (t += minutes * 60_000), rate });
  const end = t;

  // ---- the monitor: backlog, CPU and RSS every SAMPLE_MS; ANALYZE/VACUUM every 60 s when autovacuum is off
  const named = (): [string, number][] => [...procs.map((p) => [p.name, p.child.pid!] as [string, number]), ['streams', streamsChild!.pid!], ['bench', process.pid]];
  const pgSeen = new Map<number, { ticks: number; backend: boolean }>();
  const samples: Sample[] = [];
  let accepted = 0;
  /** mails and API posts that are due and have no answer yet: the senders' queue */
  const pending = new Set<Promise<void>>();
  const sample = async () => {
    const [j] = await db.query<{ due: number; running: number; analyse: number; failed: number }>(
      `SELECT count(*) FILTER (WHERE status = 'queued' AND run_at <= now())::int AS due, count(*) FILTER (WHERE status = 'running')::int AS running,
         count(*) FILTER (WHERE status = 'queued' AND kind = 'message.analyse')::int AS analyse, count(*) FILTER (WHERE status = 'failed')::int AS failed
       FROM jobs WHERE status IN ('queued', 'running', 'failed')`);
    const cpu: Record<string, number> = {};
    const rss: Record<string, number> = {};
    for (const [name, pid] of named()) {
      cpu[name] = pid === process.pid ? (process.cpuUsage().user + process.cpuUsage().system) / 1e6 : cpuSeconds(pid) ?? samples.at(-1)?.cpu[name] ?? 0;
      rss[name] = rssMb(pid) ?? 0;
    }
    // a backend that ends (an idle pool connection closes) takes its CPU with it: keep the last count of every pid
    let pgRssKb = 0;
    for (const p of pgProcesses(DB)) {
      pgSeen.set(p.pid, { ticks: p.ticks, backend: p.backend });
      if (p.backend) pgRssKb += p.rssKb;
    }
    cpu['pg backends'] = [...pgSeen.values()].filter((p) => p.backend).reduce((n, p) => n + p.ticks, 0) / 100;
    cpu['pg background'] = [...pgSeen.values()].filter((p) => !p.backend).reduce((n, p) => n + p.ticks, 0) / 100;
    rss['pg backends'] = pgRssKb / 1024;
    samples.push({ at: epoch(), due: j.due, running: j.running, analyseQueued: j.analyse, failed: j.failed, accepted, waiting: pending.size, cpu, rss, load: loadavg()[0] });
  };
  await sample();
  let monitoring = true;
  const monitor = (async () => {
    let lastMaint = performance.now();
    while (monitoring) {
      await sleep(SAMPLE_MS);
      await sample().catch((err) => console.log(`  monitor: ${(err as Error).message}`));
      if (autovacuum !== 'on' && performance.now() - lastMaint > 60_000) {
        lastMaint = performance.now();
        await db.exec('ANALYZE').catch(() => {});
        await db.exec('VACUUM jobs').catch(() => {});
      }
      const s = samples.at(-1)!;
      const ph = phaseOf(phases, s.at);
      console.log(`  ${new Date(s.at).toISOString().slice(11, 19)} ${ph?.name ?? 'settle'}: ${accepted} accepted, ${s.waiting} waiting for their 250, jobs ${s.due} due + ${s.running} running`
        + ` (analysis ${s.analyseQueued}), load ${fmt(s.load, 1)}, RSS ${Object.entries(s.rss).filter(([k]) => /server|worker/.test(k)).map(([k, v]) => `${k} ${fmt(v)}`).join(' ')} MB`);
    }
  })();

  // ---- the agents
  const apiSamples: ApiSample[] = [];
  const apiErrors: string[] = [];
  const stopAgents = startAgents({ bases, tokens, thinkMs: THINK_MS, samples: apiSamples, errors: apiErrors });

  // ---- the mail
  const r = rng(21);
  const send = senders(smtpPorts, CONNECTIONS);
  const deliveries: Delivery[] = [];
  const apiCases: { messageId: string; caseId: string; done: number }[] = [];
  let due = start;
  let behind = 0;
  console.log(`Sending from ${new Date(start).toISOString()} to ${new Date(end).toISOString()}`);
  while (due < end) {
    const ph = phaseOf(phases, due)!;
    due += (-Math.log(1 - r()) / ph.rate) * 1000; // Poisson arrivals
    const wait = due - epoch();
    if (wait > 0) await sleep(wait);
    else if (wait < -1000) behind++;
    const server = Math.floor(r() * 2);
    const roll = r();
    const at = due;
    let job: Promise<void>;
    if (roll < API_SHARE) {
      const m = nextMail();
      job = request(bases[server], tokens[Math.floor(r() * tokens.length)], 'POST', '/api/v1/cases', {
        customer: { email: m.from }, subject: m.subject,
        message: { body: `${m.subject}\n\n${m.language === 'nl' ? 'Mijn vraag staat hierboven; graag snel een reactie.' : 'My question is above; please reply soon.'}` },
      }).then((res) => {
        apiSamples.push({ cls: 'intake', at, ms: res.ms, status: res.status });
        const body = res.json as { id?: string; message?: { id?: string } } | null;
        if (res.status !== 201 || !body?.message?.id) apiErrors.push(`POST /api/v1/cases -> ${res.status} ${res.error ?? JSON.stringify(res.json)?.slice(0, 300)}`);
        else apiCases.push({ messageId: body.message.id, caseId: body.id!, done: epoch() });
      });
    } else {
      let kind: MailKind = 'customer';
      let mail: { raw: Buffer; messageId: string; from: string; to: string } | null = null;
      if (roll < API_SHARE + BOUNCE_SHARE + AUTO_SHARE) {
        const o = sink.take(r);
        if (o) {
          kind = roll < API_SHARE + BOUNCE_SHARE ? 'bounce' : 'auto_reply';
          mail = { ...(kind === 'bounce' ? bounceFor(o, INBOX, r) : autoReplyFor(o, INBOX, r)), to: INBOX };
        }
      }
      if (!mail) {
        const m = nextMail();
        mail = { raw: m.raw, messageId: m.messageId, from: m.from, to: INBOX };
      }
      job = send.send(server, kind, mail, at).then((d) => {
        deliveries.push(d);
        if (d.ok) accepted++;
      });
    }
    pending.add(job);
    void job.finally(() => pending.delete(job));
  }
  await Promise.all(pending);
  const sentEnd = epoch();
  await stopAgents();

  // ---- settle: wait until the backlog is empty (at most SETTLE_MIN minutes)
  const settleUntil = performance.now() + SETTLE_MIN * 60_000;
  let settled = false;
  while (performance.now() < settleUntil) {
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE status IN ('queued', 'running') AND run_at <= now() AND kind NOT IN ('sla.sweep', 'promises.sweep', 'promises.reconcile', 'incidents.sweep', 'email.imap_poll', 'retention.sweep', 'jobs.prune', 'topics.upkeep', 'autoclose.sweep')`);
    if (n === 0) {
      settled = true;
      break;
    }
    await sleep(2000);
  }
  const settleMs = epoch() - sentEnd;
  await sleep(3000); // the last notices
  monitoring = false;
  await monitor;
  await sample();
  const dump = await ask<{ seen: [string, string, number, number, number][]; open: number; notices: number; reconnects: number; failures: number; events: Record<string, number> }>('dump');
  streamsChild.send({ type: 'stop' });

  // ---- the count: every accepted Message-ID exactly once
  const acceptedIds = deliveries.filter((d) => d.ok && /Stored|bounce recorded/.test(d.response)).map((d) => d.messageId);
  const rows = await db.query<{ email_message_id: string; id: string; n: number; analysed: number | null; automated: string | null }>(
    `SELECT m.email_message_id, min(m.id::text) AS id, count(*)::int AS n, min(extract(epoch FROM a.analysed_at) * 1000)::float8 AS analysed, min(m.automated) AS automated
     FROM messages m LEFT JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
     WHERE m.account_id = $1 AND m.type = 'inbound' AND m.email_message_id = ANY($2::text[]) GROUP BY 1`, [accountId, acceptedIds]);
  const byId = new Map(rows.map((x) => [x.email_message_id, x]));
  const lost = acceptedIds.filter((id) => !byId.has(id));
  const duplicated = rows.filter((x) => x.n > 1);
  const apiRows = await db.query<{ id: string }>(`SELECT id::text FROM messages WHERE account_id = $1 AND id = ANY($2::uuid[])`, [accountId, apiCases.map((c) => c.messageId)]);
  const apiLost = apiCases.length - apiRows.length;
  const [jobsEnd] = await db.query<{ failed: number; retried: number; errors: string[] | null }>(
    `SELECT count(*) FILTER (WHERE status = 'failed')::int AS failed, count(*) FILTER (WHERE attempts > 1)::int AS retried,
       (array_agg(DISTINCT kind || ': ' || left(last_error, 200)) FILTER (WHERE last_error IS NOT NULL))[1:5] AS errors FROM jobs`);
  const [counts] = await db.query<{ cases: number; inbound: number; outbound: number; analysed: number }>(
    `SELECT (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND type = 'inbound') AS inbound,
       (SELECT count(*)::int FROM messages WHERE account_id = $1 AND type = 'outbound') AS outbound,
       (SELECT count(*)::int FROM message_analysis WHERE account_id = $1) AS analysed`, [accountId]);

  // ---- latencies
  const seen = new Map(dump.seen.map(([id, caseId, first, last, n]) => [id, { caseId, first, last, n }]));
  interface Lat { at: number; kind: MailKind | 'api'; visible: number | null; all: number | null; streams: number; analysed: number | null }
  const lat: Lat[] = [];
  for (const d of deliveries) {
    const row = d.ok ? byId.get(d.messageId) : undefined;
    if (!row) continue;
    const s = seen.get(row.id);
    lat.push({ at: d.done, kind: d.kind, visible: s ? s.first - d.done : null, all: s && s.n >= STREAMS ? s.last - d.done : null, streams: s?.n ?? 0, analysed: row.analysed === null ? null : row.analysed - d.done });
  }
  const apiLat = apiCases.map((c) => ({ at: c.done, visible: seen.has(c.messageId) ? seen.get(c.messageId)!.first - c.done : null }));
  const notVisible = lat.filter((l) => l.visible === null).length + apiLat.filter((l) => l.visible === null).length;

  // ---- per phase
  const smtpErrors = deliveries.filter((d) => !d.ok || !/Stored|bounce recorded/.test(d.response));
  const procErrors = procs.flatMap((p) => p.errors.map((e) => `${p.name}: ${e}`));
  console.log(`\nRun: ${fmt((end - start) / 60_000, 1)} min of traffic, then ${fmt(settleMs / 1000)} s until the backlog was empty${settled ? '' : ' (NOT empty: gave up)'}; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`Traffic: ${deliveries.length} SMTP deliveries (${['customer', 'bounce', 'auto_reply'].map((k) => `${k} ${deliveries.filter((d) => d.kind === k).length}`).join(', ')}), ${apiCases.length} API cases; `
    + `sink got ${sink.received} mails from Luister; ${behind} arrivals sent more than 1 s late (the generator behind)`);
  console.log(`Database: ${counts.cases} cases, ${counts.inbound} inbound and ${counts.outbound} outbound messages, ${counts.analysed} analysed`);
  console.log(`Streams: ${dump.open} open at the end, ${dump.notices} notices read, ${dump.reconnects} reconnects, ${dump.failures} failed opens; events ${JSON.stringify(dump.events)}`);
  const cpuAt = (at: number) => samples.reduce((best, s) => (Math.abs(s.at - at) < Math.abs(best.at - at) ? s : best), samples[0]);
  const phaseStats: Record<string, { visibleP95: number; n: number }> = {};
  for (const ph of phases) {
    const inPh = lat.filter((l) => l.at >= ph.from && l.at < ph.to);
    const vis = inPh.filter((l) => l.visible !== null).map((l) => l.visible!);
    const all = inPh.filter((l) => l.all !== null).map((l) => l.all!);
    const ana = inPh.filter((l) => l.analysed !== null).map((l) => l.analysed!);
    const api = apiSamples.filter((s) => s.at >= ph.from && s.at < ph.to);
    const a = cpuAt(ph.from), b = cpuAt(ph.to);
    const msgs = Math.max(1, b.accepted - a.accepted + apiCases.filter((c) => c.done >= ph.from && c.done < ph.to).length);
    const d = (k: string | RegExp) => Object.keys(b.cpu).filter((n) => (typeof k === 'string' ? n === k : k.test(n))).reduce((n, key) => n + b.cpu[key] - (a.cpu[key] ?? 0), 0);
    const inSamples = samples.filter((s) => s.at >= ph.from && s.at < ph.to);
    const seconds = (ph.to - ph.from) / 1000;
    phaseStats[ph.name] = { visibleP95: pct(vis, 95), n: vis.length };
    console.log(`\n[${ph.name}] ${fmt(seconds / 60, 1)} min, target ${fmt(ph.rate, 2)}/s: ${inPh.length} mails stored (${fmt(inPh.length / seconds, 2)}/s), load average ${fmt(pct(inSamples.map((s) => s.load), 50), 1)} (median)`);
    console.log(`  due → 250 (the sender's queue, ${CONNECTIONS} SMTP connections per server, and the SMTP transaction): ${triple(deliveries.filter((x) => x.ok && x.done >= ph.from && x.done < ph.to).map((x) => x.done - x.due))}`);
    console.log(`  250 → live event, first stream: ${triple(vis)}  (negative: the stream had it before the sender had its 250)`);
    console.log(`  250 → live event on all ${STREAMS} streams: ${triple(all)}`);
    console.log(`  250 → analysis stored: ${triple(ana)}`);
    console.log(`  API p95: ${(['inbox', 'case', 'reply', 'search', 'intake'] as const).map((c) => {
      const xs = api.filter((s) => s.cls === c).map((s) => s.ms);
      return `${c} ${fmt(pct(xs, 95))} ms (n=${xs.length})`;
    }).join(', ')}`);
    console.log(`  backlog (due + running): max ${Math.max(0, ...inSamples.map((s) => s.due + s.running))}, at the end ${b.due + b.running}`);
    console.log(`  CPU per message: servers ${fmt((d(/^server/) * 1000) / msgs, 1)} ms + workers ${fmt((d(/^worker/) * 1000) / msgs, 1)} ms + postgres backends ${fmt((d('pg backends') * 1000) / msgs, 1)} ms`
      + ` = ${fmt(((d(/^server|^worker/) + d('pg backends')) * 1000) / msgs, 1)} ms (+ postgres background ${fmt((d('pg background') * 1000) / msgs, 1)} ms, shared with other databases; load generators: bench ${fmt((d('bench') * 1000) / msgs, 1)}, streams ${fmt((d('streams') * 1000) / msgs, 1)} ms)`);
    console.log(`  RSS MB (min–max): ${Object.keys(b.rss).map((k) => `${k} ${fmt(Math.min(...inSamples.map((s) => s.rss[k] ?? 0)))}–${fmt(Math.max(...inSamples.map((s) => s.rss[k] ?? 0)))}`).join(', ')}`);
  }
  const apiVis = apiLat.filter((l) => l.visible !== null).map((l) => l.visible!);
  console.log(`\nAPI intake (POST /api/v1/cases, all phases): 201 → live event ${triple(apiVis)}`);

  // drained: from the end of the peak until the job backlog is back to what a steady average phase had (twice its
  // median, at least 20 jobs) and the senders' queue too (at least 10 mails). An average phase whose backlog grew was
  // not sustained: then drained means below 20 jobs, and it may come only after the traffic stopped (the settle).
  const avg = phases[1], peak = phases[2];
  const inAvg = samples.filter((s) => s.at >= avg.from && s.at < avg.to);
  const jobsAt = (s: Sample | undefined) => (s ? s.due + s.running : 0);
  const steady = jobsAt(inAvg.at(-1)) <= Math.max(40, 2 * jobsAt(inAvg[0]));
  const normal = steady ? Math.max(20, 2 * pct(inAvg.map(jobsAt), 50)) : 20;
  const normalWaiting = Math.max(10, 2 * pct(inAvg.map((s) => s.waiting), 50));
  const drainedAt = samples.find((s) => s.at >= peak.to && jobsAt(s) <= normal && s.waiting <= normalWaiting)?.at ?? null;
  const drainMin = drainedAt === null ? Infinity : (drainedAt - peak.to) / 60_000;
  if (!steady) console.log(`NOT SUSTAINED: the job backlog grew from ${jobsAt(inAvg[0])} to ${jobsAt(inAvg.at(-1))} during the average phase`);
  if (drainedAt !== null && drainedAt > end) console.log(`drained only after the traffic stopped (${fmt((end - peak.to) / 60_000, 1)} min after the peak)`);
  const peakBacklog = Math.max(0, ...samples.filter((s) => s.at >= peak.from && s.at < peak.to + 60_000).map((s) => s.due + s.running));
  console.log(`Backlog: ${peakBacklog} jobs at most around the peak; back to the average phase's level (<= ${normal} jobs, <= ${normalWaiting} mails waiting for their 250) ${drainedAt === null ? 'never within the run' : `${fmt(drainMin, 1)} min after the peak`}`);
  const rssGrowth = procs.map((p) => {
    const xs = samples.filter((s) => s.at >= phases[1].from).map((s) => s.rss[p.name]).filter((x) => x > 0);
    return `${p.name} ${fmt(xs[0] ?? NaN)} → ${fmt(xs.at(-1) ?? NaN)} MB (max ${fmt(Math.max(...xs))})`;
  });
  console.log(`RSS from the average phase to the end: ${rssGrowth.join(', ')}`);

  const errors = smtpErrors.length + apiErrors.length + procErrors.length + jobsEnd.failed;
  console.log(`\nErrors: ${smtpErrors.length} SMTP answers other than a 250 stored/bounce recorded, ${apiErrors.length} API errors, ${procErrors.length} error lines from the processes, ${jobsEnd.failed} failed jobs (${jobsEnd.retried} jobs retried)`);
  for (const e of [...smtpErrors.slice(0, 5).map((d) => `smtp ${d.kind} ${d.messageId}: ${d.response}`), ...apiErrors.slice(0, 5), ...procErrors.slice(0, 5), ...(jobsEnd.errors ?? [])]) console.log(`  ${e}`);
  console.log(`Lost: ${lost.length} of ${acceptedIds.length} accepted Message-IDs not in the database${lost.length ? ` (e.g. ${lost.slice(0, 3).join(', ')})` : ''}; duplicated: ${duplicated.length}; API messages lost: ${apiLost}; accepted but never on a stream: ${notVisible}`);

  writeFileSync(CHART, chartSvg({
    title: `Luister soak: ${fmt(RATE, 1)}/s average, ${fmt(RATE * PEAK, 1)}/s peak, 2 servers + 2 workers on PostgreSQL, ${STREAMS} streams, ${AGENTS} agents`,
    start, end: Math.max(end, samples.at(-1)!.at), phases, samples, bucketMs: Math.max(5_000, Math.round((end - start) / 150)),
    visible: lat.filter((l) => l.visible !== null).map((l) => ({ at: l.at, value: l.visible! })),
    analysed: lat.filter((l) => l.analysed !== null).map((l) => ({ at: l.at, value: l.analysed! })),
  }));
  console.log(`Chart: ${CHART}`);

  const lostDup = lost.length + duplicated.length + apiLost;
  const peakP95 = phaseStats.peak.visibleP95, avgP95 = phaseStats.average.visibleP95;
  console.log(`RESULT soak_errors ${errors} errors baseline=0 ratio=${errors + 1}`);
  console.log(`RESULT soak_lost_or_duplicated ${lostDup} mails baseline=0 ratio=${lostDup + 1}`);
  console.log(`RESULT soak_drain_after_peak ${fmt(drainMin, 1)} min baseline=15 ratio=${fmt(drainMin / 15, 2)}`);
  console.log(`RESULT soak_peak_250_to_visible_p95 ${fmt(peakP95)} ms baseline=5000 ratio=${fmt(peakP95 / 5000, 2)}`);
  console.log(`RESULT soak_250_to_visible_p95 ${fmt(avgP95)} ms baseline=1000 ratio=${fmt(avgP95 / 1000, 2)}`);
  send.close();
} finally {
  streamsChild?.kill();
  await Promise.all(procs.map((p) => stopProc(p)));
  await sink.close();
  await db.close();
  if (!process.env.BENCH_KEEP_DB) await admin(`DROP DATABASE IF EXISTS ${DB} WITH (FORCE)`);
}
