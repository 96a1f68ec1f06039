/**
 * The public status page under load: `node bin/run-ts.mjs bench/status-page.ts [--seconds S] [--connections C]`
 *
 * 1. The real app (buildApp, embedded PGlite, the server listening on a port) with one account whose status page has
 *    5 components and 20 incidents (5 open, 15 resolved in the last 90 days), each with 3 public updates.
 * 2. Requests per second at C (default 64) keep-alive connections for S seconds (default 10) each, from a load
 *    generator in its own process (bench/lib/http-load.ts): the HTML page, /api/v2/summary.json, and as the
 *    baseline the same bytes as static files served by the same server in the same run (@fastify/static, the
 *    plugin that serves the workspace's assets). Static and page alternate, twice each; the means are compared.
 * 3. Freshness: while the page is under the same load, an update is posted through the API (HTTP, a token) and
 *    the page polled until it shows the update's text: time from sending the POST to the first page showing it,
 *    5 times, beside the time the POST itself took to be answered (under load most of the wait is the POST's).
 *    With DATABASE_URL set the bench runs on PostgreSQL, and then also starts a second server process on the same
 *    database (bench/lib/status-server.ts): updates posted to the first, the page read from the second under load,
 *    which shows how soon the LISTEN/NOTIFY invalidation reaches another process.
 *
 * Beside req/s each run prints the server's CPU per request (this process only serves; the load generator is a
 * child), which a shared machine disturbs far less than req/s: the CPU-based ratio is static µs / page µs.
 *
 * RESULT status_page_html_vs_static <page req/s> req/s baseline=<static req/s> ratio cpu_ratio (goal ≥ 0.8).
 * Prints figures; never asserts.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import { buildApp } from '../src/http/app.ts';
import { openIncident } from '../src/announcements/open-incident.ts';
import { postIncidentUpdate } from '../src/announcements/post-incident-update.ts';
import { createComponent } from '../src/announcements/components.ts';
import { updateAnnouncementSettings } from '../src/announcements/settings.ts';
import { newAccount, testConfig, testDb } from '../tests/helpers.ts';

const argv = process.argv.slice(2);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SECONDS = Number(option('seconds') ?? 10);
const CONNECTIONS = Number(option('connections') ?? 64);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

console.log(`Status page under load, ${new Date().toISOString()}, ${cpus().length} CPUs, load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const db = await testDb();
const app = await buildApp({ db, config: testConfig(), logger: false });
const dir = mkdtempSync(join(tmpdir(), 'luister-bench-static-'));
// every route declares its permission (src/http/auth.ts): the plugin's file routes cannot, so the file is sent by a
// declared route through the plugin's sendFile (a stat and a stream, as the plugin's own route does; web.ts does the same)
await app.register(async (scope) => {
  await scope.register(fastifyStatic, { root: dir, serve: false, decorateReply: true });
  scope.get('/bench-static/:file', { config: { permission: 'public' }, schema: { hide: true } }, (req, reply) => reply.sendFile((req.params as { file: string }).file));
});
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

const acc = await newAccount(db, 'Blauw Telecom');
const actor = { accountId: acc.accountId, type: 'agent' as const, id: acc.adminId, role: 'admin' as const, agentId: acc.adminId };
// unique per run: a PostgreSQL database keeps the pages of earlier runs
const slug = db.kind === 'postgres' ? `blauw-${process.pid}` : 'blauw';
await updateAnnouncementSettings(db, actor, { status_slug: slug, status_name: 'Blauw Telecom', contact_route: '088 123 45 67' });
const comps: string[] = [];
for (const name of ['Internet', 'TV', 'Bellen', 'Mobiel', 'Mijn Blauw']) comps.push((await createComponent(db, actor, { name_nl: name, name_en: name })).id);
const parts = (k: number) => ({
  nl: { happened: `Storing ${k}: klanten in de regio hebben geen verbinding`, doing: 'Monteurs vervangen een kabel in de wijkcentrale', means: 'U heeft mogelijk tijdelijk geen internet of tv' },
  en: { happened: `Incident ${k}: customers in the area have no connection`, doing: 'Engineers are replacing a cable', means: 'You may have no internet or TV for a while' },
});
const now = Date.now();
const openIds: string[] = [];
for (let k = 0; k < 20; k++) {
  const open = k < 5;
  const t0 = open ? now - (k + 1) * HOUR : now - (k * 4 + 1) * DAY;
  const { incident } = await openIncident(db, actor, {
    title: { nl: `Storing ${k} in regio ${k % 7}`, en: `Outage ${k} in region ${k % 7}` }, impact: (['minor', 'major', 'critical'] as const)[k % 3], componentIds: [comps[k % 5]],
    update: { status: 'investigating', parts: parts(k), nextUpdateAt: new Date(t0 + HOUR), now: new Date(t0) },
  });
  await postIncidentUpdate(db, actor, incident.id, { status: 'identified', parts: parts(k), nextUpdateAt: new Date(open ? now + 2 * HOUR : t0 + 2 * HOUR), now: new Date(t0 + 30 * 60_000) });
  if (!open) await postIncidentUpdate(db, actor, incident.id, { status: 'resolved', parts: parts(k), now: new Date(t0 + 90 * 60_000) });
  else openIds.push(incident.id);
}
const page = await (await fetch(`${base}/status/${slug}`, { headers: { 'accept-language': 'nl' } })).text();
const summary = await (await fetch(`${base}/status/${slug}/api/v2/summary.json`)).text();
writeFileSync(join(dir, 'status.html'), page);
writeFileSync(join(dir, 'summary.json'), summary);
console.log(`Page: ${(page.length / 1024).toFixed(1)} KB HTML, summary.json ${(summary.length / 1024).toFixed(1)} KB; ${CONNECTIONS} connections, ${SECONDS} s per run`);

type Load = { requests: number; per_second: number; errors: number; p50_ms: number; p99_ms: number };
function load(path: string, seconds = SECONDS, server = base): Promise<Load> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${ROOT}bin/run-ts.mjs`, `${ROOT}bench/lib/http-load.ts`, `${server}${path}`, String(CONNECTIONS), String(seconds)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out.trim().split('\n').pop()!)) : reject(new Error(`load generator exited ${code}: ${out}`))));
  });
}
const show = (label: string, l: Load & { cpu_us?: number }) => console.log(`  ${label.padEnd(34)} ${l.per_second.toFixed(0).padStart(6)} req/s  p50 ${l.p50_ms.toFixed(1)} ms  p99 ${l.p99_ms.toFixed(1)} ms  errors ${l.errors}${l.cpu_us === undefined ? '' : `  server CPU ${l.cpu_us.toFixed(0)} µs/req`}`);

/**
 * The server's CPU per answered request in one run (user + system of this process, which only serves: the load
 * generator is a child). On a shared machine the req/s swing with the neighbours; the CPU a request costs does not.
 */
