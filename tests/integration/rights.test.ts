// Issue 18 (C9): contact preferences read from what customers write, enforced in one place on every
// outbound path; one-click unsubscribe; GDPR export and erasure; retention; CSAT.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { drainJobs, newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { createRightsLink, unsubscribeHeaders } from '../../src/rights/rights-links.ts';
import { mayContact, contactable } from '../../src/rights/may-contact.ts';

let ctx: TestContext;
let acc: TestAccount;
let other: TestAccount;
before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db, 'Kabel');
  other = await newAccount(ctx.db, 'Ander');
});
after(() => ctx.close());

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
const req = (method: Method, url: string, payload?: unknown, as: TestAccount = acc) =>
  ctx.app.inject({ method, url, headers: as.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
const drain = () => drainJobs(ctx.db, acc.accountId);

async function newCase(body: string, email = uniqueEmail('bram'), name = 'Bram Peters', subject = 'Mijn abonnement') {
  const res = await req('POST', '/api/v1/cases', { customer: { email, name }, subject, message: { body } });
  assert.equal(res.statusCode, 201, res.body);
  await drain();
  return res.json() as { id: string; ref: string; customer_id: string };
}

const PITCH = 'Beste Bram, dat is opgelost. Wist u trouwens dat ons nieuwe pakket met glasvezel nu met 20% korting te krijgen is? Groet, Piet';

describe('contact preferences: "bel me niet meer" stops the next pitch without anyone touching a flag', () => {
  test('an opt-out in a message sets the preference with its sentence; pitches are blocked on reply, template, bulk reply and a marketing announcement', async () => {
    const email = uniqueEmail('bram');
    const c = await newCase('Goedemiddag. Mijn factuur klopt niet. Ik heb geen interesse in een nieuw abonnement, bel me niet meer! Groet, Bram', email);
    const prefs = (await req('GET', `/api/v1/customers/${c.customer_id}/contact-preferences`)).json().data;
    const sales = prefs.find((p: { kind: string }) => p.kind === 'sales');
    assert.equal(sales.allowed, false);
    assert.equal(sales.source, 'message');
    assert.equal(sales.case_id, c.id);
    assert.equal(sales.sentence, 'Ik heb geen interesse in een nieuw abonnement, bel me niet meer!');
    assert.equal(prefs.find((p: { kind: string }) => p.kind === 'surveys').allowed, true);
    assert.deepEqual(await mayContact(ctx.db, acc.accountId, c.customer_id, 'service'), { allowed: true });
    assert.equal((await mayContact(ctx.db, acc.accountId, c.customer_id, 'marketing_announcement')).allowed, false, 'an announcement of kind marketing is stopped too');
    assert.equal((await req('GET', `/api/v1/customers/${c.customer_id}/may-contact?purpose=sales`)).json().allowed, false);

    // audited as the customer's own act, without the sentence (personal text stays out of the audit log)
    const audit = (await req('GET', `/api/v1/audit?entity_id=${c.customer_id}`)).json().data;
    const entry = audit.find((e: { action: string }) => e.action === 'customer.contact_refused');
    assert.ok(entry, JSON.stringify(audit));
    assert.equal(entry.actor_type, 'customer');
    assert.equal(entry.after.source, 'message');
    assert.ok(!JSON.stringify(audit).includes('bel me niet meer'));

    // a reply with a pitch
    const reply = await req('POST', `/api/v1/cases/${c.id}/messages`, { body: PITCH });
    assert.equal(reply.statusCode, 422, reply.body);
    assert.equal(reply.json().error.code, 'reply_blocked');
    // a template with a pitch
    const tpl = (await req('POST', '/api/v1/templates', { name: `Aanbod ${Date.now()}`, body: 'Beste {{customer.first_name}}, profiteer nu van onze aanbieding: 20% korting op het premium pakket! Groet, Piet' })).json();
    const rendered = (await req('POST', `/api/v1/templates/${tpl.id}/render`, { case_id: c.id })).json();
    assert.equal(rendered.blocked, true, JSON.stringify(rendered));
    // a bulk reply from a problem
    const problem = (await req('POST', '/api/v1/problems', { title: `Storing ${Date.now()}`, case_ids: [c.id] })).json();
    await req('PUT', `/api/v1/problems/${problem.id}/cases/${c.id}`, { state: 'confirmed' });
    const bulk = (await req('POST', `/api/v1/problems/${problem.id}/reply`, { body: 'Beste {{customer.first_name}}, de storing is voorbij. Upgrade nu naar premium met 20% korting! Groet, Piet' })).json();
    assert.equal(bulk.data[0].outcome, 'blocked', JSON.stringify(bulk));
    // a marketing announcement to a list holding them skips them, naming why; a service announcement still reaches them
    const check = (purpose: string) => req('POST', '/api/v1/announcements/check', {
      kind: 'other', purpose, effective_at: new Date(Date.now() + 60 * 86_400_000).toISOString(), audience: { kind: 'list', csv: `email\n${email}` },
    });
    const marketing = await check('marketing');
    assert.equal(marketing.statusCode, 200, marketing.body);
    assert.equal(marketing.json().audience.total, 0, marketing.body);
    assert.deepEqual(marketing.json().audience.skipped_by_reason, { sales_opt_out: 1 });
    assert.equal((await check('service')).json().audience.total, 1);
    // a service reply still goes out
    assert.equal((await req('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Beste Bram, uw factuur is gecorrigeerd. Excuses voor het ongemak. Groet, Piet' })).statusCode, 201);
  });

  test('an agent undoes it; the analysis of the same message run again does not overrule the agent', async () => {
    const c = await newCase('Ik wil niet meer gebeld worden door uw verkopers.');
    assert.equal((await mayContact(ctx.db, acc.accountId, c.customer_id, 'sales')).allowed, false);
    const undo = await req('PUT', `/api/v1/customers/${c.customer_id}/contact-preferences/sales`, { allowed: true });
    assert.equal(undo.statusCode, 200, undo.body);
    assert.equal(undo.json().source, 'agent');
    assert.equal((await req('GET', `/api/v1/customers/${c.customer_id}`)).json().sales_opt_out, false, 'the older flag follows');
    const [m] = await ctx.db.query<{ id: string }>(`SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'inbound'`, [acc.accountId, c.id]);
    await ctx.db.query(`INSERT INTO jobs (account_id, kind, payload) VALUES ($1, 'message.analyse', jsonb_build_object('message_id', $2::text))`, [acc.accountId, m.id]);
    await drain();
    assert.equal((await mayContact(ctx.db, acc.accountId, c.customer_id, 'sales')).allowed, true);
    const actions = (await req('GET', `/api/v1/audit?entity_id=${c.customer_id}`)).json().data.map((e: { action: string }) => e.action);
    assert.ok(actions.includes('customer.contact_allowed'));
  });

  test('the flag set by hand is a preference too; bad kinds and other accounts are refused', async () => {
    const c = await newCase('Mijn modem knippert rood.');
    assert.equal((await req('PATCH', `/api/v1/customers/${c.customer_id}`, { sales_opt_out: true })).statusCode, 200);
    const sales = (await req('GET', `/api/v1/customers/${c.customer_id}/contact-preferences`)).json().data.find((p: { kind: string }) => p.kind === 'sales');
    assert.deepEqual([sales.allowed, sales.source], [false, 'agent']);
    assert.deepEqual(await contactable(ctx.db, acc.accountId, [c.customer_id], 'survey'), [c.customer_id]);
    assert.deepEqual(await contactable(ctx.db, acc.accountId, [c.customer_id], 'sales'), []);
    assert.equal((await req('PUT', `/api/v1/customers/${c.customer_id}/contact-preferences/phone`, { allowed: false })).statusCode, 400);
    assert.equal((await req('PUT', `/api/v1/customers/${c.customer_id}/contact-preferences/surveys`, { allowed: 'no' })).statusCode, 400);
    assert.equal((await req('GET', `/api/v1/customers/${c.customer_id}/contact-preferences`, undefined, other)).statusCode, 404);
    assert.equal((await req('PUT', `/api/v1/customers/${c.customer_id}/contact-preferences/surveys`, { allowed: false }, other)).statusCode, 404);
    assert.equal((await req('GET', `/api/v1/customers/${c.customer_id}/may-contact?purpose=sales`, undefined, other)).statusCode, 404);
  });
});

describe('one-click unsubscribe (RFC 8058)', () => {
  test('the mail headers, a GET that changes nothing, a POST without signing in that unsubscribes only that customer', async () => {
    const a = await newCase('Vraag over mijn rekening.', uniqueEmail('anna'), 'Anna');
    const b = await newCase('Vraag over mijn modem.', uniqueEmail('bob'), 'Bob');
    const token = await createRightsLink(ctx.db, acc.accountId, { customerId: a.customer_id, purpose: 'unsubscribe', kind: 'announcements' });
    const headers = unsubscribeHeaders('https://luister.example.nl/', token);
    assert.equal(headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');
    assert.equal(headers['List-Unsubscribe'], `<https://luister.example.nl/u/${token}>`);

    const page = await ctx.app.inject({ method: 'GET', url: `/u/${token}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="post">/);
    assert.equal((await mayContact(ctx.db, acc.accountId, a.customer_id, 'marketing_announcement')).allowed, true, 'a link scanner fetching the link changes nothing');

    const post = await ctx.app.inject({ method: 'POST', url: `/u/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'List-Unsubscribe=One-Click' });
    assert.equal(post.statusCode, 200, post.body);
    assert.match(post.body, /afgemeld/);
    const pref = (await req('GET', `/api/v1/customers/${a.customer_id}/contact-preferences`)).json().data.find((p: { kind: string }) => p.kind === 'announcements');
    assert.deepEqual([pref.allowed, pref.source], [false, 'unsubscribe']);
    assert.equal((await mayContact(ctx.db, acc.accountId, b.customer_id, 'marketing_announcement')).allowed, true, 'nobody else');
    assert.equal((await ctx.app.inject({ method: 'POST', url: `/u/${token}` })).statusCode, 200, 'twice is harmless');

    // a guessed or altered token
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    assert.equal((await ctx.app.inject({ method: 'POST', url: `/u/${forged}` })).statusCode, 404);
    assert.equal((await ctx.app.inject({ method: 'POST', url: '/u/nonsense' })).statusCode, 404);
    // a token names its account: swapping in another account's id fails
    const raw = Buffer.from(token.slice(4), 'base64url');
    Buffer.from(other.accountId.replace(/-/g, ''), 'hex').copy(raw, 0);
    const swapped = `lsr_${raw.toString('base64url')}`;
    assert.equal((await ctx.app.inject({ method: 'POST', url: `/u/${swapped}` })).statusCode, 404);
    assert.equal((await mayContact(ctx.db, acc.accountId, b.customer_id, 'marketing_announcement')).allowed, true);
  });
});

describe('GDPR export and erasure', () => {
  const rand = Math.random().toString(36).slice(2, 10);
  const name = `Fenna Qz${rand}`;
  const email = uniqueEmail(`fenna${rand}`);
  const phoneDigits = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const phone = `+316${phoneDigits}`;
  const phrase = `paarse walvis ${rand}`;
  const IBAN = 'NL91ABNA0417164300';
  let customerId = '';
  let caseId = '';

  before(async () => {
    const { EVENT_NAMES } = await import('../../src/webhooks/events.ts');
    await req('POST', '/api/v1/webhooks', { url: 'https://hooks.example.test/luister', events: EVENT_NAMES });
    // an idempotent request caches its response (with the name in it)
    const created = await ctx.app.inject({
      method: 'POST', url: '/api/v1/cases', headers: { ...acc.auth, 'idempotency-key': `erase-${rand}` },
      payload: { customer: { email, name }, subject: `Lekkage ${phrase}`, message: { body: `Er zit een ${phrase} in mijn meterkast. Ik heb geen interesse in aanbiedingen, bel me niet meer.` } },
    });
    assert.equal(created.statusCode, 201, created.body);
    ({ id: caseId, customer_id: customerId } = created.json());
    await req('POST', `/api/v1/customers/${customerId}/identities`, { kind: 'phone', value: phone });
    await req('POST', `/api/v1/cases/${caseId}/notes`, { body: `Klant ${name} belde over de ${phrase}; bel terug op ${phone}.` });
    await req('POST', `/api/v1/cases/${caseId}/messages`, { body: `Beste ${name}, wij sturen morgen een monteur voor de ${phrase}. Excuses voor het ongemak. Groet, Piet` });
    const [m] = await ctx.db.query<{ id: string }>(`SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'inbound'`, [acc.accountId, caseId]);
    await ctx.db.query(
      `INSERT INTO attachments (account_id, message_id, filename, declared_type, size, sha256, content) VALUES ($1, $2, 'foto.txt', 'text/plain', 20, 'x', $3)`,
      [acc.accountId, m.id, Buffer.from(`foto van ${phrase}`)],
    );
    await ctx.db.query(`INSERT INTO surveys (account_id, kind, customer_id, case_id, status, score, comment, to_address) VALUES ($1, 'csat', $2, $3, 'answered', 2, $4, $5)`,
      [acc.accountId, customerId, caseId, `De ${phrase} was niet leuk`, email]);
    // a missed call from their number, and custom field values on them and on their case (issues 17, 19)
    await ctx.db.query(`INSERT INTO phone_calls (account_id, call_id, direction, customer_phone, our_phone, state, started_at, case_id) VALUES ($1, $2, 'inbound', $3, '+31201234567', 'missed', now(), $4)`,
      [acc.accountId, `call-${rand}`, phone, caseId]);
    await ctx.db.query(`UPDATE customers SET custom_fields = $3 WHERE account_id = $1 AND id = $2`, [acc.accountId, customerId, JSON.stringify({ notitie: `houdt van ${phrase}` })]);
    await ctx.db.query(`UPDATE cases SET custom_fields = $3 WHERE account_id = $1 AND id = $2`, [acc.accountId, caseId, JSON.stringify({ locatie: `bij de ${phrase}` })]);
    await seedMoneyAndCopies();
    await drain();
  });

  /** Their money trail and the copies other doors keep: refunds (one paid in a SEPA batch, one open), ledger charges and a finding, an announcement delivery, a callback, a status subscription, a WhatsApp template send. */
  async function seedMoneyAndCopies() {
    const { buildPain001 } = await import('../../src/refunds/export-sepa.ts');
    const q = (sql: string, params: unknown[] = []) => ctx.db.query<{ id: string }>(sql, [acc.accountId, ...params]);
    await q(`INSERT INTO charges (account_id, charge_ref, customer_ref, amount_cents, currency, charged_at) VALUES ($1, $2, $3, 1999, 'EUR', now() - interval '3 days'), ($1, $4, $3, 1999, 'EUR', now() - interval '3 days')`,
      [`ch-${rand}-1`, email.toLowerCase(), `ch-${rand}-2`]);
    await q(`INSERT INTO charge_findings (account_id, kind, charge_id, related_charge_id, customer_ref, customer_id, case_id, amount_cents, currency, explanation)
      VALUES ($1, 'double_charge', $2, $3, $4, $5, $6, 1999, 'EUR', 'Twee keer afgeschreven')`, [`ch-${rand}-2`, `ch-${rand}-1`, email.toLowerCase(), customerId, caseId]);
    const xml = buildPain001({ format: 'pain.001.001.03', messageId: `B-${rand}`, created: new Date(), debtorName: 'Kabel BV', debtorIban: 'NL02ABNA0123456789', debtorBic: null,
      refunds: [{ id: '00000000-0000-4000-8000-000000000001', amount_cents: 1999, iban: IBAN, account_holder: name, case_ref: 'LU-1' }] });
    const [batch] = await q(`INSERT INTO refund_batches (account_id, message_id, refund_count, total_cents, xml, status) VALUES ($1, $2, 1, 1999, $3, 'paid') RETURNING id`, [`B-${rand}`, xml]);
    await q(`INSERT INTO refunds (account_id, case_id, customer_id, amount_cents, currency, reason, destination, iban, account_holder, state, batch_id, paid_at, charge_id)
      VALUES ($1, $2, $3, 1999, 'EUR', $4, 'iban', $5, $6, 'paid', $7, now(), $8)`, [caseId, customerId, `Dubbel betaald voor de ${phrase}`, IBAN, name, batch.id, `ch-${rand}-2`]);
    await q(`INSERT INTO refunds (account_id, case_id, customer_id, amount_cents, currency, reason, destination, iban, account_holder, state)
      VALUES ($1, $2, $3, 500, 'EUR', $4, 'iban', $5, $6, 'requested')`, [caseId, customerId, `Nog terug voor de ${phrase}`, IBAN, name]);
    const [a] = await q(`INSERT INTO announcements (account_id, kind, content, effective_at, send_at, audience, contact_route, status, notice_days)
      VALUES ($1, 'other', '{"nl": {"subject": "x", "body": "x", "plain": "x"}}', now() - interval '1 day', now() - interval '20 days', '{"kind": "all"}', '088 123 45 67', 'sent', 14) RETURNING id`);
    await q(`INSERT INTO announcement_recipients (account_id, announcement_id, customer_id, email, language, vulnerable, send_at, state, email_message_id)
      VALUES ($1, $2, $3, $4, 'nl', false, now() - interval '20 days', 'sent', $5)`, [a.id, customerId, email, `ann-${rand}@kabel.example`]);
    const [promise] = await q(`INSERT INTO promises (account_id, case_id, customer_id, owner_id, kind, description, due_at, state) VALUES ($1, $2, $3, $4, 'callback', 'Terugbellen', now() - interval '2 days', 'kept') RETURNING id`, [caseId, customerId, acc.adminId]);
    await q(`INSERT INTO callback_bookings (account_id, case_id, promise_id, slot_start, slot_end, phone, manage_hash) VALUES ($1, $2, $3, now() - interval '2 days', now() - interval '2 days' + interval '15 minutes', $4, $5)`,
      [caseId, promise.id, phone, `hash-${rand}`]);
    await q(`INSERT INTO status_subscribers (account_id, email, unsubscribe_secret, state) VALUES ($1, $2, $3, 'confirmed')`, [email, `secret-${rand}`]);
    const [out] = await q(`SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'outbound' LIMIT 1`, [caseId]);
    await q(`INSERT INTO whatsapp_outbound (account_id, message_id, to_wa_id, template, state) VALUES ($1, $2, $3, $4, 'sent')`,
      [out.id, phoneDigits, JSON.stringify({ name: 'monteur', language: 'nl', parameters: [name] })]);
  }

  test('the export holds everything: identities, cases, messages with originals, notes, attachments, preferences, audit', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: `/api/v1/customers/${customerId}/export`, headers: acc.auth });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/zip');
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const names = Object.keys(files).sort();
    for (const f of ['README.json', 'audit.json', 'cases.json', 'customer.json', 'messages.json', 'promises.json', 'refunds.json']) assert.ok(names.includes(f), names.join(','));
    const money = JSON.parse(strFromU8(files['refunds.json']));
    assert.deepEqual(money.refunds.map((r: { state: string; iban: string; account_holder: string }) => [r.state, r.iban, r.account_holder]).sort(), [['paid', IBAN, name], ['requested', IBAN, name]]);
    assert.deepEqual(money.charge_findings.map((f: { kind: string; customer_ref: string }) => [f.kind, f.customer_ref]), [['double_charge', email.toLowerCase()]]);
    const customer = JSON.parse(strFromU8(files['customer.json']));
    assert.equal(customer.customer.name, name);
    assert.deepEqual(customer.identities.map((i: { kind: string }) => i.kind).sort(), ['email', 'phone']);
    assert.equal(customer.contact_preferences[0].source, 'message');
    assert.equal(customer.surveys.length, 1);
    const messages = JSON.parse(strFromU8(files['messages.json']));
    assert.deepEqual(messages.map((m: { type: string }) => m.type).sort(), ['inbound', 'note', 'outbound']);
    assert.ok(messages.every((m: { body: string }) => m.body.includes(phrase)));
    const file = names.find((n) => n.startsWith('files/'));
    assert.ok(file && strFromU8(files[file]).includes(phrase));
    assert.ok(JSON.parse(strFromU8(files['audit.json'])).some((e: { action: string }) => e.action === 'customer.contact_refused'));
    const audit = (await req('GET', `/api/v1/audit?entity_id=${customerId}`)).json().data;
    assert.ok(audit.some((e: { action: string }) => e.action === 'customer.exported'));
  });

  test('bad erasures are refused and change nothing: an agent, another account, no reason, open promises without override', async () => {
    const { createAgent } = await import('../../src/accounts/create-agent.ts');
    const { createApiToken } = await import('../../src/accounts/create-api-token.ts');
    const admin = { accountId: acc.accountId, type: 'agent' as const, id: acc.adminId, role: 'admin' as const, agentId: acc.adminId };
    const agent = await createAgent(ctx.db, admin, { email: uniqueEmail('agent'), name: 'Agent Ans', role: 'agent' });
    const token = (await createApiToken(ctx.db, admin, { name: 'ans', role: 'agent', agentId: agent.id })).token;
    const asAgent = { accountId: acc.accountId, token, adminId: acc.adminId, auth: { authorization: `Bearer ${token}` } };
    assert.equal((await req('POST', `/api/v1/customers/${customerId}/erase`, { reason: 'verzoek' }, asAgent)).statusCode, 403);
    assert.equal((await req('GET', `/api/v1/customers/${customerId}/export`, undefined, asAgent)).statusCode, 403);
    assert.equal((await req('POST', `/api/v1/customers/${customerId}/erase`, { reason: 'verzoek' }, other)).statusCode, 404);
    assert.equal((await req('GET', `/api/v1/customers/${customerId}/export`, undefined, other)).statusCode, 404);
    assert.equal((await req('POST', `/api/v1/customers/${customerId}/erase`, { reason: '  ' })).statusCode, 400);
    // an open refund alone already asks for the override
    const refund = await req('POST', `/api/v1/customers/${customerId}/erase`, { reason: 'verzoek' });
    assert.deepEqual([refund.statusCode, refund.json().error.code, refund.json().error.details.open_refunds], [409, 'erasure_needs_override', 1], refund.body);
    const due = new Date(Date.now() + 3 * 86_400_000).toISOString();
    assert.equal((await req('POST', `/api/v1/cases/${caseId}/promises`, { kind: 'callback', description: `Terugbellen over ${phrase}`, due_at: due })).statusCode, 201);
    const refused = await req('POST', `/api/v1/customers/${customerId}/erase`, { reason: 'verzoek' });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'erasure_needs_override');
    assert.equal(refused.json().error.details.open_refunds, 1, 'the open refund is named');
    assert.ok(refused.json().error.details.open_promises >= 1, refused.body);
    assert.equal((await req('GET', `/api/v1/customers/${customerId}`)).json().name, name, 'nothing changed');
  });

  test('after erasure no text or JSON column of any table holds the name, e-mail, phone or a phrase of theirs; figures and the audit trail stay', async () => {
    const [before] = await ctx.db.query<{ cases: number; messages: number }>(
      `SELECT (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases, (SELECT count(*)::int FROM messages WHERE account_id = $1) AS messages`, [acc.accountId]);
    const auditBefore = (await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1', [acc.accountId]))[0].n;
    const needles = [name, email, phoneDigits, phrase, IBAN];
    const seeded = await scanEverything(ctx.db, needles);
    for (const where of ['refunds.account_holder', 'refunds.iban', 'refunds.reason', 'refund_batches.xml', 'charges.customer_ref', 'charge_findings.customer_ref',
      'announcement_recipients.email', 'callback_bookings.phone', 'status_subscribers.email', 'whatsapp_outbound.template', 'customers.name', 'customer_identities.value', 'messages.body', 'attachments.content', 'audit_log.after', 'idempotency_keys.response_body', 'webhook_deliveries.payload', 'surveys.comment', 'promises.description', 'phone_calls.customer_phone', 'customers.custom_fields', 'cases.custom_fields']) {
      assert.ok(seeded.some((h) => h.startsWith(`${where}:`)), `the scan finds the seeded data in ${where}: ${seeded.join(', ')}`);
    }
    const erased = await req('POST', `/api/v1/customers/${customerId}/erase`, { reason: `Verzoek van ${name} per brief`, override: true });
    assert.equal(erased.statusCode, 200, erased.body);
    assert.ok(erased.json().open_promises_cancelled >= 1, erased.body);
    assert.equal(erased.json().attachments, 1, erased.body);
    assert.equal(erased.json().open_refunds_rejected, 1, erased.body);
    const refundsLeft = await ctx.db.query<{ state: string; amount_cents: string }>(`SELECT state, amount_cents FROM refunds WHERE account_id = $1 AND customer_id = $2 ORDER BY amount_cents`, [acc.accountId, customerId]);
    assert.deepEqual(refundsLeft.map((r) => [r.state, Number(r.amount_cents)]), [['rejected', 500], ['paid', 1999]], 'the refund figures still add up');

    const hits = await scanEverything(ctx.db, needles);
    assert.deepEqual(hits, [], `personal data left behind: ${JSON.stringify(hits)}`);

    const [afterCounts] = await ctx.db.query<{ cases: number; messages: number }>(
      `SELECT (SELECT count(*)::int FROM cases WHERE account_id = $1) AS cases, (SELECT count(*)::int FROM messages WHERE account_id = $1) AS messages`, [acc.accountId]);
    assert.deepEqual(afterCounts, before, 'cases and messages still count');
    const audit = await ctx.db.query<{ action: string; after: { reason?: string } | null }>('SELECT action, after FROM audit_log WHERE account_id = $1 ORDER BY id', [acc.accountId]);
    assert.equal(audit.length, auditBefore + 1, 'nothing removed from the audit log; one row added');
    const record = audit.find((e) => e.action === 'customer.erased')!;
    assert.equal(record.after!.reason, 'Verzoek van […] per brief');
    assert.equal((await mayContact(ctx.db, acc.accountId, customerId, 'service')).allowed, false);
    assert.equal((await req('POST', `/api/v1/customers/${customerId}/erase`, { reason: 'nog eens' })).statusCode, 409);
    assert.equal((await req('GET', `/api/v1/customers/${customerId}/export`)).statusCode, 409);
    // the audit log is still append-only outside an erasure
    await assert.rejects(ctx.db.query(`UPDATE audit_log SET after = '{"erased": true}'::jsonb WHERE account_id = $1`, [acc.accountId]), /append-only/);
  });
});

