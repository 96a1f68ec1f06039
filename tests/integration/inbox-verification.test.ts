import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/http/app.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { openDb, type Db } from '../../src/storage/db.ts';
import { listMigrations, migrate } from '../../src/storage/migrate.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { runJobs, smtpClient, startMailbox } from '../email.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';

/**
 * Security review (issue 13): an inbox address routes mail to an account only after the account
 * proved it controls the address. Before, account B registered billing@a.test first-come and
 * received A's mail, and the 409 told B that the address existed elsewhere.
 */

let db: Db;
let app: FastifyInstance;
let A: TestAccount;
let B: TestAccount;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
let client: ReturnType<typeof smtpClient>;
let config: ReturnType<typeof testConfig>;
/** TXT records the stub resolver answers with */
const dnsZone = new Map<string, string[][]>();

const call = (acc: TestAccount, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  app.inject({ method, url, headers: acc.auth, payload: payload as object });

async function addInbox(acc: TestAccount, address: string) {
  const res = await call(acc, 'POST', '/api/v1/inboxes', { address, name: 'Klantenservice' });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

/** Runs the account's verification jobs and returns the code from the mail that reached the address. */
async function mailedCode(acc: TestAccount, address: string): Promise<string> {
  const before = mailbox.received.length;
  const ran = await runJobs(db, jobHandlers(config), acc.accountId, ['inbox.verification']);
  assert.ok(ran >= 1, 'a verification job was queued');
  const got = await mailbox.waitFor(before + 1);
  const mail = got.slice(before).find((m) => m.envelope.to.includes(address));
  assert.ok(mail, `a verification mail went to ${address}`);
  assert.equal(mail.mail.headers.get('auto-submitted'), 'auto-generated');
  assert.match(mail.mail.subject ?? '', /Bevestig .* Confirm/);
  const code = /\b([A-Z2-9]{5}-[A-Z2-9]{5})\b/.exec(mail.mail.text ?? '')?.[1];
  assert.ok(code, 'the mail carries a code');
  return code;
}

async function deliver(to: string, subject: string) {
  try {
    const info = await client.send({ from: uniqueEmail('klant'), to, subject, text: 'Mijn factuur klopt niet, graag uitleg.' });
    return { accepted: true, response: info.response, messageId: info.messageId.replace(/^<|>$/g, '') };
  } catch (err) {
    const e = err as { responseCode?: number; response?: string };
    return { accepted: false, code: e.responseCode, response: e.response ?? '' };
  }
}

const casesWith = async (acc: TestAccount, subject: string) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1 AND subject = $2', [acc.accountId, subject]))[0].n;

before(async () => {
  db = await testDb();
  mailbox = await startMailbox();
  config = testConfig({ SMTP_RELAY_URL: mailbox.url });
  app = await buildApp({ db, config, logger: false, checkResponses: true, resolveTxt: async (name) => {
    const records = dnsZone.get(name);
    if (!records) throw Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
    return records;
  } });
  await app.ready();
  A = await newAccount(db, 'Eigenaar A');
  B = await newAccount(db, 'Kaper B');
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

test("A verifies its address with the mailed code; B registering it too gets the same answer as for any address, and none of A's mail", async () => {
  const billing = uniqueEmail('billing').replace('@example.test', '@a.test');
  const inboxA = await addInbox(A, billing);
  assert.equal(inboxA.verified, false);
  assert.equal(inboxA.verification.verified_at, null);
  assert.ok(inboxA.verification.code_sent_at, 'the verification mail was asked for');
  assert.deepEqual(Object.keys(inboxA.verification.dns_record), ['type', 'name', 'value']);

  // unverified: mail to it is refused like mail to an address nobody registered
  const early = await deliver(billing, 'Vroeg');
  const nobody = await deliver(uniqueEmail('niemand').replace('@example.test', '@a.test'), 'Niemand');
  assert.equal(early.accepted, false);
  assert.equal(early.code, 550);
  assert.equal(nobody.code, 550);
  assert.equal(early.response.replace(/<[^>]+>/, '<…>'), nobody.response.replace(/<[^>]+>/, '<…>'), 'the same refusal');

  const code = await mailedCode(A, billing);
  const verified = await call(A, 'POST', `/api/v1/inboxes/${inboxA.id}/verify`, { code: code.toLowerCase() });
  assert.equal(verified.statusCode, 200, verified.body);
  assert.equal(verified.json().verified, true);
  assert.equal(verified.json().verification.verified_by, 'mail');
  assert.equal(verified.json().verification.dns_record, null);

  // B registers the same address: 201 like any new address, nothing says A has it
  const fresh = await call(B, 'POST', '/api/v1/inboxes', { address: uniqueEmail('vers'), name: 'X' });
  const taken = await call(B, 'POST', '/api/v1/inboxes', { address: billing.toUpperCase(), name: 'Facturen' });
  assert.equal(taken.statusCode, fresh.statusCode);
  assert.equal(taken.statusCode, 201, taken.body);
  assert.deepEqual(Object.keys(taken.json()).sort(), Object.keys(fresh.json()).sort());
  assert.equal(taken.json().verified, false);
  assert.doesNotMatch(taken.body, new RegExp(A.accountId));
  // twice in its own account is a conflict about its own account only
  const again = await call(B, 'POST', '/api/v1/inboxes', { address: billing, name: 'Nog eens' });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'inbox_address_taken');
  assert.match(again.json().error.message, /this account/);

  const sent = await deliver(billing, 'Factuur maart');
  assert.equal(sent.accepted, true, sent.response);
  assert.equal(await casesWith(A, 'Factuur maart'), 1, "A's mail reaches A");
  assert.equal(await casesWith(B, 'Factuur maart'), 0, 'and not B');
});

test('B cannot take over a verified address: the code goes to the mailbox B does not read; even with it, A keeps the address', async () => {
  const billing = uniqueEmail('billing').replace('@example.test', '@a.test');
  const inboxA = await addInbox(A, billing);
  await call(A, 'POST', `/api/v1/inboxes/${inboxA.id}/verify`, { code: await mailedCode(A, billing) });
  const inboxB = await addInbox(B, billing);
  const guess = await call(B, 'POST', `/api/v1/inboxes/${inboxB.id}/verify`, { code: 'ABCDE-FGHJK' });
  assert.equal(guess.statusCode, 422, guess.body);
  // whoever reads billing@ (A) got B's code too; were it handed over, A still keeps its address
  const code = await mailedCode(B, billing);
  const res = await call(B, 'POST', `/api/v1/inboxes/${inboxB.id}/verify`, { code });
  assert.equal(res.statusCode, 409, res.body);
  assert.equal(res.json().error.code, 'inbox_address_verified_elsewhere');
  const sent = await deliver(billing, 'Nog steeds van A');
  assert.equal(sent.accepted, true);
  assert.equal(await casesWith(A, 'Nog steeds van A'), 1);
  assert.equal(await casesWith(B, 'Nog steeds van A'), 0);
});

test('wrong codes are counted and void the code after five; a new mail makes a new one; at most one mail a minute', async () => {
  const address = uniqueEmail('support').replace('@example.test', '@b.test');
  const inbox = await addInbox(B, address);
  const code = await mailedCode(B, address);
  const tooSoon = await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verification`, {});
  assert.equal(tooSoon.statusCode, 429);
  assert.equal(tooSoon.json().error.code, 'verification_recently_sent');
  for (let i = 4; i >= 0; i--) {
    const wrong = await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify`, { code: 'ZZZZZ-ZZZZZ' });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().error.code, 'verification_code_wrong');
  }
  const late = await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify`, { code });
  assert.equal(late.statusCode, 422, 'the right code no longer works after five wrong ones');
  assert.equal(late.json().error.code, 'verification_code_expired');
  // a minute later: a new mail, a new code
  await db.query(`UPDATE inboxes SET verification_sent_at = now() - interval '2 minutes' WHERE account_id = $1 AND id = $2`, [B.accountId, inbox.id]);
  assert.equal((await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verification`, {})).statusCode, 200);
  const code2 = await mailedCode(B, address);
  assert.equal((await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify`, { code: code2 })).statusCode, 200);
  // an expired code does not work either
  const other = uniqueEmail('oud').replace('@example.test', '@b.test');
  const inbox2 = await addInbox(B, other);
  const code3 = await mailedCode(B, other);
  await db.query(`UPDATE inboxes SET verification_expires_at = now() - interval '1 second' WHERE account_id = $1 AND id = $2`, [B.accountId, inbox2.id]);
  const expired = await call(B, 'POST', `/api/v1/inboxes/${inbox2.id}/verify`, { code: code3 });
  assert.equal(expired.json().error.code, 'verification_code_expired');
});

test('a DNS TXT record on the domain verifies the inbox too (resolver stubbed)', async () => {
  const address = uniqueEmail('help').replace('@example.test', '@dns-b.test');
  const inbox = await addInbox(B, address);
  const record = inbox.verification.dns_record;
  assert.equal(record.name, '_luister.dns-b.test');
  const missing = await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify-dns`, {});
  assert.equal(missing.statusCode, 422);
  assert.equal(missing.json().error.code, 'dns_record_not_found');
  assert.ok(missing.json().error.message.includes(record.value), 'the error says which record to publish');
  // another account's token on the same domain does not count
  dnsZone.set(record.name, [['v=spf1 -all'], ['luister-verification=someone-else']]);
  assert.equal((await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify-dns`, {})).statusCode, 422);
  dnsZone.set(record.name, [['v=spf1 -all'], [record.value.slice(0, 10), record.value.slice(10)]]);
  const ok = await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify-dns`, {});
  assert.equal(ok.statusCode, 200, ok.body);
  assert.equal(ok.json().verification.verified_by, 'dns');
  const sent = await deliver(address, 'Via DNS bevestigd');
  assert.equal(sent.accepted, true, sent.response);
  assert.equal(await casesWith(B, 'Via DNS bevestigd'), 1);
});

