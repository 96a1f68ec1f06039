import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setChannelSettings, type Door } from '../../src/intake/doors/channel-settings.ts';
import { cachedDoor } from '../../src/intake/doors/door-cache.ts';
import { hitThrottles } from '../../src/intake/doors/throttle.ts';
import { sendChatMessage } from '../../src/intake/chat/send-chat-message.ts';
import { storeOpenChats } from '../../src/intake/chat/commit-chat-messages.ts';
import { followCase } from '../../src/cases/follow-case.ts';
import { LIVE_CHANNEL } from '../../src/live/notice.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { newAccount, testDb, type TestAccount } from '../helpers.ts';
import type { Db } from '../../src/storage/db.ts';

const id = () => crypto.randomUUID().replaceAll('-', '');

/**
 * A message in an open chat takes one statement and shares its transaction with the messages that
 * arrive with it (src/intake/chat/append-to-open-chat.ts, commit-chat-messages.ts). Nothing may
 * differ from the full case road: the same rows, events and numbers, also when many arrive at once.
 */
describe('chat messages committed together', () => {
  let db: Db;
  let acc: TestAccount;
  let door: Door;
  let slug: string;
  const notices: { event: string; case_id?: string }[] = [];
  let unlisten: () => Promise<void>;

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Groepscommit');
    slug = `gc-${acc.accountId.slice(0, 8)}`;
    await setChannelSettings(db, systemActor(acc.accountId), { slug });
    door = (await cachedDoor(db, slug))!;
    await db.query(`INSERT INTO webhooks (account_id, url, secret, events) VALUES ($1, 'https://hooks.example/x', 's', '{case.updated,message.created}')`, [acc.accountId]);
    unlisten = await db.listen(LIVE_CHANNEL, (payload) => {
      const n = JSON.parse(payload ?? '{}') as { account_id: string; event: string; case_id?: string };
      if (n.account_id === acc.accountId) notices.push(n);
    });
  });
  after(async () => {
    await unlisten();
    await db.close();
  });

  const start = async (body = 'Hallo, een vraag') => sendChatMessage(db, door, { clientId: id(), body, language: 'nl' });
  const caseOf = async (ref: string) => (await db.query<{ id: string; status: string; contact_count: number; solved_at: Date | null }>(
    'SELECT id, status, contact_count, solved_at FROM cases WHERE account_id = $1 AND ref = $2', [acc.accountId, ref]))[0];
  const waitFor = async (ok: () => boolean) => {
    for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 20));
  };

  test('a message in an open chat writes what the full road writes: timeline, audit, analysis job, webhooks, live notices', async () => {
    const first = await start();
    const c = await caseOf(first.caseRef);
    await db.query(`UPDATE cases SET status = 'pending_customer', owner_id = $3 WHERE account_id = $1 AND id = $2`, [acc.accountId, c.id, acc.adminId]);
    // the common case (token, no name or address): the one statement
    const fast = await sendChatMessage(db, door, { token: first.token, clientId: id(), body: 'Nog iets', language: 'nl' });
    // a name given: the full road (identifyCustomer may fill it in), on the same open case
    const full = await sendChatMessage(db, door, { token: first.token, clientId: id(), body: 'En nog iets', language: 'nl', name: 'Bea' });
    assert.deepEqual([fast.seq, full.seq, fast.caseRef, full.caseRef], [2, 3, first.caseRef, first.caseRef]);
    // the common case did take the one statement, in a shared transaction
    const direct = await storeOpenChats(db, [
      { accountId: acc.accountId, token: first.token, externalId: `chat.${id()}@luister`, body: 'Direct', language: 'nl' },
      { accountId: acc.accountId, token: first.token, externalId: `chat.${id()}@luister`, body: 'Direct 2', language: 'nl' },
    ]);
    assert.deepEqual(direct.map((r) => (r instanceof Error ? r.message : r.kind === 'stored' ? r.seq : r.kind)), [4, 5]);
    const after = await caseOf(first.caseRef);
    assert.equal(after.status, 'open', 'a customer message reopens a case that waited on them');
    assert.equal(after.contact_count, c.contact_count + 4);

    const msgs = await db.query<{ id: string; customer_id: string; channel: string; language: string; intake_notes: string[]; email_message_id: string }>(
      `SELECT id, customer_id, channel, language, intake_notes, email_message_id FROM messages WHERE account_id = $1 AND case_id = $2 ORDER BY created_at`, [acc.accountId, c.id]);
    assert.equal(msgs.length, 5);
    const [, m2, m3] = msgs;
    assert.deepEqual({ ...m2, id: 0, email_message_id: 0 }, { ...m3, id: 0, email_message_id: 0 }, 'the same message row either way');
    const perMessage = async (messageId: string) => ({
      audit: (await db.query<{ action: string }>(`SELECT action FROM audit_log WHERE account_id = $1 AND after->>'message_id' = $2`, [acc.accountId, messageId])).map((r) => r.action),
      jobs: (await db.query<{ kind: string }>(`SELECT kind FROM jobs WHERE account_id = $1 AND payload->>'message_id' = $2`, [acc.accountId, messageId])).map((r) => r.kind),
      deliveries: (await db.query<{ event: string }>(`SELECT event FROM webhook_deliveries WHERE account_id = $1 AND payload->'data'->>'id' = $2`, [acc.accountId, messageId])).map((r) => r.event),
    });
    assert.deepEqual(await perMessage(m2.id), await perMessage(m3.id));
    assert.deepEqual(await perMessage(m2.id), { audit: ['message.inbound'], jobs: ['message.analyse'], deliveries: ['message.created'] });
    const contacts = await db.query<{ before: { status: string }; after: { status: string; contact_count: number } }>(
      `SELECT before, after FROM audit_log WHERE account_id = $1 AND entity_id = $2 AND action = 'case.contact_added' ORDER BY id`, [acc.accountId, c.id]);
    assert.deepEqual(contacts.map((a) => `${a.before.status}->${a.after.status}`), ['pending_customer->open', 'open->open', 'open->open', 'open->open']);
    const [{ n: caseDeliveries }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM webhook_deliveries WHERE account_id = $1 AND event = 'case.updated' AND payload->'data'->>'id' = $2`, [acc.accountId, c.id]);
    assert.equal(caseDeliveries, 4);
    const shapes = await db.query<{ keys: string[] }>(
      `SELECT (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(payload->'data') AS k) AS keys FROM webhook_deliveries
       WHERE account_id = $1 AND event = 'case.updated' AND payload->'data'->>'id' = $2`, [acc.accountId, c.id]);
    assert.deepEqual(shapes[0].keys, shapes[1].keys, 'the same case payload either way');
    const shape = shapes[0];
    assert.ok(shape.keys.includes('ref') && !shape.keys.includes('subject_key'), 'the case as the API shows it');
    await waitFor(() => notices.filter((n) => n.case_id === c.id && n.event === 'message.created').length >= 5);
    assert.equal(notices.filter((n) => n.case_id === c.id && n.event === 'message.created').length, 5, 'the workspace hears each message live');
  });

  test('many messages at once, in one chat and in many: every one stored once, numbered without a gap, counted and analysed', async () => {
    const chats = await Promise.all(Array.from({ length: 12 }, (_, k) => start(`Vraag ${k}`)));
    const sends = chats.flatMap((ch, k) => Array.from({ length: k === 0 ? 20 : 3 }, (_, j) =>
      sendChatMessage(db, door, { token: ch.token, clientId: id(), body: `Bericht ${k}.${j}`, language: 'nl' })));
    const out = await Promise.all(sends);
    assert.ok(out.every((o) => !o.duplicate));
    for (const [k, ch] of chats.entries()) {
      const c = await caseOf(ch.caseRef);
      const rows = await db.query<{ seq: number; body: string }>(
        `SELECT e.seq, m.body FROM chat_entries e JOIN messages m ON m.account_id = e.account_id AND m.id = e.message_id
         JOIN chat_sessions s ON s.account_id = e.account_id AND s.id = e.session_id WHERE s.account_id = $1 AND s.case_id = $2 ORDER BY e.seq`, [acc.accountId, c.id]);
      const n = (k === 0 ? 20 : 3) + 1;
      assert.deepEqual(rows.map((r) => r.seq), Array.from({ length: n }, (_, i) => i + 1), 'numbered 1..n, no gap, no double');
      assert.equal(new Set(rows.map((r) => r.body)).size, n);
      assert.equal(c.contact_count, n);
      const [{ jobs }] = await db.query<{ jobs: number }>(
        `SELECT count(*)::int AS jobs FROM jobs j JOIN messages m ON m.account_id = j.account_id AND m.id = (j.payload->>'message_id')::uuid
         WHERE j.account_id = $1 AND j.kind = 'message.analyse' AND m.case_id = $2`, [acc.accountId, c.id]);
      assert.equal(jobs, n);
    }
    // the answers' numbers are the stored ones
    const seqs = out.slice(0, 20).map((o) => o.seq).sort((a, b) => a - b);
    assert.deepEqual(seqs, Array.from({ length: 20 }, (_, i) => i + 2));
  });

  test('the same message resent at once is stored once; a closed case goes on on a new one; a follower hears of it', async () => {
    const ch = await start();
    const clientId = id();
    const tries = await Promise.all(Array.from({ length: 5 }, () => sendChatMessage(db, door, { token: ch.token, clientId, body: 'Dubbel?', language: 'nl' })));
    assert.equal(new Set(tries.map((t) => t.seq)).size, 1);
    assert.equal(tries.filter((t) => !t.duplicate).length, 1);
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE account_id = $1 AND email_message_id = $2`, [acc.accountId, `chat.${clientId}@luister`]);
    assert.equal(n, 1);

    const c = await caseOf(ch.caseRef);
    await followCase(db, systemActor(acc.accountId), c.id, acc.adminId);
    await sendChatMessage(db, door, { token: ch.token, clientId: id(), body: 'Hallo volger', language: 'nl' });
    const [{ bells }] = await db.query<{ bells: number }>(`SELECT count(*)::int AS bells FROM notifications WHERE account_id = $1 AND case_id = $2 AND kind = 'case.customer_message'`, [acc.accountId, c.id]);
    assert.equal(bells, 1);

    await db.query(`UPDATE cases SET status = 'closed', closed_at = now(), owner_id = $3 WHERE account_id = $1 AND id = $2`, [acc.accountId, c.id, acc.adminId]);
    const next = await sendChatMessage(db, door, { token: ch.token, clientId: id(), body: 'Ik ben er weer', language: 'nl' });
    assert.notEqual(next.caseRef, ch.caseRef, 'a closed case is not reopened: the conversation goes on on a new case');
    const again = await sendChatMessage(db, door, { token: ch.token, clientId: id(), body: 'En nog iets', language: 'nl' });
    assert.equal(again.caseRef, next.caseRef);
    assert.equal(again.seq, next.seq + 1);

    await assert.rejects(sendChatMessage(db, door, { token: 'x'.repeat(32), clientId: id(), body: 'Wie?', language: 'nl' }), /This chat has ended/);
  });

  test('the per-address limit counts hits that arrive together as if one by one', async () => {
    const hit = { accountId: acc.accountId, door: 'chat' as const, ip: `10.9.${Math.floor(Math.random() * 250)}.1`, secret: door.form_secret, perHour: 5 };
    const first = await hitThrottles(db, [hit, hit, hit, { ...hit, ip: '10.8.0.1' }]);
    assert.deepEqual(first.map((r) => r.allowed), [true, true, true, true]);
    const second = await hitThrottles(db, [hit, hit, hit]);
    assert.deepEqual(second.map((r) => r.allowed), [true, true, false]);
    assert.ok(second[2].retryAfterSeconds > 0 && second[2].retryAfterSeconds <= 3600);
  });
});
