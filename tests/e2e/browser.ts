import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { WEB_DIST } from '../../src/http/routes/web.ts';

/**
 * What the browser tests share: Debian's Chromium (never a downloaded browser), building the
 * workspace once even when several test files start at the same time, axe-core in the page.
 */
export const CHROMIUM = '/usr/bin/chromium';
// UPDATE_SCREENSHOTS=1 refreshes the README's pictures; otherwise they go to a temporary folder (no churn in git)
export const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS ? 'docs/screenshots' : join(tmpdir(), 'luister-screenshots');
export const PASSWORD = 'lang en veilig wachtwoord 42';

export function chromiumMissing(): string | false {
  if (existsSync(CHROMIUM)) return false;
  if (process.env.CI === 'true') throw new Error(`${CHROMIUM} not found: .ci/run installs chromium; under CI the browser tests may not skip`);
  return `Chromium is not installed at ${CHROMIUM} (apt-get install chromium): browser tests skipped`;
}

const newest = (dir: string): number =>
  readdirSync(dir).reduce((t, n) => {
    const s = statSync(join(dir, n));
    return Math.max(t, s.isDirectory() ? newest(join(dir, n)) : s.mtimeMs);
  }, 0);

function fresh(): boolean {
  const built = join(WEB_DIST, 'index.html');
  const sources = Math.max(newest('web/src'), statSync('web/index.html').mtimeMs, statSync('web/vite.config.ts').mtimeMs);
  return existsSync(built) && statSync(built).mtimeMs >= sources;
}

/**
 * Build web/dist when it is missing or older than a source file (about a second). The test files
 * run in parallel: a lock directory makes the others wait for the one that builds.
 */
export async function buildWorkspace() {
  if (fresh()) return;
  const lock = join(tmpdir(), `luister-web-build-${Buffer.from(process.cwd()).toString('hex').slice(-32)}`);
  for (let waited = 0; ; waited += 100) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock older than a minute belongs to a test run that died
      const held = statSync(lock, { throwIfNoEntry: false });
      if (waited > 60_000 || (held && Date.now() - held.mtimeMs > 60_000)) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    if (fresh()) return;
    const res = spawnSync(process.execPath, ['scripts/build.mjs', 'web'], { encoding: 'utf8' });
    assert.equal(res.status, 0, `building the workspace failed:\n${res.stdout}\n${res.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

/** axe-core in the page (evaluated over the DevTools protocol, so the page's CSP stays as strict as in production). */
export async function assertAccessible(page: Page, screen: string) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${screen}: axe found serious or critical violations:\n${JSON.stringify(bad, null, 2)}`);
}

/** Collect script errors, CSP violations and failed API calls of a page; the test asserts the list stays empty. */
export function watch(page: Page, problems: string[]) {
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && !/Failed to load resource/.test(m.text()) && problems.push(`console: ${m.text()}`));
  // before signing in /api/v1/me answers 401: expected; anything else failing is a bug
  page.on('response', (r) => r.status() >= 400 && !(r.status() === 401 && r.url().endsWith('/api/v1/me')) && problems.push(`${r.status()} ${r.url()}`));
}

/** Sign a browser context in without the form (the sign-in screen has its own test): the session cookie lands in the context. */
export async function signIn(context: BrowserContext, base: string, email: string) {
  const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { email, password: PASSWORD } });
  assert.equal(res.status(), 200, await res.text());
}

/** A Dutch workspace context at desk size, signed in as `email`, with one page whose errors land in `problems`. */
export async function signedInPage(browser: Browser, base: string, email: string, problems: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1360, height: 900 } });
  await signIn(context, base, email);
  const page = await context.newPage();
  watch(page, problems);
  return { context, page };
}
