import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';
import { raiseSignal } from '../../src/problems/signals.ts';
import { suggestCaseForTopic } from '../../src/problems/link-case.ts';

let ctx: TestContext;
let acc: TestAccount;

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: acc.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

/** A parking complaint, analysed into `topic` with an amount when given (as listening will do on intake). */
async function complaint(name: string, topic: string, cents?: number) {
  const c = (await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(), name }, subject: 'Te veel betaald voor parkeren', message: { body: `Ik heb ${cents ? `€ ${cents / 100}` : 'te veel'} betaald.` } })).json();
  await ctx.db.query(
    `INSERT INTO message_analysis (account_id, message_id, intents, money, topic_id) VALUES ($1, $2, '{complaint}', $3, $4)`,
    [acc.accountId, c.message.id, JSON.stringify(cents ? [{ cents, currency: 'EUR' }] : []), topic],
  );
  return c as { id: string; ref: string };
}

test('a signal becomes a problem: its topic\'s open cases are suggested, agents confirm or remove, new cases suggest themselves', async () => {
  const topic = randomUUID();
  const a = await complaint('Henk de Vries', topic, 1250);
  const b = await complaint('Fatima El Amrani', topic, 3000);
  const c = await complaint('Pieter Bakker', topic);
  const signal = await ctx.db.transaction((tx) =>
    raiseSignal(tx, acc.accountId, { topicId: topic, title: 'Te veel betaald voor parkeren', evidence: { count: 3, expected: 0.2, score: 0.99, reason: 'new topic: 3 complaints from 3 customers in 48 h', examples: [], series: [] } }),
  );
  assert.ok(signal);
  const again = await ctx.db.transaction((tx) => raiseSignal(tx, acc.accountId, { topicId: topic, title: 'x', evidence: signal.evidence }));
  assert.equal(again, null, 'one open signal per topic');
  assert.equal((await req('GET', '/api/v1/signals?status=open')).json().data.length, 1);

  const opened = await req('POST', '/api/v1/problems', { title: 'Parkeerapp rekent te veel af', signal_id: signal.id, root_cause: 'sessies stoppen niet' });
  assert.equal(opened.statusCode, 201, opened.body);
  const p = opened.json();
  assert.equal(p.status, 'investigating');
  assert.equal(p.owner_id, acc.adminId, 'the supervisor who opens it owns it by default');
  assert.equal((await req('GET', '/api/v1/signals?status=converted')).json().data[0].problem_id, p.id);
  let detail = (await req('GET', `/api/v1/problems/${p.id}`)).json();
  assert.deepEqual(detail.cases.map((x: { state: string }) => x.state), ['suggested', 'suggested', 'suggested']);
  assert.equal(detail.affected_customers, 0, 'suggestions are not yet affected customers');

  for (const x of [a, b]) assert.equal((await req('PUT', `/api/v1/problems/${p.id}/cases/${x.ref}`, { state: 'confirmed' })).statusCode, 200);
  await req('PUT', `/api/v1/problems/${p.id}/cases/${c.id}`, { state: 'removed' });
  detail = (await req('GET', `/api/v1/problems/${p.id}`)).json();
  assert.equal(detail.affected_customers, 2);
  assert.deepEqual(detail.cases.map((x: { ref: string }) => x.ref).sort(), [a.ref, b.ref].sort());

  // a new message in the topic links its case as a suggestion; a removed case stays removed
  const d = await complaint('Sanne Visser', topic, 850);
  assert.deepEqual(await suggestCaseForTopic(ctx.db, acc.accountId, d.id, topic), [p.id]);
  assert.deepEqual(await suggestCaseForTopic(ctx.db, acc.accountId, c.id, topic), []);

  const moved = await req('PATCH', `/api/v1/problems/${p.id}`, { status: 'fixing' });
  assert.equal(moved.json().status, 'fixing');
  const audit = (await req('GET', `/api/v1/audit?entity_id=${p.id}`)).json().data.map((e: { action: string }) => e.action);
  assert.ok(audit.includes('problem.opened') && audit.includes('problem.updated') && audit.includes('problem.case_removed'));
});

