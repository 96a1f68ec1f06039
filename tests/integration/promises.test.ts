import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/storage/db.ts';
import type { Actor } from '../../src/shared/actor.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createTeam } from '../../src/accounts/create-team.ts';
import { receiveMessage } from '../../src/cases/receive-message.ts';
import { assignCase } from '../../src/cases/assign-case.ts';
import { addMessage } from '../../src/cases/add-message.ts';
import { updateCase } from '../../src/cases/update-case.ts';
import { makePromise } from '../../src/promises/make-promise.ts';
import { listPromises, getPromise } from '../../src/promises/list-promises.ts';
import { sweepPromises } from '../../src/promises/sweep-promises.ts';
import { approveDraft, listDrafts } from '../../src/promises/decide-draft.ts';
import { listNotifications } from '../../src/promises/notifications.ts';
import { updateServiceSettings } from '../../src/promises/settings.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { newAccount, testConfig, testDb, uniqueEmail, type TestAccount } from '../helpers.ts';
import { runJobs } from '../email.ts';

// a frozen clock: Tuesday 24 November 2026, 10:00 in Amsterdam
const NOW = new Date('2026-11-24T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('promises: made, reminded, breached, escalated, told — with a frozen clock', () => {
  let db: Db;
  let acc: TestAccount;
  let agent: Actor;
  let supervisor: Actor;
  const handlers = jobHandlers(testConfig());
  const follow = () => runJobs(db, handlers, acc.accountId, ['promise.remind', 'promise.breached', 'email.send']);

  const newCase = async (name: string) => {
    const r = await receiveMessage(db, systemActor(acc.accountId), {
      customer: { email: uniqueEmail(name.toLowerCase()), name }, subject: 'Monteur kwam niet', body: 'De monteur is niet gekomen. Ik heb de hele dag thuis gezeten!', channel: 'web',
    });
    await assignCase(db, supervisor, r.case.id, agent.agentId!);
    return r.case;
  };

  before(async () => {
    db = await testDb();
    acc = await newAccount(db, 'Kabel');
    const admin = { ...systemActor(acc.accountId), type: 'agent' as const, agentId: acc.adminId, id: acc.adminId };
    const team = await createTeam(db, admin, { name: `Tweede lijn ${Date.now()}` });
    const a = await createAgent(db, admin, { email: uniqueEmail('piet'), name: 'Piet de Jong', role: 'agent', teamId: team.id });
    const s = await createAgent(db, admin, { email: uniqueEmail('sanne'), name: 'Sanne Visser', role: 'supervisor', teamId: team.id });
    agent = { accountId: acc.accountId, type: 'agent', id: a.id, role: 'agent', agentId: a.id };
    supervisor = { accountId: acc.accountId, type: 'agent', id: s.id, role: 'supervisor', agentId: s.id };
  });
  after(() => db.close());

  test('bad promises are refused and change nothing', async () => {
    const c = await newCase('Anna');
    await db.transaction(async (tx) => {
      await assert.rejects(makePromise(tx, agent, { caseId: c.id, kind: 'callback', description: 'terugbellen', dueAt: at('2026-11-24T08:00:00Z'), now: NOW }), /in the past/);
      await assert.rejects(makePromise(tx, agent, { caseId: c.id, kind: 'appointment_window', description: 'monteur', windowStart: at('2026-11-26T12:00:00Z'), dueAt: at('2026-11-26T08:00:00Z'), now: NOW }), /ends before it starts/);
      await assert.rejects(makePromise(tx, agent, { caseId: c.id, kind: 'appointment_window', description: 'monteur', dueAt: at('2026-11-26T08:00:00Z'), now: NOW }), /needs a window/);
    });
    assert.equal((await listPromises(db, acc.accountId, { limit: 10, case_id: c.id })).data.length, 0);
  });

  test('a promise made in a reply reminds its owner, breaches once, escalates, and the case cannot close until the customer is told', async () => {
    const c = await newCase('Henk');
    // the agent writes the promise in a reply; it becomes a promise due tomorrow 12:00 in Amsterdam
    await addMessage(db, agent, c.id, { type: 'outbound', now: NOW,
      body: 'Beste Henk, het spijt me dat de monteur niet kwam. Wij bellen u morgen vóór 12:00 terug over een nieuwe afspraak. Met vriendelijke groet, Piet' });
    const [p] = (await listPromises(db, acc.accountId, { limit: 10, case_id: c.id })).data;
    assert.equal(p.kind, 'callback');
    assert.equal(p.due_at.toISOString(), '2026-11-25T11:00:00.000Z');
    assert.equal(p.owner_id, agent.agentId);
    assert.equal(p.remind_at?.toISOString(), '2026-11-25T10:00:00.000Z');

    assert.deepEqual(await sweepPromises(db, { now: at('2026-11-25T09:59:00Z'), accountIds: [acc.accountId] }), { breached: 0, reminded: 0 });
    assert.deepEqual(await sweepPromises(db, { now: at('2026-11-25T10:00:00Z'), accountIds: [acc.accountId] }), { breached: 0, reminded: 1 });
    await follow();
    const mine = await listNotifications(db, agent, { limit: 10 });
    assert.ok(mine.data.some((n) => n.kind === 'promise.due_soon' && n.promise_id === p.id));

    // two workers sweep at the same moment: the promise is breached once
    const [a, b] = await Promise.all([sweepPromises(db, { now: at('2026-11-25T11:01:00Z'), accountIds: [acc.accountId] }), sweepPromises(db, { now: at('2026-11-25T11:01:00Z'), accountIds: [acc.accountId] })]);
    assert.equal(a.breached + b.breached, 1);
    await follow();
    const breached = await getPromise(db, acc.accountId, p.id);
    assert.equal(breached.state, 'breached');
    assert.ok(breached.history.some((h) => h.action === 'promise.breached'));
    const escalations = await listNotifications(db, supervisor, { limit: 20 });
    assert.ok(escalations.data.some((n) => n.kind === 'promise.escalated' && n.promise_id === p.id), 'the supervisor hears of it');
    const [{ n: events }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND entity_id = $2 AND action = 'promise.breached'`, [acc.accountId, p.id]);
    assert.equal(events, 1, 'breached once');

    await assert.rejects(updateCase(db, agent, c.id, { status: 'solved' }), (e: { code?: string }) => e.code === 'customer_not_told');

    // the apology waits for a supervisor; approving sends it and agrees the new time
    const drafts = (await listDrafts(db, acc.accountId)).data.filter((d) => d.promise_id === p.id);
    assert.equal(drafts.length, 1);
    assert.match(drafts[0].body, /Beste Henk,[\s\S]*niet nagekomen[\s\S]*excuses[\s\S]*uiterlijk/);
    await approveDraft(db, supervisor, drafts[0].id, { now: at('2026-11-25T11:30:00Z') });
    const told = await getPromise(db, acc.accountId, p.id);
    assert.ok(told.breach_notice_message_id, 'the customer was told');
    assert.ok(told.replaced_by, 'with a new time');
    const next = await getPromise(db, acc.accountId, told.replaced_by!);
    assert.equal(next.state, 'open');
    assert.equal(next.source, 'renegotiation');
    await updateCase(db, agent, c.id, { status: 'solved' });
  });

  test('breach notice "send": the apology goes out at once through the case\'s channel', async () => {
    const admin: Actor = { ...systemActor(acc.accountId), type: 'agent', agentId: acc.adminId, id: acc.adminId };
    await updateServiceSettings(db, admin, { breach_notice: 'send' });
    try {
      const c = await newCase('Fatima');
      const p = await db.transaction((tx) => makePromise(tx, agent, { caseId: c.id, kind: 'refund_by', description: '€ 12,50 terugstorten', dueAt: at('2026-11-26T16:00:00Z'), now: NOW }));
      await sweepPromises(db, { now: at('2026-11-26T16:00:00Z'), accountIds: [acc.accountId] });
      await follow();
      const after = await getPromise(db, acc.accountId, p.id);
      assert.equal(after.state, 'breached');
      assert.ok(after.breach_notice_message_id);
      const [m] = await db.query<{ body: string; type: string }>('SELECT body, type FROM messages WHERE account_id = $1 AND id = $2', [acc.accountId, after.breach_notice_message_id]);
      assert.equal(m.type, 'outbound');
      assert.match(m.body, /uw geld terug te storten/);
    } finally {
      await updateServiceSettings(db, admin, { breach_notice: 'draft' });
    }
  });

  test('handed out twice (the minute sweep and the hourly reconciliation), a promise is still breached once', async () => {
    const { reconcilePromises } = await import('../../src/promises/sweep-promises.ts');
    const c = await newCase('Els');
    const p = await db.transaction((tx) => makePromise(tx, agent, { caseId: c.id, kind: 'answer_by', description: 'antwoord over de factuur', dueAt: at('2026-11-30T09:00:00Z'), now: NOW }));
    const swept = await sweepPromises(db, { now: at('2026-11-30T09:05:00Z'), accountIds: [acc.accountId] });
    assert.ok(swept.breached >= 1, 'handed out (with the renegotiated promises of the tests above, due since)');
    assert.equal((await sweepPromises(db, { now: at('2026-11-30T09:06:00Z'), accountIds: [acc.accountId] })).breached, 0, 'nothing new since the mark');
    const again = await reconcilePromises(db, { now: at('2026-11-30T09:30:00Z'), accountIds: [acc.accountId] });
    assert.ok(again.breached >= 1, 'still open before the follow-up ran: handed out again');
    // both copies run at the same moment, as two workers would
    const { claimJobs, completeJob } = await import('../../src/storage/jobs.ts');
    const jobs = await claimJobs(db, 'race', 100, { kinds: ['promise.breached'], accountIds: [acc.accountId] });
    assert.ok(jobs.length >= 2);
    await Promise.all(jobs.map(async (j) => {
      await handlers['promise.breached'](db, j);
      await completeJob(db, j.id);
    }));
    const [{ n }] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE account_id = $1 AND entity_id = $2 AND action = 'promise.breached'`, [acc.accountId, p.id]);
    assert.equal(n, 1);
    assert.equal((await listDrafts(db, acc.accountId)).data.filter((d) => d.promise_id === p.id).length, 1, 'one apology');
  });

  test('a promise made in a reply shows up on the case with its due time in Amsterdam', async () => {
    const c = await newCase('Wim');
    const m = await addMessage(db, agent, c.id, { type: 'outbound', now: NOW,
      body: 'Beste Wim, excuses dat de monteur niet kwam. Wij bellen u morgen vóór 12:00 terug om een nieuwe afspraak te maken. Met vriendelijke groet, Piet' });
    const made = (await listPromises(db, acc.accountId, { limit: 10, case_id: c.id })).data;
    assert.equal(made.length, 1, JSON.stringify(made));
    assert.equal(made[0].kind, 'callback');
    assert.equal(made[0].due_at.toISOString(), '2026-11-25T11:00:00.000Z'); // Wednesday 12:00 in Amsterdam
    assert.equal(made[0].source, 'reply');
    assert.equal(made[0].source_message_id, m.id);
    assert.equal(made[0].owner_id, agent.agentId);
  });

  test('a reply keeps the case\'s open "answer by" promise', async () => {
    const c = await newCase('Joop');
    const p = await db.transaction((tx) => makePromise(tx, agent, { caseId: c.id, kind: 'answer_by', description: 'antwoord over de storing', dueAt: at('2026-11-27T16:00:00Z'), now: NOW }));
    const m = await addMessage(db, agent, c.id, { type: 'outbound', body: 'Beste Joop, de storing is verholpen. Excuses voor het ongemak. Met vriendelijke groet, Piet', now: NOW });
    const kept = await getPromise(db, acc.accountId, p.id);
    assert.equal(kept.state, 'kept');
    assert.equal(kept.kept_by, `reply:${m.id}`);
  });
});
