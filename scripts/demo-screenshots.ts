// The first run in pictures: signs in to a running Luister with a demo agent and photographs the
// main screens in Dutch into docs/screenshots/demo-*.png (Debian's Chromium, headless).
//
//   npx luister demo                      # prints the password
//   npm start &
//   LUISTER_URL=http://localhost:8080 DEMO_EMAIL=joris@demo.luister.example DEMO_PASSWORD=… \
//     node bin/run-ts.mjs scripts/demo-screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';

const base = process.env.LUISTER_URL ?? 'http://localhost:8080';
const email = process.env.DEMO_EMAIL ?? 'joris@demo.luister.example';
const password = process.env.DEMO_PASSWORD;
const out = process.argv[2] ?? 'docs/screenshots';
if (!password) throw new Error('DEMO_PASSWORD: the password `npx luister demo` printed');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', viewport: { width: 1360, height: 860 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const shot = async (name: string, fullPage = false) => {
    await page.waitForLoadState('networkidle');
    await page.screenshot({ path: `${out}/demo-${name}.png`, fullPage });
    console.log(`${out}/demo-${name}.png`);
  };
  const open = async (path: string, ready: (p: Page) => Promise<unknown>) => {
    await page.goto(`${base}${path}`);
    await ready(page);
  };

  await open('/app/', (p) => p.getByRole('heading', { name: 'Aanmelden bij Luister' }).waitFor());
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await shot('sign-in');
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.locator('table.cases tbody tr').first().waitFor();
  await shot('inbox');

  // the case passed around most ("van het kastje naar de muur")
  const passed = await page.evaluate(async () => (await (await fetch('/api/v1/cases?passed_around=2&limit=1')).json()).data[0]?.ref as string | undefined);
  if (passed) {
    await open(`/app/cases/${passed}`, (p) => p.locator('.timeline .entry').nth(3).waitFor());
    await shot('case', true);
  }
  await open('/app/problems', (p) => p.locator('article.signal').first().waitFor());
  await shot('problems', true);
  const problem = await page.locator('section.problems a').first().getAttribute('href');
  if (problem) {
    await open(problem, (p) => p.locator('table.cases tbody tr').first().waitFor());
    await shot('problem', true);
  }
  await open('/app/promises', (p) => p.locator('main table tbody tr').first().waitFor());
  await shot('promises', true);
  await open('/app/knowledge', (p) => p.locator('main table tbody tr').first().waitFor());
  await shot('knowledge');
  await open('/app/dashboard', (p) => p.locator('.kpis .kpi').first().waitFor());
  await shot('dashboard', true);
} finally {
  await browser.close();
}
