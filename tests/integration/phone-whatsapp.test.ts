import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { hubSignature } from '../../src/intake/channels/signatures.ts';
import { sendWhatsAppJob } from '../../src/intake/whatsapp/send-whatsapp.ts';
import { systemActor } from '../../src/shared/actor.ts';
import type { JobRow } from '../../src/storage/jobs.ts';
import { signPayload } from '../../src/webhooks/sign.ts';
import { GraphServer } from '../graph-server.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

const APP_SECRET = 'meta-app-secret-0123456789';
const VERIFY = 'verify-token-luister-01';
const ACCESS = 'EAAG-access-token-abcdefgh';
const NUMBER_ID = '106540352242922';

describe('phone and WhatsApp', () => {
  let t: TestContext;
  let acc: TestAccount;
  let slug: string;
  let phoneSecret: string;
  const graph = new GraphServer();
  const db = () => t.db;

  before(async () => {
    t = await testApp();
    await graph.start();
    acc = await newAccount(t.db, 'Parkeerbedrijf');
    slug = `park-${acc.accountId.slice(0, 8)}`;
    await setChannelSettings(t.db, systemActor(acc.accountId), { slug });
    const phone = await t.app.inject({ method: 'PUT', url: '/api/v1/channels/phone', headers: acc.auth, payload: { enabled: true } });
    assert.equal(phone.statusCode, 200, phone.body);
    phoneSecret = phone.json().secret;
    assert.match(phoneSecret, /^lph_/);
    const wa = await t.app.inject({ method: 'PUT', url: '/api/v1/channels/whatsapp', headers: acc.auth,
      payload: { enabled: true, app_secret: APP_SECRET, verify_token: VERIFY, access_token: ACCESS, phone_number_id: NUMBER_ID, templates: [{ name: 'case_update', language: 'nl' }] } });
    assert.equal(wa.statusCode, 200, wa.body);
  });
  after(async () => {
    await graph.stop();
    await t.close();
  });

  const callEvent = (o: Record<string, unknown>) => ({ id: `evt_${crypto.randomUUID()}`, call_id: `call_${crypto.randomUUID()}`, direction: 'inbound', from: '+31612345678', to: '+31201234567', ...o });
  const postCall = (body: string, sig: string | null, url = `/api/public/v1/phone/${slug}/events`) =>
    t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(sig ? { 'luister-signature': sig } : {}) }, payload: body });
  const signed = (event: object, at = Math.floor(Date.now() / 1000), secret = phoneSecret) => {
    const body = JSON.stringify(event);
    return { body, sig: signPayload(secret, body, at) };
  };
  const waBody = (from: string, id: string, text: string, name = 'Fatima') => JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '31201234567', phone_number_id: NUMBER_ID },
      contacts: [{ profile: { name }, wa_id: from }],
      messages: [{ from, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }],
    } }] }],
  });
  const postWa = (body: string, sig: string | null) =>
    t.app.inject({ method: 'POST', url: `/api/public/v1/whatsapp/${slug}`, headers: { 'content-type': 'application/json', ...(sig ? { 'x-hub-signature-256': sig } : {}) }, payload: body });
  const count = async (table: string) => (await db().query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE account_id = $1`, [acc.accountId]))[0].n;

  test('settings: secrets are never returned in full, and the webhooks need the public address', async () => {
    const got = await t.app.inject({ method: 'GET', url: '/api/v1/channels/connections', headers: acc.auth });
    assert.equal(got.statusCode, 200);
    const text = got.body;
    for (const secret of [APP_SECRET, VERIFY, ACCESS, phoneSecret]) assert.ok(!text.includes(secret), 'no secret in the answer');
    assert.equal(got.json().whatsapp.access_token_hint, `…${ACCESS.slice(-4)}`);
    assert.equal(got.json().phone.secret_set, true);
    const other = await newAccount(t.db, 'Zonder adres');
    const refused = await t.app.inject({ method: 'PUT', url: '/api/v1/channels/phone', headers: other.auth, payload: { enabled: true } });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'slug_required');
    const incomplete = await t.app.inject({ method: 'PUT', url: '/api/v1/channels/whatsapp', headers: other.auth, payload: { enabled: true } });
    assert.equal(incomplete.statusCode, 422);
  });

  test('telephony signature: right is accepted; wrong, missing, stale or from the future is 401 and stores nothing; a replay is a duplicate', async () => {
    const before = await count('messages');
    const e = callEvent({ type: 'call.ended', duration_seconds: 95 });
    const ok = signed(e);
    const bad = await postCall(ok.body, signPayload('lph_not-the-secret', ok.body, Math.floor(Date.now() / 1000)));
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.json().error.code, 'signature_invalid');
    assert.equal((await postCall(ok.body, null)).statusCode, 401);
    const stale = signed(e, Math.floor(Date.now() / 1000) - 301);
    assert.match((await postCall(stale.body, stale.sig)).json().error.message, /too old/);
    const future = signed(e, Math.floor(Date.now() / 1000) + 600);
    assert.equal((await postCall(future.body, future.sig)).statusCode, 401);
    // the signature of one body does not carry another (a secret in the URL alone would)
    assert.equal((await postCall(ok.body.replace('95', '9500'), ok.sig)).statusCode, 401);
    // who cannot sign learns nothing about the body: not JSON is still 401
    assert.equal((await postCall('{"nope', ok.sig)).statusCode, 401);
    assert.equal(await count('messages'), before, 'nothing stored');

    const first = await postCall(ok.body, ok.sig);
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().outcome, 'logged');
    // the same request again (a provider's retry, or a captured request replayed within the window)
    const replay = await postCall(ok.body, ok.sig);
    assert.deepEqual(replay.json(), { outcome: 'duplicate' });
    // signed, but not a valid event: 400 after the signature
    const wrong = signed({ ...callEvent({ type: 'call.exploded' }) });
    assert.equal((await postCall(wrong.body, wrong.sig)).statusCode, 400);
    // another account's secret does not open this account's webhook
    assert.equal((await postCall(ok.body, signPayload('lph_other', ok.body, Math.floor(Date.now() / 1000)))).statusCode, 401);
  });

  test('calls are logged on the customer\'s one open case, not a new case per call', async () => {
    const email = uniqueEmail('beller');
    const opened = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: acc.auth, payload: { customer: { email }, message: { body: 'Mijn parkeervergunning is niet verlengd.' } } });
    assert.equal(opened.statusCode, 201, opened.body);
    const c = opened.json();
    // the agent notes the customer's number: e-mail and phone are now one person
    const phone = '+31687654321';
    assert.equal((await t.app.inject({ method: 'POST', url: `/api/v1/customers/${c.customer_id}/identities`, headers: acc.auth, payload: { kind: 'phone', value: '06 87654321' } })).statusCode, 201);
    const call = `call_${crypto.randomUUID()}`;
    for (const type of ['call.started', 'call.answered']) {
      const s = signed(callEvent({ type, call_id: call, from: phone }));
      assert.equal((await postCall(s.body, s.sig)).json().outcome, 'noted');
    }
    const end = signed(callEvent({ type: 'call.ended', call_id: call, from: phone, duration_seconds: 252, recording_url: 'https://pbx.example/rec/1.mp3' }));
    const logged = (await postCall(end.body, end.sig)).json();
    assert.equal(logged.case_ref, c.ref);
    const second = signed(callEvent({ type: 'call.ended', from: phone, duration_seconds: 30 }));
    assert.equal((await postCall(second.body, second.sig)).json().case_ref, c.ref);
    const msgs = await db().query<{ channel: string; body: string }>(`SELECT channel, body FROM messages WHERE account_id = $1 AND case_id = $2 AND channel = 'phone' ORDER BY created_at`, [acc.accountId, c.id]);
    assert.equal(msgs.length, 2);
    assert.match(msgs[0].body, /Gesprek met \+31687654321 \(inkomend\), duur 4 min 12 s\.\nOpname: https:\/\/pbx\.example\/rec\/1\.mp3/);
    const cases = await db().query('SELECT id FROM cases WHERE account_id = $1 AND customer_id = $2', [acc.accountId, c.customer_id]);
    assert.equal(cases.length, 1, 'one case for the e-mail and both calls');
  });

  test('a missed call becomes a callback promise with an owner and a due time, once; a callback request by phone is the same promise', async () => {
    const phone = '+31611112222';
    const missed = signed(callEvent({ type: 'call.missed', from: phone, language: 'en' }));
    const r = (await postCall(missed.body, missed.sig)).json();
    assert.equal(r.outcome, 'logged');
    assert.ok(r.promise_id);
    const [p] = await db().query<{ kind: string; state: string; due_at: Date; owner_id: string | null; description: string }>(
      'SELECT kind, state, due_at, owner_id, description FROM promises WHERE account_id = $1 AND id = $2', [acc.accountId, r.promise_id]);
    assert.equal(p.kind, 'callback');
    assert.equal(p.state, 'open');
    assert.ok(new Date(p.due_at).getTime() > Date.now(), 'due in the future');
    assert.equal(p.owner_id, acc.adminId, 'someone owns it');
    assert.equal(p.description, `Call back on ${phone}`);
    // it is in "promises due"
    const due = await t.app.inject({ method: 'GET', url: '/api/v1/promises?state=open', headers: acc.auth });
    assert.ok(due.json().data.some((x: { id: string }) => x.id === r.promise_id), due.body);
    // calling again and asking for a callback: the same case, the same promise
    const again = signed(callEvent({ type: 'callback.requested', from: phone }));
    const r2 = (await postCall(again.body, again.sig)).json();
    assert.equal(r2.case_ref, r.case_ref);
    assert.equal(r2.promise_id, r.promise_id);
    // a callback request with a window, from someone new: a promise with that window
    const start = new Date(Date.now() + 86_400_000);
    const end = new Date(start.getTime() + 30 * 60_000);
    const w = signed(callEvent({ type: 'callback.requested', from: '+31633334444', callback_window: { start: start.toISOString(), end: end.toISOString() } }));
    const r3 = (await postCall(w.body, w.sig)).json();
    const [p3] = await db().query<{ window_start: Date; due_at: Date }>('SELECT window_start, due_at FROM promises WHERE account_id = $1 AND id = $2', [acc.accountId, r3.promise_id]);
    assert.deepEqual([new Date(p3.window_start).getTime(), new Date(p3.due_at).getTime()], [start.getTime(), end.getTime()]);
  });

  test('WhatsApp verification handshake: the challenge for the right verify token, 403 for another', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `/api/public/v1/whatsapp/${slug}?hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444` });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.body, '1158201444');
    assert.match(String(ok.headers['content-type']), /^text\/plain/);
    const bad = await t.app.inject({ method: 'GET', url: `/api/public/v1/whatsapp/${slug}?hub.mode=subscribe&hub.verify_token=raden&hub.challenge=1158201444` });
    assert.equal(bad.statusCode, 403);
  });

  test('WhatsApp in: signature over the raw body, a case message on the whatsapp channel, acknowledged in the customer\'s language, a redelivery recognised', async () => {
    const body = waBody('31622223333', `wamid.${crypto.randomUUID()}`, 'Hello, my parking permit was charged twice this month. Can you refund it?');
    const before = await count('messages');
    assert.equal((await postWa(body, null)).statusCode, 401);
    assert.equal((await postWa(body, hubSignature('another-app-secret', body))).statusCode, 401);
    // the same JSON re-serialised is other bytes: the signature is over what was sent
    assert.equal((await postWa(JSON.stringify(JSON.parse(body), null, 1), hubSignature(APP_SECRET, body))).statusCode, 401);
    assert.equal(await count('messages'), before, 'nothing stored');

    const r = await postWa(body, hubSignature(APP_SECRET, body));
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(r.json(), { stored: 1, duplicates: 0, ignored: 0, statuses: 0 });
    const again = await postWa(body, hubSignature(APP_SECRET, body));
    assert.deepEqual(again.json(), { stored: 0, duplicates: 1, ignored: 0, statuses: 0 }, 'Meta\'s retry changes nothing');

    const msgs = await db().query<{ type: string; channel: string; body: string; language: string; automated: string | null; case_id: string }>(
      `SELECT m.type, m.channel, m.body, m.language, m.automated, m.case_id FROM messages m JOIN customer_identities i ON i.account_id = m.account_id AND i.customer_id = (SELECT customer_id FROM cases WHERE account_id = m.account_id AND id = m.case_id)
       WHERE m.account_id = $1 AND i.kind = 'phone' AND i.value = '+31622223333' ORDER BY m.created_at`, [acc.accountId]);
    assert.deepEqual(msgs.map((m) => [m.type, m.channel]), [['inbound', 'whatsapp'], ['outbound', 'whatsapp']]);
    assert.equal(msgs[1].automated, 'acknowledgement');
    assert.match(msgs[1].body, /^Thank you for your message\. It is case LU-\d+; you will hear from us by /, 'in English, as the customer wrote');
    const [c] = await db().query<{ channel: string }>('SELECT channel FROM cases WHERE account_id = $1 AND id = $2', [acc.accountId, msgs[0].case_id]);
    assert.equal(c.channel, 'whatsapp');
  });

  // runs the queued WhatsApp jobs of the account once each, with the real handler against the local Graph API
  const runWhatsAppJobs = async () => {
    const send = sendWhatsAppJob(graph.url);
    const jobs = await db().query<JobRow>(`SELECT id, account_id, kind, payload, attempts + 1 AS attempts, max_attempts FROM jobs WHERE account_id = $1 AND kind = 'whatsapp.send' AND status = 'queued'`, [acc.accountId]);
    const errors: string[] = [];
    for (const job of jobs) {
      try {
        await send(db(), job);
        await db().query(`UPDATE jobs SET status = 'done', finished_at = now() WHERE id = $1`, [job.id]);
      } catch (err) {
        errors.push((err as Error).message);
        await db().query(`UPDATE jobs SET attempts = attempts + 1 WHERE id = $1`, [job.id]);
      }
    }
    return errors;
  };

  test('a reply goes out through the Graph API as a job with retries, and never twice', async () => {
    const from = '31644445555';
    const body = waBody(from, `wamid.${crypto.randomUUID()}`, 'Mijn slagboom gaat niet open bij de garage aan de Singel.');
    assert.equal((await postWa(body, hubSignature(APP_SECRET, body))).json().stored, 1);
    const [c] = await db().query<{ id: string }>(`SELECT m.case_id AS id FROM messages m WHERE m.account_id = $1 AND m.from_address = $2`, [acc.accountId, from]);
    await runWhatsAppJobs(); // the acknowledgement
    const acked = graph.requests.length;

    const reply = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, headers: acc.auth, payload: { body: 'Wat vervelend. Ik heb de slagboom op afstand geopend; u kunt nu naar binnen. Groet, Anna' } });
    assert.equal(reply.statusCode, 201, reply.body);
    assert.equal(reply.json().channel, 'whatsapp');
    assert.equal(reply.json().delivery_status, 'queued');

    graph.failNext = 1;
    const errors = await runWhatsAppJobs();
    assert.match(errors[0], /answered 500: Service temporarily unavailable/);
    assert.equal(graph.requests.length, acked + 1);
    // the retry, and the same job run twice at once (a doubled job): one more request, not two
    const [job] = await db().query<JobRow>(`SELECT id, account_id, kind, payload, attempts + 1 AS attempts, max_attempts FROM jobs WHERE account_id = $1 AND kind = 'whatsapp.send' AND status = 'queued'`, [acc.accountId]);
    const send = sendWhatsAppJob(graph.url);
    await Promise.all([send(db(), job), send(db(), job)]);
    await send(db(), job);
    assert.equal(graph.requests.length, acked + 2, 'sent once after the failure, never twice');
    const req = graph.requests.at(-1)!;
    assert.equal(req.path, `/v21.0/${NUMBER_ID}/messages`);
    assert.equal(req.auth, `Bearer ${ACCESS}`);
    assert.deepEqual([req.body.messaging_product, req.body.to, req.body.type, req.body.text.body], ['whatsapp', from, 'text', 'Wat vervelend. Ik heb de slagboom op afstand geopend; u kunt nu naar binnen. Groet, Anna']);
    assert.equal(req.body.biz_opaque_callback_data, req.idempotencyKey, 'the idempotency key goes with the request');
    assert.equal(graph.requests.at(-2)!.idempotencyKey, req.idempotencyKey, 'the retry carries the same key');
    const [m] = await db().query<{ delivery_status: string }>('SELECT delivery_status FROM messages WHERE account_id = $1 AND id = $2', [acc.accountId, reply.json().id]);
    assert.equal(m.delivery_status, 'sent');

    // Meta reports later that it could not deliver it: the agent sees that, with Meta's reason
    const [{ wamid }] = await db().query<{ wamid: string }>('SELECT wamid FROM whatsapp_outbound WHERE account_id = $1 AND message_id = $2', [acc.accountId, reply.json().id]);
    const status = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: {
      metadata: { phone_number_id: NUMBER_ID }, statuses: [{ id: wamid, status: 'failed', recipient_id: from, errors: [{ code: 131026, title: 'Message undeliverable' }] }] } }] }] });
    assert.equal((await postWa(status, hubSignature(APP_SECRET, status))).json().statuses, 1);
    const [failed] = await db().query<{ delivery_status: string; delivery_error: string }>('SELECT delivery_status, delivery_error FROM messages WHERE account_id = $1 AND id = $2', [acc.accountId, reply.json().id]);
    assert.deepEqual(failed, { delivery_status: 'failed', delivery_error: 'WhatsApp did not deliver: Message undeliverable (131026)' });
  });

  test('outside the 24-hour window a free-text reply is refused with a clear error; an approved template goes', async () => {
    const from = '31655556666';
    const body = waBody(from, `wamid.${crypto.randomUUID()}`, 'Waarom is mijn abonnement duurder geworden?');
    assert.equal((await postWa(body, hubSignature(APP_SECRET, body))).json().stored, 1);
    const [c] = await db().query<{ id: string }>(`SELECT case_id AS id FROM messages WHERE account_id = $1 AND from_address = $2`, [acc.accountId, from]);
    // the customer's message is now 25 hours old
    await db().query(`UPDATE messages SET created_at = now() - interval '25 hours' WHERE account_id = $1 AND case_id = $2 AND type = 'inbound'`, [acc.accountId, c.id]);
    const ch = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}/reply-channel`, headers: acc.auth })).json();
    assert.equal(ch.channel, 'whatsapp');
    assert.equal(ch.whatsapp.window_open, false);
    assert.deepEqual(ch.whatsapp.templates, [{ name: 'case_update', language: 'nl' }]);
    const before = await count('messages');
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, headers: acc.auth, payload: { body: 'Excuses voor het late antwoord: de prijs is per 1 december aangepast. Groet, Anna' } });
    assert.equal(refused.statusCode, 422);
    assert.equal(refused.json().error.code, 'whatsapp_window_closed');
    assert.match(refused.json().error.message, /more than 24 hours ago.*only an approved template/);
    const unknown = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, headers: acc.auth, payload: { body: 'Uw zaak is bijgewerkt. Groet, Anna', whatsapp_template: { name: 'marketing_blast', language: 'nl' } } });
    assert.equal(unknown.json().error.code, 'whatsapp_template_not_approved');
    assert.equal(await count('messages'), before, 'nothing written');
    const tpl = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/messages`, headers: acc.auth, payload: { body: 'Uw zaak is bijgewerkt. Groet, Anna', whatsapp_template: { name: 'case_update', language: 'nl', parameters: ['LU-1'] } } });
    assert.equal(tpl.statusCode, 201, tpl.body);
    await runWhatsAppJobs();
    const sent = graph.requests.at(-1)!.body;
    assert.deepEqual([sent.type, sent.template.name, sent.template.language.code, sent.template.components[0].parameters[0].text], ['template', 'case_update', 'nl', 'LU-1']);
  });

  test('generic messaging adapter: a signed message from another network lands on the customer behind the number, once; unsigned is 401', async () => {
    const m = await t.app.inject({ method: 'PUT', url: '/api/v1/channels/messaging', headers: acc.auth, payload: { enabled: true } });
    assert.equal(m.statusCode, 200, m.body);
    const secret = m.json().secret as string;
    assert.match(secret, /^lms_/);
    const url = `/api/public/v1/messages/${slug}`;
    const msg = { id: `tg-${crypto.randomUUID()}`, network: 'telegram', from: { handle: 'fatima_k', name: 'Fatima', phone: '+31622223333' }, text: 'Is er al nieuws over mijn dubbele afschrijving?' };
    const s1 = signed(msg, Math.floor(Date.now() / 1000), secret);
    assert.equal((await postCall(s1.body, signPayload(phoneSecret, s1.body, Math.floor(Date.now() / 1000)), url)).statusCode, 401, 'the phone secret does not sign messages');
    const r = await postCall(s1.body, s1.sig, url);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().outcome, 'stored');
    assert.deepEqual((await postCall(s1.body, s1.sig, url)).json(), { outcome: 'duplicate' });
    // the same person as on WhatsApp (same number), on the same open case; the handle is now theirs too
    const [wa] = await db().query<{ ref: string; customer_id: string }>(
      `SELECT c.ref, c.customer_id FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id WHERE m.account_id = $1 AND m.from_address = '31622223333'`, [acc.accountId]);
    assert.equal(r.json().case_ref, wa.ref);
    const ids = await db().query<{ kind: string; value: string }>('SELECT kind, value FROM customer_identities WHERE account_id = $1 AND customer_id = $2 ORDER BY kind', [acc.accountId, wa.customer_id]);
    assert.deepEqual(ids.map((i) => `${i.kind}:${i.value}`), ['phone:+31622223333', 'social:telegram:fatima_k']);
  });

  test('one customer across e-mail, phone, WhatsApp and chat: one customer, one history', async () => {
    const email = uniqueEmail('overal');
    const first = (await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: acc.auth, payload: { name: 'Sanne de Wit', email, phone: '+31677778888' } })).json();
    const mail = await t.app.inject({ method: 'POST', url: '/api/v1/cases', headers: acc.auth, payload: { customer: { email }, channel: 'email', message: { body: 'Mijn bon van de parkeergarage klopt niet.' } } });
    assert.equal(mail.json().customer_id, first.id);
    const call = signed(callEvent({ type: 'call.ended', from: '0677778888', duration_seconds: 61 }));
    assert.equal((await postCall(call.body, call.sig)).json().case_ref, mail.json().ref);
    const wa = waBody('31677778888', `wamid.${crypto.randomUUID()}`, 'Hier is de foto van de bon.', 'Sanne');
    assert.equal((await postWa(wa, hubSignature(APP_SECRET, wa))).json().stored, 1);
    // later she opens the chat widget on the website and gives her e-mail address
    const chat = await t.app.inject({ method: 'POST', url: `/api/public/v1/chat/${slug}/messages`,
      payload: { client_id: `chat-${crypto.randomUUID().slice(0, 8)}`, body: 'Is mijn bon al gecorrigeerd?', lang: 'nl', email: email.toUpperCase(), name: 'Sanne de Wit' } });
    assert.equal(chat.statusCode, 200, chat.body);
    const history = await db().query<{ channel: string; case_id: string; customer_id: string }>(
      `SELECT m.channel, m.case_id, c.customer_id FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
       WHERE m.account_id = $1 AND c.customer_id = $2 AND m.type = 'inbound' ORDER BY m.created_at`, [acc.accountId, first.id]);
    assert.deepEqual(history.map((h) => h.channel), ['email', 'phone', 'whatsapp', 'chat'], 'one customer, one history across the four doors');
    assert.equal(new Set(history.slice(0, 3).map((h) => h.case_id)).size, 1, 'the call and the WhatsApp message on the open case of the mail');
    const customers = await db().query(`SELECT DISTINCT customer_id FROM customer_identities WHERE account_id = $1 AND value IN ($2, '+31677778888')`, [acc.accountId, email]);
    assert.equal(customers.length, 1);
  });
});
