/**
 * Idle server footprint and start-up time on PGlite: `node bin/run-ts.mjs bench/server.ts`
 *
 * Prepares a data folder (one `luister serve` run to migrate it, then `luister account create`), then starts
 * `node bin/luister.mjs serve` BENCH_STARTS (default 5) times on that existing folder. Each time: start-up = spawn until
 * the first 200 from /healthz; then ~5 s idle and VmRSS from /proc/<pid>/status; then SIGTERM.
 * Prints the medians and one `RESULT` line (idle RSS in MB, baseline = the 250 MB goal); never asserts.
 *
 * Env: BENCH_STARTS (5), BENCH_IDLE_MS (5000).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const IDLE_MS = Number(process.env.BENCH_IDLE_MS ?? 5000);
const GOAL_RSS_MB = 250;
const GOAL_START_MS = 3000;
const ROOT = fileURLToPath(new URL('../', import.meta.url));
// the server as `npm start` runs it: compiled JavaScript (npm run build)
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function healthz(port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(0));
  });
}

function procStatus(pid: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')) {
    const m = /^(Vm\w+|Rss\w+|Threads):\s+(\d+)/.exec(line);
    if (m) out[m[1]] = Number(m[2]);
  }
  return out;
}

interface Started {
  child: ChildProcess;
  startupMs: number;
  output: () => string;
}

/** Spawns `luister serve` and polls /healthz every 10 ms until it answers 200. */
async function start(env: NodeJS.ProcessEnv, port: number): Promise<Started> {
  let output = '';
  const t0 = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  child.once('exit', () => (exited = true));
  while (true) {
    if (exited) throw new Error(`luister serve exited before it was ready:\n${output}`);
    if ((await healthz(port)) === 200) break;
    if (performance.now() - t0 > 240_000) throw new Error(`not ready after 240 s (migrating a new folder on a busy machine is slow):\n${output}`);
    await sleep(10);
  }
  return { child, startupMs: performance.now() - t0, output: () => output };
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    const kill = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(kill);
      resolve(code);
    });
    child.kill('SIGTERM');
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'luister-bench-server-'));
try {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SMTP_PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: '', // PGlite
  };
  console.log(`Server benchmark: luister serve on PGlite, DATA_DIR ${dataDir}, port ${port}, node ${process.version}`);

  // First run: creates and migrates the database; then an account, as on a real installation.
  const first = await start(env, port);
  console.log(`first start (new data folder, migrations): ${first.startupMs.toFixed(0)} ms`);
  await stop(first.child);
  const acct = spawnSync(process.execPath, [CLI, 'account', 'create', '--name', 'Bench BV', '--admin-email', 'admin@bench.nl'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (acct.status !== 0) console.log(`NOTE: account create failed (${acct.status}): ${acct.stderr || acct.stdout}`);

  const startups: number[] = [];
  const rss: number[] = [];
  for (let i = 1; i <= STARTS; i++) {
    const s = await start(env, port);
    const ready = /ready at \S+ \(.*?(\d+) ms\)/.exec(s.output());
    await sleep(IDLE_MS);
    const st = procStatus(s.child.pid!);
    const code = await stop(s.child);
    startups.push(s.startupMs);
    rss.push(st.VmRSS / 1024);
    console.log(
      `start ${i}: ready (first 200 from /healthz) after ${s.startupMs.toFixed(0)} ms` +
        (ready ? ` (server's own count ${ready[1]} ms)` : '') +
        `; idle ${IDLE_MS / 1000} s: VmRSS ${(st.VmRSS / 1024).toFixed(1)} MB, VmHWM ${(st.VmHWM / 1024).toFixed(1)} MB, ` +
        `${st.Threads} threads; SIGTERM exit code ${code}`,
    );
  }
  const rssMb = median(rss);
  console.log('');
  console.log(`startup median ${median(startups).toFixed(0)} ms over ${STARTS} starts (goal <= ${GOAL_START_MS} ms)`);
  console.log(`idle RSS median ${rssMb.toFixed(1)} MB (goal <= ${GOAL_RSS_MB} MB)`);
  console.log(`RESULT server_idle_rss ${rssMb.toFixed(1)} MB baseline=${GOAL_RSS_MB} ratio=${(rssMb / GOAL_RSS_MB).toFixed(2)}`);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
