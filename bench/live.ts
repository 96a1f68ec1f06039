/**
 * Live updates: `node bin/run-ts.mjs bench/live.ts [--streams N] [--changes N]`
 *
 * Two server processes' worth of LiveHubs (two apps, each with its own pool and LISTEN connection) on
 * one fresh PostgreSQL database; N browsers' server-sent-event streams split over them. One agent opens
 * cases through the API of the first app; for each we time from sending the request until every stream
 * has the case.created notice, beside the time until the API's own 201 (the same request, no fan-out)
 * as the baseline: how much later than the caller do the browsers know? Also printed: a bare
 * BEGIN/pg_notify/COMMIT to a bare LISTEN client (what the database alone costs).
 * Ends with one RESULT line; never asserts.
 */
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { createAccount } from '../src/accounts/create-account.ts';
import { buildApp } from '../src/http/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDb, type Db } from '../src/storage/db.ts';
import { migrate } from '../src/storage/migrate.ts';
import { openLiveStream, type LiveStream } from '../tests/live-stream.ts';
import { admin, urlFor } from './lib/pg-admin.ts';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const STREAMS = arg('streams', 200);
const CHANGES = arg('changes', 200);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x: number) => x.toFixed(2);

const name = `luister_bench_live_${process.pid}`;
await admin(`CREATE DATABASE ${name}`);
const url = urlFor(name);
const dbs: Db[] = [];
try {
  const config = loadConfig({ ...process.env, DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '0' });
  const apps = [];
  for (let i = 0; i < 2; i++) {
    const db = await openDb({ databaseUrl: url, poolSize: 10 });
    dbs.push(db);
    if (i === 0) await migrate(db);
    const app = await buildApp({ db, config, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    apps.push({ app, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` });
  }
  const acc = await createAccount(dbs[0], { name: 'Live bench', adminEmail: 'bench@example.test', adminPassword: 'een lang benchmark wachtwoord' });
  const auth = { authorization: `Bearer ${acc.token}` };

  // ---- baseline: the database's own NOTIFY → LISTEN after a commit
  const listener = new pg.Client({ connectionString: url });
  await listener.connect();
  await listener.query('LISTEN bench_baseline');
  const sender = new pg.Client({ connectionString: url });
  await sender.connect();
  const base: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const got = new Promise<number>((resolve) => listener.once('notification', () => resolve(performance.now())));
    const t0 = performance.now();
    await sender.query('BEGIN');
    await sender.query("SELECT pg_notify('bench_baseline', $1)", [String(i)]);
    await sender.query('COMMIT');
    base.push((await got) - t0);
  }
  await listener.end();
  await sender.end();

  // ---- Luister: N streams over two processes, changes through the API of the first
  const streams: LiveStream[] = [];
  for (let i = 0; i < STREAMS; i++) streams.push(await openLiveStream(apps[i % 2].base, auth));
  const fanout: number[] = [];
  const api: number[] = [];
  const t0All = performance.now();
  for (let i = 0; i < CHANGES; i++) {
    const t0 = performance.now();
    const res = await fetch(`${apps[0].base}/api/v1/cases`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ customer: { email: `klant${i}@example.test` }, message: { body: `Bericht ${i}: mijn parkeersessie is dubbel afgeschreven.` } }),
    });
    const { id } = (await res.json()) as { id: string };
    api.push(performance.now() - t0);
    await Promise.all(streams.map((s) => s.next((n) => n.event === 'case.created' && n.case_id === id, 10_000)));
    fanout.push(performance.now() - t0);
    for (const s of streams) s.seen.length = 0;
  }
  const seconds = (performance.now() - t0All) / 1000;
  for (const s of streams) s.close();
  for (const { app } of apps) await app.close();

  console.log(`live fan-out on PostgreSQL: ${STREAMS} streams over 2 processes, ${CHANGES} cases opened through the API`);
  console.log(`  request sent → every stream has the notice: p50 ${ms(pct(fanout, 0.5))} ms, p99 ${ms(pct(fanout, 0.99))} ms (${(CHANGES / seconds).toFixed(0)} cases/s end to end)`);
  console.log(`  request sent → the API's 201 (baseline):       p50 ${ms(pct(api, 0.5))} ms, p99 ${ms(pct(api, 0.99))} ms`);
  console.log(`  for scale, a bare BEGIN/pg_notify/COMMIT → LISTEN: p50 ${ms(pct(base, 0.5))} ms, p99 ${ms(pct(base, 0.99))} ms`);
  const ratio = pct(fanout, 0.5) / pct(api, 0.5);
  console.log(`RESULT live_fanout_p50 ${ms(pct(fanout, 0.5))} ms baseline=${ms(pct(api, 0.5))} ratio=${ratio.toFixed(2)}`);
} finally {
  for (const db of dbs) await db.close().catch(() => {});
  await admin(`DROP DATABASE IF EXISTS ${name}`);
}
