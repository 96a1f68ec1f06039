import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { hubSignature } from '../../src/intake/channels/signatures.ts';
import { callbackWhen } from '../../src/intake/callback/callback-text.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { signPayload } from '../../src/webhooks/sign.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { GraphServer } from '../graph-server.ts';
import { runJobs, startMailbox } from '../email.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

const APP_SECRET = 'meta-app-secret-ack-0123456';
const NUMBER_ID = '106540352249999';

/**
 * A phone call that becomes a callback promise (a missed call, a callback request by phone) is
 * confirmed to the caller — there is no SMS, so on WhatsApp when the number is known there, else by
 * e-mail — through the same outbound paths as every message (the Graph API job, SMTP), in their
 * language, with the case reference and the window; once per call whatever the provider retries;
 * and when nothing reaches them the agents read so on the case.
 */
describe('phone calls are acknowledged through the caller\'s other door', () => {
  let t: TestContext;
  let acc: TestAccount;
  let slug: string;
  let phoneSecret: string;
  const graph = new GraphServer();
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let handlers: ReturnType<typeof jobHandlers>;

  before(async () => {
    t = await testApp();
    await graph.start();
    mailbox = await startMailbox();
    handlers = jobHandlers(testConfig({ SMTP_RELAY_URL: mailbox.url, WHATSAPP_API_URL: graph.url }));
    acc = await newAccount(t.db, 'Fietsverhuur');
    slug = `fiets-${acc.accountId.slice(0, 8)}`;
    await setChannelSettings(t.db, systemActor(acc.accountId), { slug });
    await createInbox(t.db, systemActor(acc.accountId), { address: `service.${acc.accountId.slice(0, 8)}@fiets.example`, name: 'Service Fietsverhuur' });
    phoneSecret = (await t.app.inject({ method: 'PUT', url: '/api/v1/channels/phone', headers: acc.auth, payload: { enabled: true } })).json().secret;
    const wa = await t.app.inject({ method: 'PUT', url: '/api/v1/channels/whatsapp', headers: acc.auth,
      payload: { enabled: true, app_secret: APP_SECRET, verify_token: 'verify-token-ack-01', access_token: 'EAAG-access-token-ack', phone_number_id: NUMBER_ID,
        templates: [{ name: 'case_update', language: 'nl' }, { name: 'terugbellen', language: 'nl', use: 'callback' }] } });
    assert.equal(wa.statusCode, 200, wa.body);
    assert.deepEqual(wa.json().whatsapp.templates[1], { name: 'terugbellen', language: 'nl', use: 'callback' });
  });
  after(async () => {
    await mailbox.close();
    await graph.stop();
    await t.close();
  });

  const call = (o: Record<string, unknown>) => ({ id: `evt_${crypto.randomUUID()}`, call_id: `call_${crypto.randomUUID()}`, direction: 'inbound', to: '+31201234567', ...o });
  const post = (event: object) => {
    const body = JSON.stringify(event);
    return t.app.inject({ method: 'POST', url: `/api/public/v1/phone/${slug}/events`, headers: { 'content-type': 'application/json', 'luister-signature': signPayload(phoneSecret, body, Math.floor(Date.now() / 1000)) }, payload: body });
  };
  const whatsappFrom = async (waId: string, text: string) => {
    const body = JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '31201234567', phone_number_id: NUMBER_ID }, contacts: [{ profile: { name: 'Sven' }, wa_id: waId }],
      messages: [{ from: waId, id: `wamid.${crypto.randomUUID()}`, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }] } }] }] });
    const r = await t.app.inject({ method: 'POST', url: `/api/public/v1/whatsapp/${slug}`, headers: { 'content-type': 'application/json', 'x-hub-signature-256': hubSignature(APP_SECRET, body) }, payload: body });
    assert.equal(r.json().stored, 1, r.body);
  };
  const caseMessages = (ref: string) => t.db.query<{ type: string; channel: string; body: string; to_address: string | null; automated: string | null; subject: string | null }>(
    `SELECT m.type, m.channel, m.body, m.to_address, m.automated, m.subject FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
     WHERE m.account_id = $1 AND c.ref = $2 ORDER BY m.created_at, m.id`, [acc.accountId, ref]);
  const customer = async (o: Record<string, unknown>) => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/customers', headers: acc.auth, payload: o });
    assert.equal(r.statusCode, 201, r.body);
  };

  test('a callback request by a caller with an e-mail address: mailed over SMTP in their language with the reference and the window — once, however often the provider retries', async () => {
    const email = uniqueEmail('beller');
    await customer({ name: 'Jan de Boer', email, phone: '+31622220001' });
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const end = new Date(start.getTime() + 30 * 60_000);
    const event = call({ type: 'callback.requested', from: '+31622220001', language: 'nl', callback_window: { start: start.toISOString(), end: end.toISOString() } });
    // the provider retries (one after the other, and two at once): one promise, one acknowledgement
    const first = (await post(event)).json();
    assert.equal(first.acknowledged, 'email');
    const retries = await Promise.all([post(event), post(event)]);
    assert.deepEqual(retries.map((r) => r.json().outcome), ['duplicate', 'duplicate']);
    // another event of the same call (the menu then hangs up as missed): the promise is open, nothing new to say
    const again = (await post({ ...event, id: `evt_${crypto.randomUUID()}`, type: 'call.missed', callback_window: undefined })).json();
    assert.equal(again.promise_id, first.promise_id);
    assert.equal(again.acknowledged, null);

    const acks = (await caseMessages(first.case_ref)).filter((m) => m.automated === 'acknowledgement');
    assert.equal(acks.length, 1);
    const when = callbackWhen(start, end, 'nl', 'Europe/Amsterdam');
    assert.deepEqual([acks[0].channel, acks[0].to_address, acks[0].subject], ['email', email, `We bellen u terug [${first.case_ref}]`]);
    assert.ok(acks[0].body.includes(`We bellen u ${when} terug op +31622220001. Uw dossiernummer is ${first.case_ref}.`), acks[0].body);
    assert.match(acks[0].body, /^Beste Jan de Boer,/);

    const before = mailbox.received.length;
    await runJobs(t.db, handlers, acc.accountId, ['email.send']);
    await runJobs(t.db, handlers, acc.accountId, ['email.send']);
    const mails = await mailbox.waitFor(before + 1);
    assert.equal(mails.length, before + 1, 'one mail');
    const mail = mails.at(-1)!;
    assert.deepEqual(mail.envelope.to, [email]);
    assert.equal(mail.mail.subject, `We bellen u terug [${first.case_ref}]`);
    assert.ok((mail.mail.text ?? '').includes(`We bellen u ${when} terug`));
  });

  test('a missed call from a number that wrote on WhatsApp today: told on WhatsApp in free text through the Graph API, once', async () => {
    await whatsappFrom('31622220002', 'Is mijn fiets al klaar?');
    await runJobs(t.db, handlers, acc.accountId, ['whatsapp.send']); // the WhatsApp case's own acknowledgement
    const sent = graph.requests.length;
    const event = call({ type: 'call.missed', from: '+31622220002', language: 'en' });
    const r = (await post(event)).json();
    assert.equal(r.acknowledged, 'whatsapp');
    assert.equal((await post(event)).json().outcome, 'duplicate');
    await runJobs(t.db, handlers, acc.accountId, ['whatsapp.send']);
    await runJobs(t.db, handlers, acc.accountId, ['whatsapp.send']);
    assert.equal(graph.requests.length, sent + 1, 'sent once');
    const req = graph.requests.at(-1)!.body;
    assert.deepEqual([req.to, req.type], ['31622220002', 'text']);
    assert.match(req.text.body, new RegExp(`^We missed your call\\. We will call you back by .+ at the latest on \\+31622220002\\. Your case number is ${r.case_ref}\\.`));
  });

  test('outside the 24-hour window: the approved callback template with the reference and the time (unit tests: without one, e-mail)', async () => {
    await whatsappFrom('31622220003', 'Mijn slot klemt.');
    await t.db.query(`UPDATE messages SET created_at = now() - interval '30 hours' WHERE account_id = $1 AND from_address = '31622220003'`, [acc.accountId]);
    await runJobs(t.db, handlers, acc.accountId, ['whatsapp.send']);
    const r = (await post(call({ type: 'call.missed', from: '+31622220003' }))).json();
    assert.equal(r.acknowledged, 'whatsapp');
    await runJobs(t.db, handlers, acc.accountId, ['whatsapp.send']);
    const req = graph.requests.at(-1)!.body;
    assert.deepEqual([req.type, req.template.name, req.template.language.code], ['template', 'terugbellen', 'nl']);
    const [ref, when] = req.template.components[0].parameters.map((p: { text: string }) => p.text);
    assert.equal(ref, r.case_ref);
    assert.match(when, /^uiterlijk \w+dag \d+ \w+ om \d\d:\d\d$/);
  });

  test('nobody to tell (no address, no WhatsApp; a role address): no message, and a clear note for the agents', async () => {
    const r = (await post(call({ type: 'call.missed', from: '+31622220004' }))).json();
    assert.equal(r.acknowledged, 'none');
    const msgs = await caseMessages(r.case_ref);
    assert.equal(msgs.filter((m) => m.type === 'outbound').length, 0);
    const note = msgs.find((m) => m.type === 'note')!;
    assert.equal(note.body, 'De beller (+31622220004) kon niet worden geïnformeerd over het terugbellen: geen e-mailadres of WhatsApp bekend. Bel terug zoals beloofd.');
    // the case in the workspace shows it
    const [c] = await t.db.query<{ id: string }>('SELECT id FROM cases WHERE account_id = $1 AND ref = $2', [acc.accountId, r.case_ref]);
    const timeline = await t.app.inject({ method: 'GET', url: `/api/v1/cases/${c.id}`, headers: acc.auth });
    assert.ok(timeline.body.includes('kon niet worden geïnformeerd'), 'on the case');

    await customer({ name: 'Info', email: `noreply-${crypto.randomUUID().slice(0, 6)}@fiets-klant.example`, phone: '+31622220005' });
    const role = (await post(call({ type: 'call.missed', from: '+31622220005' }))).json();
    assert.equal(role.acknowledged, 'none');
    const roleNote = (await caseMessages(role.case_ref)).find((m) => m.type === 'note')!;
    assert.match(roleNote.body, /geen e-mail naar noreply-.*\(sent from a no-reply address/);
  });
});