test('bulk reply: a personal message per case with the customer\'s own amount, through the reply checks; a gap is never sent', async () => {
  const topic = randomUUID();
  const a = await complaint('Henk de Vries', topic, 1250);
  const b = await complaint('Joyce Mulder', topic, 3000);
  const c = await complaint('Kees Smit', topic);
  const p = (await req('POST', '/api/v1/problems', { title: 'Dubbele afschrijvingen', case_ids: [a.id, b.id, c.id] })).json();
  const body = `Beste {{customer.first_name}},

Dank u wel voor uw melding over {{case.ref}}, en het spijt ons dat de app u te veel liet betalen. Ik heb {{amount}} vandaag teruggestort; het staat uiterlijk vrijdag op uw rekening.

Met vriendelijke groet,
{{agent.name}}`;
  const res = await req('POST', `/api/v1/problems/${p.id}/reply`, { body, solve: true });
  assert.equal(res.statusCode, 200, res.body);
  const out = Object.fromEntries(res.json().data.map((r: { ref: string }) => [r.ref, r]));
  assert.equal(out[a.ref].outcome, 'sent');
  assert.equal(out[b.ref].outcome, 'sent');
  assert.equal(out[c.ref].outcome, 'failed');
  assert.equal(out[c.ref].error.code, 'template_variable_missing', 'no amount mentioned: not sent with a gap');

  const caseA = (await req('GET', `/api/v1/cases/${a.id}`)).json();
  const sent = caseA.timeline.find((t: { type?: string }) => t.type === 'outbound');
  assert.match(sent.body, /^Beste Henk,/);
  assert.match(sent.body, new RegExp(a.ref));
  assert.match(sent.body, /€\s?12,50/);
  assert.equal(caseA.status, 'solved');
  assert.match((await req('GET', `/api/v1/cases/${b.id}`)).json().timeline.find((t: { type?: string }) => t.type === 'outbound').body, /€\s?30,00/);
  assert.equal((await req('GET', `/api/v1/cases/${c.id}`)).json().status, 'new', 'the case that was not sent is untouched');

  const notes = await req('POST', `/api/v1/problems/${p.id}/note`, { body: 'Oorzaak gevonden: sessies stopten niet na 24 uur.' });
  assert.equal(notes.json().data.length, 3);
});

test("bulk reply: {{amount}} is the amount each complaint is about, not a usual price; an uncertain one is chosen by a person, never guessed", async () => {
  const topic = randomUUID();
  const withText = async (name: string, body: string) => {
    const c = (await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(), name }, subject: 'Parkeren', message: { body } })).json();
    await ctx.db.query(
      `INSERT INTO message_analysis (account_id, message_id, intents, money, topic_id) VALUES ($1, $2, '{complaint}', '[{"cents":1,"currency":"EUR"}]', $3)`,
      [acc.accountId, c.message.id, topic],
    );
    return c as { id: string; ref: string };
  };
  const usual = await withText('Anouk de Wit', 'Normaal betaal ik rond de 2 euro, maar deze keer is er 16,40 euro afgeschreven.');
  const unclear = await withText('Bas Koster', 'Eerst €12 en daarna nog eens €30, wat is dit?');
  // the amount only in the subject, the message refers to it
  const bySubject = (await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(), name: 'Carla Mulder' }, subject: 'Re: € 14,20 afgeschreven voor tien minuten', message: { body: 'Zie onderwerp. Graag terugstorten.' } })).json() as { id: string; ref: string; message: { id: string } };
  await ctx.db.query(`INSERT INTO message_analysis (account_id, message_id, intents, money, topic_id) VALUES ($1, $2, '{complaint}', '[]', $3)`, [acc.accountId, bySubject.message.id, topic]);
  const p = (await req('POST', '/api/v1/problems', { title: 'Parkeerapp rekent te veel', case_ids: [usual.id, unclear.id, bySubject.id] })).json();
  const detail = (await req('GET', `/api/v1/problems/${p.id}`)).json();
  const amountOf = (ref: string) => detail.cases.find((c: { ref: string }) => c.ref === ref).amount;
  assert.deepEqual(amountOf(usual.ref), { amount: { cents: 1640, currency: 'EUR' }, certain: true, alternatives: [{ cents: 200, currency: 'EUR' }] });
  assert.equal(amountOf(unclear.ref).certain, false, 'the preview flags this customer');
  assert.deepEqual(amountOf(bySubject.ref), { amount: { cents: 1420, currency: 'EUR' }, certain: true, alternatives: [] });

  const body = 'Beste {{customer.first_name}}, wij storten {{amount}} terug. Het spijt ons. U ziet het uiterlijk vrijdag op uw rekening.';
  const first = (await req('POST', `/api/v1/problems/${p.id}/reply`, { body })).json().data;
  const out = Object.fromEntries(first.map((r: { ref: string }) => [r.ref, r]));
  assert.equal(out[usual.ref].outcome, 'sent');
  assert.equal(out[bySubject.ref].outcome, 'sent');
  assert.equal(out[unclear.ref].outcome, 'skipped');
  assert.equal(out[unclear.ref].error.code, 'amount_uncertain');
  const sent = (await req('GET', `/api/v1/cases/${usual.id}`)).json().timeline.find((t: { type?: string }) => t.type === 'outbound');
  assert.match(sent.body, /€\s?16,40/);
  assert.doesNotMatch(sent.body, /€\s?2,00/);
  assert.equal((await req('GET', `/api/v1/cases/${unclear.id}`)).json().timeline.filter((t: { type?: string }) => t.type === 'outbound').length, 0);

  // the supervisor chooses the amount for the uncertain one
  const chosen = await req('POST', `/api/v1/problems/${p.id}/reply`, { body, amounts: { [unclear.id]: { cents: 3000, currency: 'EUR' } } });
  const again = Object.fromEntries(chosen.json().data.map((r: { ref: string }) => [r.ref, r]));
  assert.equal(again[unclear.ref].outcome, 'sent');
  assert.match((await req('GET', `/api/v1/cases/${unclear.id}`)).json().timeline.find((t: { type?: string }) => t.type === 'outbound').body, /€\s?30,00/);
});

