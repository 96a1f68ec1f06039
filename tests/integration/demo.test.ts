import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { login } from '../../src/accounts/login.ts';
import { search } from '../../src/cases/search.ts';
import { loadDemo } from '../../src/demo/load-demo.ts';
import { getDashboard } from '../../src/insight/dashboard.ts';
import type { Db } from '../../src/storage/db.ts';
import { testDb } from '../helpers.ts';

/**
 * `luister demo` as a new user meets it: agents who can sign in, and two weeks of history that
 * every screen has something to show for — written through the use cases, backdated by the demo
 * clock, analysed in time order.
 */
let db: Db;
let demo: Awaited<ReturnType<typeof loadDemo>>;
const DAY = 86_400_000;
const now = new Date();

before(async () => {
  db = await testDb();
  demo = await loadDemo(db, { password: 'demo-wachtwoord-42', now });
});
after(() => db.close());

const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => db.query<T>(sql, [demo.account_id, ...params]);

test('every demo agent signs in with the printed password', async () => {
  assert.ok(demo.agents.some((a) => a.role === 'supervisor'));
  for (const email of [...demo.agents.map((a) => a.email), demo.admin_email]) {
    const { agent } = await login(db, { email, password: demo.password, ttlHours: 1 });
    assert.equal(agent.account_id, demo.account_id);
  }
});

test('the history spans two weeks: messages on most days, cases solved on the way, the analysis stored with each message time', async () => {
  const [span] = await q<{ first: Date; days: number; solved: number; open: number }>(
    `SELECT min(created_at) AS first, count(DISTINCT (created_at AT TIME ZONE 'Europe/Amsterdam')::date)::int AS days,
       (SELECT count(*) FROM cases WHERE account_id = $1 AND status IN ('solved', 'closed'))::int AS solved,
       (SELECT count(*) FROM cases WHERE account_id = $1 AND status NOT IN ('solved', 'closed'))::int AS open
     FROM messages WHERE account_id = $1 AND type = 'inbound'`,
  );
  assert.ok(now.getTime() - new Date(span.first).getTime() > 13 * DAY, `first message ${span.first}`);
  assert.ok(span.days >= 12, `${span.days} days with messages`);
  assert.ok(span.solved >= 40 && span.open >= 15, JSON.stringify(span));
  const [analysis] = await q<{ inbound: number; analysed: number; same_time: number; future: number }>(
    `SELECT count(*)::int AS inbound, count(a.message_id)::int AS analysed, count(*) FILTER (WHERE abs(extract(epoch FROM a.message_at - m.created_at)) < 0.001)::int AS same_time,
       count(*) FILTER (WHERE m.created_at > $2)::int AS future
     FROM messages m LEFT JOIN message_analysis a ON a.account_id = m.account_id AND a.message_id = m.id
     WHERE m.account_id = $1 AND m.type = 'inbound' AND m.automated IS NULL`,
    [now],
  );
  assert.equal(analysis.analysed, analysis.inbound);
  // the same time (to the millisecond: the analysis job reads the time into JavaScript on its way)
  assert.equal(analysis.same_time, analysis.inbound);
  assert.equal(analysis.future, 0);
  // the timeline's audit events moved with the messages: a case was opened when its first message came
  const [audit] = await q<{ cases: number; off: number }>(
    `SELECT count(*)::int AS cases, count(*) FILTER (WHERE abs(extract(epoch FROM l.at - c.created_at)) > 60)::int AS off
     FROM cases c JOIN audit_log l ON l.account_id = c.account_id AND l.entity_id = c.id AND l.action = 'case.created' WHERE c.account_id = $1`,
  );
  assert.ok(audit.cases > 100 && audit.off === 0, JSON.stringify(audit));
  assert.equal(demo.history.audit_backdated, true);
});

