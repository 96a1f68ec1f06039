import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../../src/http/app.ts';
import { openDb, type Db } from '../../src/storage/db.ts';
import { migrate } from '../../src/storage/migrate.ts';
import { openReadReplica, type ReadReplica } from '../../src/storage/read-replica.ts';
import { parseLsn } from '../../src/storage/replica-route.ts';
import { createAgent } from '../../src/accounts/create-agent.ts';
import { createApiToken } from '../../src/accounts/create-api-token.ts';
import { systemActor } from '../../src/shared/actor.ts';
import { loadConfig } from '../../src/config.ts';
import { newAccount, testConfig, type TestAccount } from '../helpers.ts';
import { replicationUnavailable, startReplicatedPair, type ReplicatedPair } from '../pg-replication.ts';

test('DATABASE_REPLICA_URL without DATABASE_URL is refused at start, with the reason', () => {
  assert.throws(() => loadConfig({ DATABASE_REPLICA_URL: 'postgres://luister@replica.example.nl/luister' }), /DATABASE_REPLICA_URL: a read replica follows a PostgreSQL server: set DATABASE_URL too/);
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://a@b/c', DATABASE_REPLICA_URL: 'postgres://a@r/c' }).DATABASE_REPLICA_URL, 'postgres://a@r/c');
});

const unavailable = replicationUnavailable();
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