/** Every text, JSON, array and tsvector column of every table, searched for each needle (case-insensitive). */
async function scanEverything(db: TestContext['db'], needles: string[], accountId = acc.accountId) {
  const columns = await db.query<{ table_name: string; column_name: string; scoped: boolean }>(
    `SELECT c.table_name, c.column_name, EXISTS (SELECT 1 FROM information_schema.columns a
       WHERE a.table_schema = c.table_schema AND a.table_name = c.table_name AND a.column_name = 'account_id') AS scoped
     FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND (c.data_type IN ('text', 'character varying', 'json', 'jsonb', 'tsvector', 'bytea') OR c.data_type = 'ARRAY')`,
  );
  const hits: string[] = [];
  for (const { table_name, column_name, scoped } of columns) {
    const col = `"${column_name}"`;
    const asText = column_name === 'content' ? `convert_from(${col}, 'UTF8')` : `${col}::text`;
    // this account's rows (the PostgreSQL run shares one database between all test files, with other accounts' binary attachments)
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${table_name}" WHERE ${scoped ? 'account_id = $2 AND ' : ''}EXISTS (SELECT 1 FROM unnest($1::text[]) v WHERE strpos(lower(${asText}), lower(v)) > 0)`,
      scoped ? [needles, accountId] : [needles],
    ).catch((err) => {
      if (column_name === 'content') return [{ n: 0 }]; // bytes that are no UTF-8 text hold no text
      throw err;
    });
    if (row.n) hits.push(`${table_name}.${column_name}: ${row.n}`);
  }
  return hits;
}

