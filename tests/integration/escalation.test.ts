import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/storage/db.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { assignCase } from '../../src/cases/assign-case.ts';
import { addMessage } from '../../src/cases/add-message.ts';
import { updateCustomer } from '../../src/customers/update-customer.ts';
import { makePromise } from '../../src/promises/make-promise.ts';
import { sweepPromises } from '../../src/promises/sweep-promises.ts';
import { sweepEscalations } from '../../src/escalation/escalate-case.ts';
import { getCase } from '../../src/cases/get-case.ts';
import { buildApp } from '../../src/http/app.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';
import { runJobs } from '../email.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';

let db: Db;
let app: FastifyInstance;
let acc: TestAccount;
const admin = () => ({ accountId: acc.accountId, type: 'agent' as const, id: acc.adminId, role: 'admin' as const, agentId: acc.adminId });
const complaint = async (email: string, body: string, subject = 'Storing') =>
  receiveMessage(db, systemActor(acc.accountId), { customer: { email, name: 'Karin Bos' }, subject, body, channel: 'web' });

before(async () => {
  db = await testDb();
  acc = await newAccount(db, 'Kabel');
  app = await buildApp({ db, config: testConfig(), logger: false, checkResponses: true });
});
after(async () => {
  await app.close();
  await db.close();
});

test('a case with reputation risk goes to L3 with its reasons and a brief, so nobody asks the customer again', async () => {
  const email = uniqueEmail('karin');
  const r = await complaint(email, 'Al drie weken geen internet. Ik heb € 49,95 betaald voor niets.');
  await updateCustomer(db, admin(), r.customerId, { media: true });
  await assignCase(db, admin(), r.case.id, acc.adminId);
  await addMessage(db, admin(), r.case.id, { type: 'outbound', body: 'Beste Karin, excuses. We sturen morgen een monteur. Groet, Anna' });
  await db.transaction((tx) => makePromise(tx, admin(), { caseId: r.case.id, kind: 'callback', description: 'Karin terugbellen', dueAt: new Date(Date.now() + 60_000) }));
  await sweepPromises(db, { now: new Date(Date.now() + 120_000), accountIds: [acc.accountId] });
  await runJobs(db, jobHandlers(testConfig()), acc.accountId, ['promise.breached']);

  const brief = await app.inject({ method: 'GET', url: `/api/v1/cases/${r.case.ref}/brief`, headers: acc.auth });
  assert.equal(brief.statusCode, 200, brief.body);
  const b = brief.json();
  assert.equal(b.escalation.to, 'L3');
  assert.match(b.brief, /^DOSSIEROVERDRACHT LU-\d+/);
  assert.match(b.brief, /Karin Bos, segment standard, bekend bij de media/);
  assert.match(b.brief, /eerste bericht: "Al drie weken geen internet/);
  assert.match(b.brief, /Karin terugbellen — .* \(NIET NAGEKOMEN\)/);
  assert.match(b.brief, /1 antwoord\(en\) aan de klant; laatste .*"Beste Karin, excuses/);

  const res = await app.inject({ method: 'POST', url: `/api/v1/cases/${r.case.id}/escalate`, headers: acc.auth });
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().case.tier, 'L3');
  assert.deepEqual(res.json().reasons.map((x: { rule: string }) => x.rule).sort(), ['broken_promise', 'reputation_risk']);
  const view = await getCase(db, acc.accountId, r.case.id);
  assert.ok(view.timeline.some((e) => e.kind === 'message' && e.type === 'note' && /Geëscaleerd naar L3[\s\S]*DOSSIEROVERDRACHT/.test(e.body)));
  assert.ok(view.timeline.some((e) => e.kind === 'event' && e.action === 'case.escalated'));
  const again = await app.inject({ method: 'POST', url: `/api/v1/cases/${r.case.id}/escalate`, headers: acc.auth, payload: { to: 'L2', reason: 'nog eens' } });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().error.code, 'not_an_escalation');
});

test('the rules run over open cases: a third contact without a solution goes to L2; calm cases stay', async () => {
  const email = uniqueEmail('herhaal');
  const first = await complaint(email, 'Mijn factuur klopt niet.', 'Factuur');
  await complaint(email, 'Nog steeds geen antwoord over de factuur.', 'Re: Factuur');
  await complaint(email, 'Dit is de derde keer dat ik schrijf over de factuur.', 'Re: Factuur');
  const calm = await complaint(uniqueEmail('rustig'), 'Vraagje over mijn abonnement.', 'Abonnement');
  await sweepEscalations(db, acc.accountId);
  assert.equal((await getCase(db, acc.accountId, first.case.id)).tier, 'L2');
  assert.equal((await getCase(db, acc.accountId, calm.case.id)).tier, 'L1');
  const none = await app.inject({ method: 'POST', url: `/api/v1/cases/${calm.case.id}/escalate`, headers: acc.auth });
  assert.equal(none.statusCode, 409);
  assert.equal(none.json().error.code, 'no_escalation_needed');
  const manual = await app.inject({ method: 'POST', url: `/api/v1/cases/${calm.case.id}/escalate`, headers: acc.auth, payload: { to: 'L2', reason: 'technische vraag voor de tweede lijn' } });
  assert.equal(manual.statusCode, 200, manual.body);
  assert.equal(manual.json().reasons[0].rule, 'manual');
});
