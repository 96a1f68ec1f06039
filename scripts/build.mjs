#!/usr/bin/env node
// `npm run build`: compile src/ to dist/ (plain JavaScript, no TypeScript loader at run time) and
// copy the SQL migrations beside it. `npm start` runs the compiled server.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

rmSync('dist', { recursive: true, force: true });
// typescript's package exports do not list its bin; it lives at a fixed place in node_modules
const tsc = join('node_modules', 'typescript', 'bin', 'tsc');
const res = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (res.status !== 0) process.exit(res.status ?? 1);
mkdirSync('dist/storage/migrations', { recursive: true });
cpSync('src/storage/migrations', 'dist/storage/migrations', { recursive: true, filter: (f) => !f.endsWith('.ts') });