test('the problems board has signals with their hourly chart: today\'s spike and a new topic; a problem is being fixed', async () => {
  const open = await q<{ title: string; evidence: { series: { count: number; expected: number }[]; examples: string[]; count: number } }>(
    `SELECT title, evidence FROM signals WHERE account_id = $1 AND status = 'open'`,
  );
  assert.ok(open.length >= 2, `open signals: ${open.map((s) => s.title).join('; ')}`);
  for (const s of open) {
    assert.ok(s.evidence.series.length >= 12, `${s.title}: a chart of ${s.evidence.series.length} hours`);
    assert.ok(s.evidence.series.some((p) => p.count > p.expected), `${s.title}: the chart shows the rise`);
  }
  assert.ok(open.some((s) => /parkeersessie|parkeren/.test(s.title)), 'the parking spike');
  assert.ok(open.some((s) => /heet|ineens/.test(s.title)), 'the app\'s new name');
  const [problem] = await q<{ status: string; confirmed: number }>(
    `SELECT p.status, (SELECT count(*) FROM problem_cases pc WHERE pc.account_id = p.account_id AND pc.problem_id = p.id AND pc.state = 'confirmed')::int AS confirmed
     FROM problems p WHERE p.account_id = $1`,
  );
  assert.equal(problem.status, 'fixing');
  assert.ok(problem.confirmed >= 2);
});

test('the dashboard has a fortnight of trends: contacts per topic per day, the spike, promises kept, cost per contact', async () => {
  const d = await getDashboard(db, demo.account_id, { days: 14, now });
  assert.ok(d.contacts.by_day.filter((n) => n > 0).length >= 12, `contacts per day ${d.contacts.by_day}`);
  assert.ok(d.contacts.topics.filter((t) => t.total >= 5).length >= 5, 'several topics with a trend');
  assert.ok(d.contacts.spikes.length >= 1);
  assert.ok(d.cases.resolved >= 40 && d.cases.repeat_contact_cases >= 1);
  assert.ok(d.promises.kept_on_time >= 3 && d.promises.broken >= 1, JSON.stringify(d.promises));
  assert.ok(d.sla.first_response_median_minutes !== null);
  assert.ok(d.cost.cost_per_contact_cents !== null && d.cost.handled_hours > 1);
});

test('promises are due today (and one is broken), the knowledge base has articles, the README\'s search finds something', async () => {
  const promises = await q<{ state: string; today: boolean }>(
    `SELECT state, (due_at AT TIME ZONE 'Europe/Amsterdam')::date = ($2::timestamptz AT TIME ZONE 'Europe/Amsterdam')::date AS today
     FROM promises WHERE account_id = $1`,
    [now],
  );
  assert.ok(promises.filter((p) => p.today && p.state === 'open').length >= 2, JSON.stringify(promises.filter((p) => p.today)));
  assert.ok(promises.some((p) => p.state === 'breached'));
  const [kb] = await q<{ articles: number; public: number; edited: number }>(
    `SELECT count(*)::int AS articles, count(*) FILTER (WHERE visibility = 'public')::int AS public, count(*) FILTER (WHERE version > 1)::int AS edited
     FROM articles WHERE account_id = $1`,
  );
  assert.ok(kb.articles >= 5 && kb.public >= 4 && kb.edited >= 1, JSON.stringify(kb));
  const hits = await search(db, demo.account_id, { query: 'betalingen', limit: 5 });
  assert.ok(hits.data.length > 0, 'GET /api/v1/search?q=betalingen finds the invoice questions');
});

test('the demo hands nothing to a mail relay: its replies to invented customers are marked sent', async () => {
  const [r] = await q<{ queued: number; jobs: number; sent: number }>(
    `SELECT (SELECT count(*) FROM messages WHERE account_id = $1 AND delivery_status = 'queued')::int AS queued,
       (SELECT count(*) FROM jobs WHERE account_id = $1 AND kind = 'email.send' AND status IN ('queued', 'running'))::int AS jobs,
       (SELECT count(*) FROM messages WHERE account_id = $1 AND delivery_status = 'sent')::int AS sent`,
  );
  assert.deepEqual({ queued: r.queued, jobs: r.jobs }, { queued: 0, jobs: 0 });
  assert.ok(r.sent > 50);
});
