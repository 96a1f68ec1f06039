import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testApp, type TestAccount, type TestContext } from '../helpers.ts';

const SHOP = 'https://fietsen.example';

/**
 * The chat widget's optional knowledge-base bot (issue 17): off by default; switched on per account
 * (admins); a visitor's question then gets up to three public, published help-centre articles in the
 * page's language as an automatic entry of the chat and the case — never an internal article or an
 * unpublished edit; nothing when nothing matches; no more bot once the visitor asked for a person.
 */
describe('chat bot', () => {
  let t: TestContext;
  let acc: TestAccount;
  let other: TestAccount;
  let slug: string;
  let agentAuth: Record<string, string>;
  const ids: Record<string, string> = {};

  const api = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, headers: Record<string, string> = acc.auth) =>
    t.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
  const chat = (path: string, body: object, token?: string, at = slug) => t.app.inject({ method: 'POST', url: `/api/public/v1/chat/${at}${path}`,
    headers: { origin: SHOP, 'content-type': 'application/json', ...(token ? { 'x-luister-chat': token } : {}) }, payload: body });
  const say = (body: string, token?: string, lang: 'nl' | 'en' = 'nl') => chat('/messages', { client_id: `c${crypto.randomUUID().replace(/-/g, '')}`, body, lang }, token);
  const entries = async (token: string) => (await t.app.inject({ method: 'GET', url: `/api/public/v1/chat/${slug}/entries?after=0`, headers: { origin: SHOP, 'x-luister-chat': token } })).json().entries as
    Array<{ seq: number; from: string; author: string | null; body: string }>;

  before(async () => {
    t = await testApp();
    acc = await newAccount(t.db, 'Fietsenwinkel');
    other = await newAccount(t.db, 'Andere winkel');
    slug = `fiets-${acc.accountId.slice(0, 8)}`;
    await setChannelSettings(t.db, systemActor(acc.accountId), { slug, allowed_origins: [SHOP] });
    agentAuth = { authorization: `Bearer ${(await api('POST', '/api/v1/tokens', { name: 'agent', role: 'agent' })).json().token}` };
    assert.equal((await api('PUT', '/api/v1/help-centre', { slug: `hulp-${acc.accountId.slice(0, 8)}`, contact: { email: 'hulp@fietsen.example' } })).statusCode, 200);
    const create = async (body: object) => (await api('POST', '/api/v1/articles', body)).json().id as string;
    ids.lock = await create({ slug: 'fietsslot-sleutel-kwijt', translations: {
      nl: { title: 'Sleutel van uw fietsslot kwijt', body: 'Bent u de sleutel van uw fietsslot kwijt? Met het slotnummer bestelt u een reservesleutel.' },
      en: { title: 'Lost the key of your bike lock', body: 'Lost the key of your bike lock? Order a spare key with the lock number.' } } });
    ids.tyre = await create({ slug: 'lekke-band', translations: { nl: { title: 'Lekke band laten plakken', body: 'Een lekke band plakken wij terwijl u wacht; een nieuwe binnenband kan ook.' } } });
    ids.internal = await create({ slug: 'interne-sleutelprocedure', translations: { nl: { title: 'Interne procedure reservesleutel', body: 'Alleen voor medewerkers: een reservesleutel van een fietsslot zonder slotnummer bestellen.' } } });
    for (const id of [ids.lock, ids.tyre]) assert.equal((await api('POST', `/api/v1/articles/${id}/publish`)).statusCode, 200);
    // an agent's edit of a published article waits for a supervisor to publish it: never what the bot shows
    const edit = await api('PATCH', `/api/v1/articles/${ids.lock}`, { translations: { nl: { title: 'CONCEPT sleutel fietsslot geheim', body: 'Nog niet af: reservesleutel fietsslot concept.' } } }, agentAuth);
    assert.equal(edit.statusCode, 200, edit.body);
    assert.notEqual(edit.json().published_version, edit.json().version, 'the edit waits');
  });
  after(() => t.close());

  test('the switch: off by default; admins turn it on; agents may not; a bad value is refused; another account is untouched', async () => {
    assert.equal((await api('GET', '/api/v1/channels')).json().settings.chat_bot_enabled, false);
    const before = await say('Ik ben de sleutel van mijn fietsslot kwijt.');
    assert.equal(before.statusCode, 200, before.body);
    assert.equal(before.json().bot, undefined, 'off by default: no bot answer');
    assert.deepEqual((await entries(before.json().token)).map((e) => e.from), ['visitor']);

    const byAgent = await api('PUT', '/api/v1/channels', { chat_bot_enabled: true }, agentAuth);
    assert.equal(byAgent.statusCode, 403);
    for (const bad of [{ chat_bot_enabled: 'ja' }, { chat_bot_enabled: null }, { chat_bot: true }]) {
      const r = await api('PUT', '/api/v1/channels', bad);
      assert.equal(r.statusCode, 400, JSON.stringify(bad));
      assert.equal(r.json().error.code, 'validation_failed');
    }
    assert.equal((await api('GET', '/api/v1/channels')).json().settings.chat_bot_enabled, false, 'nothing changed');
    // another account's admin switches their own bot: this account's stays as it was
    await setChannelSettings(t.db, systemActor(other.accountId), { slug: `ander-${other.accountId.slice(0, 8)}` });
    assert.equal((await api('PUT', '/api/v1/channels', { chat_bot_enabled: true }, other.auth)).json().chat_bot_enabled, true);
    assert.equal((await api('GET', '/api/v1/channels')).json().settings.chat_bot_enabled, false);

    const on = await api('PUT', '/api/v1/channels', { chat_bot_enabled: true });
    assert.equal(on.statusCode, 200, on.body);
    assert.equal(on.json().chat_bot_enabled, true);
    const [audit] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND action = 'account.channels_set' AND after->>'chat_bot_enabled' = 'true'`, [acc.accountId]);
    assert.equal(audit.n, 1);
  });

  test('a question gets the matching public, published articles as an automatic answer, in the chat and on the case; internal and draft text never', async () => {
    await api('PUT', '/api/v1/channels', { chat_bot_enabled: true });
    const r = await say('Help, ik ben de sleutel van mijn fietsslot kwijt. Kan ik een reservesleutel bestellen?');
    assert.equal(r.statusCode, 200, r.body);
    const centre = `hulp-${acc.accountId.slice(0, 8)}`;
    assert.deepEqual(r.json().bot, [{ title: 'Sleutel van uw fietsslot kwijt', path: `/help/${centre}/articles/fietsslot-sleutel-kwijt?lang=nl` }]);
    const es = await entries(r.json().token);
    assert.deepEqual(es.map((e) => [e.seq, e.from]), [[1, 'visitor'], [2, 'bot']]);
    assert.equal(es[1].author, null);
    assert.equal(es[1].body, `Automatisch antwoord: deze artikelen uit het helpcentrum kunnen u helpen.\n• Sleutel van uw fietsslot kwijt: /help/${centre}/articles/fietsslot-sleutel-kwijt?lang=nl\nNiet wat u zoekt? Kies "Praat met een medewerker".`);
    assert.doesNotMatch(es[1].body, /Interne|CONCEPT|geheim/);
    // on the case: an automatic outbound message, not an agent's reply
    const [m] = await t.db.query<{ type: string; channel: string; automated: string; author_agent_id: string | null }>(
      `SELECT type, channel, automated, author_agent_id FROM messages WHERE account_id = $1 AND automated = 'bot'`, [acc.accountId]);
    assert.deepEqual(m, { type: 'outbound', channel: 'chat', automated: 'bot', author_agent_id: null });

    // English page: the English text of the same article
    const en = await say('I lost the key of my bike lock', undefined, 'en');
    assert.deepEqual(en.json().bot?.map((a: { title: string }) => a.title), ['Lost the key of your bike lock']);
    // a later question in the same chat is answered too; a greeting matches nothing and the bot says nothing
    const later = await say('En mijn band is lek, kan die geplakt worden?', r.json().token);
    assert.deepEqual(later.json().bot?.map((a: { title: string }) => a.title), ['Lekke band laten plakken']);
    const hello = await say('Hallo, goedemiddag!', r.json().token);
    assert.equal(hello.json().bot, undefined);
    // only the internal article knows this word: nothing
    assert.equal((await say('Hoe werkt de procedure zonder slotnummer voor medewerkers?')).json().bot?.some((a: { title: string }) => /Interne/.test(a.title)) ?? false, false);
  });

  test('after "talk to a person" the bot stays quiet; the person button\'s own message is never answered by it', async () => {
    await api('PUT', '/api/v1/channels', { chat_bot_enabled: true });
    const first = await chat('/messages', { client_id: `c${crypto.randomUUID().replace(/-/g, '')}`, body: 'Ik wil graag een medewerker spreken over mijn fietsslot.', lang: 'nl', person: true });
    assert.equal(first.json().bot, undefined);
    const token = first.json().token;
    assert.equal((await chat('/person', {}, token)).statusCode, 200);
    const after = await say('Mijn sleutel van het fietsslot is kwijt.', token);
    assert.equal(after.json().bot, undefined);
    assert.deepEqual((await entries(token)).map((e) => e.from), ['visitor', 'visitor']);
  });
});