describe('retention', () => {
  test('a preview says what would go and changes nothing; a run needs the rules on, anonymises old closed cases, deletes old files and logs', async () => {
    const old = await newCase(`Oude klacht over de zwarte kat ${Date.now()}`, uniqueEmail('oud'), 'Olga Oud', 'De zwarte kat');
    const fresh = await newCase('Nieuwe vraag over de rekening.', uniqueEmail('nieuw'), 'Nina Nieuw', 'De rekening');
    for (const c of [old, fresh]) {
      await req('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Beste klant, dit is opgelost. Excuses voor het ongemak. Groet, Piet' });
      assert.equal((await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'closed' })).statusCode, 200);
    }
    await ctx.db.query(`UPDATE cases SET closed_at = now() - interval '400 days' WHERE account_id = $1 AND id = $2`, [acc.accountId, old.id]);
    const [m] = await ctx.db.query<{ id: string }>(`SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 LIMIT 1`, [acc.accountId, fresh.id]);
    await ctx.db.query(`INSERT INTO attachments (account_id, message_id, filename, declared_type, size, sha256, content, created_at) VALUES ($1, $2, 'oud.txt', 'text/plain', 3, 'x', $3, now() - interval '800 days')`,
      [acc.accountId, m.id, Buffer.from('oud')]);

    assert.equal((await req('POST', '/api/v1/retention/run')).statusCode, 409, 'off until switched on');
    assert.equal((await req('PATCH', '/api/v1/settings/retention', { anonymise_closed_cases_after_months: 0 })).statusCode, 400);
    const set = await req('PATCH', '/api/v1/settings/retention', { anonymise_closed_cases_after_months: 12, delete_attachments_after_months: 24 });
    assert.equal(set.statusCode, 200, set.body);
    const preview = (await req('GET', '/api/v1/retention/preview')).json();
    assert.deepEqual(preview.case_refs, [old.ref]);
    assert.equal(preview.attachments_deleted, 1);
    assert.equal(preview.dry_run, true);
    assert.match((await req('GET', `/api/v1/cases/${old.id}`)).json().subject, /zwarte kat/, 'the preview changed nothing');

    await req('PATCH', '/api/v1/settings/retention', { enabled: true });
    const { jobHandlers } = await import('../../src/worker/handlers.ts');
    const { testConfig } = await import('../helpers.ts');
    // the daily sweep, as the worker runs it
    await jobHandlers(testConfig())['retention.sweep'](ctx.db, { id: 0, account_id: null, kind: 'retention.sweep', payload: {}, attempts: 1, max_attempts: 3 } as never);
    const oldCase = (await req('GET', `/api/v1/cases/${old.id}`)).json();
    assert.equal(oldCase.subject, '');
    assert.equal(oldCase.status, 'closed', 'the case still counts');
    assert.match((await req('GET', `/api/v1/cases/${fresh.id}`)).json().subject, /rekening/);
    const runs = (await req('GET', '/api/v1/retention/runs')).json().data;
    assert.equal(runs.length, 1);
    assert.deepEqual([runs[0].cases_anonymised, runs[0].attachments_deleted], [1, 1]);
    assert.equal((await req('GET', '/api/v1/retention/preview')).json().case_refs.length, 0, 'nothing left to do');
  });
});

