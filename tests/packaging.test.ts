import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { builtinModules } from 'node:module';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * What a new user meets before any code runs: `npm ci --omit=dev && npm start` needs nothing from
 * the dev dependencies, the supported Node.js lines are declared, the docs link only to files in
 * the repository, and CI's scripts keep their logs to themselves.
 */
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

function files(dir: string, keep: (f: string) => boolean, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'dist') files(p, keep, out);
    } else if (keep(p)) out.push(p);
  }
  return out;
}

/** The npm packages a file imports (static and dynamic imports, `import.meta.resolve`). */
function packagesOf(source: string): string[] {
  const out = new Set<string>();
  const specs = [
    ...source.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/^\s*import\s*['"]([^'"]+)['"]/gm),
    ...source.matchAll(/\bimport(?:\.meta\.resolve)?\(\s*['"]([^'"]+)['"]/g),
  ].map((m) => m[1]);
  for (const spec of specs) {
    if (spec.startsWith('.') || spec.startsWith('/')) continue;
    if (spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0])) continue;
    out.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
  }
  return [...out];
}

test('npm start needs only the dependencies: what the server, the CLI and the workspace build import is in "dependencies"', () => {
  const runtime = [
    ...files('src', (f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts')),
    ...files('web', (f) => /\.tsx?$/.test(f)),
    'bin/luister.mjs',
    'scripts/build.mjs',
  ];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const f of runtime) {
    for (const p of packagesOf(readFileSync(f, 'utf8'))) {
      seen.add(p);
      if (!(p in pkg.dependencies)) missing.push(`${f}: ${p}`);
    }
  }
  assert.deepEqual(missing, []);
  for (const p of ['fastify', 'react', 'react-i18next', 'vite', 'tsx']) assert.ok(seen.has(p), `the scan sees ${p}`);
  // `npm start` builds only the workspace (Vite) and runs the sources with tsx: no TypeScript compiler needed
  assert.match(pkg.scripts.start, /^node scripts\/build\.mjs web --if-stale && node bin\/luister\.mjs serve$/);
  for (const p of ['vite', '@vitejs/plugin-react', 'tsx']) assert.ok(p in pkg.dependencies, p);
});

test('packages only tests and benchmarks use are dev dependencies (email-reply-parser)', () => {
  assert.ok(!('email-reply-parser' in pkg.dependencies));
  assert.ok('email-reply-parser' in pkg.devDependencies);
});

test('the supported Node.js lines are the current LTS ones: 22 and 24', () => {
  assert.equal(pkg.engines.node, '^22.12.0 || >=24.0.0');
});

test('the README and docs link only to files inside the repository, and those exist', () => {
  const root = resolve('.');
  const bad: string[] = [];
  for (const doc of ['README.md', ...files('docs', (f) => f.endsWith('.md'))]) {
    for (const m of readFileSync(doc, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = m[1].split('#')[0];
      if (!target || /^[a-z]+:/.test(target)) continue;
      const path = resolve(dirname(doc), target);
      if (!path.startsWith(`${root}/`) && path !== root) bad.push(`${doc}: ${m[1]} points outside the repository`);
      else if (!existsSync(path)) bad.push(`${doc}: ${m[1]} does not exist`);
    }
  }
  assert.deepEqual(bad, []);
});

test('.ci/run keeps its logs in a folder of its own (two runs never clash) and ends with "N passed, N failed"', () => {
  const ci = readFileSync('.ci/run', 'utf8');
  assert.equal(spawnSync('bash', ['-n', '.ci/run']).status, 0, 'valid bash');
  assert.doesNotMatch(ci, /["'\s]\/tmp\//, 'no fixed /tmp paths');
  assert.match(ci, /work="\$\(mktemp -d/);
  assert.match(ci, /echo "\$passed passed, \$failed failed"/);
  // the suite runs on Node.js LTS binaries from the npm registry
  assert.match(ci, /node-\$\(node -p 'process.platform'\)-\$\(node -p 'process.arch'\)@\$1/);
});
