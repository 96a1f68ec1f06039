import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { updateServiceSettings } from '../../src/promises/settings.ts';
import { LIVE_SEEN_SECONDS } from '../../src/live/agent-live.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

const SHOP = 'https://shop.example';

/**
 * "Talk to a person" counts an agent only while they are here (issue 17, availability from real
 * presence): their availability switch is on AND their live workspace stream is open (marked on
 * opening and with every ping; gone after LIVE_SEEN_SECONDS without one). The chat is offered to
 * such an agent, not to one who left the switch on and closed the browser.
 */
describe('availability from live presence', () => {
  let t: TestContext;
  let acc: TestAccount;
  let slug: string;
  let base: string;
  let absentId: string;

  before(async () => {
    t = await testApp();
    acc = await newAccount(t.db, 'Aanwezig');
    slug = `aanwezig-${acc.accountId.slice(0, 8)}`;
    const allDay = [{ start: '00:00', end: '24:00' }];
    await updateServiceSettings(t.db, systemActor(acc.accountId), { calendar: { weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay }, holidays: null } });
    await setChannelSettings(t.db, systemActor(acc.accountId), { slug, allowed_origins: [SHOP] });
    // a colleague with the switch on who never opened the workspace: available on paper, not here
    absentId = (await createAgent(t.db, systemActor(acc.accountId), { email: uniqueEmail('afwezig'), name: 'Aafke Afwezig', role: 'agent' })).id;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const addr = t.app.server.address();
    base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  });
  after(() => t.close());

  const status = async () => (await (await fetch(`${base}/api/public/v1/chat/${slug}/status`, { headers: { origin: SHOP } })).json()) as { available: boolean; reason?: string };
  const liveSeen = async (id: string) => (await t.db.query<{ at: Date | null }>('SELECT live_seen_at AS at FROM agents WHERE account_id = $1 AND id = $2', [acc.accountId, id]))[0].at;
  const waitFor = async (ok: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i++) {
      if (await ok()) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('timed out');
  };

  test('the switch alone is not enough: nobody is here until a workspace stream is open; the chat goes to the agent who is', async () => {
    assert.deepEqual(await status(), { available: false, reason: 'nobody_available', callback_url: `/contact/${slug}/callback` });

    // the admin opens the workspace (its live stream)
    const ac = new AbortController();
    const live = await fetch(`${base}/api/v1/live`, { headers: acc.auth, signal: ac.signal });
    assert.equal(live.status, 200);
    await waitFor(async () => (await liveSeen(acc.adminId)) !== null);
    assert.equal((await status()).available, true);

    // a visitor asks for a person: offered to the admin, who is here, never to the absent colleague
    const first = await fetch(`${base}/api/public/v1/chat/${slug}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: SHOP },
      body: JSON.stringify({ client_id: crypto.randomUUID().replaceAll('-', ''), body: 'Kan ik iemand spreken?', lang: 'nl' }),
    });
    const { token, case_ref } = await first.json();
    const person = await (await fetch(`${base}/api/public/v1/chat/${slug}/person`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: SHOP, 'x-luister-chat': token }, body: '{}' })).json();
    assert.equal(person.available, true);
    assert.equal(person.offered, true);
    const offers = await t.db.query<{ to_agent_id: string }>(
      `SELECT t.to_agent_id FROM case_transfers t JOIN cases c ON c.account_id = t.account_id AND c.id = t.case_id WHERE c.account_id = $1 AND c.ref = $2`, [acc.accountId, case_ref]);
    assert.deepEqual(offers.map((o) => o.to_agent_id), [acc.adminId]);
    assert.notEqual(offers[0].to_agent_id, absentId);

    // here, but the switch off: not available
    await t.db.query('UPDATE agents SET available = false WHERE account_id = $1 AND id = $2', [acc.accountId, acc.adminId]);
    assert.equal((await status()).available, false);
    await t.db.query('UPDATE agents SET available = true WHERE account_id = $1 AND id = $2', [acc.accountId, acc.adminId]);
    assert.equal((await status()).available, true);

    // the browser is closed: once the last mark is older than LIVE_SEEN_SECONDS nobody is here (the clock moved on)
    ac.abort();
    await t.db.query(`UPDATE agents SET live_seen_at = now() - make_interval(secs => $3) WHERE account_id = $1 AND id = $2`,
      [acc.accountId, acc.adminId, LIVE_SEEN_SECONDS + 1]);
    assert.deepEqual(await status(), { available: false, reason: 'nobody_available', callback_url: `/contact/${slug}/callback` });
  });
});
