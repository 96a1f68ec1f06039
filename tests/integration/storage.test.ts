import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../../src/storage/db.ts';
import { listMigrations, migrate } from '../../src/storage/migrate.ts';
import { claimJobs, completeJob, enqueueJob, failJob } from '../../src/storage/jobs.ts';
import { newAccount, testDb } from '../helpers.ts';

const PG = process.env.DATABASE_URL;

test('migrations are idempotent', async () => {
  const db = await testDb();
  try {
    assert.deepEqual(await migrate(db), []);
    const rows = await db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    assert.deepEqual(rows.map((r) => r.version), listMigrations().map((m) => m.version));
  } finally {
    await db.close();
  }
});

test('two processes migrating one fresh PostgreSQL database at once apply each migration once', { skip: !PG && 'needs DATABASE_URL (PostgreSQL)' }, async () => {
  const name = `luister_migrate_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG!);
  url.pathname = `/${name}`;
  const dbs: Db[] = [];
  try {
    for (let i = 0; i < 3; i++) dbs.push(await openDb({ databaseUrl: url.toString(), poolSize: 2 }));
    const results = await Promise.all(dbs.map((d) => migrate(d)));
    const applied = results.flat();
    assert.deepEqual(applied.sort((a, b) => a - b), listMigrations().map((m) => m.version), 'every migration applied exactly once in total');
    assert.equal(results.filter((r) => r.length > 0).length, 1, 'one process did the work, the others waited and found nothing to do');
  } finally {
    await Promise.all(dbs.map((d) => d.close()));
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.end();
  }
});

test('a connection that breaks inside a transaction fails that transaction, not the process', { skip: !PG && 'needs DATABASE_URL (PostgreSQL)' }, async () => {
  const db = await openDb({ databaseUrl: PG, poolSize: 2 });
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  try {
    await assert.rejects(
      db.transaction(async (tx) => {
        const [{ pid }] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        // the server goes away while the transaction waits between two statements (a killed primary, a failover)
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        await new Promise((r) => setTimeout(r, 300));
        await tx.query('SELECT 1');
      }),
    );
    assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }], 'the pool carries on with a fresh connection');
  } finally {
    await admin.end();
    await db.close();
  }
});

test('jobs: claimed once, retried with backoff, failed after max attempts, reclaimed after a lost lease', async () => {
  const db = await testDb();
  try {
    const acc = await newAccount(db);
    const kind = `test.${process.pid}.${Date.now()}`;
    const ids = [];
    for (let i = 0; i < 6; i++) ids.push(await enqueueJob(db, { accountId: acc.accountId, kind, payload: { i }, maxAttempts: 2 }));
    // two workers claiming at the same time never get the same job
    const only = { kinds: [kind] };
    const [a, b] = await Promise.all([claimJobs(db, 'w1', 4, only), claimJobs(db, 'w2', 4, only)]);
    const mine = [...a, ...b].filter((j) => j.kind === kind);
    assert.equal(new Set(mine.map((j) => j.id)).size, mine.length, 'no job claimed twice');
    assert.equal(mine.length, 6, 'together they took all six');

    const job = mine[0];
    assert.equal(await failJob(db, job, 'boom'), 'retry');
    const [row] = await db.query<{ status: string; wait: number }>(
      `SELECT status, extract(epoch FROM run_at - now())::float8 AS wait FROM jobs WHERE id = $1`, [job.id]);
    assert.equal(row.status, 'queued');
    assert.ok(row.wait > 5, 'not retried at once');
    await db.query('UPDATE jobs SET run_at = now() WHERE id = $1', [job.id]);
    const again = (await claimJobs(db, 'w1', 100, only)).find((j) => j.id === job.id)!;
    assert.equal(again.attempts, 2);
    assert.equal(await failJob(db, again, 'boom again'), 'failed');

    // a worker that died: its lease runs out and another worker takes the job
    const lost = mine[1];
    await db.query(`UPDATE jobs SET locked_at = now() - interval '1 hour' WHERE id = $1`, [lost.id]);
    const reclaimed = await claimJobs(db, 'w3', 100, only);
    assert.ok(reclaimed.some((j) => j.id === lost.id));
    await completeJob(db, lost.id);
    const [done] = await db.query<{ status: string }>('SELECT status FROM jobs WHERE id = $1', [lost.id]);
    assert.equal(done.status, 'done');
  } finally {
    await db.close();
  }
});

test('queued jobs survive a restart of the embedded database', { skip: Boolean(PG) && 'PGlite only' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'luister-jobs-'));
  try {
    let db = await openDb({ dataDir: dir });
    await migrate(db);
    const acc = await newAccount(db);
    const id = await enqueueJob(db, { accountId: acc.accountId, kind: 'test.restart', payload: { keep: true } });
    await db.close();
    db = await openDb({ dataDir: dir });
    const claimed = await claimJobs(db, 'after-restart', 10);
    assert.deepEqual(claimed.map((j) => [j.id, j.payload]), [[id, { keep: true }]]);
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
