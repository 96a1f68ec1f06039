/**
 * A small closed-loop HTTP load generator, run as its own process so it does not share the server's
 * event loop: `node bin/run-ts.mjs bench/lib/http-load.ts <url> <connections> <seconds>`. Each of the
 * connections (keep-alive) sends the next GET as soon as the last answer is read. Prints one JSON line:
 * { requests, per_second, errors, p50_ms, p99_ms, bytes }.
 */
import http from 'node:http';

const [url, connArg, secArg] = process.argv.slice(2);
const connections = Number(connArg ?? 64);
const seconds = Number(secArg ?? 10);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const u = new URL(url);
const times: number[] = [];
let errors = 0;
let bytes = 0;
const deadline = performance.now() + seconds * 1000;

function one(): Promise<void> {
  return new Promise((resolve) => {
    const t = performance.now();
    const req = http.get({ host: u.hostname, port: u.port, path: u.pathname + u.search, agent, headers: { 'accept-language': 'nl' } }, (res) => {
      res.on('data', (c: Buffer) => (bytes += c.length));
      res.on('end', () => {
        if (res.statusCode === 200) times.push(performance.now() - t);
        else errors++;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
  });
}
const start = performance.now();
await Promise.all(Array.from({ length: connections }, async () => {
  while (performance.now() < deadline) await one();
}));
const elapsed = (performance.now() - start) / 1000;
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
console.log(JSON.stringify({ requests: times.length, per_second: times.length / elapsed, errors, p50_ms: q(0.5), p99_ms: q(0.99), bytes }));
agent.destroy();
