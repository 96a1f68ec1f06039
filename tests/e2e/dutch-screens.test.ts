import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { listTopics } from '../../src/listening/manage-topics.ts';
import type { Db } from '../../src/storage/db.ts';
import { testConfig, testDb } from '../helpers.ts';
import { buildWorkspace, chromiumMissing, launch, watch } from './browser.ts';

/**
 * The Dutch workspace over the demo's fortnight, screen by screen, as a new user walks it: the
 * visible text (and the labels a screen reader reads) may hold no raw i18n key ("inbox.caption",
 * "case.transfer_accepted", "pending_customer") and none of the English words below. What the
 * customers and agents wrote is data, not the interface: it is taken out before the scan (the
 * demo has English-speaking customers on purpose).
 */
const ENGLISH = [
  'phone', 'internal', 'system', 'gold', 'silver', 'standard', 'spike', 'distinct', 'customer', 'customers', 'within', 'threshold',
  'expected', 'against', 'queued', 'failed', 'pending', 'supervisor', 'agent', 'token', 'case', 'cases', 'promise', 'promises',
  'warning', 'warnings', 'the', 'and', 'with', 'topic', 'topics', 'solved', 'closed', 'breached', 'kept', 'callback', 'refund',
  'complaint', 'question', 'hours', 'related', 'social', 'new', 'sent', 'draft', 'unknown', 'loading', 'error', 'undefined', 'null', 'nan',
];

const skip = chromiumMissing();

/** In the page: visible text nodes (and those a screen reader reads) and aria-label/title/placeholder, less the account's data. */
const INTERFACE_TEXT = `(data) => {
  const isData = (s) => data.some((d) => d === s || (s.length >= 8 && d.includes(s)));
  // a label that names data ("Terugbetaald: <the promise's own words>") is scanned without that data
  const withoutData = (s) => data.reduce((t, d) => (d.length >= 8 && t.includes(d) ? t.split(d).join(' ') : t), s);
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = (n.textContent || '').replace(/\\s+/g, ' ').trim();
    if (!text || !el || el.closest('script, style, [hidden]')) continue;
    const shown = el.closest('select, .visually-hidden, caption, title') || el.getClientRects().length > 0;
    if (shown && !isData(text)) out.push(withoutData(text));
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
    for (const a of ['aria-label', 'title', 'placeholder']) {
      const v = (el.getAttribute(a) || '').trim();
      if (v && !isData(v)) out.push(withoutData(v));
    }
  }
  return out;
}`;

