import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../src/storage/db.ts';
import { type Actor, systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { assignCase } from '../../src/cases/assign-case.ts';
import { sweepPromises } from '../../src/promises/sweep-promises.ts';
import { getPromise } from '../../src/promises/list-promises.ts';
import { requestRefund } from '../../src/refunds/request-refund.ts';
import { approveRefund } from '../../src/refunds/approve-refund.ts';
import { rejectRefund } from '../../src/refunds/reject-refund.ts';
import { markRefundPaid } from '../../src/refunds/pay-refund.ts';
import { listRefunds } from '../../src/refunds/list-refunds.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { runJobs } from '../email.ts';
import { drainJobs, newAccount, testApp, testConfig, uniqueEmail, type TestAccount } from '../helpers.ts';
import { snapshotAccount } from '../account-snapshot.ts';
import { Readable } from 'node:stream';
import { importLedger } from '../../src/refunds/import-ledger.ts';
import { detectFindings } from '../../src/refunds/detect-findings.ts';
import { approveFinding, listFindings } from '../../src/refunds/findings.ts';
import { saveTariffRule } from '../../src/refunds/tariff-rules.ts';
import { exportSepaBatch, markBatchPaid } from '../../src/refunds/export-sepa.ts';
import { updateRefundSettings } from '../../src/refunds/settings.ts';
import { previewProblemRefund, refundProblem } from '../../src/refunds/refund-problem.ts';
import { openProblem } from '../../src/problems/open-problem.ts';
import { loadRefund } from '../../src/refunds/store.ts';

// Tuesday 22 December 2026, 10:00 in Amsterdam: five business days later is Wednesday 30 December
// (Christmas on Friday 25th; Saturday 26th is Boxing Day and a weekend day anyway)
const NOW = new Date('2026-12-22T09:00:00Z');
const IBAN = 'NL91ABNA0417164300';

describe('refunds: requests, approval by amount, a refund_by promise, told in the customer\'s language', () => {
  let db: Db;
  let app: FastifyInstance;
  let close: () => Promise<void>;
  let acc: TestAccount;
  let agent: Actor, supervisor: Actor, supervisor2: Actor;
  let agentToken: string;

  const newCase = async (name: string, body = 'Ik ben twee keer afgeschreven voor mijn abonnement!', language?: string) => {
    const r = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: uniqueEmail(name.toLowerCase()), name }, subject: 'Dubbel afgeschreven', body, channel: 'web' });
    await assignCase(db, supervisor, r.case.id, agent.agentId!);
    if (language) await db.query('UPDATE cases SET language = $3 WHERE account_id = $1 AND id = $2', [acc.accountId, r.case.id, language]);
    return r.case;
  };
  const person = async (role: Actor['role'], name: string): Promise<Actor> => {
    const admin: Actor = { ...systemActor(acc.accountId), type: 'agent', agentId: acc.adminId, id: acc.adminId };
    const a = await createAgent(db, admin, { email: uniqueEmail(name), name, role });
    return { accountId: acc.accountId, type: 'agent', id: a.id, role, agentId: a.id };
  };

  before(async () => {
    ({ db, app, close } = await testApp());
    acc = await newAccount(db, 'Sportschool');
    agent = await person('agent', 'Piet');
    supervisor = await person('supervisor', 'Sanne');
    supervisor2 = await person('supervisor', 'Ruud');
    const { createApiToken } = await import('../../src/accounts/create-api-token.ts');
    const admin: Actor = { ...systemActor(acc.accountId), type: 'agent', agentId: acc.adminId, id: acc.adminId };
    agentToken = (await createApiToken(db, admin, { name: 'piet', role: 'agent', agentId: agent.agentId! })).token;
  });
  after(() => close());

  test('bad input is refused with the field named, and nothing is written', async () => {
    const c = await newCase('Anna');
    const before = await snapshotAccount(db, acc.accountId);
    const base = { caseId: c.id, amountCents: 1250, currency: 'EUR', reason: 'dubbel afgeschreven', destination: 'iban' as const, iban: IBAN, accountHolder: 'A. de Vries', now: NOW };
    const refused = async (o: Partial<typeof base> & Record<string, unknown>, code: string, field: RegExp) =>
      assert.rejects(requestRefund(db, agent, { ...base, ...o }), (e: { code?: string; message: string }) => e.code === code && field.test(e.message));
    await refused({ iban: 'NL91ABNA0417164301' }, 'invalid_iban', /^iban: .*check digits/);
    await refused({ iban: 'XX91ABNA0417164300' }, 'invalid_iban', /^iban: .*country/);
    await refused({ accountHolder: ' ' }, 'account_holder_required', /^account_holder:/);
    await refused({ amountCents: 0 }, 'invalid_amount', /^amount_cents:/);
    await refused({ amountCents: -100 }, 'invalid_amount', /^amount_cents:/);
    await refused({ amountCents: 12.5 }, 'invalid_amount', /^amount_cents:/);
    await refused({ currency: 'XYZ' }, 'unknown_currency', /^currency:/);
    // a charge of € 20,00 with € 15,00 already asked back: € 6,00 more is too much
    const [charge] = await db.query<{ id: string }>(
      `INSERT INTO charges (account_id, charge_ref, customer_ref, amount_cents, currency, charged_at) VALUES ($1, $2, 'x@example.test', 2000, 'EUR', $3) RETURNING charge_ref AS id`,
      [acc.accountId, `ch-${Date.now()}`, NOW],
    );
    const snapshotWithCharge = await snapshotAccount(db, acc.accountId);
    await requestRefund(db, agent, { ...base, amountCents: 1500, chargeId: charge.id });
    const withOne = await snapshotAccount(db, acc.accountId);
    await refused({ amountCents: 600, chargeId: charge.id }, 'amount_above_charge', /^amount_cents: 600 is more than is left .* \(500 of 2000 cents\)/);
    await refused({ amountCents: 100, currency: 'USD', chargeId: charge.id }, 'currency_mismatch', /^currency:/);
    assert.deepEqual(await snapshotAccount(db, acc.accountId), withOne, 'nothing half-written');
    assert.notDeepEqual(snapshotWithCharge, before);

    // through the API: a clear 4xx, the field named
    const bad = await app.inject({ method: 'POST', url: `/api/v1/cases/${c.id}/refunds`, headers: { authorization: `Bearer ${agentToken}` },
      payload: { amount_cents: 1250, currency: 'EUR', reason: 'x', destination: 'iban', iban: 'NL91ABNA0417164301', account_holder: 'A' } });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.code, 'invalid_iban');
  });

  test('a request makes a refund_by promise due after five business days (Dutch holidays), kept when paid', async () => {
    const c = await newCase('Bram');
    const r = await requestRefund(db, agent, { caseId: c.id, amountCents: 2995, currency: 'EUR', reason: 'abonnement twee keer geïncasseerd', destination: 'iban', iban: 'nl91 abna 0417 1643 00', accountHolder: 'B. Jansen', now: NOW });
    assert.equal(r.state, 'requested');
    assert.equal(r.iban, IBAN);
    const p = await getPromise(db, acc.accountId, r.promise_id!);
    assert.equal(p.kind, 'refund_by');
    assert.equal(p.due_at.toISOString(), '2026-12-30T16:00:00.000Z');
    assert.equal(p.owner_id, agent.agentId);

    const approved = await approveRefund(db, agent, r.id, { now: NOW });
    assert.equal(approved.state, 'approved');
    const paid = await markRefundPaid(db, supervisor, r.id, { now: new Date('2026-12-28T10:00:00Z') });
    assert.equal(paid.state, 'paid');
    assert.equal((await getPromise(db, acc.accountId, r.promise_id!)).state, 'kept');
    const [m] = await db.query<{ body: string; type: string }>('SELECT body, type FROM messages WHERE account_id = $1 AND id = $2', [acc.accountId, paid.told_message_id]);
    assert.equal(m.type, 'outbound');
    assert.match(m.body, /Beste Bram,\s+Wij hebben €\s29,95 teruggestort naar de rekening die eindigt op 4300/);
    const audit = await db.query<{ action: string }>('SELECT action FROM audit_log WHERE account_id = $1 AND entity_id = $2 ORDER BY id', [acc.accountId, r.id]);
    assert.deepEqual(audit.map((a) => a.action), ['refund.requested', 'refund.approved', 'refund.paid']);
    await assert.rejects(markRefundPaid(db, supervisor, r.id), (e: { code?: string }) => e.code === 'refund_not_approved');
  });

  test('above the agent limit a supervisor approves, never the one who asked', async () => {
    const c = await newCase('Carla');
    const big = await requestRefund(db, supervisor, { caseId: c.id, amountCents: 8900, currency: 'EUR', reason: 'jaarabonnement na opzegging', destination: 'original_payment', now: NOW });
    await assert.rejects(approveRefund(db, agent, big.id), (e: { code?: string; status?: number }) => e.code === 'above_approval_limit' && e.status === 403);
    await assert.rejects(approveRefund(db, supervisor, big.id), (e: { code?: string }) => e.code === 'own_request_above_limit');
    const queue = await listRefunds(db, acc.accountId, { limit: 50, queue: 'awaiting_approval' });
    assert.ok(queue.data.some((x) => x.id === big.id && x.needs_supervisor));
    assert.equal((await approveRefund(db, supervisor2, big.id)).state, 'approved');
    // an agent cannot mark a refund paid (refunds.pay)
    await assert.rejects(markRefundPaid(db, agent, big.id), (e: { status?: number }) => e.status === 403);
  });

  test('a rejection tells the customer the reason in their language, and withdraws the promise', async () => {
    const c = await newCase('Dave', 'You charged me twice for my membership!', 'en');
    const r = await requestRefund(db, agent, { caseId: c.id, amountCents: 1500, currency: 'EUR', reason: 'double charge', destination: 'original_payment', now: NOW });
    const rejected = await rejectRefund(db, agent, r.id, { reason: 'the second charge was for December, not a double charge' });
    assert.equal(rejected.state, 'rejected');
    const [m] = await db.query<{ body: string }>('SELECT body FROM messages WHERE account_id = $1 AND id = $2', [acc.accountId, rejected.told_message_id]);
    assert.match(m.body, /^Dear Dave,[\s\S]*cannot refund €15\.00[\s\S]*The reason: the second charge was for December/);
    assert.equal((await getPromise(db, acc.accountId, r.promise_id!)).state, 'cancelled');
    await assert.rejects(approveRefund(db, agent, r.id), (e: { code?: string }) => e.code === 'refund_not_requested');
  });

  test('a refund not paid in time breaches its promise and shows as overdue', async () => {
    const c = await newCase('Eva');
    const r = await requestRefund(db, agent, { caseId: c.id, amountCents: 700, currency: 'EUR', reason: 'parkeersessie te veel', destination: 'original_payment', now: NOW });
    await approveRefund(db, agent, r.id, { now: NOW });
    await sweepPromises(db, { now: new Date('2026-12-30T16:01:00Z'), accountIds: [acc.accountId] });
    await runJobs(db, jobHandlers(testConfig()), acc.accountId, ['promise.breached']);
    assert.equal((await getPromise(db, acc.accountId, r.promise_id!)).state, 'breached');
    const overdue = await listRefunds(db, acc.accountId, { limit: 50, queue: 'overdue', now: new Date('2026-12-30T16:01:00Z') });
    assert.ok(overdue.data.some((x) => x.id === r.id && x.overdue));
    // paid late: paid, and the promise stays breached
    await markRefundPaid(db, supervisor, r.id, { now: new Date('2026-12-31T10:00:00Z') });
    assert.equal((await getPromise(db, acc.accountId, r.promise_id!)).state, 'breached');
  });

  test('the API: request on a case, list by case, approve', async () => {
    const c = await newCase('Fenna');
    const auth = { authorization: `Bearer ${agentToken}` };
    const created = await app.inject({ method: 'POST', url: `/api/v1/cases/${c.ref}/refunds`, headers: auth,
      payload: { amount_cents: 1250, reason: 'te veel betaald', destination: 'original_payment' } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().currency, 'EUR');
    const list = await app.inject({ method: 'GET', url: `/api/v1/refunds?case_id=${c.id}`, headers: auth });
    assert.equal(list.json().data.length, 1);
    assert.equal(list.json().data[0].case_ref, c.ref);
    const ok = await app.inject({ method: 'POST', url: `/api/v1/refunds/${created.json().id}/approve`, headers: auth, payload: {} });
    assert.equal(ok.json().state, 'approved', ok.body);
    const settings = await app.inject({ method: 'PATCH', url: '/api/v1/settings/refunds', headers: auth, payload: { agent_limit_cents: 1 } });
    assert.equal(settings.statusCode, 403);
  });

  const ledger = (rows: string[]) => Readable.from([Buffer.from('charge_id,customer,amount,currency,charged_at,merchant_ref,description,product,quantity\n' + rows.join('\n') + '\n')]);

  test('ledger import: good rows kept, bad rows named, a re-import changes nothing, a wrong header writes nothing', async () => {
    const sup = supervisor;
    const id = `L${Date.now()}`;
    const rows = [
      `${id}-1,gym.klant@example.test,29.95,EUR,2026-12-01 06:00,ABO-2026-12,abonnement december,,`,
      `${id}-2,gym.klant@example.test,29.95,EUR,2026-12-01 06:05,ABO-2026-12,abonnement december,,`,
      `${id}-3,gym.klant@example.test,nul,EUR,2026-12-01 06:05,ABO-2026-12,,,`,
      `${id}-4,0612345678,4.50,EUR,2026-12-02 09:00,P-77,parkeren,parkeren,60`,
    ];
    const first = await importLedger(db, sup, ledger(rows), { fileName: 'dec.csv' });
    assert.equal(first.rows_read, 4);
    assert.equal(first.rows_imported, 3);
    assert.deepEqual(first.errors, [{ line: 4, field: 'amount', reason: '"nul" is not an amount' }]);
    const again = await importLedger(db, sup, ledger(rows));
    assert.equal(again.rows_imported, 0);
    assert.equal(again.rows_already_there, 3);
    const [{ n }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM charges WHERE account_id = $1 AND charge_ref LIKE $2', [acc.accountId, `${id}-%`]);
    assert.equal(n, 3);
    const before = await snapshotAccount(db, acc.accountId);
    await assert.rejects(importLedger(db, sup, Readable.from([Buffer.from(`id,klant,bedrag\n${id}-9,x@example.test,1\n`)])), (e: { code?: string; message: string }) =>
      e.code === 'ledger_bad_header' && /charge_id \(column "charge_id"\)/.test(e.message));
    assert.deepEqual(await snapshotAccount(db, acc.accountId), before, 'nothing half-written');
    await assert.rejects(importLedger(db, agent, ledger(rows)), (e: { status?: number }) => e.status === 403);
    const dry = await importLedger(db, sup, ledger([`${id}-5,a@example.test,1,EUR,2026-12-01,,,,`]), { dryRun: true });
    assert.equal(dry.rows_good, 1);
    assert.deepEqual(await snapshotAccount(db, acc.accountId), before, 'a dry run writes nothing');
  });

  test('a double charge and an overcharge in the ledger become proposed refunds on the customer\'s case before they write', async () => {
    const id = `D${Date.now()}`;
    const gymEmail = uniqueEmail('gym');
    // the customer exists (an earlier case, solved) but has not written about this
    const r = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: gymEmail, name: 'Gert' }, subject: 'Vraag over rooster', body: 'Hoe laat opent de zaal?', channel: 'email' });
    await db.query(`UPDATE cases SET status = 'solved', owner_id = $3 WHERE account_id = $1 AND id = $2`, [acc.accountId, r.case.id, agent.agentId]);
    await saveTariffRule(db, supervisor, { product: `parkeren-${id}`, currency: 'EUR', fixed_cents: 0, unit_price_cents: 5, max_cents: 2000, tolerance_cents: 0 });
    await importLedger(db, supervisor, ledger([
      `${id}-1,${gymEmail.toUpperCase()},29.95,EUR,2026-12-01 06:00,ABO-${id},abonnement,,`,
      `${id}-2,${gymEmail},29.95,EUR,2026-12-01 06:01,ABO-${id},abonnement,,`,
      `${id}-3,${gymEmail},29.95,EUR,2027-01-01 06:00,ABO-${id},volgende maand: geen dubbele,,`,
      `${id}-4,${gymEmail},7.50,EUR,2026-12-03 09:00,P-${id},parkeren 60 min,parkeren-${id},60`,
      `${id}-5,${gymEmail},3.00,EUR,2026-12-03 11:00,P2-${id},parkeren 60 min,parkeren-${id},60`,
    ]));
    const found = await detectFindings(db, supervisor);
    assert.ok(found.double_charges >= 1 && found.overcharges >= 1);
    assert.deepEqual(await detectFindings(db, supervisor), { double_charges: 0, after_cancellation: 0, overcharges: 0, linked_to_customer: 0 }, 'nothing new the second time');
    const customerId = r.case.customer_id;
    const mine = (await listFindings(db, acc.accountId, { limit: 50, customer_id: customerId })).data;
    assert.deepEqual(mine.map((f) => [f.kind, f.amount_cents]).sort(), [['double_charge', 2995], ['overcharge', 450]]);
    assert.ok(mine.every((f) => f.case_id === null), 'no open case yet');
    const dbl = mine.find((f) => f.kind === 'double_charge')!;
    assert.match(dbl.explanation, new RegExp(`Charge ${id}-2 takes 2995 cents again for ABO-${id}, 1 minutes after charge ${id}-1`));
    // approving opens a case for the customer and makes an approved refund on it, with its promise
    const approved = await approveFinding(db, supervisor, dbl.id, { now: NOW });
    assert.equal(approved.refund.state, 'approved');
    assert.equal(approved.refund.amount_cents, 2995);
    const [c] = await db.query<{ customer_id: string; status: string }>('SELECT customer_id, status FROM cases WHERE account_id = $1 AND id = $2', [acc.accountId, approved.refund.case_id]);
    assert.equal(c.customer_id, customerId);
    assert.equal((await getPromise(db, acc.accountId, approved.refund.promise_id!)).kind, 'refund_by');
    await assert.rejects(approveFinding(db, supervisor, dbl.id), (e: { code?: string }) => e.code === 'finding_decided');
    // the overcharge: bulk, through the API
    const over = mine.find((f) => f.kind === 'overcharge')!;
    const bulk = await app.inject({ method: 'POST', url: '/api/v1/ledger/findings/approve', headers: acc.auth, payload: { ids: [over.id, dbl.id] } });
    assert.equal(bulk.statusCode, 200, bulk.body);
    assert.ok(bulk.json().data[0].refund_id);
    assert.equal(bulk.json().data[1].error.code, 'finding_decided');
  });

  test('SEPA: approved refunds to IBANs land in one pain.001 batch; marking it paid keeps the promises and tells the customers', async () => {
    const admin: Actor = { ...systemActor(acc.accountId), type: 'agent', agentId: acc.adminId, id: acc.adminId };
    await assert.rejects(exportSepaBatch(db, supervisor), (e: { code?: string }) => e.code === 'sepa_debtor_missing');
    await updateRefundSettings(db, admin, { debtor_name: 'Sportschool Fit B.V.', debtor_iban: 'NL91 ABNA 0417 1643 00', debtor_bic: 'ABNANL2A' });
    await assert.rejects(updateRefundSettings(db, admin, { debtor_iban: 'NL91ABNA0417164301' }), (e: { code?: string }) => e.code === 'invalid_iban');
    const c1 = await newCase('Gijs');
    const c2 = await newCase('Hanna');
    const a = await requestRefund(db, agent, { caseId: c1.id, amountCents: 2995, currency: 'EUR', reason: 'dubbel', destination: 'iban', iban: 'NL44RABO0123456789', accountHolder: 'G. de Boer', now: NOW });
    const b = await requestRefund(db, agent, { caseId: c2.id, amountCents: 1010, currency: 'EUR', reason: 'te veel', destination: 'iban', iban: 'DE89370400440532013000', accountHolder: 'Hanna Müller', now: NOW });
    await approveRefund(db, agent, a.id);
    await approveRefund(db, agent, b.id);
    const batch = await exportSepaBatch(db, supervisor, { now: NOW });
    assert.ok(batch.refund_count >= 2);
    assert.match(batch.xml, /<IBAN>NL44RABO0123456789<\/IBAN>/);
    assert.match(batch.xml, /<IBAN>DE89370400440532013000<\/IBAN>/);
    assert.match(batch.xml, /<Dbtr><Nm>Sportschool Fit B.V.<\/Nm><\/Dbtr><DbtrAcct><Id><IBAN>NL91ABNA0417164300<\/IBAN>/);
    assert.equal((await listRefunds(db, acc.accountId, { limit: 100, queue: 'in_batch' })).data.filter((x) => x.id === a.id || x.id === b.id).length, 2);
    await assert.rejects(rejectRefund(db, supervisor, a.id, { reason: 'x' }), (e: { code?: string }) => e.code === 'refund_in_batch');
    await assert.rejects(exportSepaBatch(db, supervisor), (e: { code?: string }) => e.code === 'nothing_to_export');
    const xml = await app.inject({ method: 'GET', url: `/api/v1/refund-batches/${batch.id}/xml`, headers: acc.auth });
    assert.equal(xml.headers['content-type'], 'application/xml; charset=utf-8');
    assert.equal(xml.body, batch.xml);
    const paid = await markBatchPaid(db, supervisor, batch.id, { now: new Date('2026-12-23T10:00:00Z') });
    assert.equal(paid.status, 'paid');
    for (const r of [a, b]) {
      const after = await loadRefund(db, acc.accountId, r.id);
      assert.equal(after.state, 'paid');
      assert.equal((await getPromise(db, acc.accountId, r.promise_id!)).state, 'kept');
    }
    const [told] = await db.query<{ body: string }>('SELECT m.body FROM messages m JOIN refunds r ON r.told_message_id = m.id AND r.account_id = m.account_id WHERE r.account_id = $1 AND r.id = $2', [acc.accountId, b.id]);
    assert.match(told.body, /Beste Hanna,[\s\S]*€\s10,10 teruggestort naar de rekening die eindigt op 3000/);
  });

  test('the ledger through the API: a CSV upload with a Dutch mapping, bad rows by line', async () => {
    const id = `A${Date.now()}`;
    const mapping = encodeURIComponent(JSON.stringify({ columns: { charge_id: 'Transactie', customer: 'Klant', amount: 'Bedrag', charged_at: 'Datum' }, delimiter: ';', decimal: ',' }));
    const res = await app.inject({ method: 'POST', url: `/api/v1/ledger/imports?mapping=${mapping}`, headers: { ...acc.auth, 'content-type': 'text/csv' },
      payload: `Transactie;Klant;Bedrag;Datum\n${id}-1;a@example.test;12,50;24-11-2026 10:00\n${id}-2;a@example.test;12,505;24-11-2026 10:00\n` });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().rows_imported, 1);
    assert.deepEqual(res.json().errors, [{ line: 3, field: 'amount', reason: '"12,505" has fractions of a cent' }]);
    const agentTry = await app.inject({ method: 'POST', url: '/api/v1/ledger/imports', headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'text/csv' }, payload: 'x' });
    assert.equal(agentTry.statusCode, 403);
  });

  test('bulk refund from a problem: preview per customer (ledger or the amount they mentioned), one approval, each told their own amount', async () => {
    const id = `P${Date.now()}`;
    const mk = async (name: string, body: string) => {
      const r = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: uniqueEmail(name.toLowerCase()), name }, subject: 'Parkeren te duur', body, channel: 'web' });
      await assignCase(db, supervisor, r.case.id, agent.agentId!);
      return r.case;
    };
    const a = await mk('Ilse', 'De app heeft mij € 4,50 te veel afgeschreven voor mijn parkeersessie van gisteren.');
    const b = await mk('Joost', 'Ik ben twee keer afgeschreven voor parkeren!');
    const c = await mk('Karin', 'Mijn parkeersessie was veel te duur.');
    await drainJobs(db, acc.accountId);
    const [bEmail] = await db.query<{ value: string }>(`SELECT value FROM customer_identities WHERE account_id = $1 AND customer_id = $2`, [acc.accountId, b.customer_id]);
    await importLedger(db, supervisor, ledger([
      `${id}-1,${bEmail.value},2.80,EUR,2026-12-01 08:00,PARK-${id},parkeren,,`,
      `${id}-2,${bEmail.value},2.80,EUR,2026-12-01 08:02,PARK-${id},parkeren,,`,
    ]));
    await detectFindings(db, supervisor);
    const problem = await openProblem(db, supervisor, { title: 'Parkeerapp rekent te veel', caseIds: [a.id, b.id, c.id] });
    const preview = await previewProblemRefund(db, acc.accountId, problem.id);
    const by = Object.fromEntries(preview.data.map((l) => [l.case_id, l]));
    assert.deepEqual([by[a.id].source, by[a.id].amount_cents], ['mentioned', 450]);
    assert.deepEqual([by[b.id].source, by[b.id].amount_cents], ['ledger', 280]);
    assert.deepEqual([by[c.id].source, by[c.id].amount_cents], ['none', null]);
    assert.equal(preview.total_cents, 730);
    await assert.rejects(refundProblem(db, agent, problem.id), (e: { status?: number }) => e.status === 403);

    const done = await refundProblem(db, supervisor, problem.id, { amounts: { [c.id]: 300 }, now: NOW });
    assert.deepEqual(done.data.map((r) => [r.ref, r.outcome, r.amount_cents]).sort(), [[a.ref, 'refunded', 450], [b.ref, 'refunded', 280], [c.ref, 'refunded', 300]].sort());
    for (const [cs, text] of [[a, /€\s4,50/], [b, /€\s2,80/], [c, /€\s3,00/]] as const) {
      const [m] = await db.query<{ body: string }>(`SELECT body FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'outbound' ORDER BY created_at DESC LIMIT 1`, [acc.accountId, cs.id]);
      assert.match(m.body, text);
      assert.match(m.body, /Parkeerapp rekent te veel/);
    }
    const refunds = (await listRefunds(db, acc.accountId, { limit: 200, queue: 'approved' })).data.filter((r) => r.problem_id === problem.id);
    assert.equal(refunds.length, 3);
    const [f] = await db.query<{ status: string }>(`SELECT status FROM charge_findings WHERE account_id = $1 AND customer_id = $2`, [acc.accountId, b.customer_id]);
    assert.equal(f.status, 'approved', 'the ledger finding is settled by the bulk refund');
    const again = await refundProblem(db, supervisor, problem.id, { now: NOW });
    assert.ok(again.data.every((r) => r.outcome === 'skipped' && r.error?.code === 'amount_already_refunded'), 'no one is refunded twice');
  });
});