async function measured(path: string): Promise<Load & { cpu_us: number }> {
  const c0 = process.cpuUsage();
  const l = await load(path);
  const c = process.cpuUsage(c0);
  return { ...l, cpu_us: (c.user + c.system) / Math.max(1, l.requests) };
}

async function compare(label: string, path: string, staticPath: string) {
  const pageRuns: number[] = [];
  const staticRuns: number[] = [];
  const pageCpu: number[] = [];
  const staticCpu: number[] = [];
  // warm-up of both (JIT, the page's cache), not counted
  await load(staticPath, 2);
  await load(path, 2);
  for (let round = 0; round < 2; round++) {
    const s = await measured(staticPath);
    show(`static ${staticPath}`, s);
    staticRuns.push(s.per_second);
    staticCpu.push(s.cpu_us);
    const p = await measured(path);
    show(`${label} ${path}`, p);
    pageRuns.push(p.per_second);
    pageCpu.push(p.cpu_us);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(`${label}: ${mean(pageRuns).toFixed(0)} req/s vs static ${mean(staticRuns).toFixed(0)} req/s = ${(mean(pageRuns) / mean(staticRuns)).toFixed(2)}`);
  // the CPU ratio: how many page answers the server's CPU gives for one static answer (≥ 1: the page is cheaper)
  console.log(`${label}: server CPU ${mean(pageCpu).toFixed(0)} µs a request vs static ${mean(staticCpu).toFixed(0)} µs = ${(mean(staticCpu) / mean(pageCpu)).toFixed(2)} (CPU-based ratio)`);
  return { page: mean(pageRuns), static: mean(staticRuns), cpu: mean(staticCpu) / mean(pageCpu) };
}
const html = await compare('HTML page', `/status/${slug}`, '/bench-static/status.html');
const json = await compare('summary.json', `/status/${slug}/api/v2/summary.json`, '/bench-static/summary.json');

// freshness under load: post an update over HTTP, poll the page until it shows it
console.log('Freshness (an update posted while the page is under load):');
const background = load(`/status/${slug}`, 5 * 2 + 4);
const seen: number[] = [];
const answers: number[] = [];
await new Promise((r) => setTimeout(r, 1000));
for (let k = 0; k < 5; k++) {
  const marker = `Bijgewerkt ${k}-${Date.now()}`;
  const t = performance.now();
  const r = await fetch(`${base}/api/v1/incidents/${openIds[k]}/updates`, {
    method: 'POST', headers: { ...acc.auth, 'content-type': 'application/json' },
    body: JSON.stringify({ status: 'monitoring', parts: { nl: { ...parts(k).nl, happened: marker } }, next_update_at: new Date(Date.now() + 3 * HOUR).toISOString() }),
  });
  if (r.status !== 201) throw new Error(`update: ${r.status} ${await r.text()}`);
  const answered = performance.now() - t;
  let polls = 0;
  for (;;) {
    polls++;
    const body = await (await fetch(`${base}/status/${slug}`, { headers: { 'accept-language': 'nl' } })).text();
    if (body.includes(marker)) break;
    await new Promise((r2) => setTimeout(r2, 5));
  }
  seen.push(performance.now() - t);
  answers.push(answered);
  console.log(`  update ${k}: visible ${seen[k].toFixed(0)} ms after the POST was sent (POST answered after ${answered.toFixed(0)} ms; page requests until seen: ${polls})`);
  await new Promise((r2) => setTimeout(r2, 1000));
}
show('page load meanwhile', await background);
const worst = Math.max(...seen);

// on PostgreSQL: a second server process on the same database; the update is posted to the first, the page read from the second
let crossNote = '';
if (db.kind === 'postgres') {
  const second = spawn(process.execPath, [`${ROOT}bin/run-ts.mjs`, `${ROOT}bench/lib/status-server.ts`], { stdio: ['pipe', 'pipe', 'inherit'], env: process.env });
  const port = await new Promise<string>((resolve) => second.stdout.once('data', (d) => resolve(String(d).trim())));
  const other = `http://127.0.0.1:${port}`;
  console.log(`Freshness across processes (update posted to this process, page read from a second one on port ${port}, under load):`);
  await fetch(`${other}/status/${slug}`);
  const otherLoad = load(`/status/${slug}`, 5 * 2 + 4, other);
  const across: number[] = [];
  await new Promise((r) => setTimeout(r, 1000));
  for (let k = 0; k < 5; k++) {
    const marker = `Elders ${k}-${Date.now()}`;
    const t = performance.now();
    const r = await fetch(`${base}/api/v1/incidents/${openIds[k]}/updates`, {
      method: 'POST', headers: { ...acc.auth, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'monitoring', parts: { nl: { ...parts(k).nl, happened: marker } }, next_update_at: new Date(Date.now() + 3 * HOUR).toISOString() }),
    });
    if (r.status !== 201) throw new Error(`update: ${r.status} ${await r.text()}`);
    const answered = performance.now() - t;
    let stale = 0;
    for (;;) {
      const body = await (await fetch(`${other}/status/${slug}`, { headers: { 'accept-language': 'nl' } })).text();
      if (body.includes(marker)) break;
      stale++;
      await new Promise((r2) => setTimeout(r2, 2));
    }
    across.push(performance.now() - t);
    console.log(`  update ${k}: visible in the other process ${across[k].toFixed(0)} ms after the POST was sent (POST answered after ${answered.toFixed(0)} ms; stale answers read after the POST was answered: ${stale})`);
    await new Promise((r2) => setTimeout(r2, 1000));
  }
  show('other process load meanwhile', await otherLoad);
  second.stdin.end();
  await new Promise((r) => second.once('exit', r));
  crossNote = `; across processes worst ${Math.max(...across).toFixed(0)} ms`;
  console.log(`Freshness across processes: worst ${Math.max(...across).toFixed(0)} ms, median ${[...across].sort((a, b) => a - b)[2].toFixed(0)} ms`);
}
console.log(`Freshness: worst ${worst.toFixed(0)} ms, median ${[...seen].sort((a, b) => a - b)[2].toFixed(0)} ms (goal ≤ 1000 ms); the POST's own answer: median ${[...answers].sort((a, b) => a - b)[2].toFixed(0)} ms`);
console.log(`summary.json: ${json.page.toFixed(0)} req/s vs static ${json.static.toFixed(0)} = ${(json.page / json.static).toFixed(2)}${crossNote}`);

await app.close();
await db.close();
rmSync(dir, { recursive: true, force: true });
console.log(`CPU-based ratios (static CPU per request / page CPU per request): HTML ${html.cpu.toFixed(2)}, summary.json ${json.cpu.toFixed(2)}`);
console.log(`RESULT status_page_html_vs_static ${html.page.toFixed(0)} req/s baseline=${html.static.toFixed(0)} ratio=${(html.page / html.static).toFixed(2)} cpu_ratio=${html.cpu.toFixed(2)}`);
process.exit(0);