describe('the Dutch workspace over the demo data', { skip }, () => {
  let db: Db;
  let app: FastifyInstance;
  let browser: Browser;
  let context: BrowserContext;
  let base: string;
  let demo: Awaited<ReturnType<typeof loadDemo>>;
  let data: string[];
  const problems: string[] = [];

  before(async () => {
    await buildWorkspace();
    db = await testDb();
    demo = await loadDemo(db, { password: 'demo-wachtwoord-42' });
    app = await buildApp({ db, config: testConfig(), logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    data = await accountData(db, demo.account_id);
    browser = await launch();
    context = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1360, height: 900 } });
    const res = await context.request.post(`${base}/api/v1/auth/login`, { data: { email: demo.agents.find((a) => a.role === 'supervisor')!.email, password: demo.password } });
    assert.equal(res.status(), 200, await res.text());
  });

  after(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  /** The interface text of the page: visible text nodes and aria-label/title/placeholder, without the account's data. */
  async function interfaceText(page: Page): Promise<string[]> {
    // a string, not a function: tsx would add helpers (__name) to a function that the page does not have
    return (await page.evaluate(`(${INTERFACE_TEXT})(${JSON.stringify(data)})`)) as string[];
  }

  function findings(screen: string, texts: string[]): string[] {
    const bad: string[] = [];
    for (const text of texts) {
      // {{customer.first_name}} is template syntax an agent types, not a text
      for (const token of text.replace(/\{\{[^}]*\}\}/g, ' ').split(/[\s·,;:()“”"!?]+/)) {
        const word = token.replace(/^[^\p{L}]+|[^\p{L}_.]+$/gu, '').replace(/\.$/, '');
        if (!word || word.includes('@') || word.includes('/')) continue;
        if (/^[a-z]+(\.[a-z_]+)+$/.test(word) && !/^[a-z]+\.(nl|com|org|example|test)$/.test(word)) bad.push(`${screen}: raw key "${word}" in "${text}"`);
        else if (/^[a-z]+_[a-z_]+$/.test(word)) bad.push(`${screen}: raw value "${word}" in "${text}"`);
        else if (ENGLISH.includes(word.toLowerCase())) bad.push(`${screen}: English "${word}" in "${text}"`);
      }
    }
    return bad;
  }

  async function visit(page: Page, screen: string, path: string, ready: (p: Page) => Promise<unknown>) {
    await page.goto(`${base}${path}`);
    await ready(page);
    await page.waitForLoadState('networkidle');
    return findings(screen, await interfaceText(page));
  }

  test('every main screen speaks Dutch: inbox, cases, problems, a problem, promises, knowledge, an article, the dashboard, the channels', async () => {
    const page = await context.newPage();
    watch(page, problems);
    const stories = Object.values(demo.cases);
    const [parkingRef] = stories[0];
    const [contractRef] = stories[2];
    const bad: string[] = [];
    bad.push(...(await visit(page, 'inbox', '/app/', (p) => p.locator('table.cases tbody tr').first().waitFor())));
    // the inbox by topic: the filter shows the topics
    await page.locator('#topic-filter').waitFor();
    bad.push(...findings('inbox topics', await page.locator('#topic-filter option').allInnerTexts()));
    // a case passed around three times, by phone, of a gold customer, with a promise; and one of today's parking cases
    bad.push(...(await visit(page, `case ${contractRef}`, `/app/cases/${contractRef}`, (p) => p.locator('.timeline .entry').nth(5).waitFor())));
    bad.push(...(await visit(page, `case ${parkingRef}`, `/app/cases/${parkingRef}`, (p) => p.locator('.timeline .entry').first().waitFor())));
    bad.push(...(await visit(page, 'problems', '/app/problems', (p) => p.locator('.signal').first().waitFor())));
    const problemHref = await page.locator('section.problems a').first().getAttribute('href');
    assert.ok(problemHref, 'the demo has a problem on the board');
    bad.push(...(await visit(page, 'problem', problemHref, (p) => p.locator('table.cases tbody tr').first().waitFor())));
    bad.push(...(await visit(page, 'promises', '/app/promises', (p) => p.locator('main table tbody tr').first().waitFor())));
    bad.push(...(await visit(page, 'knowledge', '/app/knowledge', (p) => p.locator('main table tbody tr').first().waitFor())));
    const articleHref = await page.locator('main table tbody tr a').first().getAttribute('href');
    bad.push(...(await visit(page, 'article', articleHref!, (p) => p.locator('main form, main article').first().waitFor())));
    bad.push(...(await visit(page, 'dashboard', '/app/dashboard', (p) => p.locator('.kpis .kpi').first().waitFor())));
    bad.push(...(await visit(page, 'channels (not an admin)', '/app/channels', (p) => p.getByText('Alleen beheerders kunnen de kanalen instellen.').waitFor())));
    assert.deepEqual(bad, []);
    assert.deepEqual(problems, []);
  });

  test('the signal cards show why in Dutch, the example messages themselves and a chart, also for a new topic', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/app/problems`);
    const cards = page.locator('article.signal');
    await cards.first().waitFor();
    assert.ok((await cards.count()) >= 2);
    for (let i = 0; i < (await cards.count()); i++) {
      const card = cards.nth(i);
      const text = await card.innerText();
      assert.match(text, /Piek|Nieuw onderwerp|Opvallende woorden|stijging|schommelt|patroon/, text);
      assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}-/, 'no message ids');
      assert.ok((await card.locator('figure.spike svg rect.bar').count()) >= 12, 'a chart of the hours');
      assert.ok((await card.locator('.examples q').count()) >= 1, 'example messages');
    }
  });

  test('the inbox\'s topic filter stays inside the page and shows the whole topic', async () => {
    const page = await context.newPage();
    await page.goto(`${base}/app/`);
    const select = page.locator('#topic-filter');
    await select.waitFor();
    const [box, list] = await Promise.all([select.boundingBox(), page.locator('section.list').boundingBox()]);
    assert.ok(box && list && box.x >= list.x && box.x + box.width <= list.x + list.width + 1, `the filter (${box?.x}+${box?.width}) stays inside the list (${list?.x}+${list?.width})`);
    // as wide as its longest topic: the text of an option, in the select's own font, plus room for the arrow
    const room = await page.evaluate(`(() => {
      const el = document.getElementById('topic-filter');
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d');
      ctx.font = style.font;
      const widest = Math.max(...[...el.options].map((o) => ctx.measureText(o.text).width));
      return { widest, inner: el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) };
    })()`) as { widest: number; inner: number };
    assert.ok(room.widest <= room.inner, `the longest topic (${room.widest} px) fits the select (${room.inner} px)`);
  });
});

/** Everything the account's people wrote or named: subjects, messages, names, addresses, articles, topics, titles, and the
 * reply drafts (an apology to an English-speaking customer is in English). */
async function accountData(db: Db, accountId: string): Promise<string[]> {
  const rows = await db.query<{ s: string }>(
    `SELECT subject AS s FROM cases WHERE account_id = $1
     UNION SELECT body FROM messages WHERE account_id = $1
     UNION SELECT name FROM customers WHERE account_id = $1
     UNION SELECT value FROM customer_identities WHERE account_id = $1
     UNION SELECT name FROM agents WHERE account_id = $1 UNION SELECT email FROM agents WHERE account_id = $1
     UNION SELECT title FROM article_translations WHERE account_id = $1 UNION SELECT body FROM article_translations WHERE account_id = $1
     UNION SELECT title FROM problems WHERE account_id = $1 UNION SELECT root_cause FROM problems WHERE account_id = $1 AND root_cause IS NOT NULL
     UNION SELECT title FROM signals WHERE account_id = $1
     UNION SELECT description FROM promises WHERE account_id = $1
     UNION SELECT body FROM drafts WHERE account_id = $1
     UNION SELECT name FROM teams WHERE account_id = $1 UNION SELECT name FROM accounts WHERE account_id = $1
     UNION SELECT unnest(tags) FROM articles WHERE account_id = $1`,
    [accountId],
  );
  const topics = await listTopics(db, accountId, 200);
  return [...rows.map((r) => r.s.replace(/\s+/g, ' ').trim()), ...topics.map((t) => t.label)];
}
