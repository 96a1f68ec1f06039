import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createApiToken } from '../../src/accounts/create-api-token.ts';
import { bookCallback, openCallbackSlots } from '../../src/intake/callback/book-callback.ts';
import { moveCallback } from '../../src/intake/callback/move-callback.ts';
import { getConnections, setPhone } from '../../src/intake/doors/connections.ts';
import { receiveCallEvent } from '../../src/intake/phone/receive-call-event.ts';
import { findDoor, setChannelSettings, type Door } from '../../src/intake/doors/channel-settings.ts';
import { formatLocal } from '../../src/promises/zoned-time.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { AppError } from '../../src/shared/errors.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

const local = (d: Date) => formatLocal('Europe/Amsterdam', d.getTime());
const monday = new Date('2027-01-04T06:00:00Z'); // Monday 4 January 2027, 07:00 in Amsterdam
const slotAt = (hhmm: string, day = '2027-01-04') => new Date(`${day}T${hhmm}:00+01:00`);

/**
 * The callback rota (issue 17: "the team's real free capacity … agents' schedules"): once agents have
 * callback hours, a slot takes as many bookings as agents on duty then, each booking goes to one of
 * them, absences take an agent off, and without any hours the door's fixed number per slot holds.
 */
describe('callback rota', () => {
  let t: TestContext;
  let acc: TestAccount;
  let door: Door;
  let anna: { id: string; auth: { authorization: string } };
  let bram: { id: string };
  let n = 0;

  before(async () => {
    t = await testApp();
    acc = await newAccount(t.db, 'Energie Noord');
    const slug = `noord-${acc.accountId.slice(0, 8)}`;
    await setChannelSettings(t.db, systemActor(acc.accountId), { slug, callback_capacity: 1 });
    door = (await findDoor(t.db, slug))!;
    const a = await createAgent(t.db, systemActor(acc.accountId), { email: uniqueEmail('anna'), name: 'Anna Aarts', role: 'agent' });
    const { token } = await createApiToken(t.db, systemActor(acc.accountId), { name: 'anna', role: 'agent', agentId: a.id });
    anna = { id: a.id, auth: { authorization: `Bearer ${token}` } };
    bram = await createAgent(t.db, systemActor(acc.accountId), { email: uniqueEmail('bram'), name: 'Bram Bos', role: 'agent' });
  });
  after(() => t.close());

  const put = (id: string, auth: { authorization: string }, payload: unknown) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/agents/${id}/callback-hours`, headers: auth, payload: payload as object });
  const slots = async () => (await openCallbackSlots(t.db, door, monday)).slots;
  const free = async (d: Date) => (await slots()).find((s) => s.start.getTime() === d.getTime())?.free ?? 0;
  const book = (start: Date) => bookCallback(t.db, door, { slotStart: start, phone: `06123400${String(++n).padStart(2, '0')}`, language: 'nl', managePath: (s) => `/m/${s}`, now: monday });
  const ownerOf = async (promiseId: string) =>
    (await t.db.query<{ owner_id: string }>('SELECT owner_id FROM promises WHERE account_id = $1 AND id = $2', [acc.accountId, promiseId]))[0].owner_id;

  test('without a rota the door\'s bookings per slot hold for every open slot', async () => {
    assert.equal(await free(slotAt('09:00')), 1);
    assert.equal(await free(slotAt('16:30')), 1);
  });

  test('agents set hours (their own; a colleague\'s only as supervisor); bad hours change nothing', async () => {
    const own = await put(anna.id, anna.auth, { weekly: { 1: [{ start: '09:00', end: '12:00' }], 3: [{ start: '09:00', end: '17:00' }] }, absences: [{ start: '2027-01-11', end: '2027-01-11', reason: 'cursus' }] });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(own.json().hours.weekly['1'], [{ start: '09:00', end: '12:00' }]);
    const notHers = await put(bram.id, anna.auth, { weekly: { 1: [{ start: '11:00', end: '17:00' }] } });
    assert.equal(notHers.statusCode, 403);
    assert.match(notHers.json().error.message, /routing\.manage/);
    const bad = await put(bram.id, acc.auth, { weekly: { 1: [{ start: '17:00', end: '11:00' }] } });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.code, 'calendar_interval_ends_before_start');
    const badDay = await put(bram.id, acc.auth, { absences: [{ start: '2027-02-30', end: '2027-03-01' }] });
    assert.equal(badDay.json().error.code, 'absence_invalid_date');
    const rows = await t.db.query('SELECT agent_id FROM agent_callback_hours WHERE account_id = $1', [acc.accountId]);
    assert.equal(rows.length, 1, 'only Anna has hours: the refused changes wrote nothing');
    const byBoss = await put(bram.id, acc.auth, { weekly: { 1: [{ start: '11:00', end: '17:00' }] } });
    assert.equal(byBoss.statusCode, 200, byBoss.body);

    const rota = await t.app.inject({ method: 'GET', url: '/api/v1/callback-rota', headers: anna.auth });
    assert.equal(rota.statusCode, 200);
    const lines = rota.json().data as { name: string; hours: unknown }[];
    assert.deepEqual(lines.map((l) => [l.name, l.hours !== null]).sort(), [['Anna Aarts', true], ['Bram Bos', true], [lines.find((l) => !l.hours)!.name, false]].sort());
    const [audit] = await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND action = 'agent.callback_hours_set'`, [acc.accountId]);
    assert.equal(audit.n, 2);
  });

  test('slots follow the rota: capacity is who is on duty, days nobody works are not offered, an absence takes one off', async () => {
    assert.equal(await free(slotAt('09:00')), 1, 'Anna only');
    assert.equal(await free(slotAt('11:00')), 2, 'Anna and Bram');
    assert.equal(await free(slotAt('15:00')), 1, 'Bram only');
    const offered = await slots();
    assert.ok(!offered.some((s) => local(s.start).startsWith('2027-01-05')), 'Tuesday: nobody on the rota');
    assert.ok(offered.some((s) => local(s.start) === '2027-01-06T16:30'), 'Wednesday: Anna all day');
    assert.equal(await free(slotAt('09:00', '2027-01-11')), 0, 'Monday 11 January Anna is on a course and Bram starts at 11');
    assert.equal(await free(slotAt('11:00', '2027-01-11')), 1);
  });

  test('bookings go to the agents on duty, one each per slot, and a full slot is refused even when two race for it', async () => {
    const eleven = slotAt('11:00');
    const [a, b] = await Promise.all([book(eleven), book(eleven)]);
    assert.deepEqual([await ownerOf(a.promiseId), await ownerOf(b.promiseId)].sort(), [anna.id, bram.id].sort());
    await assert.rejects(book(eleven), (e: AppError) => e.code === 'slot_full' || e.code === 'slot_not_offered');
    const nine = await book(slotAt('09:00'));
    assert.equal(await ownerOf(nine.promiseId), anna.id, 'the admin, available but not on the rota, never gets it');
    await assert.rejects(book(slotAt('09:00', '2027-01-05')), (e: AppError) => e.code === 'slot_not_offered');

    // moved to the afternoon, when only Bram takes callbacks: he owns the renegotiated promise
    const moved = await moveCallback(t.db, door, nine.manageSecret, slotAt('15:00'), monday);
    assert.equal(await ownerOf(moved.promise_id), bram.id);
    assert.equal(await free(slotAt('09:00')), 1, 'the morning slot is free again');
  });

  test('a missed call goes to an agent on the rota then (or on the rota at all when nobody is on duty), never to one off it', async () => {
    await setPhone(t.db, systemActor(acc.accountId), { enabled: true });
    const conn = (await getConnections(t.db, acc.accountId))!;
    const call = async (at: Date, from: string) => {
      const r = await receiveCallEvent(t.db, conn, { id: `ev-${from}`, type: 'call.missed', call_id: `call-${from}`, direction: 'inbound', from, to: '+31201234567' }, at);
      assert.equal(r.outcome, 'logged');
      return ownerOf((r as { promise_id: string }).promise_id);
    };
    assert.equal(await call(slotAt('15:00'), '+31611110001'), bram.id, 'Monday 15:00: only Bram works');
    assert.equal(await call(slotAt('09:30'), '+31611110002'), anna.id, 'Monday 09:30: only Anna works');
    assert.ok([anna.id, bram.id].includes(await call(slotAt('09:30', '2027-01-05'), '+31611110003')), 'Tuesday: nobody on duty, still someone on the rota');
  });

  test('taking everyone off the rota brings back the door\'s bookings per slot', async () => {
    for (const id of [anna.id, bram.id]) {
      const res = await t.app.inject({ method: 'DELETE', url: `/api/v1/agents/${id}/callback-hours`, headers: acc.auth });
      assert.deepEqual(res.json(), { agent_id: id, deleted: true });
    }
    assert.equal(await free(slotAt('09:00', '2027-01-05')), 1, 'Tuesday is bookable again');
  });
});
