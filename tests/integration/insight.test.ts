import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ANALYSE_JOB } from '../../src/listening/analyse-stored-message.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { runJobs } from '../email.ts';
import { newAccount, testApp, testConfig, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * The dashboard's numbers come from what really happened in the account, and only that
 * account: contacts per topic per day, repeat contacts, promises kept, cost per contact from
 * the time agents spent on cases (the workspace's heartbeats) at the account's hourly cost.
 */
let ctx: TestContext;
let a: TestAccount;
let b: TestAccount;

const req = async (acc: TestAccount, method: string, url: string, payload?: unknown) => {
  const res = await ctx.app.inject({ method: method as 'GET', url, headers: acc.auth, payload: payload as object });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
};
const complaint = (acc: TestAccount, email: string, body: string, subject = 'Parkeerapp rekent te veel') =>
  req(acc, 'POST', '/api/v1/cases', { customer: { email }, subject, message: { body } });

before(async () => {
  ctx = await testApp();
  a = await newAccount(ctx.db, 'Inzicht A');
  b = await newAccount(ctx.db, 'Inzicht B');
});
after(() => ctx.close());

test('an empty account has a calm dashboard: zeros and nulls, never a division by zero', async () => {
  const d = await req(a, 'GET', '/api/v1/insight/dashboard?days=7');
  assert.equal(d.days.length, 7);
  assert.equal(d.to, d.days[6]);
  assert.equal(d.contacts.total, 0);
  assert.deepEqual(d.contacts.by_day, [0, 0, 0, 0, 0, 0, 0]);
  assert.equal(d.cases.repeat_contact_rate, null);
  assert.equal(d.cases.first_contact_resolution_rate, null);
  assert.equal(d.cases.contacts_per_resolved_case, null);
  assert.deepEqual(d.channels, []);
  assert.equal(d.promises.kept_rate, null);
  assert.equal(d.cost.cost_per_contact_cents, null);
  assert.equal(d.cost.hourly_cost_cents, 3000, '€30 an hour unless the account says otherwise');
  assert.deepEqual(d.refunds, {
    requested: 0, paid: 0, paid_cents: 0, median_hours_to_paid: null, max_hours_to_paid: null, waiting: 0, oldest_waiting_hours: null,
    median_hours_charge_to_paid: null, median_hours_complaint_to_paid: null, by_month: [],
  });
});

test('contacts, repeat contacts, promises and cost per contact', async () => {
  const henk = uniqueEmail('henk');
  const c1 = await complaint(a, henk, 'De parkeerapp heeft mijn sessie twee keer afgeschreven, € 4,20 te veel.');
  await complaint(a, henk, 'Mijn parkeervergunning is nog steeds niet verlengd.', 'Vergunning verlengen');
  const fatima = uniqueEmail('fatima');
  const c3 = await complaint(a, fatima, 'Ook bij mij rekent de parkeerapp twee keer af voor één sessie.');
  // Fatima writes again on the same subject: the repeat-contact rule adds it to her case
  const again = await complaint(a, fatima, 'Nog steeds niets gehoord! De parkeerapp rekent nog steeds dubbel.');
  assert.equal(again.id, c3.id);
  await runJobs(ctx.db, jobHandlers(testConfig()), a.accountId, [ANALYSE_JOB]);
  // and account B is busy too, which must not count
  for (let i = 0; i < 3; i++) await complaint(b, uniqueEmail('b'), 'Andere klant, ander bedrijf.');

  // a promise kept on time and one broken, both due today
  const due = new Date(Date.now() + 3_600_000).toISOString();
  const kept = await req(a, 'POST', `/api/v1/cases/${c1.id}/promises`, { kind: 'callback', description: 'Henk terugbellen', due_at: due });
  await req(a, 'POST', `/api/v1/promises/${kept.id}/keep`, { action: 'callback_logged' });
  const broken = await req(a, 'POST', `/api/v1/cases/${c3.id}/promises`, { kind: 'answer_by', description: 'Fatima antwoorden', due_at: due });
  await ctx.db.query("UPDATE promises SET state = 'breached', breached_at = now() WHERE account_id = $1 AND id = $2", [a.accountId, broken.id]);
  await ctx.db.query('UPDATE promises SET due_at = now() WHERE account_id = $1', [a.accountId]);

  // half an hour of work on the cases, counted from heartbeats
  await req(a, 'POST', `/api/v1/cases/${c1.id}/presence`, { state: 'viewing' });
  await ctx.db.query('UPDATE case_work SET seconds = 1800 WHERE account_id = $1', [a.accountId]);

  const d = await req(a, 'GET', '/api/v1/insight/dashboard?days=14');
  assert.equal(d.contacts.total, 4, 'four inbound contacts in A; B does not count');
  assert.equal(d.contacts.by_day.at(-1), 4, 'all of them today');
  assert.equal(d.contacts.topics.reduce((n: number, t: { total: number }) => n + t.total, 0), 4, 'the topics add up to all contacts');
  const parking = d.contacts.topics.find((t: { label: string | null }) => t.label && /parkeer|afgeschrev|app/i.test(t.label));
  assert.ok(parking, `a readable parking topic: ${JSON.stringify(d.contacts.topics.map((t: { label: string | null }) => t.label))}`);
  assert.equal(d.cases.opened, 3);
  assert.equal(d.cases.repeat_contact_cases, 1);
  assert.equal(d.cases.repeat_contact_rate, 0.333);
  assert.equal(d.cases.customers, 2);
  assert.equal(d.cases.customers_with_several_cases, 1, 'Henk came twice');
  assert.equal(d.cases.backlog, 3);
  assert.deepEqual([d.promises.due, d.promises.kept_on_time, d.promises.broken, d.promises.kept_rate], [2, 1, 1, 0.5]);
  assert.equal(d.cost.handled_hours, 0.5);
  assert.equal(d.cost.cost_per_contact_cents, 375, '½ h × €30 over 4 contacts = €3.75');

  // first-contact resolution and the channel mix: Henk's case solved on its one contact, Fatima's after two
  await ctx.db.query(`UPDATE cases SET channel = 'email' WHERE account_id = $1 AND id = $2`, [a.accountId, c3.id]);
  await ctx.db.query(`UPDATE cases SET status = 'solved', solved_at = now(), owner_id = $3 WHERE account_id = $1 AND id = ANY($2)`, [a.accountId, [c1.id, c3.id], a.adminId]);
  const fcr = await req(a, 'GET', '/api/v1/insight/dashboard?days=14');
  assert.deepEqual([fcr.cases.resolved, fcr.cases.first_contact_resolved, fcr.cases.first_contact_resolution_rate, fcr.cases.contacts_per_resolved_case], [2, 1, 0.5, 1.5]);
  assert.deepEqual(fcr.channels, [{ channel: 'api', cases: 2, share: 0.667 }, { channel: 'email', cases: 1, share: 0.333 }]);
  assert.deepEqual((await req(b, 'GET', '/api/v1/insight/dashboard?days=14')).channels, [{ channel: 'api', cases: 3, share: 1 }], "B's mix is its own");
  const mix = await ctx.app.inject({ method: 'GET', url: '/api/v1/insight/export.csv?days=14&table=channels', headers: a.auth });
  assert.equal(mix.body, 'channel,cases,share\r\napi,2,0.667\r\nemail,1,0.333\r\n');

  // a signal on the parking topic marks its day
  await ctx.db.query(`INSERT INTO signals (account_id, topic_id, title) VALUES ($1, $2, 'Parkeerapp rekent dubbel')`, [a.accountId, parking.topic_id]);
  const marked = await req(a, 'GET', '/api/v1/insight/dashboard?days=14');
  const withSpike = marked.contacts.topics.find((t: { topic_id: string }) => t.topic_id === parking.topic_id);
  assert.deepEqual(withSpike.spikes.map((s: { day: string; title: string }) => [s.day, s.title]), [[marked.to, 'Parkeerapp rekent dubbel']]);

  // the admin sets the hourly cost; the cost per contact follows
  assert.equal((await req(a, 'PATCH', '/api/v1/settings/insight', { hourly_cost_cents: 4800 })).hourly_cost_cents, 4800);
  assert.equal((await req(a, 'GET', '/api/v1/insight/dashboard?days=14')).cost.cost_per_contact_cents, 600);
  assert.equal((await req(a, 'PATCH', '/api/v1/settings/insight', { hourly_cost_cents: null })).hourly_cost_cents, 3000);
  assert.equal((await req(b, 'GET', '/api/v1/settings/insight')).hourly_cost_cents, 3000, "B's cost is its own");
});

test('time to refund: the median hours from request to paid, and how long the oldest unpaid one waits, of this account only', async () => {
  const refund = async (acc: TestAccount, cents: number, hoursAgo: number, paidHoursAgo: number | null, charged?: { hoursAgo: number; complaintHoursAgo: number }) => {
    const c = await complaint(acc, uniqueEmail('terug'), 'Graag mijn geld terug.', 'Terugbetaling');
    let chargeRef: string | null = null;
    if (charged) {
      chargeRef = `CH-${c.id}`;
      await ctx.db.query(
        `INSERT INTO charges (account_id, charge_ref, customer_ref, amount_cents, currency, charged_at) VALUES ($1, $2, 'x@example.test', $3, 'EUR', now() - make_interval(hours => $4))`,
        [acc.accountId, chargeRef, cents, charged.hoursAgo],
      );
      // the customer's complaint came in some hours before the refund was asked for
      await ctx.db.query(`UPDATE messages SET created_at = now() - make_interval(hours => $3) WHERE account_id = $1 AND case_id = $2 AND type = 'inbound'`,
        [acc.accountId, c.id, charged.complaintHoursAgo]);
    } else {
      // a case we opened for a finding: nothing from the customer on it
      await ctx.db.query(`UPDATE messages SET type = 'note', customer_id = NULL WHERE account_id = $1 AND case_id = $2 AND type = 'inbound'`, [acc.accountId, c.id]);
    }
    await ctx.db.query(
      `INSERT INTO refunds (account_id, case_id, customer_id, amount_cents, currency, reason, destination, state, created_at, paid_at, charge_id)
       SELECT $1, id, customer_id, $3, 'EUR', 'dubbel afgeschreven', 'original_payment', $4, now() - make_interval(hours => $5), $6::timestamptz, $7
       FROM cases WHERE account_id = $1 AND id = $2`,
      [acc.accountId, c.id, cents, paidHoursAgo === null ? 'approved' : 'paid', hoursAgo, paidHoursAgo === null ? null : new Date(Date.now() - paidHoursAgo * 3_600_000), chargeRef],
    );
  };
  await refund(a, 420, 10, 5, { hoursAgo: 50, complaintHoursAgo: 20 }); // paid after 5 hours; 45 after the charge, 15 after the complaint
  await refund(a, 990, 30, 3); // paid after 27 hours; no charge named, no complaint (a case of ours)
  await refund(a, 1640, 30, null); // still waiting, 30 hours
  await refund(b, 99_900, 2, 1); // another account: never counted
  const d = await req(a, 'GET', '/api/v1/insight/dashboard?days=7');
  assert.equal(d.refunds.requested, 3);
  assert.equal(d.refunds.paid, 2);
  assert.equal(d.refunds.paid_cents, 1410);
  assert.equal(d.refunds.median_hours_to_paid, 16);
  assert.equal(d.refunds.max_hours_to_paid, 27);
  assert.equal(d.refunds.waiting, 1);
  assert.ok(Math.abs(d.refunds.oldest_waiting_hours - 30) <= 0.1, String(d.refunds.oldest_waiting_hours));
  // beside it: from the charge and from the first complaint, of the refunds that have one
  assert.equal(d.refunds.median_hours_charge_to_paid, 45);
  assert.equal(d.refunds.median_hours_complaint_to_paid, 15);
  // per month: both paid refunds fall in one or two months (around a month's turn); together they are the same figures
  const months = d.refunds.by_month as { month: string; paid: number; median_hours_charge_to_paid: number | null }[];
  assert.equal(months.reduce((n, m) => n + m.paid, 0), 2);
  assert.ok(months.every((m) => /^\d{4}-\d{2}$/.test(m.month)));
  assert.ok(months.some((m) => m.median_hours_charge_to_paid === 45));
  await ctx.db.query('DELETE FROM refunds WHERE account_id = ANY($1::uuid[])', [[a.accountId, b.accountId]]);
  await ctx.db.query('DELETE FROM charges WHERE account_id = ANY($1::uuid[])', [[a.accountId, b.accountId]]);
});
