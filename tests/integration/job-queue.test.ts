import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLAIM_SQL, LEASE_SECONDS, claimJobs, completeJob, enqueueJob, pruneJobs } from '../../src/storage/jobs.ts';
import { SCHEDULES } from '../../src/worker/schedules.ts';
import { jobHandlers } from '../../src/worker/handlers.ts';
import { newAccount, testConfig, testDb } from '../helpers.ts';

// Issue 21: the job queue at depth (bench/jobs.ts measures it) and finished jobs pruned.

test('finished jobs past their retention are pruned; waiting, running and recent ones stay', async () => {
  const db = await testDb();
  try {
    const acc = await newAccount(db);
    const kind = `test.prune.${process.pid}`;
    const day = 86_400_000;
    const now = new Date();
    const ids: Record<string, number> = {};
    const add = async (name: string, status: string, finishedDaysAgo: number | null) => {
      ids[name] = await enqueueJob(db, { accountId: acc.accountId, kind });
      await db.query(`UPDATE jobs SET status = $2, finished_at = $3, created_at = now() - interval '90 days' WHERE id = $1`, [
        ids[name], status, finishedDaysAgo === null ? null : new Date(now.getTime() - finishedDaysAgo * day),
      ]);
    };
    await add('oldDone', 'done', 8);
    await add('recentDone', 'done', 6);
    await add('oldFailed', 'failed', 31);
    await add('recentFailed', 'failed', 20);
    await add('oldQueued', 'queued', null);
    await add('oldRunning', 'running', null);
    // more old done jobs than one batch, to go through the loop
    for (let i = 0; i < 5; i++) await add(`batch${i}`, 'done', 10 + i);

    const pruned = await pruneJobs(db, { doneDays: 7, failedDays: 30, now, batch: 2 });
    assert.ok(pruned >= 7, `at least the 7 old finished jobs of this test went (${pruned})`);
    const left = await db.query<{ id: number }>(`SELECT id FROM jobs WHERE account_id = $1 AND kind = $2`, [acc.accountId, kind]);
    const names = Object.entries(ids).filter(([, id]) => left.some((r) => r.id === id)).map(([n]) => n).sort();
    assert.deepEqual(names, ['oldQueued', 'oldRunning', 'recentDone', 'recentFailed']);
    assert.equal(await pruneJobs(db, { doneDays: 7, failedDays: 30, now }), 0, 'nothing left to prune');
  } finally {
    await db.close();
  }
});

test('the prune runs hourly from the worker, with the retention settings', async () => {
  assert.equal(SCHEDULES['jobs.prune'](new Date('2026-12-07T10:05:00Z')).toISOString(), '2026-12-07T10:40:00.000Z');
  assert.equal(SCHEDULES['jobs.prune'](new Date('2026-12-07T10:40:00Z')).toISOString(), '2026-12-07T11:40:00.000Z');
  const db = await testDb();
  try {
    const acc = await newAccount(db);
    const id = await enqueueJob(db, { accountId: acc.accountId, kind: `test.prune.handler.${process.pid}` });
    await db.query(`UPDATE jobs SET status = 'done', finished_at = now() - interval '3 days' WHERE id = $1`, [id]);
    const handlers = jobHandlers(testConfig({ JOB_RETENTION_DAYS: 2 }));
    await handlers['jobs.prune'](db, { id: 0, account_id: null, kind: 'jobs.prune', payload: {}, attempts: 1, max_attempts: 3 });
    assert.deepEqual(await db.query('SELECT id FROM jobs WHERE id = $1', [id]), [], 'pruned with JOB_RETENTION_DAYS=2');
    const next = await db.query(`SELECT 1 FROM jobs WHERE kind = 'jobs.prune' AND account_id IS NULL AND status = 'queued'`);
    assert.equal(next.length, 1, 'the next run is queued');
  } finally {
    await db.close();
  }
});

test('a claim reads the queue in index order: no sort of everything waiting, expired leases first', async () => {
  const db = await testDb();
  try {
    const acc = await newAccount(db);
    const kind = `test.depth.${process.pid}`;
    await db.query(
      `INSERT INTO jobs (account_id, kind, run_at) SELECT $1, $2, now() - g * interval '1 second' FROM generate_series(1, 5000) g`,
      [acc.accountId, kind],
    );
    await db.exec('ANALYZE jobs');
    const sql = CLAIM_SQL.replace('$1', `'plan'`).replace(/\$2/g, '4').replace(/\$3/g, String(LEASE_SECONDS))
      .replace(/\$4/g, `ARRAY['${kind}']`).replace(/\$5/g, 'NULL');
    const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`)).map((r) => r['QUERY PLAN']).join('\n');
    assert.doesNotMatch(plan, /Sort|Seq Scan on jobs|BitmapOr/, plan);
    assert.match(plan, /Index Scan using jobs_due/, plan);

    // a running job whose worker died comes before the oldest due job
    const [lost] = await claimJobs(db, 'dies', 1, { kinds: [kind] });
    await db.query(`UPDATE jobs SET locked_at = now() - interval '1 hour' WHERE id = $1`, [lost.id]);
    const [oldest] = await db.query<{ id: number }>(`SELECT id FROM jobs WHERE kind = $1 AND status = 'queued' ORDER BY run_at LIMIT 1`, [kind]);
    const got = await claimJobs(db, 'next', 2, { kinds: [kind] });
    assert.deepEqual(got.map((j) => j.id).sort((a, b) => a - b), [lost.id, oldest.id].sort((a, b) => a - b));
    for (const j of got) await completeJob(db, j.id);
  } finally {
    await db.query(`DELETE FROM jobs WHERE kind LIKE 'test.depth.%'`);
    await db.close();
  }
});

test('a worker takes the next jobs as soon as a slot frees while the queue has work, and polls when it is empty', async () => {
  // Before: a worker claimed at most `concurrency` jobs per poll (4 jobs/s at the defaults), whatever the machine could do;
  // bench/soak.ts saw the backlog grow without end at a million messages a day.
  const { startWorker } = await import('../../src/worker/runner.ts');
  const { default: pino } = await import('pino');
  const db = await testDb();
  const acc = await newAccount(db);
  const kind = `test.drain.${process.pid}`;
  let ran = 0;
  const worker = startWorker(db, {
    handlers: { [kind]: async () => void ran++ }, concurrency: 2, pollMs: 60_000, log: pino({ level: 'silent' }), accountIds: [acc.accountId],
  });
  try {
    for (let i = 0; i < 20; i++) await enqueueJob(db, { accountId: acc.accountId, kind });
    worker.nudge();
    const until = Date.now() + 20_000;
    while (ran < 20 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    assert.equal(ran, 20, 'all 20 jobs ran without waiting for the 60 s poll');
    // the queue is empty: back to polling, no claim loop (a new job waits for the next poll)
    await new Promise((r) => setTimeout(r, 200));
    await enqueueJob(db, { accountId: acc.accountId, kind });
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(ran, 20, 'an idle worker waits for its poll');
  } finally {
    await worker.stop();
    await db.close();
  }
});
