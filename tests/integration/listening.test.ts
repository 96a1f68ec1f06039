import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { drainJobs, newAccount, testApp, uniqueEmail, type TestAccount, type TestContext } from '../helpers.ts';

let ctx: TestContext;
let acc: TestAccount;

before(async () => {
  ctx = await testApp();
  acc = await newAccount(ctx.db);
});
after(() => ctx.close());

const req = (method: 'GET' | 'POST', url: string, payload?: unknown) =>
  ctx.app.inject({ method, url, headers: acc.auth, ...(payload === undefined ? {} : { payload: payload as object }) });

const drain = () => drainJobs(ctx.db, acc.accountId);

const BACKGROUND = [
  ['Internet valt steeds weg', 'Sinds maandag valt mijn internetverbinding elke avond weg rond acht uur. De modem knippert oranje.'],
  ['Verhuizing doorgeven', 'Ik ga verhuizen naar Utrecht per 1 december. Hoe geef ik mijn nieuwe adres door?'],
  ['Vraag over factuur', 'Kunt u mij uitleggen wat de post servicekosten op mijn factuur van oktober betekent?'],
  ['Monteur afspraak', 'De monteur zou vanochtend komen voor de installatie van de meterkast maar niemand kwam opdagen.'],
] as const;

const PARKING = [
  'De parkeerapp heeft veel te veel afgerekend: ik parkeerde een uur en betaalde drie uur. Ik wil mijn geld terug.',
  'Mijn parkeersessie stopte niet en de app rekende tot middernacht parkeergeld af. Dit is belachelijk, graag terugbetaling.',
  'Alweer te veel parkeergeld afgeschreven door de parkeerapp, de sessie liep gewoon door na het stoppen.',
  'Ik heb twee keer parkeergeld betaald voor dezelfde parkeersessie in de app. Dat klopt niet, ik wil het terug.',
  'De parkeerapp blijft doorrekenen nadat ik ben weggereden, veel te veel parkeergeld betaald. Schandalig!',
];

test('the planted burst: five parking complaints from five customers raise a signal on the fifth, not before; it becomes a problem with the cases suggested', async () => {
  for (const [subject, body] of BACKGROUND) {
    await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail('achtergrond') }, subject, message: { body } });
  }
  await drain();
  const caseIds: string[] = [];
  for (let i = 0; i < PARKING.length; i++) {
    const c = (await req('POST', '/api/v1/cases', { customer: { email: uniqueEmail(`parkeer${i}`), name: `Klant ${i}` }, subject: 'Parkeerapp rekent te veel', message: { body: PARKING[i] } })).json();
    caseIds.push(c.id);
    await drain();
    const open = (await req('GET', '/api/v1/signals?status=open')).json().data;
    if (i < 4) assert.equal(open.length, 0, `no signal after ${i + 1} complaints`);
    else {
      assert.equal(open.length, 1, 'a signal by the fifth complaint');
      assert.equal(open[0].evidence.count, 5);
      assert.match(open[0].evidence.reason, /5 distinct customers/);
      assert.match(open[0].title, /parkeer/i);
      // what the problems board shows: the reason as data (worded in the agent's language), a chart, the messages themselves
      assert.deepEqual(open[0].evidence.why, { kind: 'new_topic', customers: 5, hours: 48, threshold: 5, related_topics: 0 });
      assert.equal(open[0].evidence.series.length, 48);
      assert.equal(open[0].evidence.series.reduce((n: number, p: { count: number }) => n + p.count, 0), 5);
      assert.equal(open[0].example_messages.length, 5);
      assert.ok(open[0].example_messages.every((m: { excerpt: string; case_ref: string }) => PARKING.some((b) => b.startsWith(m.excerpt.slice(0, 40))) && /^LU-\d+$/.test(m.case_ref)));
    }
  }
  const inbound = await Promise.all(caseIds.map(async (id) => (await req('GET', `/api/v1/cases/${id}`)).json().timeline.find((t: { type?: string }) => t.type === 'inbound').analysis));
  const topics = new Set(inbound.map((a) => a.topic_id));
  assert.equal(topics.size, 1, 'the five complaints share one topic');
  const [signal] = (await req('GET', '/api/v1/signals?status=open')).json().data;
  const p = (await req('POST', '/api/v1/problems', { title: 'Parkeerapp rekent te veel af', signal_id: signal.id })).json();
  const detail = (await req('GET', `/api/v1/problems/${p.id}`)).json();
  assert.deepEqual(detail.cases.map((c: { case_id: string }) => c.case_id).sort(), [...caseIds].sort(), 'the five cases are suggested, the background is not');
});

