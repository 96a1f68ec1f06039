import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { removeBlock } from '../../src/spam/block-list.ts';
import { markSpam } from '../../src/spam/mark-spam.ts';
import { newAccount, testApp, testConfig, uniqueEmail, verifyInbox, type TestAccount, type TestContext } from '../helpers.ts';
import { runJobs, smtpClient, startMailbox } from '../email.ts';

/** the listener's log, kept to check the line a dropped sender leaves */
const logLines: { msg: string; reason?: string }[] = [];
const log = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });

describe('spam and block lists: mark spam blocks the sender, intake drops them silently, unblock restores', () => {
  let ctx: TestContext;
  let a: TestAccount;
  let b: TestAccount;
  let inboxA: string;
  let inboxB: string;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let client: ReturnType<typeof smtpClient>;
  let config: ReturnType<typeof testConfig>;
  let agent: Actor;
  const spamDomain = `spam${process.pid}${Date.now()}.example`;
  const spammer = `aanbieding@${spamDomain}`;

  before(async () => {
    mailbox = await startMailbox();
    config = testConfig({ SMTP_RELAY_URL: mailbox.url });
    ctx = await testApp({ SMTP_RELAY_URL: mailbox.url });
    a = await newAccount(ctx.db, 'Parkeren');
    b = await newAccount(ctx.db, 'Ander bedrijf');
    inboxA = `support.${process.pid}.${Date.now()}@parkeren.example`;
    inboxB = `help.${process.pid}.${Date.now()}@ander.example`;
    await createInbox(ctx.db, systemActor(a.accountId), { address: inboxA, name: 'Parkeren' });
    await verifyInbox(ctx.db, a.accountId, inboxA);
    await createInbox(ctx.db, systemActor(b.accountId), { address: inboxB, name: 'Ander' });
    await verifyInbox(ctx.db, b.accountId, inboxB);
    const admin: Actor = { accountId: a.accountId, type: 'agent', id: a.adminId, role: 'admin', agentId: a.adminId };
    const p = await createAgent(ctx.db, admin, { email: uniqueEmail('piet'), name: 'Piet', role: 'agent' });
    agent = { accountId: a.accountId, type: 'agent', id: p.id, role: 'agent', agentId: p.id };
    smtp = await startSmtpListener(ctx.db, config, log, { port: 0 });
    client = smtpClient(smtp.port);
  });
  after(async () => {
    client.close();
    await smtp.close();
    await mailbox.close();
    await ctx.close();
  });

  const req = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: unknown, who = a) =>
    ctx.app.inject({ method, url, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const send = (from: string, to: string, mid: string) =>
    client.send({ from, to, subject: 'Gratis iPhone', text: 'Klik hier voor uw gratis iPhone, alleen vandaag!', messageId: `<${mid}>` });
  const storedCase = async (accountId: string, mid: string) =>
    (await ctx.db.query<{ case_id: string }>('SELECT case_id FROM messages WHERE account_id = $1 AND email_message_id = $2', [accountId, mid]))[0]?.case_id ?? null;
  const acks = (acc: TestAccount) => runJobs(ctx.db, jobHandlers(config), acc.accountId, ['email.send']);

  test('marking a case as spam blocks its sender, closes it and leaves it out of the lists; their next mail is dropped with a log line, not acknowledged', async () => {
    const mid1 = `spam1.${Date.now()}@${spamDomain}`;
    assert.match((await send(spammer, inboxA, mid1)).response, /^250 .*Stored \(LU-\d+\)/);
    const caseId = await storedCase(a.accountId, mid1);
    assert.ok(caseId);
    assert.equal(await acks(a), 1, 'the first mail was acknowledged');
    assert.ok((await req('GET', '/api/v1/cases')).json().data.some((c: { id: string }) => c.id === caseId));

    const res = await req('POST', `/api/v1/cases/${caseId}/spam`, {});
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().case.status, 'closed');
    assert.deepEqual([res.json().blocked.kind, res.json().blocked.value], ['address', spammer]);
    assert.ok(!(await req('GET', '/api/v1/cases')).json().data.some((c: { id: string }) => c.id === caseId), 'out of the case list');
    assert.ok(!(await req('GET', '/api/v1/cases?status=closed')).json().data.some((c: { id: string }) => c.id === caseId), 'out of the closed list too');
    assert.deepEqual((await req('GET', '/api/v1/cases?spam=true')).json().data.map((c: { id: string }) => c.id), [caseId]);
    const timeline = (await req('GET', `/api/v1/cases/${caseId}`)).json().timeline as { action?: string }[];
    assert.ok(timeline.some((e) => e.action === 'case.marked_spam'), 'audited on the case');
    const list = (await req('GET', '/api/v1/blocked-senders')).json().data;
    assert.deepEqual(list.map((x: { value: string }) => x.value), [spammer]);

    // the next mail: accepted at SMTP (the sender learns nothing), nothing stored, nothing acknowledged
    const mid2 = `spam2.${Date.now()}@${spamDomain}`;
    const info = await send(`"Aanbieding" <${spammer.toUpperCase()}>`, inboxA, mid2);
    assert.match(info.response, /^250 2\.0\.0 Accepted/);
    assert.equal(await storedCase(a.accountId, mid2), null);
    assert.equal(await acks(a), 0);
    const line = logLines.find((l) => l.msg === 'smtp: blocked sender dropped');
    assert.ok(line, 'a log line for the dropped mail');
    assert.match(line.reason ?? '', /sender address is blocked/);
    const [{ n }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases WHERE account_id = $1', [a.accountId]);
    assert.equal(n, 1);

    // the API refuses the sender too, with a clear error
    const api = await req('POST', '/api/v1/cases', { customer: { email: spammer }, message: { body: 'nog een keer' } });
    assert.equal(api.statusCode, 422);
    assert.equal(api.json().error.code, 'sender_blocked');

    // another account is not affected: the same sender reaches account B
    const midB = `spamB.${Date.now()}@${spamDomain}`;
    assert.match((await send(spammer, inboxB, midB)).response, /Stored \(LU-\d+\)/);
    assert.ok(await storedCase(b.accountId, midB));
    assert.deepEqual((await req('GET', '/api/v1/blocked-senders', undefined, b)).json().data, []);
    assert.equal((await req('POST', `/api/v1/cases/${caseId}/spam`, {}, b)).statusCode, 404);
    assert.equal((await req('DELETE', `/api/v1/blocked-senders/${list[0].id}`, undefined, b)).statusCode, 404);
  });

  test('a domain block drops every address at the domain; only a supervisor or admin unblocks, and then mail is taken in again', async () => {
    const other = `info@${spamDomain}`;
    const mid = `dom1.${Date.now()}@${spamDomain}`;
    // the address block from the first test does not cover another address at the domain
    assert.match((await send(other, inboxA, mid)).response, /Stored/);
    const caseId = (await storedCase(a.accountId, mid))!;
    await acks(a);
    const marked = await markSpam(ctx.db, { ...agent }, caseId, 'domain').catch((e) => e);
    // an unowned case: any agent may mark it
    assert.equal(marked.blocked?.kind, 'domain', String(marked));
    assert.equal(marked.blocked.value, spamDomain);

    const mid2 = `dom2.${Date.now()}@${spamDomain}`;
    assert.match((await send(`iemand@${spamDomain.toUpperCase()}`, inboxA, mid2)).response, /^250 2\.0\.0 Accepted/);
    assert.equal(await storedCase(a.accountId, mid2), null);
    assert.equal(await acks(a), 0);
    const line = logLines.find((l) => l.msg === 'smtp: blocked sender dropped');
    assert.ok(line, 'a log line for the dropped mail');
    assert.match(line.reason ?? '', /sender address is blocked/);

    // an agent may not unblock
    await assert.rejects(removeBlock(ctx.db, agent, spamDomain, 'domain'), /permission senders\.block/);
    // the admin unblocks the domain and the address over the API
    const list = (await req('GET', '/api/v1/blocked-senders')).json().data as { id: string; value: string }[];
    assert.equal(list.length, 2);
    for (const x of list) assert.equal((await req('DELETE', `/api/v1/blocked-senders/${x.id}`)).statusCode, 200);
    assert.equal((await req('DELETE', `/api/v1/blocked-senders/${list[0].id}`)).statusCode, 404);
    const mid3 = `dom3.${Date.now()}@${spamDomain}`;
    assert.match((await send(spammer, inboxA, mid3)).response, /Stored \(LU-\d+\)/);
    assert.ok(await storedCase(a.accountId, mid3));
    assert.equal(await acks(a), 1);

    const audit = await ctx.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE account_id = $1 AND entity_type = 'blocked_sender' ORDER BY action", [a.accountId]);
    assert.deepEqual(audit.map((x) => x.action).sort(), ['sender.blocked', 'sender.blocked', 'sender.unblocked', 'sender.unblocked']);
  });

  test('the block list by hand: bad input is a clear 4xx and changes nothing; blocking twice returns the entry', async () => {
    let res = await req('POST', '/api/v1/blocked-senders', { kind: 'domain', value: 'niet een domein' });
    assert.equal(res.statusCode, 422);
    res = await req('POST', '/api/v1/blocked-senders', { kind: 'address', value: 'geen-adres' });
    assert.equal(res.statusCode, 422);
    res = await req('POST', '/api/v1/blocked-senders', { kind: 'ip', value: '1.2.3.4' });
    assert.equal(res.statusCode, 400);
    assert.deepEqual((await req('GET', '/api/v1/blocked-senders')).json().data, []);
    res = await req('POST', '/api/v1/blocked-senders', { kind: 'domain', value: 'Reclame.example', reason: 'nieuwsbrieven' });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().value, 'reclame.example');
    assert.equal((await req('POST', '/api/v1/blocked-senders', { kind: 'domain', value: 'reclame.example' })).statusCode, 200);
    assert.equal((await req('GET', '/api/v1/blocked-senders')).json().data.length, 1);
  });
});
