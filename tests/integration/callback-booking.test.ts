import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { bookCallback, openCallbackSlots } from '../../src/intake/callback/book-callback.ts';
import { findDoor, setChannelSettings } from '../../src/intake/doors/channel-settings.ts';
import { issueFormToken } from '../../src/intake/form/form-token.ts';
import { availability } from '../../src/intake/doors/availability.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { AppError } from '../../src/shared/errors.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

/**
 * Callback booking (issue 17): when nobody can answer, the customer books a slot from the desk's
 * real free capacity (business hours, Dutch holidays, what is booked); the booking is a callback
 * promise with an owner and a window, and can be moved or cancelled through the customer's link.
 */
describe('callback booking', () => {
  let t: TestContext;
  let acc: TestAccount;
  let slug: string;
  let agentId: string;

  before(async () => {
    t = await testApp();
    acc = await newAccount(t.db, 'Zorgverzekeraar');
    slug = `zorg-${acc.accountId.slice(0, 8)}`;
    await setChannelSettings(t.db, systemActor(acc.accountId), { slug, callback_capacity: 1 });
    const agent = await createAgent(t.db, systemActor(acc.accountId), { email: uniqueEmail('bel'), name: 'Bella Bel', role: 'agent' });
    agentId = agent.id;
    // the admin is not taking calls today: the callback goes to the agent who is
    await t.db.query('UPDATE agents SET available = false WHERE account_id = $1 AND id = $2', [acc.accountId, acc.adminId]);
  });
  after(() => t.close());

  const secret = async () => (await t.db.query<{ form_secret: string }>('SELECT form_secret FROM channel_settings WHERE account_id = $1', [acc.accountId]))[0].form_secret;
  const post = async (url: string, fields: Record<string, string>) =>
    t.app.inject({ method: 'POST', url, remoteAddress: `192.0.2.${Math.floor(Math.random() * 250)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(fields).toString() });

  test('a customer books a slot on the page; it becomes a callback promise with an owner and a window; the slot is then full', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/contact/${slug}/callback` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<legend>\w+dag \d+ \w+<\/legend>/);
    const slot = /name="slot" id="slot-1" value="([^"]+)"/.exec(page.body)![1];
    const token = issueFormToken(await secret(), acc.accountId, Date.now() - 10_000);
    const res = await post(`/contact/${slug}/callback`, { t: token, lang: 'nl', website: '', phone: '06 12345678', name: 'Fatima', email: uniqueEmail('fatima'), note: 'Vraag over mijn declaratie', slot });
    assert.equal(res.statusCode, 200, res.body);
    assert.match(res.body, /We bellen u <strong>\w+dag \d+ \w+ tussen \d\d:\d\d en \d\d:\d\d<\/strong> op \+31612345678\./);
    const manage = /href="(\/contact\/[^"]+\/callback\/[\w-]{32}\?lang=nl)"/.exec(res.body)![1];

    const [p] = await t.db.query<{ id: string; kind: string; owner_id: string; window_start: Date; due_at: Date; case_id: string; state: string }>(
      `SELECT id, kind, owner_id, window_start, due_at, case_id, state FROM promises WHERE account_id = $1`, [acc.accountId]);
    assert.equal(p.kind, 'callback');
    assert.equal(p.owner_id, agentId);
    assert.equal(p.window_start.toISOString(), slot);
    // it shows in "promises due" like every promise
    const due = await t.app.inject({ method: 'GET', url: `/api/v1/promises?state=open&due_before=${encodeURIComponent(new Date(p.due_at.getTime() + 1000).toISOString())}`, headers: acc.auth });
    assert.ok(due.json().data.some((x: { id: string }) => x.id === p.id));
    // the confirmation with the move/cancel link is queued as a mail on the case
    const [mail] = await t.db.query<{ body: string }>(`SELECT body FROM messages WHERE account_id = $1 AND case_id = $2 AND type = 'outbound'`, [acc.accountId, p.case_id]);
    assert.match(mail.body, /We bellen u \w+dag/);
    assert.match(mail.body, /\/callback\/[\w-]{32}\?lang=nl/);

    // capacity 1: the same slot again is refused, and the page offers the others
    const again = await post(`/contact/${slug}/callback`, { t: issueFormToken(await secret(), acc.accountId, Date.now() - 10_000), lang: 'nl', website: '', phone: '0201234567', slot });
    assert.ok(again.statusCode === 409 || again.statusCode === 422, again.body);
    assert.doesNotMatch(again.body, new RegExp(`value="${slot}"`));

    // move it through the link: the old slot frees up, the promise is renegotiated to the new window
    const managePage = await t.app.inject({ method: 'GET', url: manage });
    const other = /name="slot" id="slot-3" value="([^"]+)"/.exec(managePage.body)![1];
    const moved = await post(manage.replace('?lang', '/move?lang'), { slot: other });
    assert.equal(moved.statusCode, 200, moved.body);
    const promises = await t.db.query<{ state: string; window_start: Date }>(`SELECT state, window_start FROM promises WHERE account_id = $1 ORDER BY created_at`, [acc.accountId]);
    assert.deepEqual(promises.map((x) => [x.state, x.window_start.toISOString()]), [['renegotiated', slot], ['open', other]]);
    const door = (await findDoor(t.db, slug))!;
    assert.ok((await openCallbackSlots(t.db, door)).slots.some((s) => s.start.toISOString() === slot), 'the old slot is free again');

    // cancel: the promise is withdrawn, the slot free
    const cancelled = await post(manage.replace('?lang', '/cancel?lang'), {});
    assert.equal(cancelled.statusCode, 200);
    assert.match(cancelled.body, /Deze afspraak is geannuleerd/);
    const [last] = await t.db.query<{ state: string }>(`SELECT state FROM promises WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1`, [acc.accountId]);
    assert.equal(last.state, 'cancelled');
  });

  test('concurrent bookings never overfill a slot', async () => {
    await setChannelSettings(t.db, systemActor(acc.accountId), { callback_capacity: 2 });
    const door = (await findDoor(t.db, slug))!;
    const slot = (await openCallbackSlots(t.db, door)).slots.at(-1)!;
    const results = await Promise.allSettled(Array.from({ length: 6 }, (_, i) =>
      bookCallback(t.db, door, { slotStart: slot.start, phone: `+3161234560${i}`, language: 'nl', managePath: (s) => s })));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 2);
    for (const r of results.filter((x) => x.status === 'rejected')) assert.equal(((r as PromiseRejectedResult).reason as AppError).code, 'slot_full');
    const [{ booked }] = await t.db.query<{ booked: number }>('SELECT booked FROM callback_slots WHERE account_id = $1 AND slot_start = $2', [acc.accountId, slot.start]);
    assert.equal(booked, 2);
  });

  test('a time that is no slot (closed, a Sunday night) cannot be booked; nothing is stored', async () => {
    const door = (await findDoor(t.db, slug))!;
    const sunday = new Date();
    sunday.setUTCDate(sunday.getUTCDate() + ((7 - sunday.getUTCDay()) % 7 || 7));
    sunday.setUTCHours(2, 0, 0, 0);
    await assert.rejects(bookCallback(t.db, door, { slotStart: sunday, phone: '+31612345678', language: 'en', managePath: (s) => s }), /not a callback slot/);
    await assert.rejects(bookCallback(t.db, door, { slotStart: new Date('nonsense'), phone: '+31612345678', language: 'en', managePath: (s) => s }), /not a callback slot/);
    await assert.rejects(bookCallback(t.db, door, { slotStart: new Date(), phone: 'bel me', language: 'en', managePath: (s) => s }), /not a valid phone number/);
  });

  test('availability: nobody available when no agent is', async () => {
    await t.db.query('UPDATE agents SET available = false WHERE account_id = $1', [acc.accountId]);
    assert.equal((await availability(t.db, acc.accountId)).available, false);
  });
});