test('supervisors see the topics with readable labels, name them and merge two', async () => {
  const list = (await req('GET', '/api/v1/topics')).json().data;
  assert.ok(list.length >= 2, JSON.stringify(list));
  const parking = list.find((t: { label: string }) => /parkeer/i.test(t.label));
  assert.ok(parking, JSON.stringify(list.map((t: { label: string }) => t.label)));
  assert.equal(parking.size, 5);
  // the inbox by topic: the cases whose messages are in it
  const byTopic = (await req('GET', `/api/v1/cases?topic_id=${parking.id}&limit=50`)).json().data;
  assert.equal(byTopic.length, 5);
  assert.ok(byTopic.every((c: { subject: string }) => /parkeer/i.test(c.subject)));
  const named = await ctx.app.inject({ method: 'PATCH', url: `/api/v1/topics/${parking.id}`, headers: acc.auth, payload: { name: 'Parkeerapp rekent te veel' } });
  assert.equal(named.statusCode, 200, named.body);
  assert.equal(named.json().label, 'Parkeerapp rekent te veel');
  const other = list.find((t: { id: string }) => t.id !== parking.id);
  const merged = await req('POST', `/api/v1/topics/${parking.id}/merge`, { topic_id: other.id });
  assert.equal(merged.statusCode, 200, merged.body);
  assert.equal(merged.json().size, 5 + other.size);
  const after = (await req('GET', '/api/v1/topics')).json().data;
  assert.ok(!after.some((t: { id: string }) => t.id === other.id), 'the merged topic is gone from the live list');
  const [{ n }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM message_analysis WHERE account_id = $1 AND topic_id = $2', [acc.accountId, other.id]);
  assert.equal(n, 0, 'its messages moved');

  // and split the merged topic again: the parking complaints and the other subject part ways
  const split = await req('POST', `/api/v1/topics/${parking.id}/split`, {});
  assert.equal(split.statusCode, 200, split.body);
  const { keep, split: part, moved } = split.json();
  assert.equal(keep.id, parking.id, 'the larger group keeps the id and the name');
  assert.equal(keep.label, 'Parkeerapp rekent te veel');
  assert.equal(moved, other.size);
  const [{ n: inNew }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM message_analysis WHERE account_id = $1 AND topic_id = $2', [acc.accountId, part.id]);
  assert.equal(inNew, other.size, 'the other subject\'s messages moved to the new topic');
  const [{ n: left }] = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM message_analysis WHERE account_id = $1 AND topic_id = $2', [acc.accountId, parking.id]);
  assert.equal(left, 5);
});

test('an established topic spikes against its own hourly baseline: the sweep raises one signal with its series', async () => {
  const { sweepTopics } = await import('../../src/listening/sweep-topics.ts');
  const b = await newAccount(ctx.db, 'Sweep');
  const now = new Date('2026-11-20T15:30:00Z');
  const start = new Date(now.getTime() - 14 * 24 * 3_600_000);
  const [topic] = await ctx.db.query<{ id: string }>(
    `INSERT INTO topics (account_id, centroid, norm, size, first_seq, last_seq, first_at, last_at) VALUES ($1, '[["storing", 1]]', 1, 1, 1, 1, $2, $3) RETURNING id`,
    [b.accountId, start, now],
  );
  const cust = (await ctx.app.inject({ method: 'POST', url: '/api/v1/customers', headers: b.auth, payload: { email: uniqueEmail() } })).json();
  const [c] = await ctx.db.query<{ id: string }>(`INSERT INTO cases (account_id, customer_id, subject, subject_key, channel) VALUES ($1, $2, 'Storing', 'storing', 'api') RETURNING id`, [b.accountId, cust.id]);
  // a quiet rhythm: one complaint every other daytime hour for two weeks, then fifteen in the last full hour
  const times: Date[] = [];
  for (let h = 0; h < 14 * 24; h++) {
    const at = new Date(start.getTime() + h * 3_600_000 + 60_000);
    const hour = at.getUTCHours();
    if (hour >= 8 && hour <= 18 && h % 2 === 0) times.push(at);
  }
  const burstHour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000);
  for (let i = 0; i < 15; i++) times.push(new Date(burstHour.getTime() + i * 60_000));
  for (const at of times) {
    const [m] = await ctx.db.query<{ id: string }>(
      `INSERT INTO messages (account_id, case_id, type, channel, body, customer_id, created_at) VALUES ($1, $2, 'inbound', 'api', 'Storing!', $3, $4) RETURNING id`,
      [b.accountId, c.id, cust.id, at],
    );
    await ctx.db.query(`INSERT INTO message_analysis (account_id, message_id, intents, topic_id) VALUES ($1, $2, '{complaint}', $3)`, [b.accountId, m.id, topic.id]);
  }
  // first sweep: everything up to the hour before the burst is normal
  const quiet = await sweepTopics(ctx.db, b.accountId, burstHour);
  assert.equal(quiet.signals.length, 0, 'two quiet weeks raise nothing');
  const loud = await sweepTopics(ctx.db, b.accountId, now);
  assert.equal(loud.buckets, 1, 'only the new hour is looked at');
  assert.equal(loud.signals.length, 1, 'the burst hour is a spike');
  const [signal] = (await ctx.app.inject({ method: 'GET', url: '/api/v1/signals', headers: b.auth })).json().data;
  assert.equal(signal.evidence.count, 15);
  assert.ok(signal.evidence.expected < 2, String(signal.evidence.expected));
  assert.match(signal.evidence.reason, /spike/);
  assert.equal(signal.evidence.series.at(-1).count, 15);
  assert.equal(signal.evidence.why.kind, 'spike');
  assert.equal(signal.evidence.why.count, 15);
  assert.ok(['range', 'value', 'seasonal', 'level', 'volatility'].includes(signal.evidence.why.evidence), signal.evidence.why.evidence);
  assert.equal(signal.example_messages.length, 5, 'the burst hour\'s complaints as examples, with their text');
  assert.ok(signal.example_messages.every((m: { excerpt: string }) => m.excerpt === 'Storing!'));
  assert.deepEqual((await sweepTopics(ctx.db, b.accountId, now)).signals, [], 'nothing new to look at, nothing raised twice');
});
