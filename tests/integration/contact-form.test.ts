import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { issueFormToken } from '../../src/intake/form/form-token.ts';
import { formatWhen } from '../../src/intake/acknowledgement-text.ts';
import { addBusinessTime } from '../../src/promises/due-time.ts';
import { DEFAULT_CALENDAR } from '../../src/promises/calendar.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { runJobs, startMailbox } from '../email.ts';

/**
 * The public contact form (issue 17): a visitor without an account, a plain HTML form post. What
 * they send becomes a case on the `web` channel through the same intake road as e-mail; the page
 * and an e-mail say the case reference and when they will hear from us; spam and floods are kept out.
 */
describe('contact form', () => {
  let t: TestContext;
  let acc: TestAccount;
  let slug: string;
  let secret: string;

  before(async () => {
    t = await testApp();
    acc = await newAccount(t.db, 'Parkeerbedrijf');
    slug = `parkeren-${acc.accountId.slice(0, 8)}`;
    await createInbox(t.db, systemActor(acc.accountId), { address: `klantenservice.${acc.accountId.slice(0, 8)}@parkeren.example`, name: 'Klantenservice Parkeren' });
    const res = await t.app.inject({
      method: 'PUT', url: '/api/v1/channels', headers: acc.auth,
      payload: {
        slug,
        form_fields: [{ key: 'phone' }, { key: 'order_number', label: { nl: 'Kenteken of ordernummer', en: 'Licence plate or order number' }, max: 40 }],
        allowed_origins: ['https://www.parkeren.example'],
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    [{ form_secret: secret }] = await t.db.query<{ form_secret: string }>('SELECT form_secret FROM channel_settings WHERE account_id = $1', [acc.accountId]);
    assert.equal(res.json().form_secret, undefined, 'the form secret never leaves the server');
  });
  after(() => t.close());

  /** A token as the page would have issued it ten seconds ago: a person's fill time. */
  const token = (agoMs = 10_000) => issueFormToken(secret, acc.accountId, Date.now() - agoMs);
  // each call from its own address unless given: the per-address limit has a test of its own
  let n = 0;
  const post = (fields: Record<string, string>, ip = `203.0.113.${++n}`, s = slug) =>
    t.app.inject({
      method: 'POST', url: `/contact/${s}`, remoteAddress: ip,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams(fields).toString(),
    });

  test('only an admin sets it up; a bad field list changes nothing', async () => {
    const agent = await createAgent(t.db, systemActor(acc.accountId), { email: uniqueEmail('agent'), name: 'Agent', role: 'agent', password: 'lang en veilig wachtwoord 42' });
    assert.ok(agent);
    const bad = await t.app.inject({ method: 'PUT', url: '/api/v1/channels', headers: acc.auth, payload: { form_fields: [{ key: 'website' }] } });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.code, 'form_field_reserved');
    const origin = await t.app.inject({ method: 'PUT', url: '/api/v1/channels', headers: acc.auth, payload: { allowed_origins: ['https://x.example/pad'] } });
    assert.equal(origin.statusCode, 422);
    const unknown = await t.app.inject({ method: 'PUT', url: '/api/v1/channels', headers: acc.auth, payload: { is_admin: true } });
    assert.equal(unknown.statusCode, 400);
    const now = await t.app.inject({ method: 'GET', url: '/api/v1/channels', headers: acc.auth });
    assert.equal(now.json().settings.slug, slug);
    assert.equal(now.json().settings.form_fields.length, 2);
  });

  test('the page: Dutch by default, English on request, labelled fields, honeypot, signed timestamp, framable only by the allowed site', async () => {
    const nl = await t.app.inject({ method: 'GET', url: `/contact/${slug}` });
    assert.equal(nl.statusCode, 200);
    assert.match(nl.body, /<html lang="nl">/);
    assert.match(nl.body, /<label for="f-email">Uw e-mailadres <span class="req">\(verplicht\)<\/span><\/label>/);
    assert.match(nl.body, /<label for="f-order_number">Kenteken of ordernummer<\/label>/);
    assert.match(nl.body, /name="website" type="text" tabindex="-1"/);
    assert.match(nl.body, /name="t" value="\d+\.[\w-]{16}\.[\w-]{43}"/);
    assert.match(nl.headers['content-security-policy'] as string, /frame-ancestors 'self' https:\/\/www\.parkeren\.example/);
    assert.equal(nl.headers['x-frame-options'], undefined);
    assert.doesNotMatch(nl.body, /<script/);
    const en = await t.app.inject({ method: 'GET', url: `/contact/${slug}`, headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /Your email address/);
    const none = await t.app.inject({ method: 'GET', url: '/contact/bestaat-niet' });
    assert.equal(none.statusCode, 404);
  });

  test('a submission becomes a case on the web channel; the page and an e-mail give the reference and the answer-by time from the service level', async () => {
    // first response within 4 business hours for the web channel
    const sla = await t.app.inject({ method: 'POST', url: '/api/v1/sla-policies', headers: acc.auth, payload: { name: 'Web', channel: 'web', first_response_minutes: 240 } });
    assert.equal(sla.statusCode, 201, sla.body);
    const email = uniqueEmail('bezoeker');
    const res = await post({
      t: token(), lang: 'nl', website: '', name: 'Anna de Vries', email, phone: '06 12345678', subject: 'Dubbel betaald voor parkeren',
      order_number: 'AB-123-C', message: 'Ik heb gisteren twee keer betaald voor dezelfde parkeersessie. Kunt u één betaling terugstorten?',
    });
    assert.equal(res.statusCode, 200, res.body);
    const ref = /nummer <strong>([^<]+)<\/strong>/.exec(res.body)?.[1];
    assert.ok(ref, res.body);
    const [c] = await t.db.query<{ id: string; channel: string; created_at: Date; subject: string }>(
      'SELECT id, channel, created_at, subject FROM cases WHERE account_id = $1 AND ref = $2', [acc.accountId, ref]);
    assert.equal(c.channel, 'web');
    assert.equal(c.subject, 'Dubbel betaald voor parkeren');
    const due = addBusinessTime(c.created_at, 240, DEFAULT_CALENDAR)!;
    assert.ok(res.body.includes(`U hoort uiterlijk <strong>${formatWhen(due, 'nl', 'Europe/Amsterdam')}</strong>`), res.body);

    const messages = await t.db.query<{ type: string; channel: string; body: string; to_address: string | null; automated: string | null; delivery_status: string | null; subject: string | null }>(
      'SELECT type, channel, body, to_address, automated, delivery_status, subject FROM messages WHERE account_id = $1 AND case_id = $2 ORDER BY created_at', [acc.accountId, c.id]);
    assert.equal(messages.length, 2);
    assert.equal(messages[0].type, 'inbound');
    assert.equal(messages[0].channel, 'web');
    assert.match(messages[0].body, /^Kenteken of ordernummer: AB-123-C\n\nIk heb gisteren/);
    assert.equal(messages[1].automated, 'acknowledgement');
    assert.equal(messages[1].to_address, email);
    assert.equal(messages[1].delivery_status, 'queued');
    assert.match(messages[1].body, new RegExp(`onder nummer ${ref}`));
    assert.ok(messages[1].body.includes(formatWhen(due, 'nl', 'Europe/Amsterdam')));

    // the acknowledgement leaves through the same outbound mail path as every reply
    const mailbox = await startMailbox();
    try {
      const handlers = jobHandlers(testConfig({ SMTP_RELAY_URL: mailbox.url }));
      await runJobs(t.db, handlers, acc.accountId, ['email.send']);
      const [mail] = await mailbox.waitFor(1);
      assert.deepEqual(mail.envelope.to, [email]);
      assert.match(mail.mail.subject ?? '', new RegExp(`\\[${ref}\\]`));
      assert.match(mail.mail.text ?? '', /Beste Anna de Vries/);
    } finally {
      await mailbox.close();
    }
  });

  test('the same form sent twice (a double click, a reload) is one message on one case', async () => {
    const fields = { t: token(), lang: 'en', website: '', email: uniqueEmail('dubbel'), message: 'My parking permit has not arrived yet.' };
    const first = await post(fields);
    const second = await post(fields);
    assert.equal(first.statusCode, 200);
    assert.equal(second.statusCode, 200);
    const ref = (b: string) => /case <strong>([^<]+)<\/strong>/.exec(b)?.[1];
    assert.equal(ref(second.body), ref(first.body));
    assert.match(first.body, /You will hear from us by <strong>/);
    const [{ n }] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
       WHERE m.account_id = $1 AND c.ref = $2 AND m.type = 'inbound'`, [acc.accountId, ref(first.body)]);
    assert.equal(n, 1);
  });

  test('spam and mistakes: honeypot, forged token, undeclared field refused; too fast or a missing address shows the form again; nothing stored', async () => {
    const count = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1', [acc.accountId]))[0].n;
    const before = await count();
    const base = { lang: 'nl', website: '', email: uniqueEmail('spam'), message: 'Goedkope horloges!' };
    assert.equal((await post({ ...base, t: token(), website: 'http://spam.example' })).statusCode, 400);
    assert.equal((await post({ ...base, t: token().replace(/\.[\w-]{43}$/, `.${'A'.repeat(43)}`) })).statusCode, 400);
    assert.equal((await post({ ...base, t: token(), is_admin: 'true' })).statusCode, 400);
    assert.equal((await post({ ...base })).statusCode, 400);

    const fast = await post({ ...base, t: token(0), message: 'Mijn vraag' });
    assert.equal(fast.statusCode, 422);
    assert.match(fast.body, /role="alert"/);
    assert.match(fast.body, /erg snel verstuurd/);
    assert.match(fast.body, />Mijn vraag<\/textarea>/, 'what the visitor typed is kept');

    const missing = await post({ ...base, t: token(), email: '', message: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /id="f-email"[^>]*aria-invalid="true" aria-describedby="f-email-err"/);
    assert.match(missing.body, /<a href="#f-message">Uw vraag of bericht: Vul dit veld in\.<\/a>/);
    const bad = await post({ ...base, t: token(), email: 'geen-adres' });
    assert.match(bad.body, /geen geldig e-mailadres/);
    const long = await post({ ...base, t: token(), message: 'x'.repeat(5001) });
    assert.equal(long.statusCode, 422);
    assert.equal(await count(), before);
  });

  test('one address is limited per hour; another address is not', async () => {
    const other = await newAccount(t.db, 'Kleine winkel');
    const s2 = `winkel-${other.accountId.slice(0, 8)}`;
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/channels', headers: other.auth, payload: { slug: s2, submissions_per_hour: 2 } });
    assert.equal(put.statusCode, 200, put.body);
    const [{ form_secret }] = await t.db.query<{ form_secret: string }>('SELECT form_secret FROM channel_settings WHERE account_id = $1', [other.accountId]);
    const send = (ip: string) => post({ t: issueFormToken(form_secret, other.accountId, Date.now() - 10_000), lang: 'nl', website: '', email: uniqueEmail('flood'), message: 'Hallo' }, ip, s2);
    assert.equal((await send('198.51.100.1')).statusCode, 200);
    assert.equal((await send('198.51.100.1')).statusCode, 200);
    const third = await send('198.51.100.1');
    assert.equal(third.statusCode, 429);
    assert.ok(Number(third.headers['retry-after']) > 0);
    assert.equal((await send('198.51.100.2')).statusCode, 200);
  });
});