test('changing the address of a verified inbox makes it unverified again: the new address is a new claim', async () => {
  const first = uniqueEmail('eerst').replace('@example.test', '@c.test');
  const inbox = await addInbox(B, first);
  await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify`, { code: await mailedCode(B, first) });
  const moved = uniqueEmail('daarna').replace('@example.test', '@c.test');
  const res = await call(B, 'PATCH', `/api/v1/inboxes/${inbox.id}`, { address: moved });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().verified, false);
  assert.notEqual(res.json().verification.dns_record.value, inbox.verification.dns_record.value, 'a new DNS token');
  assert.equal((await deliver(moved, 'Te vroeg')).accepted, false);
  assert.equal((await deliver(first, 'Oud adres')).accepted, false, 'the old address is no inbox any more');
  // a name change keeps the verification
  await call(B, 'POST', `/api/v1/inboxes/${inbox.id}/verify`, { code: await mailedCode(B, moved) });
  const renamed = await call(B, 'PATCH', `/api/v1/inboxes/${inbox.id}`, { name: 'Nieuwe naam' });
  assert.equal(renamed.json().verified, true);
});

test('the verification state is in the OpenAPI description of an inbox', async () => {
  const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
  const text = JSON.stringify(spec.paths['/api/v1/inboxes'].post);
  for (const word of ['verified', 'verification', 'dns_record', 'code_sent_at']) assert.ok(text.includes(word), word);
  for (const path of ['/api/v1/inboxes/{id}/verify', '/api/v1/inboxes/{id}/verify-dns', '/api/v1/inboxes/{id}/verification']) assert.ok(spec.paths[path], path);
});

test('upgrading keeps existing inboxes receiving mail (verified as "existing")', async () => {
  const fresh = await openDb({});
  try {
    const all = listMigrations();
    await migrate(fresh, all.filter((m) => m.version < 17));
    const [acc] = await fresh.query<{ account_id: string }>(`INSERT INTO accounts (name) VALUES ('Oud') RETURNING account_id`);
    await fresh.query(`INSERT INTO inboxes (account_id, address, name) VALUES ($1, 'support@oud.test', 'Support')`, [acc.account_id]);
    await migrate(fresh, all);
    const { inboxForAddress } = await import('../../src/intake/inboxes/store.ts');
    const row = await inboxForAddress(fresh, 'support@oud.test');
    assert.equal(row?.verified_by, 'existing');
    assert.match(row?.dns_token ?? '', /^[0-9a-f]{32}$/);
  } finally {
    await fresh.close();
  }
});
