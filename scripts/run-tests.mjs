#!/usr/bin/env node
// `npm test`: unit tests beside the code (src/**/*.test.ts) and integration tests (tests/**/*.test.ts)
// with node's own test runner. On PGlite by default; on PostgreSQL when DATABASE_URL is set.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) find(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filter = process.argv.slice(2);
let files = [...find('src'), ...find('tests')].sort();
if (filter.length) files = files.filter((f) => filter.some((x) => f.includes(x)));
console.log(`Running ${files.length} test files on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`);
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
});
process.exit(res.status ?? 1);
