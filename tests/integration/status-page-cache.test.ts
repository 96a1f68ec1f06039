import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDb, type Db } from '../../src/storage/db.ts';
import { LiveHub } from '../../src/live/hub.ts';
import { LIVE_CHANNEL } from '../../src/live/notice.ts';
import { StatusPageCache } from '../../src/http/public/status-page-cache.ts';
import { STATUS_PAGE_CHANGED } from '../../src/announcements/status-changes.ts';
import { newAccount, testApp, type TestAccount, type TestContext } from '../helpers.ts';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 15: the status page is served from memory and dropped by the live notice a change sends. "Another server
 * process" is a second cache on its own database connection (a second pool on PostgreSQL); its changes are made with
 * plain SQL and a NOTIFY, so this process's before-commit hint plays no part.
 */
describe('status page cache', () => {
  let ctx: TestContext;
  let acc: TestAccount;
  let slug: string;
  let other: Db;
  let hub: LiveHub;
  let cache: StatusPageCache;
  let up = true;
  const inject = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    ctx.app.inject({ method, url, payload: payload as never, headers: { ...acc.auth, ...headers } });

  /** A change committed elsewhere: the version goes up and the notice goes out on commit (or not, when notify is false). */
  async function changeElsewhere(sql: string, notify = true) {
    await ctx.db.transaction(async (tx) => {
      await tx.query(sql, [acc.accountId]);
      const [{ status_version }] = await tx.query<{ status_version: number }>(
        'UPDATE announcement_settings SET status_version = status_version + 1 WHERE account_id = $1 RETURNING status_version', [acc.accountId]);
      if (notify) await tx.query('SELECT pg_notify($1, $2)', [LIVE_CHANNEL, JSON.stringify({ account_id: acc.accountId, event: STATUS_PAGE_CHANGED, at: new Date().toISOString(), version: Number(status_version) })]);
    });
  }
  async function until(what: string, ok: () => Promise<boolean>) {
    for (let k = 0; k < 500; k++) {
      if (await ok()) return;
      await pause(10);
    }
    assert.fail(`never: ${what}`);
  }

  before(async () => {
    ctx = await testApp();
    acc = await newAccount(ctx.db, 'Cache');
    slug = `cache-${process.pid}-${Date.now() % 100000}`;
    assert.equal((await inject('PATCH', '/api/v1/settings/announcements', { contact_route: '088 123 45 67', status_slug: slug })).statusCode, 200);
    assert.equal((await inject('POST', '/api/v1/status-components', { name_nl: 'Internet' })).statusCode, 201);
    other = process.env.DATABASE_URL ? await openDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 2 }) : ctx.db;
    // listening can be switched off by hand: the connection that listens is "lost"
    const view: Db = Object.assign(Object.create(other) as Db, { listening: () => up && (other.listening?.() ?? true) });
    hub = new LiveHub(view);
    await hub.start();
    cache = new StatusPageCache(view, hub);
  });
  after(async () => {
    cache.close();
    await hub.close();
    if (other !== ctx.db) await other.close();
    await ctx.close();
  });

  test('a page is kept in memory until a notice says it changed; a change nobody announced is not seen', async () => {
    const first = await cache.get(slug);
    assert.ok(first);
    assert.equal(await cache.get(slug), first, 'the second request is served from memory');
    await ctx.db.query(`UPDATE status_components SET name_nl = 'Stilletjes' WHERE account_id = $1`, [acc.accountId]);
    assert.equal(await cache.get(slug), first, 'no database read per request');

    await changeElsewhere(`UPDATE status_components SET name_nl = 'Glasvezel' WHERE account_id = $1`);
    await until('the other process shows the change', async () => (await cache.get(slug))?.data.components[0].name_nl === 'Glasvezel');
    assert.ok((await cache.get(slug))!.version > first.version);
    assert.equal(await cache.get('bestaat-niet'), null);
    assert.equal(await cache.get('Niet Geldig!'), null);
  });

  test('while the listening connection is down, every request asks for the version; when it is back nothing old is kept', async () => {
    const before = await cache.get(slug);
    up = false;
    await changeElsewhere(`UPDATE status_components SET name_nl = 'Koper' WHERE account_id = $1`, false);
    assert.equal((await cache.get(slug))!.data.components[0].name_nl, 'Koper', 'seen without a notice');
    const held = await cache.get(slug);
    assert.equal(await cache.get(slug), held, 'an unchanged version is still served from memory');
    await changeElsewhere(`UPDATE status_components SET name_nl = 'Kabel' WHERE account_id = $1`, false);
    up = true;
    assert.equal((await cache.get(slug))!.data.components[0].name_nl, 'Kabel', 'trust starts from nothing');
    assert.notEqual(await cache.get(slug), before);
  });

  test('the app: a change through the API is on the next request; ETag revalidation answers 304, also for a list or a weak tag', async () => {
    const page = await inject('GET', `/status/${slug}`);
    assert.equal(page.statusCode, 200);
    const etag = page.headers.etag as string;
    assert.match(page.headers['cache-control'] as string, /no-cache/);
    assert.equal((await inject('GET', `/status/${slug}`, undefined, { 'if-none-match': etag })).statusCode, 304);
    assert.equal((await inject('GET', `/status/${slug}`, undefined, { 'if-none-match': `"x", W/${etag}` })).statusCode, 304);
    assert.equal((await inject('GET', `/status/${slug}?lang=en`, undefined, { 'if-none-match': etag })).statusCode, 200, 'each language its own tag');
    const json = await inject('GET', `/status/${slug}/api/v2/summary.json`);
    assert.equal((await inject('GET', `/status/${slug}/api/v2/summary.json`, undefined, { 'if-none-match': json.headers.etag as string })).statusCode, 304);

    const c = (await inject('POST', '/api/v1/status-components', { name_nl: 'Televisie' })).json();
    assert.ok(c.id);
    const after = await inject('GET', `/status/${slug}`, undefined, { 'if-none-match': etag });
    assert.equal(after.statusCode, 200);
    assert.match(after.body, /Televisie/);
    assert.match((await inject('GET', `/status/${slug}/api/v2/summary.json`)).body, /Televisie/);
  });

  test('the app: a new time zone for the account is a new page (its times are shown in that zone)', async () => {
    const before = await inject('GET', `/status/${slug}/api/v2/summary.json`);
    const etag = before.headers.etag as string;
    assert.equal((await inject('PATCH', '/api/v1/settings/service', { time_zone: 'America/New_York' })).statusCode, 200);
    const after = await inject('GET', `/status/${slug}/api/v2/summary.json`, undefined, { 'if-none-match': etag });
    assert.equal(after.statusCode, 200, 'not 304: the cached page was dropped');
    assert.match(after.body, /America\/New_York/);
    assert.equal((await inject('PATCH', '/api/v1/settings/service', { time_zone: 'Europe/Amsterdam' })).statusCode, 200);
  });
});
