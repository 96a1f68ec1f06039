import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { splitCase } from '../../src/cases/split-case.ts';
import { newAccount, testApp, testConfig, uniqueEmail, verifyInbox, type TestAccount, type TestContext } from '../helpers.ts';
import { runJobs, smtpClient, startMailbox } from '../email.ts';

const log = pino({ level: 'silent' });

describe('splitting messages off into a new case: they move with their attachments, replies to them follow', () => {
  let ctx: TestContext;
  let a: TestAccount;
  let b: TestAccount;
  let inbox: string;
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;
  let client: ReturnType<typeof smtpClient>;
  let config: ReturnType<typeof testConfig>;
  let piet: Actor;
  let sanne: Actor;
  let seq = 0;

  before(async () => {
    mailbox = await startMailbox();
    config = testConfig({ SMTP_RELAY_URL: mailbox.url });
    ctx = await testApp({ SMTP_RELAY_URL: mailbox.url });
    a = await newAccount(ctx.db, 'Parkeren');
    b = await newAccount(ctx.db, 'Ander bedrijf');
    inbox = `split.${process.pid}.${Date.now()}@parkeren.example`;
    await createInbox(ctx.db, systemActor(a.accountId), { address: inbox, name: 'Klantenservice Parkeren' });
    await verifyInbox(ctx.db, a.accountId, inbox);
    const admin: Actor = { accountId: a.accountId, type: 'agent', id: a.adminId, role: 'admin', agentId: a.adminId };
    const make = async (name: string): Promise<Actor> => {
      const p = await createAgent(ctx.db, admin, { email: uniqueEmail(name.toLowerCase()), name, role: 'agent' });
      return { accountId: a.accountId, type: 'agent', id: p.id, role: 'agent', agentId: p.id };
    };
    piet = await make('Piet');
    sanne = await make('Sanne');
    smtp = await startSmtpListener(ctx.db, config, log, { port: 0 });
    client = smtpClient(smtp.port);
  });
  after(async () => {
    client.close();
    await smtp.close();
    await mailbox.close();
    await ctx.close();
  });

  const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown, who = a) =>
    ctx.app.inject({ method, url, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown) => {
    const res = await req(method, url, payload);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const mail = async (from: string, subject: string, text: string, extra: Record<string, unknown> = {}) => {
    const mid = `s${++seq}.${process.pid}.${Date.now()}@klant.example`;
    const info = await client.send({ from, to: inbox, subject, text, messageId: `<${mid}>`, ...extra });
    assert.match(info.response, /^250 /);
    const [row] = await ctx.db.query<{ id: string; case_id: string }>('SELECT id, case_id FROM messages WHERE account_id = $1 AND email_message_id = $2', [a.accountId, mid]);
    assert.ok(row, `mail ${subject} stored`);
    return { mid, id: row.id, caseId: row.case_id };
  };
  const sendQueued = () => runJobs(ctx.db, jobHandlers(config), a.accountId, ['email.send']);
  const caseCount = async (customerEmail: string) => (await ctx.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM cases c JOIN customer_identities i ON i.account_id = c.account_id AND i.customer_id = c.customer_id
     WHERE c.account_id = $1 AND i.value = $2`, [a.accountId, customerEmail]))[0].n;

  let customer = '';
  let m1: Awaited<ReturnType<typeof mail>>;
  let m2: Awaited<ReturnType<typeof mail>>;
  let m3: Awaited<ReturnType<typeof mail>>;
  let ackId = '';
  let source = '';
  let split: { id: string; ref: string } = { id: '', ref: '' };

  test('chosen messages (not only the first) move with their attachments to a new case of the customer; audited on both', async () => {
    customer = uniqueEmail('anouk');
    m1 = await mail(`"Anouk Jansen" <${customer}>`, 'Parkeerkosten te hoog', 'De app rekende drie uur af in plaats van één.');
    source = m1.caseId;
    assert.equal(await sendQueued(), 1);
    const [ack] = await mailbox.waitFor(1);
    ackId = ack.mail.messageId!;
    const thread = { inReplyTo: ackId, references: [`<${m1.mid}>`, ackId] };
    m2 = await mail(customer, `Re: ${ack.mail.subject}`, 'Andere vraag: hoe vraag ik een bewonersvergunning aan?', thread);
    m3 = await mail(customer, `Re: ${ack.mail.subject}`, 'Hierbij mijn uittreksel voor de vergunning.',
      { ...thread, attachments: [{ filename: 'uittreksel.txt', content: 'Gemeente: uittreksel BRP', contentType: 'text/plain' }] });
    assert.equal(m2.caseId, source);
    assert.equal(m3.caseId, source);
    await ok('POST', `/api/v1/cases/${source}/assign`, { agent_id: piet.agentId });
    await ok('PATCH', `/api/v1/cases/${source}`, { priority: 'high' });
    await ok('PUT', `/api/v1/cases/${source}/followers/${sanne.agentId}`);
    const before = (await req('GET', `/api/v1/cases/${source}`)).json();
    assert.equal(before.contact_count, 3);

    const res = await req('POST', `/api/v1/cases/${source}/split`, { message_ids: [m2.id, m3.id], subject: 'Bewonersvergunning aanvragen' });
    assert.equal(res.statusCode, 201, res.body);
    const out = res.json();
    split = out.case;
    assert.equal(res.headers.location, `/api/v1/cases/${split.id}`);
    assert.deepEqual(out.message_ids.sort(), [m2.id, m3.id].sort());
    assert.equal(out.case.subject, 'Bewonersvergunning aanvragen');
    assert.equal(out.case.customer_id, before.customer_id);
    assert.equal(out.case.owner_id, piet.agentId);
    assert.equal(out.case.status, 'open');
    assert.equal(out.case.priority, 'high');
    assert.equal(out.case.contact_count, 2);
    assert.equal(out.from.contact_count, 1);
    const [inboxes] = await ctx.db.query<{ same: boolean }>(
      'SELECT n.inbox_id = s.inbox_id AS same FROM cases n, cases s WHERE n.account_id = $1 AND s.account_id = $1 AND n.id = $2 AND s.id = $3', [a.accountId, split.id, source]);
    assert.ok(inboxes.same, 'the same inbox');

    const made = (await req('GET', `/api/v1/cases/${split.ref}`)).json();
    const moved = made.timeline.filter((e: { kind: string }) => e.kind === 'message');
    assert.deepEqual(moved.map((m: { id: string }) => m.id), [m2.id, m3.id]);
    assert.deepEqual(moved[1].attachments.map((x: { filename: string }) => x.filename), ['uittreksel.txt']);
    assert.ok(made.timeline.some((e: { action?: string; after?: { split_from?: { ref: string } } }) => e.action === 'case.split_off' && e.after?.split_from?.ref === before.ref));
    assert.deepEqual(made.followers.map((f: { agent_id: string }) => f.agent_id), [sanne.agentId], 'the followers come along');
    const left = (await req('GET', `/api/v1/cases/${source}`)).json();
    assert.deepEqual(left.timeline.filter((e: { kind: string }) => e.kind === 'message').map((m: { id: string }) => m.id).includes(m2.id), false);
    assert.ok(left.timeline.some((e: { action?: string; after?: { split_into?: { ref: string } } }) => e.action === 'case.split' && e.after?.split_into?.ref === split.ref));
    const [note] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE account_id = $1 AND agent_id = $2 AND kind = 'case.split'`, [a.accountId, sanne.agentId]);
    assert.equal(note.n, 1);
  });

  test('threading follows the messages: a reply to our answer on the new case lands there, a reply to the old acknowledgement stays (real SMTP)', async () => {
    await ok('POST', `/api/v1/cases/${split.id}/messages`, { body: 'Beste Anouk, de vergunning vraagt u aan via het loket. Met vriendelijke groet, Piet' });
    assert.equal(await sendQueued(), 1);
    const all = await mailbox.waitFor(2);
    const answer = all[1];
    assert.equal(answer.mail.inReplyTo, `<${m3.mid}>`, 'our answer threads under the moved mail');
    assert.match(answer.mail.subject ?? '', new RegExp(`\\[${split.ref}\\]`));
    const reply = await mail(customer, `Re: ${answer.mail.subject}`, 'Dank, en hoe lang duurt dat?',
      { inReplyTo: answer.mail.messageId, references: [`<${m1.mid}>`, ackId, `<${m3.mid}>`, answer.mail.messageId!] });
    assert.equal(reply.caseId, split.id, 'the reply to the answer on the new case');
    const toMoved = await mail(customer, 'Re: vergunning', 'Nog een bijlage vergeten.', { inReplyTo: `<${m2.mid}>`, references: [`<${m1.mid}>`, ackId, `<${m2.mid}>`] });
    assert.equal(toMoved.caseId, split.id, 'a reply to a moved mail');
    const toOld = await mail(customer, 'Re: Parkeerkosten te hoog', 'En mijn geld voor het parkeren?', { inReplyTo: ackId, references: [`<${m1.mid}>`, ackId] });
    assert.equal(toOld.caseId, source, 'a reply to the acknowledgement of the first question stays with it');
  });

  test('a split is undone by merging back, and that merge by splitting again', async () => {
    const res = await req('POST', `/api/v1/cases/${split.id}/merge`, { into: source });
    assert.equal(res.statusCode, 200, res.body);
    const messagesOf = async (id: string) => ((await req('GET', `/api/v1/cases/${id}`)).json().timeline as { kind: string; id: string }[])
      .filter((e) => e.kind === 'message').map((m) => m.id);
    const ids = await messagesOf(source);
    assert.ok([m1.id, m2.id, m3.id].every((id) => ids.includes(id)));
    // the surviving case is an ordinary case: the merged-in messages split off again
    const again = await req('POST', `/api/v1/cases/${source}/split`, { message_ids: [m2.id, m3.id] });
    assert.equal(again.statusCode, 201, again.body);
    const apart = await messagesOf(again.json().case.id);
    assert.deepEqual(new Set(apart.filter((id) => [m1.id, m2.id, m3.id].includes(id))), new Set([m2.id, m3.id]));
    assert.ok((await messagesOf(source)).includes(m1.id));
  });

  test('refused with nothing written: no message, none of this case, everything, only our own messages, a closed case, another account, a colleague', async () => {
    const who = uniqueEmail('bram');
    const x1 = await mail(who, 'Twee vragen', 'Vraag een: de app. Vraag twee: de factuur.');
    const x2 = await mail(who, 'Re: Twee vragen', 'En nog iets over de factuur.', { inReplyTo: `<${x1.mid}>`, references: [`<${x1.mid}>`] });
    assert.equal(x2.caseId, x1.caseId);
    await ok('POST', `/api/v1/cases/${x1.caseId}/assign`, { agent_id: piet.agentId });
    const note = await ok('POST', `/api/v1/cases/${x1.caseId}/notes`, { body: 'Intern: twee onderwerpen' });
    const [ack] = await ctx.db.query<{ id: string }>(`SELECT id FROM messages WHERE account_id = $1 AND case_id = $2 AND automated = 'acknowledgement'`, [a.accountId, x1.caseId]);
    const theirs = (await req('POST', '/api/v1/cases', { customer: { email: who }, message: { body: 'Hallo' } }, b)).json();
    const cases = await caseCount(who);
    const refuse = async (url: string, payload: unknown, status: number, code: string, who2 = a) => {
      const res = await req('POST', url, payload, who2);
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().error.code, code, res.body);
    };
    const url = `/api/v1/cases/${x1.caseId}/split`;
    await refuse(url, { message_ids: [] }, 400, 'validation_failed');
    await refuse(url, { message_ids: ['nope'] }, 400, 'validation_failed');
    await refuse(url, { message_ids: [x2.id], subject: '' }, 400, 'validation_failed');
    await refuse(url, { message_ids: [m1.id] }, 422, 'message_not_in_case');
    await refuse(url, { message_ids: [theirs.message.id] }, 422, 'message_not_in_case');
    await refuse(url, { message_ids: [x1.id, x2.id] }, 409, 'split_everything');
    await refuse(url, { message_ids: [note.id, ...(ack ? [ack.id] : [])] }, 422, 'no_customer_message');
    await refuse(`/api/v1/cases/${theirs.id}/split`, { message_ids: [theirs.message.id] }, 404, 'case_not_found');
    await assert.rejects(splitCase(ctx.db, sanne, x1.caseId, { messageIds: [x2.id] }), (e: Error & { status?: number }) => e.status === 403 && /cases\.merge_others/.test(e.message));
    assert.equal(await caseCount(who), cases, 'no case made');
    const [{ n }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE account_id = $1 AND case_id = $2', [a.accountId, x1.caseId]);
    assert.equal(n, 4, 'every message stayed');
    await ok('PATCH', `/api/v1/cases/${x1.caseId}`, { status: 'closed' });
    await refuse(url, { message_ids: [x2.id] }, 409, 'case_closed');
  });
});
