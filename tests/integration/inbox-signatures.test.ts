import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/storage/db.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { buildApp } from '../../src/http/app.ts';
import { newAccount, testConfig, testDb, uniqueEmail, verifyInbox, type TestAccount } from '../helpers.ts';
import { runJobs, smtpClient, startMailbox } from '../email.ts';

// Per-inbox sender names and signatures, over real SMTP: the acknowledgement and the agent's reply
// to a mail that came in through an inbox carry that inbox's name and signature, in the customer's language.

let db: Db;
let app: FastifyInstance;
let acc: TestAccount;
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let client: ReturnType<typeof smtpClient>;
let config: ReturnType<typeof testConfig>;
const inboxes: Record<'parking' | 'billing', { id: string; address: string }> = {} as never;

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, auth = acc.auth) =>
  app.inject({ method, url, headers: auth, ...(payload === undefined ? {} : { payload: payload as object }) });
const sendQueued = () => runJobs(db, jobHandlers(config), acc.accountId, ['email.send']);

before(async () => {
  db = await testDb();
  acc = await newAccount(db, 'Gemeente');
  mailbox = await startMailbox();
  config = testConfig({ SMTP_RELAY_URL: mailbox.url });
  app = await buildApp({ db, config, logger: false, checkResponses: true });
  for (const [k, name, nl, en] of [
    ['parking', 'Klantenservice Parkeren', 'Klantenservice Parkeren\nGemeente Voorbeeld · 14 020', 'Parking customer service\nCity of Example · +31 20 14 020'],
    ['billing', 'Belastingen', 'Team Belastingen\nMaandag t/m vrijdag 9–17 uur', ''],
  ] as const) {
    const address = uniqueEmail(k).replace('@example.test', '@gemeente.example');
    const res = await req('POST', '/api/v1/inboxes', { address, name, signature_nl: nl, signature_en: en });
    assert.equal(res.statusCode, 201, res.body);
    inboxes[k] = { id: res.json().id, address };
    await verifyInbox(db, acc.accountId, address);
  }
  smtp = await startSmtpListener(db, config, pino({ level: 'silent' }), { port: 0 });
  client = smtpClient(smtp.port);
});
after(async () => {
  client.close();
  await smtp.close();
  await mailbox.close();
  await app.close();
  await db.close();
});

test('the signature is set per inbox in the API, checked, and shown back', async () => {
  const got = (await req('GET', `/api/v1/inboxes/${inboxes.parking.id}`)).json();
  assert.equal(got.name, 'Klantenservice Parkeren');
  assert.equal(got.signature_nl, 'Klantenservice Parkeren\nGemeente Voorbeeld · 14 020');
  const tooLong = await req('PATCH', `/api/v1/inboxes/${inboxes.parking.id}`, { signature_nl: 'x'.repeat(2001) });
  assert.equal(tooLong.statusCode, 400);
  assert.equal((await req('GET', `/api/v1/inboxes/${inboxes.parking.id}`)).json().signature_nl, got.signature_nl, 'nothing written');
  // a pasted separator and Windows line ends are tidied
  const tidy = await req('PATCH', `/api/v1/inboxes/${inboxes.billing.id}`, { signature_nl: '-- \r\nTeam Belastingen\r\nMaandag t/m vrijdag 9–17 uur\r\n\r\n' });
  assert.equal(tidy.statusCode, 200, tidy.body);
  assert.equal(tidy.json().signature_nl, 'Team Belastingen\nMaandag t/m vrijdag 9–17 uur');
});

test('acknowledgement and reply go out with the inbox\'s sender name and its signature in the customer\'s language', async () => {
  const dutch = uniqueEmail('anouk');
  await client.send({
    from: `"Anouk de Vries" <${dutch}>`, to: inboxes.billing.address, subject: 'Aanslag klopt niet',
    text: 'Goedemiddag,\n\nMijn aanslag voor de afvalstoffenheffing is twee keer zo hoog als vorig jaar. Kunt u dat nakijken?\n\nAnouk',
  });
  assert.equal(await sendQueued(), 1);
  const [ack] = await mailbox.waitFor(1);
  assert.equal(ack.mail.from?.value[0].name, 'Belastingen');
  assert.equal(ack.mail.from?.value[0].address, inboxes.billing.address);
  assert.equal(ack.mail.replyTo?.value[0].name, 'Belastingen');
  assert.match(ack.mail.text ?? '', /\n-- \nTeam Belastingen\nMaandag t\/m vrijdag 9–17 uur\n?$/);
  const ref = /\[(LU-\d+)\]/.exec(ack.mail.subject ?? '')![1];

  const r = await req('POST', `/api/v1/cases/${ref}/messages`, { body: 'Beste Anouk, u heeft gelijk: de aanslag is verlaagd. Met vriendelijke groet, Sanne' });
  assert.equal(r.statusCode, 201, r.body);
  assert.equal(await sendQueued(), 1);
  const [, reply] = await mailbox.waitFor(2);
  assert.equal(reply.mail.from?.value[0].name, 'Belastingen');
  assert.match(reply.mail.text ?? '', /Met vriendelijke groet, Sanne\n\n-- \nTeam Belastingen\n/);
  const [stored] = await db.query<{ body: string }>('SELECT body FROM messages WHERE account_id = $1 AND id = $2', [acc.accountId, r.json().id]);
  assert.doesNotMatch(stored.body, /Team Belastingen/, 'the case keeps what the agent wrote; the signature is the inbox\'s, added on the way out');

  // an English customer writing to the other inbox: its name, its English signature
  const english = uniqueEmail('john');
  await client.send({
    from: `"John Smith" <${english}>`, to: inboxes.parking.address, subject: 'Parking fine',
    text: 'Hello,\n\nI received a parking fine while my permit was valid. Could you please check this and cancel the fine?\n\nKind regards,\nJohn Smith',
  });
  assert.equal(await sendQueued(), 1);
  const [, , ack2] = await mailbox.waitFor(3);
  assert.equal(ack2.mail.from?.value[0].name, 'Klantenservice Parkeren');
  assert.equal(ack2.mail.from?.value[0].address, inboxes.parking.address);
  assert.match(ack2.mail.text ?? '', /\n-- \nParking customer service\nCity of Example/);
  assert.doesNotMatch(ack2.mail.text ?? '', /Gemeente Voorbeeld/);
});

