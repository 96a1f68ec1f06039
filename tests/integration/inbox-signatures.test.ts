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

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: acc.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
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