test('problem events reach webhooks; only supervisors open problems', async () => {
  await req('POST', '/api/v1/webhooks', { url: 'https://example.test/problems', events: ['problem.opened', 'problem.updated', 'signal.raised'] });
  const p = (await req('POST', '/api/v1/problems', { title: 'Storing in de app' })).json();
  await req('PATCH', `/api/v1/problems/${p.id}`, { status: 'resolved' });
  const events = await ctx.db.query<{ event: string }>('SELECT event FROM webhook_deliveries WHERE account_id = $1 ORDER BY created_at', [acc.accountId]);
  assert.deepEqual(events.map((e) => e.event).filter((e) => e.startsWith('problem')), ['problem.opened', 'problem.updated']);
  const token = (await req('POST', '/api/v1/tokens', { name: 'agent', role: 'agent' })).json().token;
  const denied = await ctx.app.inject({ method: 'POST', url: '/api/v1/problems', headers: { authorization: `Bearer ${token}` }, payload: { title: 'x' } });
  assert.equal(denied.statusCode, 403);
});

test('every inbound message is analysed by the job worker and the result is shown on the case', async () => {
  const { startWorker } = await import('../../src/worker/runner.ts');
  const { jobHandlers } = await import('../../src/worker/handlers.ts');
  const { testConfig } = await import('../helpers.ts');
  const { default: pino } = await import('pino');
  const c = (await req('POST', '/api/v1/cases', {
    customer: { email: uniqueEmail(), name: 'Henk' },
    subject: 'Dubbel afgeschreven',
    message: { body: 'Dit is echt schandalig! Er is twee keer € 12,50 afgeschreven. Ik wil mijn geld terug, anders stap ik naar Radar.' },
  })).json();
  const worker = startWorker(ctx.db, { handlers: jobHandlers(testConfig()), concurrency: 2, pollMs: 50, log: pino({ level: 'silent' }), accountIds: [acc.accountId] });
  try {
    let analysis = null;
    for (let i = 0; i < 200 && !analysis; i++) {
      await new Promise((r) => setTimeout(r, 50));
      analysis = (await req('GET', `/api/v1/cases/${c.id}`)).json().timeline.find((t: { type?: string }) => t.type === 'inbound').analysis;
    }
    assert.ok(analysis, 'analysed');
    assert.equal(analysis.language, 'nl');
    assert.ok(analysis.intents.includes('refund_request'), JSON.stringify(analysis.intents));
    assert.deepEqual(analysis.money, [{ cents: 1250, currency: 'EUR' }]);
    assert.ok(analysis.anger > 0.3, String(analysis.anger));
    assert.ok(analysis.sentiment < 0);
    assert.ok(analysis.reputation_risk >= 1, 'Radar is a consumer TV programme');
  } finally {
    await worker.stop();
  }
});

test('above the account\'s threshold a signal opens a problem by itself, owned by a supervisor, its cases suggested', async () => {
  const other = await newAccount(ctx.db, 'Drempel');
  const as = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
    ctx.app.inject({ method, url, headers: other.auth, ...(payload === undefined ? {} : { payload: payload as object }) });
  assert.equal((await as('GET', '/api/v1/settings/listening')).json().auto_problem_min_count, null, 'off by default');
  assert.equal((await as('PATCH', '/api/v1/settings/listening', { auto_problem_min_count: 5 })).json().auto_problem_min_count, 5);
  const [t1, t2] = [randomUUID(), randomUUID()];
  for (const t of [t1, t2]) {
    await ctx.db.query(`INSERT INTO topics (account_id, id, centroid, norm, size, first_seq, last_seq, first_at, last_at) VALUES ($1, $2, '[]', 1, 1, 1, 1, now(), now())`, [other.accountId, t]);
  }
  const evidence = (count: number) => ({ count, expected: 0.5, score: 0.99, reason: `${count} klachten in een uur`, examples: [], series: [] });
  const small = await ctx.db.transaction((tx) => raiseSignal(tx, other.accountId, { topicId: t1, title: 'Klein', evidence: evidence(3) }));
  const big = await ctx.db.transaction((tx) => raiseSignal(tx, other.accountId, { topicId: t2, title: 'Storing betaalterminal', evidence: evidence(12) }));
  const { jobHandlers } = await import('../../src/worker/handlers.ts');
  const { runJobs } = await import('../email.ts');
  const { testConfig } = await import('../helpers.ts');
  await runJobs(ctx.db, jobHandlers(testConfig()), other.accountId, ['problems.auto_open']);
  const problems = (await as('GET', '/api/v1/problems')).json().data;
  assert.equal(problems.length, 1);
  assert.equal(problems[0].title, 'Storing betaalterminal');
  assert.equal(problems[0].signal_id, big!.id);
  assert.equal(problems[0].owner_id, other.adminId);
  assert.match(problems[0].root_cause, /Automatisch geopend: 12 klachten/);
  assert.equal((await as('GET', '/api/v1/signals?status=open')).json().data[0].id, small!.id);
});
