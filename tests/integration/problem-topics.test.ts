// Issue 14: a problem gathers its cases across every topic its signal counted; a later topic close to
// one of them joins the open problem instead of raising a signal; every suggestion says why.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { raiseSignal } from '../../src/problems/signals.ts';
import { joinRelatedProblem, openProblemsOf } from '../../src/problems/problem-topics.ts';
import { createPgClusterStore } from '../../src/listening/clustering/pg-store.ts';
import { newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;
before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: acc.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

async function topic(terms: [string, number][]): Promise<string> {
  const norm = Math.sqrt(terms.reduce((n, [, w]) => n + w * w, 0));
  const [t] = await ctx.db.query<{ id: string }>(
    `INSERT INTO topics (account_id, centroid, norm, size, first_seq, last_seq, first_at, last_at) VALUES ($1, $2, $3, 3, 1, 1, now(), now()) RETURNING id`,
    [acc.accountId, JSON.stringify(terms), norm],
  );
  return t.id;
}

async function contact(topicId: string, body: string) {
  const c = (await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail() }, subject: 'Parkeren', message: { body } })).json();
  await ctx.db.query(`INSERT INTO message_analysis (account_id, message_id, intents, money, topic_id) VALUES ($1, $2, '{}', '[]', $3)`, [acc.accountId, c.message.id, topicId]);
  return c as { id: string; ref: string };
}

test('a problem from a signal is about every topic the signal counted, and says why each case was suggested', async () => {
  const charged = await topic([['afgeschrev', 1], ['parkeer', 0.5]]);
  const doubled = await topic([['dubbel', 1], ['parkeer', 0.5]]);
  const a = await contact(charged, 'Er is te veel afgeschreven voor parkeren.');
  const b = await contact(doubled, 'Ik heb dubbel betaald voor mijn parkeersessie.');
  const signal = await ctx.db.transaction((tx) =>
    raiseSignal(tx, acc.accountId, {
      topicId: charged,
      title: 'Parkeerapp rekent te veel',
      evidence: { count: 5, expected: 0, score: 1, reason: 'new topic', examples: [], series: [], topic_ids: [charged, doubled] },
    }),
  );
  const p = (await req('POST', '/api/v1/problems', { title: 'Parkeerapp rekent te veel', signal_id: signal!.id })).json();
  const detail = (await req('GET', `/api/v1/problems/${p.id}`)).json();
  const why = Object.fromEntries(detail.cases.map((c: { ref: string; reason: { why: string; topic_id: string } }) => [c.ref, c.reason]));
  assert.deepEqual(why[a.ref], { why: 'problem_topic', topic_id: charged });
  assert.deepEqual(why[b.ref], { why: 'signal_topic', topic_id: doubled }, 'the case in the related topic the signal counted is suggested too');
  assert.deepEqual((await openProblemsOf(ctx.db, acc.accountId, [doubled])).sort(), [p.id]);

  // a later contact in a topic close to one of the problem's joins the problem instead of a new signal
  const session = await topic([['parkeersessie', 0.3], ['dubbel', 1], ['parkeer', 0.5]]);
  const c = await contact(session, 'Mijn parkeersessie werd dubbel gerekend.');
  const joined = await ctx.db.transaction((tx) => joinRelatedProblem(tx, createPgClusterStore(tx, acc.accountId), acc.accountId, session, new Date()));
  assert.equal(joined, p.id);
  const after = (await req('GET', `/api/v1/problems/${p.id}`)).json();
  const linked = after.cases.find((x: { ref: string }) => x.ref === c.ref);
  assert.equal(linked.reason.why, 'related_topic');
  assert.equal(linked.state, 'suggested', 'suggested by rule, for an agent to confirm');

  // an unrelated topic joins nothing
  const login = await topic([['wachtwoord', 1], ['inlogg', 1]]);
  assert.equal(await ctx.db.transaction((tx) => joinRelatedProblem(tx, createPgClusterStore(tx, acc.accountId), acc.accountId, login, new Date())), null);
  // a topic that was there before these events is about something else, however close its words
  const old = await topic([['parkeersessie', 0.3], ['dubbel', 1], ['parkeer', 0.5]]);
  await ctx.db.query(`UPDATE topics SET first_at = now() - interval '5 days' WHERE account_id = $1 AND id = $2`, [acc.accountId, old]);
  assert.equal(await ctx.db.transaction((tx) => joinRelatedProblem(tx, createPgClusterStore(tx, acc.accountId), acc.accountId, old, new Date())), null);
  // once resolved, the problem gathers no more
  await req('PATCH', `/api/v1/problems/${p.id}`, { status: 'resolved' });
  assert.deepEqual(await openProblemsOf(ctx.db, acc.accountId, [doubled]), []);
});
