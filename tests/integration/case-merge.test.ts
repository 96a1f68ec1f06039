import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createInbox } from '../../src/intake/inboxes/save-inbox.ts';
import { startSmtpListener } from '../../src/intake/channels/email/smtp-listener.ts';
import { plusAddress } from '../../src/intake/channels/email/addresses.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { mergeCases } from '../../src/cases/merge-cases.ts';
import { newAccount, testApp, testConfig, uniqueEmail, verifyInbox, type TestAccount, type TestContext } from '../helpers.ts';
import { runJobs, smtpClient, startMailbox } from '../email.ts';

const log = pino({ level: 'silent' });

describe('merging two cases of one customer: everything moves, the merged case points on, the next mail lands in the survivor', () => {
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
  let joris: Actor;
  let seq = 0;

  before(async () => {
    mailbox = await startMailbox();
    config = testConfig({ SMTP_RELAY_URL: mailbox.url });
    ctx = await testApp({ SMTP_RELAY_URL: mailbox.url });
    a = await newAccount(ctx.db, 'Parkeren');
    b = await newAccount(ctx.db, 'Ander bedrijf');
    inbox = `support.${process.pid}.${Date.now()}@parkeren.example`;
    await createInbox(ctx.db, systemActor(a.accountId), { address: inbox, name: 'Klantenservice Parkeren' });
    await verifyInbox(ctx.db, a.accountId, inbox);
    const admin: Actor = { accountId: a.accountId, type: 'agent', id: a.adminId, role: 'admin', agentId: a.adminId };
    const make = async (name: string, role: 'agent' | 'supervisor'): Promise<Actor> => {
      const p = await createAgent(ctx.db, admin, { email: uniqueEmail(name.toLowerCase()), name, role });
      return { accountId: a.accountId, type: 'agent', id: p.id, role, agentId: p.id };
    };
    piet = await make('Piet', 'agent');
    sanne = await make('Sanne', 'agent');
    joris = await make('Joris', 'supervisor');
    smtp = await startSmtpListener(ctx.db, config, log, { port: 0 });
    client = smtpClient(smtp.port);
    const field = (key: string) => req('POST', '/api/v1/custom-fields', { entity: 'case', key, label_nl: key, label_en: key, type: 'text' });
    assert.equal((await field('contractnummer')).statusCode, 201);
    assert.equal((await field('kenteken')).statusCode, 201);
  });
  after(async () => {
    client.close();
    await smtp.close();
    await mailbox.close();
    await ctx.close();
  });

  const req = (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown, who = a) =>
    ctx.app.inject({ method, url, headers: who.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  const ok = async (method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) => {
    const res = await req(method, url, payload);
    assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const mail = async (from: string, subject: string, text: string, extra: Record<string, unknown> = {}) => {
    const mid = `m${++seq}.${process.pid}.${Date.now()}@klant.example`;
    const info = await client.send({ from, to: inbox, subject, text, messageId: `<${mid}>`, ...extra });
    assert.match(info.response, /^250 /);
    const [row] = await ctx.db.query<{ case_id: string; ref: string }>(
      'SELECT m.case_id, c.ref FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id WHERE m.account_id = $1 AND m.email_message_id = $2',
      [a.accountId, mid]);
    assert.ok(row, `mail ${subject} stored`);
    return { mid, caseId: row.case_id, ref: row.ref };
  };
  const sendQueued = () => runJobs(ctx.db, jobHandlers(config), a.accountId, ['email.send']);
  const notificationsOf = (agentId: string, kind: string) =>
    ctx.db.query<{ case_id: string; body: string }>('SELECT case_id, body FROM notifications WHERE account_id = $1 AND agent_id = $2 AND kind = $3', [a.accountId, agentId, kind]);
  const counts = async (caseId: string) => (await ctx.db.query<{ messages: number; audit: number }>(
    `SELECT (SELECT count(*)::int FROM messages WHERE account_id = $1 AND case_id = $2) AS messages,
       (SELECT count(*)::int FROM audit_log WHERE account_id = $1 AND entity_id = $2) AS audit`, [a.accountId, caseId]))[0];

  let customer = '';
  let first: { mid: string; caseId: string; ref: string };
  let second: { mid: string; caseId: string; ref: string };
  let problemId = '';

  test('a merge moves messages with attachments, notes, promises, tags, fields, problem links, followers and contacts; audited on both', async () => {
    customer = uniqueEmail('henk');
    first = await mail(`"Henk de Vries" <${customer}>`, 'Parkeerkosten te hoog', 'De app rekende drie uur af in plaats van één. Zie de bon.',
      { attachments: [{ filename: 'bon.txt', content: 'Parkeren 3 uur: 7,50', contentType: 'text/plain' }] });
    second = await mail(customer, 'Terugbetaling parkeren', 'Wanneer krijg ik mijn geld terug voor die parkeersessie?');
    assert.notEqual(first.caseId, second.caseId, 'two subjects, two cases');
    for (const c of [first, second]) await ok('POST', `/api/v1/cases/${c.caseId}/assign`, { agent_id: piet.agentId });
    await ok('POST', `/api/v1/cases/${first.caseId}/notes`, { body: 'Bon gecontroleerd: drie uur afgerekend.' });
    const promise = await ok('POST', `/api/v1/cases/${first.caseId}/promises`, { kind: 'callback', description: 'Henk terugbellen', due_at: new Date(Date.now() + 86_400_000).toISOString() });
    await ok('POST', `/api/v1/cases/${first.caseId}/tags`, { add: ['terugbetaling', 'app'] });
    await ok('POST', `/api/v1/cases/${second.caseId}/tags`, { add: ['vip'] });
    await ok('PATCH', `/api/v1/cases/${first.caseId}`, { custom_fields: { contractnummer: 'K-100', kenteken: '12-ABC-3' }, priority: 'urgent' });
    await ok('PATCH', `/api/v1/cases/${second.caseId}`, { custom_fields: { contractnummer: 'K-200' } });
    const problem = await ok('POST', '/api/v1/problems', { title: 'App rekent te lang af', case_ids: [first.caseId] });
    problemId = problem.id;
    await ok('PUT', `/api/v1/problems/${problemId}/cases/${first.caseId}`, { state: 'confirmed' });
    await ok('PUT', `/api/v1/cases/${first.caseId}/followers/${sanne.agentId}`);
    await ok('POST', '/api/v1/webhooks', { url: 'https://hooks.example.test/merge', events: ['case.merged'] });
    const firstBefore = await counts(first.caseId);

    const res = await req('POST', `/api/v1/cases/${first.ref}/merge`, { into: second.ref });
    assert.equal(res.statusCode, 200, res.body);
    const out = res.json();
    assert.equal(out.case.id, second.caseId);
    assert.equal(out.case.contact_count, 2, 'both contacts count');
    assert.equal(out.case.priority, 'urgent', 'the higher priority stays');
    assert.deepEqual(out.case.custom_fields, { contractnummer: 'K-200', kenteken: '12-ABC-3' }, 'its own value kept, an empty one filled');
    assert.deepEqual(out.fields_kept, { contractnummer: { kept: 'K-200', other: 'K-100' } });
    assert.equal(out.merged.status, 'closed');
    assert.equal(out.merged.merged_into_id, second.caseId);
    assert.ok(out.moved.messages >= 3, `messages moved: ${JSON.stringify(out.moved)}`);
    assert.equal(out.moved.promises, 1);
    assert.equal(out.moved.problem_links, 1);

    // the merged case: closed, empty, pointing on; its address still answers
    const gone = (await req('GET', `/api/v1/cases/${first.ref}`)).json();
    assert.equal(gone.merged_into.ref, second.ref);
    assert.equal(gone.timeline.filter((e: { kind: string }) => e.kind === 'message').length, 0);
    assert.ok(gone.timeline.some((e: { action?: string }) => e.action === 'case.merged'));
    assert.deepEqual(gone.tags, []);
    assert.equal((await counts(first.caseId)).messages, 0);

    // the survivor: the other's messages (with the attachment), note, events, tags, followers
    const kept = (await req('GET', `/api/v1/cases/${second.ref}`)).json();
    const messages = kept.timeline.filter((e: { kind: string }) => e.kind === 'message');
    assert.equal(messages.length, firstBefore.messages + 2, 'its own inbound and acknowledgement-free history plus all of the other');
    assert.ok(messages.some((m: { type: string; body: string }) => m.type === 'note' && /Bon gecontroleerd/.test(m.body)));
    assert.deepEqual(messages.flatMap((m: { attachments: { filename: string }[] }) => m.attachments.map((x) => x.filename)), ['bon.txt']);
    assert.ok(kept.timeline.some((e: { action?: string; case_ref?: string }) => e.action === 'case.created' && e.case_ref === first.ref), "the other case's events, marked with its reference");
    const mergedIn = kept.timeline.find((e: { action?: string }) => e.action === 'case.merged_in');
    assert.deepEqual(mergedIn.after.fields_kept, { contractnummer: { kept: 'K-200', other: 'K-100' } }, "the other's value is in the audit");
    assert.deepEqual(kept.tags, ['app', 'terugbetaling', 'vip']);
    assert.deepEqual(kept.merged_from.map((c: { ref: string }) => c.ref), [first.ref]);
    assert.deepEqual(kept.followers.map((f: { agent_id: string }) => f.agent_id), [sanne.agentId]);
    // the service-level clocks run from the earlier case
    const [clock] = await ctx.db.query<{ same: boolean }>(
      'SELECT s.sla_started_at = f.created_at AS same FROM cases s, cases f WHERE s.account_id = $1 AND f.account_id = $1 AND s.id = $2 AND f.id = $3', [a.accountId, second.caseId, first.caseId]);
    assert.ok(clock.same);
    const [p] = await ctx.db.query<{ case_id: string }>('SELECT case_id FROM promises WHERE account_id = $1 AND id = $2', [a.accountId, promise.id]);
    assert.equal(p.case_id, second.caseId);
    const prob = (await req('GET', `/api/v1/problems/${problemId}`)).json();
    assert.deepEqual(prob.cases.map((c: { case_id?: string; id?: string; state: string }) => [c.case_id ?? c.id, c.state]), [[second.caseId, 'confirmed']]);
    // the follower heard of it, and a webhook carries it
    assert.equal((await notificationsOf(sanne.agentId!, 'case.merged')).length, 1);
    const [hook] = await ctx.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM webhook_deliveries WHERE account_id = $1 AND event = 'case.merged'`, [a.accountId]);
    assert.equal(hook.n, 1);
  });

  test("the customer's next mail lands in the survivor: a reply to the merged case's acknowledgement, its reference in the subject, its plus-address (real SMTP)", async () => {
    assert.ok(await sendQueued() >= 2, 'the acknowledgements went out');
    const acks = await mailbox.waitFor(2);
    const ack = acks.find((m) => m.mail.inReplyTo === `<${first.mid}>`)!;
    assert.ok(ack, 'the first case was acknowledged');
    assert.match(ack.mail.subject ?? '', new RegExp(`\\[${first.ref}\\]`));
    const before = (await req('GET', `/api/v1/cases/${second.caseId}`)).json().contact_count;

    const threaded = await mail(customer, `Re: ${ack.mail.subject}`, 'Nog een vraag over die bon.', { inReplyTo: ack.mail.messageId, references: [`<${first.mid}>`, ack.mail.messageId!] });
    assert.equal(threaded.caseId, second.caseId, 'threaded by In-Reply-To/References');
    const bySubject = await mail(customer, `Vraag over ${first.ref}`, 'Hebben jullie mijn bon ontvangen?');
    assert.equal(bySubject.caseId, second.caseId, 'by the reference in the subject');
    const mid = `plus.${Date.now()}@klant.example`;
    await client.send({ from: customer, to: plusAddress(inbox, first.ref), subject: 'Geen onderwerp', text: 'En nu?', messageId: `<${mid}>` });
    const [plus] = await ctx.db.query<{ case_id: string }>('SELECT case_id FROM messages WHERE account_id = $1 AND email_message_id = $2', [a.accountId, mid]);
    assert.equal(plus.case_id, second.caseId, 'by the plus-address');
    assert.equal((await req('GET', `/api/v1/cases/${second.caseId}`)).json().contact_count, before + 3);
    const closed = (await req('GET', `/api/v1/cases/${first.caseId}`)).json();
    assert.equal(closed.status, 'closed');
    assert.equal(closed.contact_count, 1, 'nothing lands on the merged case');
    // the follower hears of every one of them
    assert.equal((await notificationsOf(sanne.agentId!, 'case.customer_message')).filter((n) => n.case_id === second.caseId).length, 3);
  });

  test('refused with nothing written: two customers, itself, a merged or closed case, another account, a colleague\'s case without cases.merge_others', async () => {
    const other = await mail(uniqueEmail('ria'), 'Parkeren bij het station', 'Kan ik daar met de app betalen?');
    const third = await mail(customer, 'Parkeervergunning', 'Hoe vraag ik een vergunning aan?');
    await ok('POST', `/api/v1/cases/${third.caseId}/assign`, { agent_id: piet.agentId });
    const snapshot = async () => [await counts(other.caseId), await counts(second.caseId), await counts(third.caseId)];
    const was = await snapshot();
    const refuse = async (url: string, payload: unknown, status: number, code: string, who = a) => {
      const res = await req('POST', url, payload, who);
      assert.equal(res.statusCode, status, res.body);
      assert.equal(res.json().error.code, code, res.body);
      return res.json().error.message as string;
    };
    assert.match(await refuse(`/api/v1/cases/${other.caseId}/merge`, { into: second.ref }, 409, 'different_customers'), /merge the customers first/);
    await refuse(`/api/v1/cases/${second.ref}/merge`, { into: second.caseId }, 422, 'same_case');
    assert.match(await refuse(`/api/v1/cases/${first.ref}/merge`, { into: third.ref }, 409, 'case_merged'), new RegExp(second.ref));
    await refuse(`/api/v1/cases/${third.ref}/merge`, { into: first.ref }, 409, 'case_merged');
    await refuse(`/api/v1/cases/${third.ref}/merge`, { into: 'LU-999999' }, 404, 'case_not_found');
    await refuse(`/api/v1/cases/${third.ref}/merge`, { into: 'not a case' }, 400, 'validation_failed');
    await refuse(`/api/v1/cases/${third.ref}/merge`, { into: second.ref, extra: 1 }, 400, 'validation_failed');
    // another account's case: as if it did not exist
    const theirs = (await req('POST', '/api/v1/cases', { customer: { email: customer }, message: { body: 'Hallo' } }, b)).json();
    await refuse(`/api/v1/cases/${third.ref}/merge`, { into: theirs.id }, 404, 'case_not_found');
    await refuse(`/api/v1/cases/${theirs.id}/merge`, { into: third.ref }, 404, 'case_not_found');
    // a colleague's cases: Sanne may not, a supervisor may
    await assert.rejects(mergeCases(ctx.db, sanne, third.ref, second.ref), (e: Error & { status?: number }) => e.status === 403 && /cases\.merge_others/.test(e.message));
    assert.deepEqual(await snapshot(), was, 'nothing written');
    // a closed case
    await ok('PATCH', `/api/v1/cases/${third.caseId}`, { status: 'closed' });
    await refuse(`/api/v1/cases/${third.ref}/merge`, { into: second.ref }, 409, 'case_closed');
    const again = await mail(customer, 'Nog iets over parkeren', 'Kunnen jullie ook de vergunning verlengen?');
    const merged = await mergeCases(ctx.db, joris, again.ref, second.ref);
    assert.equal(merged.case.id, second.caseId);
  });

  test('merges at once lose nothing: every message ends on a case that is not merged, pointers never chain', async () => {
    const who = uniqueEmail('druk');
    const cs: { mid: string; caseId: string; ref: string }[] = [];
    for (let i = 0; i < 4; i++) cs.push(await mail(who, `Onderwerp ${i} ${Date.now()}`, `Vraag nummer ${i}`));
    for (const c of cs) await ok('POST', `/api/v1/cases/${c.caseId}/assign`, { agent_id: piet.agentId });
    const [{ total }] = await ctx.db.query<{ total: number }>(
      'SELECT count(*)::int AS total FROM messages WHERE account_id = $1 AND case_id = ANY($2::uuid[])', [a.accountId, cs.map((c) => c.caseId)]);
    const pairs = [[0, 1], [1, 2], [2, 3], [3, 0], [1, 0], [2, 0]];
    const results = await Promise.allSettled([
      ...pairs.map(([x, y]) => mergeCases(ctx.db, piet, cs[x].caseId, cs[y].caseId)),
      // and the customer writes to the first case meanwhile; a mail that meets the merges' locks may get a 451 (a
      // temporary failure: nothing stored, nothing lost) and, as every sending server does, is sent again
      (async () => {
        const again = () => mail(who, 'Re: Onderwerp 0', 'Nog een aanvulling', { inReplyTo: `<${cs[0].mid}>`, references: [`<${cs[0].mid}>`] });
        try {
          return await again();
        } catch (e) {
          if (!/\b451\b/.test((e as Error).message)) throw e;
          return again();
        }
      })(),
    ]);
    const failed = results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason as Error & { code?: string });
    assert.ok(failed.every((e) => e.code === 'case_merged' || e.code === 'case_closed' || e.code === 'same_case'), failed.map((e) => e.message).join('; '));
    const rows = await ctx.db.query<{ id: string; status: string; merged_into_id: string | null; target_merged: boolean | null; messages: number }>(
      `SELECT c.id, c.status, c.merged_into_id, t.merged_into_id IS NOT NULL AS target_merged,
         (SELECT count(*)::int FROM messages m WHERE m.account_id = c.account_id AND m.case_id = c.id) AS messages
       FROM cases c LEFT JOIN cases t ON t.account_id = c.account_id AND t.id = c.merged_into_id
       WHERE c.account_id = $1 AND c.id = ANY($2::uuid[])`, [a.accountId, cs.map((c) => c.caseId)]);
    const open = rows.filter((r) => !r.merged_into_id);
    assert.equal(open.length, 4 - results.slice(0, pairs.length).filter((r) => r.status === 'fulfilled').length);
    assert.ok(open.length >= 1);
    assert.ok(rows.every((r) => !r.target_merged), 'no chains');
    assert.ok(rows.filter((r) => r.merged_into_id).every((r) => r.messages === 0), 'a merged case keeps no message');
    assert.equal(open.reduce((n, r) => n + r.messages, 0), total + 1, 'every message, and the one that came meanwhile');
  });
});
