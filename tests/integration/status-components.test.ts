import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { reorderComponents, updateComponent } from '../../src/announcements/components.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/** Issue 15: components of the status page renamed, described and put in order, through the API; the page follows at once. */
describe('status page components', () => {
  let ctx: TestContext;
  let acc: TestAccount;
  let agent: Actor;
  let slug: string;
  const ids: Record<string, string> = {};
  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) => ctx.app.inject({ method, url, payload: payload as never, headers: acc.auth });
  const page = async (lang = 'nl') => (await ctx.app.inject({ method: 'GET', url: `/status/${slug}?lang=${lang}` })).body;
  const order = async () => (await inject('GET', '/api/v1/status-components')).json().data.map((c: { name_nl: string }) => c.name_nl);

  before(async () => {
    ctx = await testApp();
    acc = await newAccount(ctx.db, 'Componenten');
    const admin: Actor = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
    const a = await createAgent(ctx.db, admin, { email: uniqueEmail('piet'), name: 'Piet', role: 'agent' });
    agent = { accountId: acc.accountId, type: 'agent', id: a.id, role: 'agent', agentId: a.id };
    slug = `comp-${process.pid}-${Date.now() % 100000}`;
    assert.equal((await inject('PATCH', '/api/v1/settings/announcements', { status_slug: slug, contact_route: '088 123 45 67' })).statusCode, 200);
    for (const name of ['Internet', 'TV', 'Bellen']) {
      const r = await inject('POST', '/api/v1/status-components', { name_nl: name });
      assert.equal(r.statusCode, 201, r.body);
      ids[name] = r.json().id;
    }
  });
  after(() => ctx.close());

  test('new components go last; a rename and a description show on the page and in summary.json at once', async () => {
    assert.deepEqual(await order(), ['Internet', 'TV', 'Bellen']);
    await page(); // cached now
    const r = await inject('PATCH', `/api/v1/status-components/${ids.TV}`, { name_nl: 'Televisie', name_en: 'Television', description_nl: 'Tv via <glasvezel>', description_en: 'TV over fibre' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().name_nl, 'Televisie');
    const nl = await page();
    assert.match(nl, /<span>Televisie<br><small>Tv via &lt;glasvezel&gt;<\/small><\/span>/);
    assert.match(await page('en'), /Television<br><small>TV over fibre/);
    const summary = (await ctx.app.inject({ method: 'GET', url: `/status/${slug}/api/v2/summary.json` })).json();
    assert.equal(summary.components.find((c: { id: string }) => c.id === ids.TV).description, 'TV over fibre');

    // a description cleared with an empty text; the name stays
    const cleared = await inject('PATCH', `/api/v1/status-components/${ids.TV}`, { description_nl: '', description_en: null });
    assert.equal(cleared.json().description_nl, null);
    assert.equal(cleared.json().name_en, 'Television');
    assert.doesNotMatch(await page(), /glasvezel/);
    const [audit] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND action = 'status_component.updated'`, [acc.accountId]);
    assert.equal(audit.n, 2);
  });

  test('the order is set as a whole: the page follows; a partial or foreign order changes nothing', async () => {
    const r = await inject('PUT', '/api/v1/status-components/order', { ids: [ids.Bellen, ids.Internet, ids.TV] });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json().data.map((c: { position: number }) => c.position), [0, 1, 2]);
    assert.deepEqual(await order(), ['Bellen', 'Internet', 'Televisie']);
    const body = await page();
    assert.ok(body.indexOf('<span>Bellen') < body.indexOf('<span>Internet') && body.indexOf('<span>Internet') < body.indexOf('<span>Televisie'), 'page order');

    const partial = await inject('PUT', '/api/v1/status-components/order', { ids: [ids.TV, ids.Bellen] });
    assert.equal(partial.statusCode, 422);
    assert.equal(partial.json().error.code, 'incomplete_order');
    assert.match(partial.json().error.message, /all 3 components/);
    assert.deepEqual(await order(), ['Bellen', 'Internet', 'Televisie']);
  });

  test('only an admin changes components', async () => {
    await assert.rejects(updateComponent(ctx.db, agent, ids.TV, { name_nl: 'x' }), { code: 'forbidden' });
    await assert.rejects(reorderComponents(ctx.db, agent, [ids.TV, ids.Bellen, ids.Internet]), { code: 'forbidden' });
    assert.deepEqual(await order(), ['Bellen', 'Internet', 'Televisie']);
  });
});