describe('read replica: search, lists, dashboard and exports on a hot standby, read-your-writes for the agent who changed something', { skip: unavailable }, () => {
  let pair: ReplicatedPair;
  let db: Db;
  let acc: TestAccount;
  let other: { authorization: string };
  // one ReadReplica per "server process"; app2 stands for a second process behind the same load balancer
  let replica: ReadReplica;
  let app: FastifyInstance;
  let app2: FastifyInstance;
  let caseId: string;
  const cleanup: (() => Promise<unknown>)[] = [];

  const open = async (opts: { maxLagMs: number; probeMs: number }) => {
    const r = await openReadReplica(db, pair.standby.url(), { poolSize: 3, ...opts });
    const a = await buildApp({ db, config: testConfig(), logger: false, checkResponses: true, replica: r });
    await a.ready();
    cleanup.push(() => a.close(), () => r.close());
    return { replica: r, app: a };
  };
  const primaryLsn = async () => parseLsn((await db.query<{ l: string }>('SELECT pg_current_wal_lsn()::text AS l'))[0].l)!;
  const replayed = async () => parseLsn((await pair.standby.query<{ l: string }>('SELECT pg_last_wal_replay_lsn()::text AS l'))[0].l)!;
  const caughtUp = async () => {
    const target = await primaryLsn();
    for (let i = 0; (await replayed()) < target; i++) {
      if (i > 500) throw new Error('the standby did not catch up');
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 150)); // a probe or two
  };
  const subjectSeen = async (a: FastifyInstance, headers: Record<string, string>) => {
    const res = await a.inject({ method: 'GET', url: '/api/v1/cases?limit=100', headers });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().data as { id: string; subject: string }[]).find((c) => c.id === caseId)?.subject;
  };
  const searchHits = async (a: FastifyInstance, headers: Record<string, string>, q: string) => {
    const res = await a.inject({ method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}`, headers });
    assert.equal(res.statusCode, 200, res.body);
    return (res.json().data as { case_id: string }[]).filter((h) => h.case_id === caseId).length;
  };

  before(async () => {
    pair = await startReplicatedPair({ synchronous: false });
    db = await openDb({ databaseUrl: pair.primary.url(), poolSize: 5 });
    await migrate(db);
    acc = await newAccount(db, 'Woningcorporatie');
    const b = await createAgent(db, systemActor(acc.accountId), { email: `b.${Date.now()}@example.test`, name: 'Bram', role: 'supervisor' });
    const t = await createApiToken(db, systemActor(acc.accountId), { name: 'bram', role: 'supervisor', agentId: b.id });
    other = { authorization: `Bearer ${t.token}` };
    ({ replica, app } = await open({ maxLagMs: 60_000, probeMs: 100 }));
    ({ app: app2 } = await open({ maxLagMs: 60_000, probeMs: 100 }));
    const created = await app.inject({ method: 'POST', url: '/api/v1/cases', headers: acc.auth, payload: {
      customer: { email: `huurder.${Date.now()}@example.test`, name: 'Fatima' }, subject: 'Lekkage in de badkamer', message: { body: 'Er lekt water door het plafond van de badkamer.' },
    } });
    assert.equal(created.statusCode, 201, created.body);
    caseId = created.json().id;
    await caughtUp();
  });
  after(async () => {
    for (const c of cleanup.reverse()) await c().catch(() => {});
    await db?.close();
    await pair?.close();
  });

  test('the reads run on the standby: its pg_stat_activity shows the read pool, the counters count them', async () => {
    const before = replica.status()!.reads.replica;
    const day = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
    for (const url of ['/api/v1/cases', '/api/v1/search?q=lekkage', '/api/v1/insight/dashboard?days=7', '/api/v1/customers', `/api/v1/cases/export.csv?from=${day(-1)}&to=${day(1)}`]) {
      const res = await app.inject({ method: 'GET', url, headers: other });
      assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    }
    assert.equal(replica.status()!.reads.replica - before, 5);
    const onStandby = await pair.standby.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1", [`luister-read-${process.pid}`]);
    assert.ok(onStandby[0].n >= 1, 'the read pool is connected to the standby');
    const h = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(h.json().replica.state, 'streaming');
  });

  test('replay paused: the agent who changed the case sees the change, another agent the replica\'s older state; a second process learns it from the cookie', async (t) => {
    await pair.standby.query('SELECT pg_wal_replay_pause()');
    try {
      for (let i = 0; (await pair.standby.query<{ s: string }>('SELECT pg_get_wal_replay_pause_state() AS s'))[0].s !== 'paused'; i++) {
        if (i > 200) throw new Error('replay did not pause');
        await new Promise((r) => setTimeout(r, 10));
      }
      const patched = await app.inject({ method: 'PATCH', url: `/api/v1/cases/${caseId}`, headers: acc.auth, payload: { subject: 'Lekkage in de keuken' } });
      assert.equal(patched.statusCode, 200, patched.body);
      const cookie = patched.cookies.find((c) => c.name === 'luister_read_after');
      assert.ok(cookie?.value && cookie.httpOnly, 'the write position travels in an httpOnly cookie');

      const replicaReads = replica.status()!.reads.replica;
      assert.equal(await subjectSeen(app, acc.auth), 'Lekkage in de keuken', 'the writer reads their own change');
      assert.equal(await searchHits(app, acc.auth, 'keuken'), 1);
      assert.equal(await subjectSeen(app, other), 'Lekkage in de badkamer', 'another agent reads the paused replica');
      assert.equal(await searchHits(app, other, 'keuken'), 0);
      assert.equal(replica.status()!.reads.replica - replicaReads, 2, "only the other agent's reads were the replica's");

      // another server process: it knows the write only from the cookie
      assert.equal(await subjectSeen(app2, { ...acc.auth, cookie: `luister_read_after=${cookie.value}` }), 'Lekkage in de keuken');
      assert.equal(await subjectSeen(app2, acc.auth), 'Lekkage in de badkamer', 'without the cookie the second process cannot know');

      // a process with a tighter REPLICA_MAX_LAG_MS gives up on the paused replica: everyone reads the primary
      const strict = await open({ maxLagMs: 300, probeMs: 50 });
      for (let i = 0; strict.replica.status()!.state !== 'lagging'; i++) {
        if (i > 100) throw new Error(`not lagging: ${JSON.stringify(strict.replica.status())}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(await subjectSeen(strict.app, other), 'Lekkage in de keuken');
      const h = (await strict.app.inject({ method: 'GET', url: '/healthz' })).json();
      assert.equal(h.status, 'ok');
      assert.equal(h.replica.state, 'lagging');
      t.diagnostic(`paused replica: lag ${h.replica.lag_ms} ms, ${h.replica.lag_bytes} bytes behind when the strict process gave up on it`);
    } finally {
      await pair.standby.query('SELECT pg_wal_replay_resume()');
    }
    const resumed = Date.now();
    while ((await subjectSeen(app, other)) !== 'Lekkage in de keuken') {
      if (Date.now() - resumed > 10_000) throw new Error('the replica did not catch up after resume');
      await new Promise((r) => setTimeout(r, 10));
    }
    t.diagnostic(`after resume the other agent saw the change on the replica within ${Date.now() - resumed} ms`);
  });

  test('replica lag under writes, and read-your-writes right after each write', async (t) => {
    const standby = new pg.Client({ connectionString: pair.standby.url() });
    await standby.connect();
    const lags: number[] = [];
    try {
      for (let i = 0; i < 40; i++) {
        await db.query('UPDATE cases SET subject = $3 WHERE account_id = $1 AND id = $2', [acc.accountId, caseId, `Lekkage ${i}`]);
        const target = await primaryLsn();
        const t0 = performance.now();
        while (parseLsn((await standby.query<{ l: string }>('SELECT pg_last_wal_replay_lsn()::text AS l')).rows[0].l)! < target) { /* poll */ }
        lags.push(performance.now() - t0);
      }
    } finally {
      await standby.end();
    }
    t.diagnostic(`replica lag after a commit (40 writes, polled): p50 ${pct(lags, 50).toFixed(2)} ms, p95 ${pct(lags, 95).toFixed(2)} ms, max ${Math.max(...lags).toFixed(2)} ms`);

    const s0 = replica.status()!.reads;
    for (let i = 0; i < 20; i++) {
      const subject = `Lekkage in de gang ${i}`;
      const res = await app.inject({ method: 'PATCH', url: `/api/v1/cases/${caseId}`, headers: acc.auth, payload: { subject } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(await subjectSeen(app, acc.auth), subject, `write ${i} read back at once`);
    }
    const s1 = replica.status()!.reads;
    t.diagnostic(`20 writes each read back at once: ${s1.replica - s0.replica} reads on the replica (it had caught up when asked), ${s1.primary - s0.primary} on the primary`);
  });

  test('a replica that dies: reads go to the primary, never an error; /healthz says so', async () => {
    // this process probes once a minute: it still believes the replica is up when it dies
    const slow = await open({ maxLagMs: 60_000, probeMs: 60_000 });
    await pair.stop(pair.standby);
    const res = await slow.app.inject({ method: 'GET', url: '/api/v1/cases?limit=100', headers: other });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(slow.replica.status()!.reads.fallbacks >= 1, 'the failed read was run again on the primary');
    assert.equal((await slow.app.inject({ method: 'GET', url: '/api/v1/search?q=lekkage', headers: other })).statusCode, 200);
    for (let i = 0; replica.status()!.state !== 'down'; i++) {
      if (i > 100) throw new Error(`still ${replica.status()!.state}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const h = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(h.statusCode, 200);
    assert.equal(h.json().replica.state, 'down');
    assert.ok(await subjectSeen(app, other));
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/insight/dashboard', headers: other })).statusCode, 200);
  });
});