describe('CSAT and NPS', () => {
  test('solving a case sends a CSAT mail with one-click scores and unsubscribe; one click lands in the dashboard, once; a low score tells the supervisor', async () => {
    const { startMailbox, runJobs } = await import('../email.ts');
    const { sendSurveyJob } = await import('../../src/rights/send-survey.ts');
    const mailbox = await startMailbox();
    try {
      // an inbox to send from (straight in: its verification mail is not what this test is about)
      await ctx.db.query(`INSERT INTO inboxes (account_id, address, name) VALUES ($1, $2, 'Klantenservice Kabel')`, [acc.accountId, uniqueEmail('support')]);
      const { createAgent } = await import('../../src/accounts/create-agent.ts');
      const admin = { accountId: acc.accountId, type: 'agent' as const, id: acc.adminId, role: 'admin' as const, agentId: acc.adminId };
      const sup = await createAgent(ctx.db, admin, { email: uniqueEmail('sup'), name: 'Sanne Supervisor', role: 'supervisor' });
      const send = { 'survey.send': sendSurveyJob(mailbox.url, 'https://luister.example.nl') };
      const c = await newCase('Mijn internet valt steeds weg.', uniqueEmail('csat'), 'Carla Csat', 'Internet valt weg');
      await req('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Beste Carla, de storing is verholpen. Excuses voor het ongemak. Groet, Piet' });
      assert.equal((await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' })).statusCode, 200);
      assert.equal(await runJobs(ctx.db, send, acc.accountId, ['survey.send']), 1);
      const [mail] = await mailbox.waitFor(1);
      const raw = mail.raw.toString();
      assert.match(raw, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      assert.match(raw, /^List-Unsubscribe:\s+<https:\/\/luister\.example\.nl\/u\/lsr_[A-Za-z0-9_-]+>\r$/m);
      const link = /https:\/\/luister\.example\.nl(\/s\/lsr_[A-Za-z0-9_-]+)\?score=1/.exec(mail.mail.text ?? '');
      assert.ok(link, mail.mail.text);

      // solving again (reopened and solved) asks nothing twice
      await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'open' });
      await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' });
      assert.equal(await runJobs(ctx.db, send, acc.accountId, ['survey.send']), 0);

      // opening a score link (as a mail scanner or link previewer does) records nothing: it shows the page
      const surveyRow = () => ctx.db.query<{ score: number | null; status: string; comment: string | null }>(
        `SELECT score, status, comment FROM surveys WHERE account_id = $1 AND case_id = $2`, [acc.accountId, c.id]).then((r) => r[0]);
      const page = await ctx.app.inject({ method: 'GET', url: `${link[1]}?score=1` });
      assert.equal(page.statusCode, 200, page.body);
      assert.match(page.body, /value="1" required checked/);
      assert.match(page.body, new RegExp(`<form method="post" action="${link[1]}">`));
      assert.match(page.body, /textarea/);
      await ctx.app.inject({ method: 'GET', url: `${link[1]}?score=5` });
      await ctx.app.inject({ method: 'HEAD', url: `${link[1]}?score=4` });
      assert.deepEqual(await surveyRow(), { score: null, status: 'sent', comment: null }, 'a GET changes nothing');
      assert.equal((await ctx.app.inject({ method: 'GET', url: `${link[1]}?score=11` })).statusCode, 400);

      const post = (body: string) => ctx.app.inject({ method: 'POST', url: link[1], headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: body });
      assert.equal((await post('comment=zonder+score')).statusCode, 400, 'no score, no vote');
      assert.equal((await post('score=6')).statusCode, 400, 'CSAT is 1–5');
      const vote = await post('score=1&comment=Het+duurde+te+lang');
      assert.equal(vote.statusCode, 200, vote.body);
      assert.deepEqual(await surveyRow(), { score: 1, status: 'answered', comment: 'Het duurde te lang' });
      // the same customer may change it within the day (one vote per survey, not two)
      const changed = await post('score=2');
      assert.match(changed.body, /gewijzigd/);
      assert.deepEqual(await surveyRow(), { score: 2, status: 'answered', comment: 'Het duurde te lang' });
      assert.match((await ctx.app.inject({ method: 'GET', url: link[1] })).body, /value="2" required checked/);
      // after the window the answer stays
      await ctx.db.query(`UPDATE surveys SET answered_at = now() - interval '2 days' WHERE account_id = $1 AND case_id = $2`, [acc.accountId, c.id]);
      assert.equal((await post('score=5')).statusCode, 409);
      assert.match((await ctx.app.inject({ method: 'GET', url: `${link[1]}?score=5` })).body, /al beantwoord/);
      assert.equal((await surveyRow()).score, 2);
      await ctx.db.query(`UPDATE surveys SET answered_at = now() WHERE account_id = $1 AND case_id = $2`, [acc.accountId, c.id]);
      assert.equal((await ctx.app.inject({ method: 'POST', url: `/s/lsr_${'A'.repeat(86)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'score=5' })).statusCode, 404);
      assert.equal((await ctx.app.inject({ method: 'GET', url: `/s/lsr_${'A'.repeat(86)}?score=5` })).statusCode, 404);

      const figures = (await req('GET', '/api/v1/insight/surveys?days=7')).json();
      assert.equal(figures.csat.responses, 1);
      assert.equal(figures.csat.average, 2);
      assert.equal(figures.csat.by_channel[0].key, 'api');
      assert.equal(figures.csat.by_week.length, 1);
      assert.deepEqual([figures.csat.by_week[0].responses, figures.csat.by_week[0].average, figures.csat.by_week[0].satisfied_rate], [1, 2, 0]);
      assert.equal(new Date(`${figures.csat.by_week[0].week}T12:00:00Z`).getUTCDay(), 1, 'weeks start on Monday');
      assert.ok(figures.csat.by_agent[0].label);
      const notes = await ctx.db.query<{ agent_id: string; kind: string }>(`SELECT agent_id, kind FROM notifications WHERE account_id = $1 AND kind = 'survey.low_rating'`, [acc.accountId]);
      assert.ok(notes.some((n) => n.agent_id === sup.id), JSON.stringify(notes));
      assert.equal(notes.filter((n) => n.agent_id === sup.id).length, 1, 'changing 1 to 2 (both low) tells the supervisor once');

      // a customer who refused surveys is not asked
      const no = await newCase('Vraag over de factuur.', uniqueEmail('geen'), 'Geen Enquete', 'Factuur');
      await req('PUT', `/api/v1/customers/${no.customer_id}/contact-preferences/surveys`, { allowed: false });
      await req('POST', `/api/v1/cases/${no.id}/messages`, { body: 'Beste klant, de factuur is aangepast. Groet, Piet' });
      await req('PATCH', `/api/v1/cases/${no.id}`, { status: 'solved' });
      assert.equal(await runJobs(ctx.db, send, acc.accountId, ['survey.send']), 0);
      assert.equal((await req('GET', '/api/v1/insight/surveys?days=7')).json().csat.skipped_opted_out, 1);

      // CSV of a dashboard table and of cases
      const table = await req('GET', '/api/v1/insight/export.csv?days=7&table=csat_by_channel');
      assert.equal(table.statusCode, 200, table.body);
      assert.match(table.headers['content-type'] as string, /text\/csv/);
      assert.equal(table.body, 'name,responses,average,satisfied_rate\r\napi,1,2,0\r\n');
      // every table of the dashboard (the refund tile and its months included), with its header row
      const { DASHBOARD_TABLES, SURVEY_TABLES } = await import('../../src/insight/dashboard-tables.ts');
      assert.ok(DASHBOARD_TABLES.includes('refund_months') && DASHBOARD_TABLES.includes('channels'));
      for (const t of [...DASHBOARD_TABLES, ...SURVEY_TABLES]) {
        const res = await req('GET', `/api/v1/insight/export.csv?days=30&table=${t}`);
        assert.equal(res.statusCode, 200, `${t}: ${res.body}`);
        assert.match(res.headers['content-disposition'] as string, new RegExp(`luister-${t}\\.csv`));
        assert.ok(res.body.split('\r\n')[0].length > 0, t);
      }
      assert.equal((await req('GET', '/api/v1/insight/export.csv?days=7&table=refund_months')).body.split('\r\n')[0], 'month,paid,median_hours_to_paid,median_hours_charge_to_paid,median_hours_complaint_to_paid');
      const today = new Date().toISOString().slice(0, 10);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      const cases = await req('GET', `/api/v1/cases/export.csv?from=${today}&to=${tomorrow}`);
      assert.equal(cases.statusCode, 200, cases.body);
      assert.ok(cases.body.startsWith('ref,created_at,status'));
      assert.ok(cases.body.includes(`${c.ref},`));
      assert.ok(cases.body.split('\r\n').find((l) => l.startsWith(`${c.ref},`))!.endsWith(',2'), 'the CSAT score is on the case');
      assert.equal((await req('GET', `/api/v1/cases/export.csv?from=${tomorrow}&to=${today}`)).statusCode, 400);
      assert.equal((await req('GET', '/api/v1/insight/export.csv?days=7&table=secrets')).statusCode, 400);
    } finally {
      await mailbox.close();
    }
  });

  test('a low CSAT opens a follow-up for the supervisor of the case owner\'s team (not another team\'s), naming the case; a high one for nobody', async () => {
    const { createTeam } = await import('../../src/accounts/create-team.ts');
    const { createAgent } = await import('../../src/accounts/create-agent.ts');
    const admin = { accountId: acc.accountId, type: 'agent' as const, id: acc.adminId, role: 'admin' as const, agentId: acc.adminId };
    const north = await createTeam(ctx.db, admin, { name: `Noord ${Date.now()}` });
    const south = await createTeam(ctx.db, admin, { name: `Zuid ${Date.now()}` });
    const owner = await createAgent(ctx.db, admin, { email: uniqueEmail('owner'), name: 'Olaf Owner', role: 'agent', teamId: north.id });
    const ownSup = await createAgent(ctx.db, admin, { email: uniqueEmail('supn'), name: 'Nora Noord', role: 'supervisor', teamId: north.id });
    const otherSup = await createAgent(ctx.db, admin, { email: uniqueEmail('supz'), name: 'Zeger Zuid', role: 'supervisor', teamId: south.id });
    const rate = async (score: number) => {
      const c = await newCase('Mijn modem doet het niet.', uniqueEmail('laag'), 'Lotte Laag', 'Modem');
      await ctx.db.query('UPDATE cases SET owner_id = $3, team_id = $4 WHERE account_id = $1 AND id = $2', [acc.accountId, c.id, owner.id, north.id]);
      await req('POST', `/api/v1/cases/${c.id}/messages`, { body: 'Beste Lotte, het modem is vervangen. Groet, Olaf' });
      assert.equal((await req('PATCH', `/api/v1/cases/${c.id}`, { status: 'solved' })).statusCode, 200);
      const [survey] = await ctx.db.query<{ id: string; customer_id: string; agent_id: string }>(`SELECT id, customer_id, agent_id FROM surveys WHERE account_id = $1 AND case_id = $2`, [acc.accountId, c.id]);
      assert.equal(survey.agent_id, owner.id, 'the survey is frozen with the case owner');
      const token = await createRightsLink(ctx.db, acc.accountId, { customerId: survey.customer_id, purpose: 'survey', surveyId: survey.id });
      const vote = await ctx.app.inject({ method: 'POST', url: `/s/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: `score=${score}` });
      assert.equal(vote.statusCode, 200, vote.body);
      return ctx.db.query<{ agent_id: string; body: string }>(`SELECT agent_id, body FROM notifications WHERE account_id = $1 AND case_id = $2 AND kind = 'survey.low_rating'`, [acc.accountId, c.id])
        .then((rows) => ({ ref: c.ref, rows }));
    };
    const low = await rate(1);
    assert.deepEqual(low.rows.map((n) => n.agent_id), [ownSup.id], 'only the owner\'s own supervisor');
    assert.ok(!low.rows.some((n) => n.agent_id === otherSup.id));
    assert.match(low.rows[0].body, new RegExp(`${low.ref}.*neem contact op`));
    assert.deepEqual((await rate(5)).rows, [], 'a good rating asks nobody to follow up');
  });

  test('NPS goes to a sample of those who accept surveys', async () => {
    const r = await req('POST', '/api/v1/surveys/nps', { sample: 3 });
    assert.equal(r.statusCode, 200, r.body);
    assert.ok(r.json().queued <= 3);
    const refused = await ctx.db.query(`SELECT 1 FROM surveys s JOIN contact_preferences p ON p.account_id = s.account_id AND p.customer_id = s.customer_id AND p.kind = 'surveys' AND NOT p.allowed
      WHERE s.account_id = $1 AND s.kind = 'nps'`, [acc.accountId]);
    assert.equal(refused.length, 0);
    assert.equal((await req('POST', '/api/v1/surveys/nps', { sample: 0 })).statusCode, 400);
  });

  test('NPS on a schedule: the daily sweep sends a round every N days to a sample that accepts surveys, never the same customers within 90 days', async () => {
    const { sweepNps } = await import('../../src/rights/sweep-nps.ts');
    const { SCHEDULES } = await import('../../src/worker/schedules.ts');
    const { jobHandlers } = await import('../../src/worker/handlers.ts');
    const { loadConfig } = await import('../../src/config.ts');
    assert.equal(typeof jobHandlers(loadConfig({}))['nps.sweep'], 'function');
    assert.equal(SCHEDULES['nps.sweep'](new Date('2026-12-07T09:00:00Z')).toISOString(), '2026-12-08T08:00:00.000Z');
    for (let i = 0; i < 4; i++) await newCase('Vraag over mijn aansluiting.', uniqueEmail(`nps${i}`), `Nina Nps ${i}`);
    const refused = await newCase('Vraag over de rekening.', uniqueEmail('npsno'), 'Geen Nps');
    await req('PUT', `/api/v1/customers/${refused.customer_id}/contact-preferences/surveys`, { allowed: false });
    const asked = async () => (await ctx.db.query<{ customer_id: string }>(`SELECT customer_id FROM surveys WHERE account_id = $1 AND kind = 'nps'`, [acc.accountId])).map((r) => r.customer_id);
    const before = new Set(await asked());

    const now = new Date();
    assert.equal((await sweepNps(ctx.db, now)).has(acc.accountId), false, 'not scheduled: nothing');
    const set = await req('PATCH', '/api/v1/settings/surveys', { nps_every_days: 30, nps_sample: 2 });
    assert.equal(set.statusCode, 200, set.body);
    assert.deepEqual(set.json(), { nps_every_days: 30, nps_sample: 2, nps_last_sent_at: null });

    assert.equal((await sweepNps(ctx.db, now)).get(acc.accountId), 2);
    const round1 = (await asked()).filter((id) => !before.has(id));
    assert.equal(round1.length, 2);
    assert.ok(!round1.includes(refused.customer_id), 'a customer who refused surveys is never in the sample');
    assert.equal((await req('GET', '/api/v1/settings/surveys')).json().nps_last_sent_at, now.toISOString());
    const jobs = await ctx.db.query(`SELECT 1 FROM jobs WHERE account_id = $1 AND kind = 'survey.send' AND payload->>'survey_id' IN (SELECT id::text FROM surveys WHERE account_id = $1 AND kind = 'nps' AND customer_id = ANY($2))`, [acc.accountId, round1]);
    assert.equal(jobs.length, 2, 'each survey is queued for sending');
    // an answer lands in the weekly NPS trend
    const [survey] = await ctx.db.query<{ id: string }>(`SELECT id FROM surveys WHERE account_id = $1 AND kind = 'nps' AND customer_id = $2`, [acc.accountId, round1[0]]);
    const token = await createRightsLink(ctx.db, acc.accountId, { customerId: round1[0], purpose: 'survey', surveyId: survey.id });
    assert.match((await ctx.app.inject({ method: 'GET', url: `/s/${token}?score=9` })).body, /value="9" required checked/);
    const vote = await ctx.app.inject({ method: 'POST', url: `/s/${token}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'score=9' });
    assert.equal(vote.statusCode, 200, vote.body);
    const nps = (await req('GET', '/api/v1/insight/surveys?days=7')).json().nps;
    assert.deepEqual(nps.by_week.map((w: { responses: number; score: number }) => [w.responses, w.score]), [[1, 100]]);
    assert.equal((await req('GET', '/api/v1/insight/export.csv?days=7&table=nps_by_week')).body, `week,responses,score\r\n${nps.by_week[0].week},1,100\r\n`);

    assert.equal((await sweepNps(ctx.db, new Date(now.getTime() + 86_400_000))).has(acc.accountId), false, 'a day later: not due');
    const round2 = await sweepNps(ctx.db, new Date(now.getTime() + 31 * 86_400_000));
    const after2 = (await asked()).filter((id) => !before.has(id));
    assert.equal(after2.length, 2 + round2.get(acc.accountId)!);
    assert.equal(new Set(after2).size, after2.length, 'nobody asked twice within 90 days');
    assert.ok(!after2.includes(refused.customer_id));
    await req('PATCH', '/api/v1/settings/surveys', { nps_every_days: null });
    assert.equal((await sweepNps(ctx.db, new Date(now.getTime() + 400 * 86_400_000))).has(acc.accountId), false, 'switched off');
  });
});
