#!/usr/bin/env node
// `npm run build`: compile src/ to dist/ (plain JavaScript, no TypeScript loader at run time), copy
// the SQL migrations beside it, and build the agent workspace (web/) into web/dist with Vite.
// `node dist/cli/main.js serve` runs the compiled server, which serves web/dist at /app/.
// `node scripts/build.mjs web` builds only the workspace; with `--if-stale` only when web/dist is
// missing or older than a source file (what `npm start` does before it runs the server from its
// TypeScript sources). The workspace build needs only the dependencies (npm ci --omit=dev); the
// server build needs typescript and the type packages (devDependencies).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const only = process.argv[2];
const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

function run(label, args) {
  const t0 = performance.now();
  const res = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
  return seconds(t0);
}

if (only !== 'web') {
  rmSync('dist', { recursive: true, force: true });
  // typescript's package exports do not list its bin; it lives at a fixed place in node_modules
  const took = run('server', [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json']);
  mkdirSync('dist/storage/migrations', { recursive: true });
  cpSync('src/storage/migrations', 'dist/storage/migrations', { recursive: true, filter: (f) => !f.endsWith('.ts') });
  cpSync('src/listening/message-model/weights.json', 'dist/listening/message-model/weights.json'); // the message model's weights
  // the chat widget is served as written (plain JavaScript, no build step)
  cpSync('src/http/public/widget.js', 'dist/http/public/widget.js');
  console.log(`build: server compiled in ${took}`);
}

if (process.argv.includes('--if-stale') && workspaceFresh()) process.exit(0);
const took = run('web', [join('node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
console.log(`build: workspace built in ${took}; first screen JavaScript ${firstScreenKb()} KB gzipped (web/dist)`);

/** The entry chunk and everything it imports statically: what a browser loads before the sign-in screen shows. */
function firstScreenKb() {
  const manifest = JSON.parse(readFileSync('web/dist/.vite/manifest.json', 'utf8'));
  const seen = new Set();
  const visit = (key) => {
    if (seen.has(key)) return;
    seen.add(key);
    for (const k of manifest[key].imports ?? []) visit(k);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const bytes = [...seen].reduce((n, k) => n + gzipSync(readFileSync(join('web/dist', manifest[k].file))).length, 0);
  return (bytes / 1024).toFixed(1);
}

/** web/dist/index.html is newer than every file of the workspace's sources. */
function workspaceFresh() {
  const newest = (dir) =>
    readdirSync(dir).reduce((t, n) => {
      const s = statSync(join(dir, n));
      return Math.max(t, s.isDirectory() ? newest(join(dir, n)) : s.mtimeMs);
    }, 0);
  const built = 'web/dist/index.html';
  if (!existsSync(built)) return false;
  const sources = Math.max(newest('web/src'), statSync('web/index.html').mtimeMs, statSync('web/vite.config.ts').mtimeMs);
  return statSync(built).mtimeMs >= sources;
}
