import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Actor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { reorderComponents, updateComponent } from '../../src/announcements/components.ts';
import { removeComponent } from '../../src/announcements/remove-component.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/** Issue 15: components of the status page renamed, described, put in order, grouped and removed, through the API; the page follows at once. */
describe('status page components', () => {
  let ctx: TestContext;
  let acc: TestAccount;
  let agent: Actor;
  let slug: string;
  const ids: Record<string, string> = {};
  const inject = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown) => ctx.app.inject({ method, url, payload: payload as never, headers: acc.auth });
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
    await assert.rejects(updateComponent(ctx.db, agent, ids.TV, { group_id: ids.Internet }), { code: 'forbidden' });
    await assert.rejects(reorderComponents(ctx.db, agent, [ids.TV, ids.Bellen, ids.Internet]), { code: 'forbidden' });
    await assert.rejects(removeComponent(ctx.db, agent, ids.TV), { code: 'forbidden' });
    assert.deepEqual(await order(), ['Bellen', 'Internet', 'Televisie']);
  });

  test('groups: a component in a group shows nested under it; the group reads as its worst member; Statuspage JSON names both ways', async () => {
    const mobiel = (await inject('POST', '/api/v1/status-components', { name_nl: 'Mobiel', name_en: 'Mobile' })).json();
    const vijfG = (await inject('POST', '/api/v1/status-components', { name_nl: '5G' })).json();
    ids.Mobiel = mobiel.id;
    ids['5G'] = vijfG.id;
    await page(); // cached now
    const r = await inject('PATCH', `/api/v1/status-components/${vijfG.id}`, { group_id: mobiel.id });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().group_id, mobiel.id);
    assert.match(await page(), /<span>Mobiel<\/span><span>Werkt<\/span><ul class="c g"><li><span>5G<\/span><span>Werkt<\/span><\/li><\/ul><\/li>/);

    // one level: no group into a group, no component into a grouped one
    const nested = await inject('PATCH', `/api/v1/status-components/${mobiel.id}`, { group_id: ids.Internet });
    assert.equal(nested.statusCode, 422);
    assert.equal(nested.json().error.code, 'component_is_group');
    const intoMember = await inject('PATCH', `/api/v1/status-components/${ids.Bellen}`, { group_id: vijfG.id });
    assert.equal(intoMember.json().error.code, 'group_is_grouped');

    // an outage of 5G is an outage of Mobiel, on the page and in summary.json
    const parts = { nl: { happened: '5G-masten vallen uit', doing: 'Monteurs', means: 'Geen mobiel internet' } };
    const inc = await inject('POST', '/api/v1/incidents', { title: { nl: '5G-storing' }, impact: 'critical', component_ids: [vijfG.id],
      update: { status: 'investigating', parts, next_update_at: new Date(Date.now() + 3_600_000).toISOString() } });
    assert.equal(inc.statusCode, 201, inc.body);
    assert.match(await page(), /<span>Mobiel<\/span><span>Storing<\/span>/);
    const summary = (await ctx.app.inject({ method: 'GET', url: `/status/${slug}/api/v2/summary.json` })).json();
    const group = summary.components.find((c: { id: string }) => c.id === mobiel.id);
    const member = summary.components.find((c: { id: string }) => c.id === vijfG.id);
    assert.deepEqual([group.group, group.components, group.status, group.group_id], [true, [vijfG.id], 'major_outage', null]);
    assert.deepEqual([member.group, member.group_id, member.status, 'components' in member], [false, mobiel.id, 'major_outage', false]);
    await inject('POST', `/api/v1/incidents/${inc.json().incident.id}/updates`, { status: 'resolved', parts });
  });

  test('removing: gone from the page, the list and the choices at once; a removed group leaves its members standing; history keeps the id', async () => {
    const before = await page();
    assert.match(before, /Mobiel/);
    const [incident] = await ctx.db.query<{ id: string }>('SELECT id FROM incidents WHERE account_id = $1 AND $2 = ANY(component_ids)', [acc.accountId, ids['5G']]);
    const r = await inject('DELETE', `/api/v1/status-components/${ids.Mobiel}`);
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { id: ids.Mobiel, removed: true, ungrouped: [ids['5G']] });
    const after = await page();
    assert.doesNotMatch(after, /Mobiel/);
    assert.match(after, /<li><span>5G<\/span><span>Werkt<\/span><\/li>/);
    assert.deepEqual(await order(), ['Bellen', 'Internet', 'Televisie', '5G']);
    // the order is of the components still there
    assert.equal((await inject('PUT', '/api/v1/status-components/order', { ids: [ids.Bellen, ids.Internet, ids.TV, ids['5G']] })).statusCode, 200);

    const gone = await inject('DELETE', `/api/v1/status-components/${ids['5G']}`);
    assert.equal(gone.statusCode, 200);
    assert.equal((await inject('DELETE', `/api/v1/status-components/${ids['5G']}`)).json().error.code, 'component_not_found');
    assert.equal((await inject('PATCH', `/api/v1/status-components/${ids['5G']}`, { name_nl: 'Terug' })).statusCode, 404);
    assert.equal((await inject('PATCH', `/api/v1/status-components/${ids.TV}`, { group_id: ids['5G'] })).statusCode, 404);
    // no new incident or subscription on it; the resolved incident still names it
    const parts = { nl: { happened: 'x', doing: 'y', means: 'z' } };
    const inc = await inject('POST', '/api/v1/incidents', { title: { nl: 'Nieuw' }, impact: 'minor', component_ids: [ids['5G']],
      update: { status: 'investigating', parts, next_update_at: new Date(Date.now() + 3_600_000).toISOString() } });
    assert.equal(inc.json().error.code, 'component_not_found');
    const sub = await ctx.app.inject({ method: 'POST', url: `/status/${slug}/subscribe`, headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `email=${encodeURIComponent(uniqueEmail('abonnee'))}&component=${ids['5G']}&lang=nl` });
    assert.equal(sub.statusCode, 422);
    const [kept] = await ctx.db.query<{ component_ids: string[] }>('SELECT component_ids FROM incidents WHERE account_id = $1 AND id = $2', [acc.accountId, incident.id]);
    assert.deepEqual(kept.component_ids, [ids['5G']]);
    assert.doesNotMatch(await page(), /5G<\/span>/);
    const json = (await ctx.app.inject({ method: 'GET', url: `/status/${slug}/api/v2/components.json` })).json();
    assert.deepEqual(json.components.map((c: { name: string }) => c.name), ['Bellen', 'Internet', 'Television']);
    const [audit] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND action = 'status_component.removed'`, [acc.accountId]);
    assert.equal(audit.n, 2);
  });

  test("another account's component is a 404 as a group, and its group cannot take ours", async () => {
    const other = await newAccount(ctx.db, 'Ander');
    const theirs = (await ctx.app.inject({ method: 'POST', url: '/api/v1/status-components', headers: other.auth, payload: { name_nl: 'Hun groep' } })).json();
    const into = await inject('PATCH', `/api/v1/status-components/${ids.TV}`, { group_id: theirs.id });
    assert.equal(into.statusCode, 404);
    assert.equal(into.json().error.code, 'component_not_found');
    const removeTheirs = await inject('DELETE', `/api/v1/status-components/${theirs.id}`);
    assert.equal(removeTheirs.statusCode, 404);
    assert.equal((await ctx.app.inject({ method: 'GET', url: '/api/v1/status-components', headers: other.auth })).json().data.length, 1);
  });
});
