import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { issueFormToken } from '../../src/intake/form/form-token.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { snapshotAccount } from '../account-snapshot.ts';
import { runJobs, startMailbox } from '../email.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * The customer portal (issue 19), on both databases: a magic link mailed to a known address (single
 * use, short-lived, bound to the address, nobody told who is a customer), the customer's cases and
 * nobody else's (another customer's case is the same 404 as no case), colleagues' cases only when their
 * organisation allows it, a reply that takes the intake road on the `portal` channel, and posts that
 * must come from the portal's own pages with their token.
 */
const PUBLIC_URL = 'http://portal.test';

describe('customer portal', () => {
  let t: TestContext;
  let acc: TestAccount;
  let other: TestAccount;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let handlers: ReturnType<typeof jobHandlers>;
  let slug: string;
  let otherSlug: string;
  const henk = { email: uniqueEmail('henk'), name: 'Henk de Vries' };
  const els = { email: uniqueEmail('els'), name: 'Els Bakker' };
  let henkCase: string;
  let henkSolved: string;
  let elsCase: string;
  let ip = 0;
  const nextIp = () => `198.51.100.${++ip}`;

  const api = async (a: TestAccount, method: InjectOptions['method'], url: string, payload?: unknown) => {
    const res = await t.app.inject({ method, url, headers: a.auth, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });
    assert.ok(res.statusCode < 300, `${method} ${url} → ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const openCase = async (a: TestAccount, who: { email: string; name: string }, subject: string) =>
    (await api(a, 'POST', '/api/v1/cases', { customer: who, subject, message: { body: `${subject}: graag hulp.` } })).id as string;

  async function setUpPortal(a: TestAccount, s: string) {
    await createInbox(t.db, systemActor(a.accountId), { address: `klantenservice.${a.accountId.slice(0, 8)}@energie.example`, name: 'Klantenservice Energie' });
    await api(a, 'PUT', '/api/v1/channels', { slug: s });
    const on = await api(a, 'PATCH', '/api/v1/portal/settings', { enabled: true, link_minutes: 10 });
    assert.equal(on.path, `/portal/${s}`);
  }

  before(async () => {
    mailbox = await startMailbox();
    t = await testApp({ PUBLIC_URL });
    handlers = jobHandlers(testConfig({ SMTP_RELAY_URL: mailbox.url, PUBLIC_URL }));
    acc = await newAccount(t.db, 'Energie');
    other = await newAccount(t.db, 'Ander bedrijf');
    slug = `energie-${acc.accountId.slice(0, 8)}`;
    otherSlug = `ander-${other.accountId.slice(0, 8)}`;
    await setUpPortal(acc, slug);
    await setUpPortal(other, otherSlug);
    henkCase = await openCase(acc, henk, 'Voorschot verhoogd');
    henkSolved = await openCase(acc, henk, 'Meterstand doorgegeven');
    await api(acc, 'POST', `/api/v1/cases/${henkSolved}/assign`, { agent_id: acc.adminId });
    await api(acc, 'PATCH', `/api/v1/cases/${henkSolved}`, { status: 'solved' });
    elsCase = await openCase(acc, els, 'Storing in de straat');
    await api(acc, 'POST', `/api/v1/cases/${henkCase}/promises`, {
      kind: 'callback', description: 'Henk bellen over voorschot', owner_id: acc.adminId,
      window_start: new Date(Date.now() + 2 * 86_400_000).toISOString(), due_at: new Date(Date.now() + 2 * 86_400_000 + 1_800_000).toISOString(),
    });
  });
  after(async () => {
    await t.close();
    await mailbox.close();
  });

  // --- a small browser: cookies per visitor, forms read from the page -------------------------------
  const tokenOf = (html: string) => /name="t" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  function visitor(s = slug) {
    let cookie = '';
    const v = {
      cookie: () => cookie,
      setCookie: (c: string) => (cookie = c),
      async get(path: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
        return t.app.inject({ method: 'GET', url: path, headers: { ...(cookie ? { cookie: `luister_portal=${cookie}` } : {}), ...headers } });
      },
      async post(path: string, fields: Record<string, string>, headers: Record<string, string> = {}, from = nextIp()): Promise<LightMyRequestResponse> {
        const res = await t.app.inject({
          method: 'POST', url: path, remoteAddress: from,
          headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin', ...(cookie ? { cookie: `luister_portal=${cookie}` } : {}), ...headers },
          payload: form(fields),
        });
        const set = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('luister_portal='));
        if (set) cookie = /^luister_portal=([^;]*)/.exec(set)![1];
        return res;
      },
      async askLink(email: string, from = nextIp()) {
        const page = await v.get(`/portal/${s}`);
        return v.post(`/portal/${s}/sign-in`, { t: tokenOf(page.body), email }, {}, from);
      },
    };
    return v;
  }
  async function linkFor(email: string): Promise<string> {
    await runJobs(t.db, handlers, acc.accountId, ['portal.link']);
    await runJobs(t.db, handlers, other.accountId, ['portal.link']);
    const mail = [...mailbox.received].reverse().find((m) => m.envelope.to.includes(email));
    assert.ok(mail, `a mail to ${email}`);
    const m = /http:\/\/portal\.test(\/portal\/[a-z0-9-]+\/in\/[A-Za-z0-9_-]{43})\?lang=(nl|en)/.exec(mail.mail.text ?? '');
    assert.ok(m, mail.mail.text);
    return m[1];
  }
  async function signIn(who: { email: string }, s = slug) {
    // a new hour for the per-address limit (three links an hour: its own test counts them)
    await t.db.query(`DELETE FROM intake_throttle WHERE door = 'portal_address'`);
    const v = visitor(s);
    assert.equal((await v.askLink(who.email)).statusCode, 200);
    const link = await linkFor(who.email);
    const used = await v.post(link, {});
    assert.equal(used.statusCode, 303, used.body);
    return v;
  }
  const count = async (sql: string, params: unknown[]) => (await t.db.query<{ n: number }>(sql, params))[0].n;

  test('only an admin switches it on, and only with the doors\' address and an inbox', async () => {
    const bare = await newAccount(t.db, 'Zonder deuren');
    const res = await t.app.inject({ method: 'PATCH', url: '/api/v1/portal/settings', headers: bare.auth, payload: { enabled: true } });
    assert.equal(res.statusCode, 422);
    assert.equal(res.json().error.code, 'portal_needs_address');
    await api(bare, 'PUT', '/api/v1/channels', { slug: `zonder-${bare.accountId.slice(0, 8)}` });
    const noInbox = await t.app.inject({ method: 'PATCH', url: '/api/v1/portal/settings', headers: bare.auth, payload: { enabled: true } });
    assert.equal(noInbox.json().error.code, 'portal_needs_inbox');
    assert.equal((await api(bare, 'GET', '/api/v1/portal/settings')).enabled, false);
    const agent = await createAgent(t.db, systemActor(acc.accountId), { email: uniqueEmail('agent'), name: 'Agent', role: 'agent', password: 'lang en veilig wachtwoord 42' });
    assert.ok(agent);
    const s = await api(acc, 'GET', '/api/v1/portal/settings');
    assert.deepEqual(s, { enabled: true, link_minutes: 10, idle_minutes: 30, path: `/portal/${slug}`, url: `${PUBLIC_URL}/portal/${slug}`, public_url_set: true });
  });

  test('the sign-in page: Dutch or English, no script, its own strict headers', async () => {
    const nl = await visitor().get(`/portal/${slug}`, { 'accept-language': 'nl-NL,nl;q=0.9' });
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /<html lang="nl">/);
    assert.match(nl.body, /Stuur mij een inloglink/);
    assert.match(nl.body, /Een mens spreken/);
    assert.doesNotMatch(nl.body, /<script/);
    assert.equal(nl.headers['content-security-policy'], "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    assert.equal(nl.headers['referrer-policy'], 'no-referrer');
    assert.equal(nl.headers['cache-control'], 'no-store');
    const en = await visitor().get(`/portal/${slug}?lang=en`);
    assert.match(en.body, /Send me a sign-in link/);
    assert.match(en.body, /Talk to a person/);
    assert.equal((await visitor().get('/portal/bestaat-niet')).statusCode, 404);
  });

  test('no enumeration: a customer\'s address and a stranger\'s get the same answer; only the customer gets a mail', async () => {
    const v = visitor();
    const before = mailbox.received.length;
    const known = await v.askLink(henk.email.toUpperCase());
    const stranger = uniqueEmail('vreemde');
    const unknown = await v.askLink(stranger);
    assert.equal(known.statusCode, 200);
    assert.equal(unknown.statusCode, 200);
    assert.equal(known.body, unknown.body, 'the page is byte for byte the same');
    assert.match(known.body, /Als we dit adres kennen, is er een inloglink onderweg/);
    await runJobs(t.db, handlers, acc.accountId, ['portal.link']);
    const sent = mailbox.received.slice(before);
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].envelope.to, [henk.email]);
    assert.match(sent[0].mail.subject ?? '', /inloglink/);
    assert.equal(await count('SELECT count(*)::int AS n FROM portal_links WHERE account_id = $1 AND email = $2', [acc.accountId, stranger]), 0);
    // and a malformed address is a form error, which says nothing about anybody
    const bad = await v.askLink('geen adres');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /aria-invalid="true"/);
  });

  test('a link is single-use: the landing page does not use it, the button does, the second time is refused and writes nothing', async () => {
    const v = visitor();
    await v.askLink(henk.email);
    const link = await linkFor(henk.email);
    const [{ token_hash }] = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM portal_links WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1', [acc.accountId]);
    const landing = await v.get(link);
    assert.equal(landing.statusCode, 200);
    assert.match(landing.body, /<button type="submit">Inloggen<\/button>/);
    assert.equal(await count('SELECT count(*)::int AS n FROM portal_links WHERE account_id = $1 AND token_hash = $2 AND used_at IS NULL', [acc.accountId, token_hash]), 1, 'a GET (a mail scanner) does not use the link');
    // a page on another site cannot post it (login CSRF)
    const forged = await t.app.inject({ method: 'POST', url: link, headers: { 'sec-fetch-site': 'cross-site', origin: 'https://kwaad.example' } });
    assert.equal(forged.statusCode, 403);
    assert.equal(forged.headers['set-cookie'], undefined);
    const used = await v.post(link, {});
    assert.equal(used.statusCode, 303);
    assert.equal(used.headers.location, `/portal/${slug}?lang=nl`);
    const cookie = [used.headers['set-cookie']].flat().find((c) => c?.startsWith('luister_portal='))!;
    assert.match(cookie, /; Path=\/portal\/[a-z0-9-]+/);
    assert.match(cookie, /; HttpOnly/);
    assert.match(cookie, /; SameSite=Lax/);
    const sessions = await count('SELECT count(*)::int AS n FROM portal_sessions WHERE account_id = $1', [acc.accountId]);
    const again = await visitor().post(link, {});
    assert.equal(again.statusCode, 410);
    assert.match(again.body, /al gebruikt/);
    assert.equal(again.headers['set-cookie'], undefined);
    assert.equal(await count('SELECT count(*)::int AS n FROM portal_sessions WHERE account_id = $1', [acc.accountId]), sessions, 'no second session');
    assert.equal((await visitor().get(link)).statusCode, 410);
  });

  test('an expired link is refused with a clear page; a forged one is 404; nothing is written', async () => {
    const v = visitor();
    await v.askLink(henk.email);
    const link = await linkFor(henk.email);
    await t.db.query(`UPDATE portal_links SET expires_at = now() - interval '1 second' WHERE account_id = $1 AND used_at IS NULL`, [acc.accountId]);
    const before = await snapshotAccount(t.db, acc.accountId);
    const res = await v.post(link, {});
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /verlopen/);
    const forged = await v.post(`/portal/${slug}/in/${'A'.repeat(43)}`, {});
    assert.equal(forged.statusCode, 404);
    assert.deepEqual(await snapshotAccount(t.db, acc.accountId), before);
  });

  test('a link is bound to its address and its account: another portal does not know it; an address no longer the customer\'s signs nobody in', async () => {
    const v = visitor();
    await v.askLink(henk.email);
    const link = await linkFor(henk.email);
    const onOther = await visitor(otherSlug).post(link.replace(`/portal/${slug}/`, `/portal/${otherSlug}/`), {});
    assert.equal(onOther.statusCode, 404, "another account's portal does not know the link");
    // the address is taken off the customer before the link is used: the link signs nobody in
    const temp = { email: uniqueEmail('tijdelijk'), name: 'Tijdelijk' };
    await openCase(acc, temp, 'Tijdelijk adres');
    await visitor().askLink(temp.email);
    const tempLink = await linkFor(temp.email);
    await t.db.query(`DELETE FROM customer_identities WHERE account_id = $1 AND kind = 'email' AND value = $2`, [acc.accountId, temp.email]);
    const res = await visitor().post(tempLink, {});
    assert.equal(res.statusCode, 404);
    assert.equal(res.headers['set-cookie'], undefined);
  });

  test('signed in: their open and past cases, with the promise, and not another customer\'s', async () => {
    const v = await signIn(henk);
    const list = await v.get(`/portal/${slug}`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /Voorschot verhoogd/);
    assert.match(list.body, /Meterstand doorgegeven/);
    assert.doesNotMatch(list.body, /Storing in de straat/);
    assert.match(list.body, /Ingelogd als/);
    const page = await v.get(`/portal/${slug}/cases/${henkCase}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Wat we u beloofd hebben/);
    assert.match(page.body, /We bellen u \w+dag \d+ \w+ tussen \d\d:\d\d en \d\d:\d\d/);
    assert.doesNotMatch(page.body, /Henk bellen over voorschot/, 'the agent\'s own wording of a promise stays inside');
    assert.match(page.body, /Voorschot verhoogd: graag hulp\./);
  });

  test("another customer's case by id is the same 404 as a case that does not exist: it reveals nothing", async () => {
    const v = await signIn(henk);
    const theirs = await v.get(`/portal/${slug}/cases/${elsCase}`);
    const none = await v.get(`/portal/${slug}/cases/00000000-0000-4000-8000-000000000000`);
    const garbage = await v.get(`/portal/${slug}/cases/LU-1001`);
    assert.equal(theirs.statusCode, 404);
    assert.equal(none.statusCode, 404);
    assert.equal(garbage.statusCode, 404);
    const page = (html: string) => html.replace(/name="t" value="[^"]+"/g, 'name="t" value="…"'); // the sign-out form's fresh token
    assert.equal(page(theirs.body), page(none.body), 'the same page, byte for byte (but the sign-out token)');
    assert.equal(page(garbage.body), page(none.body));
    assert.ok(!theirs.body.includes(elsCase), 'not even the id it was asked for');
    assert.doesNotMatch(theirs.body, /Storing|Els/);
    // a reply to it writes nothing
    const before = await snapshotAccount(t.db, acc.accountId);
    const res = await v.post(`/portal/${slug}/cases/${elsCase}/reply`, { t: tokenOf((await v.get(`/portal/${slug}`)).body), text: 'Ik kaap dit dossier' });
    assert.equal(res.statusCode, 404);
    assert.deepEqual(await snapshotAccount(t.db, acc.accountId), before);
    // and another account's case through this portal, or this session on another account's portal
    const otherCase = await openCase(other, { email: henk.email, name: henk.name }, 'Bij het andere bedrijf');
    assert.equal((await v.get(`/portal/${slug}/cases/${otherCase}`)).statusCode, 404);
    const onOther = await t.app.inject({ method: 'GET', url: `/portal/${otherSlug}/cases/${otherCase}`, headers: { cookie: `luister_portal=${v.cookie()}` } });
    assert.equal(onOther.statusCode, 303, "a session of one account is nobody on another's portal");
  });

  test('a reply takes the intake road on the portal channel: stored once, case reopened, when they hear from us', async () => {
    const v = await signIn(henk);
    const page = await v.get(`/portal/${slug}/cases/${henkCase}`);
    const token = tokenOf(page.body);
    await api(acc, 'POST', `/api/v1/cases/${henkCase}/assign`, { agent_id: acc.adminId });
    await api(acc, 'PATCH', `/api/v1/cases/${henkCase}`, { status: 'pending_customer' });
    const text = 'Ik heb de meterstand van vandaag: 12345. Klopt het voorschot nu?';
    const res = await v.post(`/portal/${slug}/cases/${henkCase}/reply`, { t: token, text });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /Uw reactie staat bij dossier LU-\d+\. U hoort uiterlijk \w+dag \d+ \w+ om \d\d:\d\d van ons\./);
    assert.match(res.body, /12345/);
    const again = await v.post(`/portal/${slug}/cases/${henkCase}/reply`, { t: token, text });
    assert.equal(again.statusCode, 200, 'the same post again (a reload) shows the same');
    const msgs = await t.db.query<{ type: string; channel: string; body: string; from_address: string }>(
      `SELECT type, channel, body, from_address FROM messages WHERE account_id = $1 AND case_id = $2 AND body LIKE '%12345%'`, [acc.accountId, henkCase]);
    assert.deepEqual(msgs, [{ type: 'inbound', channel: 'portal', body: text, from_address: henk.email }], 'stored once, on the portal channel, from their address');
    const c = await api(acc, 'GET', `/api/v1/cases/${henkCase}`);
    assert.equal(c.status, 'open', 'a reply reopens a case that waited for the customer');
    assert.equal(await count(`SELECT count(*)::int AS n FROM jobs WHERE account_id = $1 AND kind = 'message.analyse' AND payload->>'message_id' IN (SELECT id::text FROM messages WHERE account_id = $1 AND channel = 'portal')`, [acc.accountId]) >= 1, true, 'listening hears it like any message');
  });

  test('a reply must come from the portal page with its token: cross-site, no token or another session\'s token is refused, nothing written', async () => {
    const v = await signIn(henk);
    const w = await signIn(henk);
    const theirToken = tokenOf((await w.get(`/portal/${slug}`)).body);
    const mine = tokenOf((await v.get(`/portal/${slug}`)).body);
    const before = await snapshotAccount(t.db, acc.accountId);
    const url = `/portal/${slug}/cases/${henkCase}/reply`;
    for (const [fields, headers] of [
      [{ text: 'zonder token' }, {}],
      [{ t: theirToken, text: 'token van een andere sessie' }, {}],
      [{ t: mine, text: 'van een andere site' }, { 'sec-fetch-site': 'cross-site', origin: 'https://kwaad.example' }],
      [{ t: 'x'.repeat(20), text: 'vervalst' }, {}],
    ] as const) {
      const res = await v.post(url, fields, headers);
      assert.equal(res.statusCode, 403, JSON.stringify(fields));
    }
    const empty = await v.post(url, { t: mine, text: '   ' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /Schrijf eerst uw reactie/);
    assert.deepEqual(await snapshotAccount(t.db, acc.accountId), before);
  });

  test("colleagues' cases only when their organisation allows it, and then to read, not to answer", async () => {
    const domain = `bouw${acc.accountId.slice(0, 6)}.nl`;
    const anna = { email: `anna.${process.pid}@${domain}`, name: 'Anna Bouw' };
    const piet = { email: `piet.${process.pid}@${domain}`, name: 'Piet Bouw' };
    const org = await api(acc, 'POST', '/api/v1/organisations', { name: `Bouw ${domain}`, domains: [domain] });
    assert.equal(org.portal_shares_cases, false);
    await openCase(acc, anna, 'Factuur kantoor');
    const pietCase = await openCase(acc, piet, 'Aansluiting werkplaats');
    const v = await signIn(anna);
    assert.doesNotMatch((await v.get(`/portal/${slug}`)).body, /Aansluiting werkplaats/);
    assert.equal((await v.get(`/portal/${slug}/cases/${pietCase}`)).statusCode, 404);
    const on = await api(acc, 'PATCH', `/api/v1/organisations/${org.id}`, { portal_shares_cases: true });
    assert.equal(on.portal_shares_cases, true);
    const list = await v.get(`/portal/${slug}`);
    assert.match(list.body, /Aansluiting werkplaats/);
    assert.match(list.body, /van uw collega Piet Bouw/);
    const page = await v.get(`/portal/${slug}/cases/${pietCase}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /alleen uw collega kan erop reageren/);
    const before = await snapshotAccount(t.db, acc.accountId);
    const res = await v.post(`/portal/${slug}/cases/${pietCase}/reply`, { t: tokenOf(page.body), text: 'Namens Piet' });
    assert.equal(res.statusCode, 403);
    assert.deepEqual(await snapshotAccount(t.db, acc.accountId), before);
    // a customer of another organisation (or none) still sees only their own
    assert.doesNotMatch((await (await signIn(henk)).get(`/portal/${slug}`)).body, /Aansluiting werkplaats|Factuur kantoor/);
  });

  test('limits: per client address a 429, per e-mail address silently (the same answer, no more mails)', async () => {
    const from = '192.0.2.77';
    const v = visitor();
    for (let i = 0; i < 10; i++) assert.equal((await v.askLink(uniqueEmail('flood'), from)).statusCode, 200);
    const over = await v.askLink(uniqueEmail('flood'), from);
    assert.equal(over.statusCode, 429);
    assert.ok(Number(over.headers['retry-after']) > 0);
    const target = { email: uniqueEmail('doelwit'), name: 'Doelwit' };
    await openCase(acc, target, 'Doelwit');
    const jobs = () => count(`SELECT count(*)::int AS n FROM jobs WHERE account_id = $1 AND kind = 'portal.link' AND payload->>'email' = $2`, [acc.accountId, target.email]);
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) answers.add((await v.askLink(target.email)).body);
    assert.equal(answers.size, 1, 'the same answer every time');
    assert.equal(await jobs(), 3, 'at most three links an hour to one address');
  });

  test('signing out ends the session; an idle session is over; the portal switched off is a 404 and signs everyone out', async () => {
    const v = await signIn(henk);
    const token = tokenOf((await v.get(`/portal/${slug}`)).body);
    const cookie = v.cookie();
    const out = await v.post(`/portal/${slug}/sign-out`, { t: token });
    assert.equal(out.statusCode, 200);
    assert.match(out.body, /U bent uitgelogd/);
    const stale = await t.app.inject({ method: 'GET', url: `/portal/${slug}`, headers: { cookie: `luister_portal=${cookie}` } });
    assert.match(stale.body, /Stuur mij een inloglink/, 'the old cookie signs nobody in');
    const idle = await signIn(henk);
    await t.db.query(`UPDATE portal_sessions SET last_seen_at = now() - interval '31 minutes' WHERE account_id = $1 AND ended_at IS NULL`, [acc.accountId]);
    assert.match((await idle.get(`/portal/${slug}`)).body, /niet actief en bent uitgelogd/);
    const still = await signIn(henk);
    await api(acc, 'PATCH', '/api/v1/portal/settings', { enabled: false });
    assert.equal((await still.get(`/portal/${slug}`)).statusCode, 404);
    assert.equal(await count('SELECT count(*)::int AS n FROM portal_sessions WHERE account_id = $1 AND ended_at IS NULL', [acc.accountId]), 0);
    await api(acc, 'PATCH', '/api/v1/portal/settings', { enabled: true });
    assert.match((await still.get(`/portal/${slug}`)).body, /Stuur mij een inloglink/, 'switched on again: signed out still');
  });

  test('acknowledgements name the portal while it is on', async () => {
    const [{ form_secret }] = await t.db.query<{ form_secret: string }>('SELECT form_secret FROM channel_settings WHERE account_id = $1', [acc.accountId]);
    const res = await t.app.inject({
      method: 'POST', url: `/contact/${slug}`, remoteAddress: nextIp(), headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ t: issueFormToken(form_secret, acc.accountId, Date.now() - 10_000), email: uniqueEmail('form'), message: 'Mijn factuur klopt niet, kunt u kijken?' }),
    });
    assert.equal(res.statusCode, 200, res.body);
    const [ack] = await t.db.query<{ body: string }>(`SELECT body FROM messages WHERE account_id = $1 AND automated = 'acknowledgement' ORDER BY created_at DESC LIMIT 1`, [acc.accountId]);
    assert.match(ack.body, new RegExp(`online volgen en erop reageren: ${PUBLIC_URL}/portal/${slug}`));
  });

  test('an erased customer is signed out and their links and sessions are gone', async () => {
    const gone = { email: uniqueEmail('vergeten'), name: 'Vergeten Klant' };
    const caseId = await openCase(acc, gone, 'Vergeet mij');
    const v = await signIn(gone);
    await v.askLink(gone.email);
    await runJobs(t.db, handlers, acc.accountId, ['portal.link']);
    const [{ customer_id }] = await t.db.query<{ customer_id: string }>('SELECT customer_id FROM cases WHERE account_id = $1 AND id = $2', [acc.accountId, caseId]);
    await api(acc, 'POST', `/api/v1/customers/${customer_id}/erase`, { reason: 'verzoek klant' });
    assert.equal(await count('SELECT count(*)::int AS n FROM portal_links WHERE account_id = $1 AND email = $2', [acc.accountId, gone.email]), 0);
    assert.equal(await count('SELECT count(*)::int AS n FROM portal_sessions WHERE account_id = $1 AND email = $2', [acc.accountId, gone.email]), 0);
    assert.match((await v.get(`/portal/${slug}`)).body, /Stuur mij een inloglink/);
  });
});
