import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/storage/db.ts';
import { type Actor, systemActor } from '../../src/shared/actor.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { assignCase } from '../../src/cases/assign-case.ts';
import { addMessage } from '../../src/cases/add-message.ts';
import { updateCase } from '../../src/cases/update-case.ts';
import { updateCustomer } from '../../src/customers/update-customer.ts';
import { saveSlaPolicy } from '../../src/promises/manage-sla-policies.ts';
import { caseSla, casesAtRisk } from '../../src/promises/case-sla.ts';
import { sweepSla } from '../../src/promises/sweep-sla.ts';
import { updateServiceSettings } from '../../src/promises/settings.ts';
import { listNotifications } from '../../src/promises/notifications.ts';
import { newAccount, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';

let db: Db;
let acc: TestAccount;
let admin: Actor;
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

before(async () => {
  db = await testDb();
  acc = await newAccount(db, 'Telecom');
  admin = { accountId: acc.accountId, type: 'agent', id: acc.adminId, role: 'admin', agentId: acc.adminId };
  // open around the clock, no holidays: the test does not depend on when it runs
  const allDay = [{ start: '00:00', end: '24:00' }];
  await updateServiceSettings(db, admin, { calendar: { weekly: { 0: allDay, 1: allDay, 2: allDay, 3: allDay, 4: allDay, 5: allDay, 6: allDay }, holidays: null } });
  await saveSlaPolicy(db, admin, null, { name: 'Standaard', first_response_minutes: 60, resolution_minutes: 24 * 60 });
  await saveSlaPolicy(db, admin, null, { name: 'Goud', segment: 'gold', first_response_minutes: 15, next_response_minutes: 30, resolution_minutes: 8 * 60 });
});
after(() => db.close());

test('the most specific service level applies; clocks go ok → at risk → breached and are pushed to the owner once', async () => {
  const r = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: uniqueEmail('goud'), name: 'Goudklant' }, subject: 'Storing', body: 'Mijn internet doet het niet.', channel: 'web' });
  await updateCustomer(db, admin, r.customerId, { segment: 'gold' });
  await assignCase(db, admin, r.case.id, acc.adminId);
  const created = new Date(r.case.created_at);
  const first = async (m: number) => (await caseSla(db, acc.accountId, { caseId: r.case.id, now: minutes(created, m) }))[0];
  assert.equal((await first(5)).policy?.name, 'Goud');
  assert.equal((await first(5)).clocks.find((c) => c.target === 'first_response')?.state, 'ok');
  assert.equal((await first(13)).clocks.find((c) => c.target === 'first_response')?.state, 'at_risk');
  assert.equal((await first(16)).clocks.find((c) => c.target === 'first_response')?.state, 'breached');
  assert.ok((await casesAtRisk(db, acc.accountId, { state: 'breached', now: minutes(created, 16) })).data.some((c) => c.case_id === r.case.id));

  const { alerted } = await sweepSla(db, { now: minutes(created, 16), accountIds: [acc.accountId] });
  assert.ok(alerted >= 1);
  const again = await sweepSla(db, { now: minutes(created, 17), accountIds: [acc.accountId] });
  const mine = (await listNotifications(db, admin, { limit: 50 })).data.filter((n) => n.case_id === r.case.id && n.kind === 'sla.breached');
  assert.equal(mine.length, 1, `alerted once (second sweep alerted ${again.alerted} others)`);
});

test('the resolution clock stands still while the case waits on the customer', async () => {
  const r = await receiveMessage(db, systemActor(acc.accountId), { customer: { email: uniqueEmail('wacht') }, subject: 'Factuur', body: 'Mijn factuur klopt niet.', channel: 'web' });
  await assignCase(db, admin, r.case.id, acc.adminId);
  await addMessage(db, admin, r.case.id, { type: 'outbound', body: 'Beste klant, excuses. Kunt u de factuur sturen? Dan zoeken we het vandaag uit. Groet, Anna' });
  const after = (await caseSla(db, acc.accountId, { caseId: r.case.id, now: minutes(new Date(), 600) }))[0];
  assert.equal(after.policy?.name, 'Standaard');
  assert.equal(after.clocks.find((c) => c.target === 'first_response')?.state, 'met');
  const resolution = after.clocks.find((c) => c.target === 'resolution')!;
  assert.equal(resolution.state, 'paused', 'pending_customer after our reply');
  assert.ok(resolution.elapsed_minutes < 5);
  await updateCase(db, admin, r.case.id, { status: 'open' });
  const running = (await caseSla(db, acc.accountId, { caseId: r.case.id, now: minutes(new Date(), 60) }))[0];
  assert.equal(running.clocks.find((c) => c.target === 'resolution')?.state, 'ok');
});