test('the account\'s default sender name and signature: checked, admins only, per account; used by an inbox without its own', async () => {
  const fresh = (await req('GET', '/api/v1/settings/mail')).json();
  assert.deepEqual({ ...fresh, account_name: undefined }, { sender_name: '', signature_nl: '', signature_en: '', account_name: undefined });
  assert.match(fresh.account_name, /^Gemeente/);
  for (const bad of [{ sender_name: 'x'.repeat(201) }, { signature_nl: 'x'.repeat(2001) }, { signature: 'Groet' }, { sender_name: 12 }]) {
    const res = await req('PATCH', '/api/v1/settings/mail', bad);
    assert.equal(res.statusCode, 400, res.body);
  }
  assert.equal((await db.query('SELECT 1 FROM mail_defaults WHERE account_id = $1', [acc.accountId])).length, 0, 'nothing written');
  // an agent reads them but does not change them
  const agent = (await req('POST', '/api/v1/agents', { email: uniqueEmail('sanne'), name: 'Sanne', role: 'agent' })).json();
  const token = (await req('POST', '/api/v1/tokens', { name: 'sanne', role: 'agent', agent_id: agent.id })).json().token;
  const agentAuth = { authorization: `Bearer ${token}` };
  assert.equal((await req('GET', '/api/v1/settings/mail', undefined, agentAuth)).statusCode, 200);
  assert.equal((await req('PATCH', '/api/v1/settings/mail', { sender_name: 'Sanne' }, agentAuth)).statusCode, 403);

  const set = await req('PATCH', '/api/v1/settings/mail', { sender_name: ' Gemeente Voorbeeld ', signature_nl: '-- \r\nGemeente Voorbeeld\r\nBel 14 020\r\n' });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json().sender_name, 'Gemeente Voorbeeld');
  assert.equal(set.json().signature_nl, 'Gemeente Voorbeeld\nBel 14 020');
  // a field left out keeps its value
  assert.equal((await req('PATCH', '/api/v1/settings/mail', { signature_en: 'City of Example' })).json().signature_nl, 'Gemeente Voorbeeld\nBel 14 020');
  const [audit] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND action = 'settings.mail_defaults_updated'`, [acc.accountId]);
  assert.equal(audit.n, 2);

  // another account has its own (none), and cannot change these
  const other = await newAccount(db, 'Ander');
  assert.equal((await req('GET', '/api/v1/settings/mail', undefined, other.auth)).json().sender_name, '');
  assert.equal((await req('PATCH', '/api/v1/settings/mail', { sender_name: 'Overgenomen' }, other.auth)).statusCode, 200);
  assert.equal((await req('GET', '/api/v1/settings/mail')).json().sender_name, 'Gemeente Voorbeeld');

  // an inbox without a name or signature of its own: the account's
  const address = uniqueEmail('info').replace('@example.test', '@gemeente.example');
  const created = await req('POST', '/api/v1/inboxes', { address });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(created.json().name, '', 'the API shows the inbox\'s own values');
  await verifyInbox(db, acc.accountId, address);
  await client.send({
    from: `"Piet Bakker" <${uniqueEmail('piet')}>`, to: address, subject: 'Container niet geleegd',
    text: 'Goedemorgen,\n\nDe groene container in onze straat is deze week niet geleegd. Kunt u die alsnog laten legen?\n\nPiet',
  });
  assert.equal(await sendQueued(), 1);
  const mails = await mailbox.waitFor(4);
  const ack = mails[3];
  assert.equal(ack.mail.from?.value[0].name, 'Gemeente Voorbeeld');
  assert.equal(ack.mail.from?.value[0].address, address);
  assert.match(ack.mail.text ?? '', /Gemeente Voorbeeld/);
  assert.match(ack.mail.text ?? '', /\n-- \nGemeente Voorbeeld\nBel 14 020\n?$/);
  // its own name (and an inbox's own signature) win over the account's; the account's name when neither has one
  const ref = /\[(LU-\d+)\]/.exec(ack.mail.subject ?? '')![1];
  assert.equal((await req('PATCH', `/api/v1/inboxes/${created.json().id}`, { signature_en: 'Waste team' })).statusCode, 200);
  assert.equal((await req('PATCH', '/api/v1/settings/mail', { sender_name: '' })).statusCode, 200);
  assert.equal((await req('POST', `/api/v1/cases/${ref}/messages`, { body: 'Beste Piet, de container wordt morgen geleegd. Met vriendelijke groet, Sanne' })).statusCode, 201);
  assert.equal(await sendQueued(), 1);
  const reply = (await mailbox.waitFor(5))[4];
  assert.match(reply.mail.from?.value[0].name ?? '', /^Gemeente \d+$/, 'the account\'s name');
  assert.match(reply.mail.text ?? '', /\n-- \nWaste team\n?$/, 'the inbox\'s own signature (the only one it has), not the account\'s');
});
