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

async function newCase(body: string, email = uniqueEmail('bram'), name = 'Bram Peters') {
  const res = await req('POST', '/api/v1/cases', { customer: { email, name }, subject: 'Mijn abonnement', message: { body } });
  assert.equal(res.statusCode, 201, res.body);
  await drain();
  return res.json() as { id: string; ref: string; customer_id: string };
}

const PITCH = 'Beste Bram, dat is opgelost. Wist u trouwens dat ons nieuwe pakket met glasvezel nu met 20% korting te krijgen is? Groet, Piet';

describe('contact preferences: "bel me niet meer" stops the next pitch without anyone touching a flag', () => {
  test('an opt-out in a message sets the preference with its sentence; pitches are blocked on reply, template and bulk reply', async () => {
    const c = await newCase('Goedemiddag. Mijn factuur klopt niet. Ik heb geen interesse in een nieuw abonnement, bel me niet meer! Groet, Bram');
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
