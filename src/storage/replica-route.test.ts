import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLsn, lagMs, parseLsn, readTarget, replicaFault, type ReplicaState } from './replica-route.ts';

test('LSNs parse to byte positions and print back the way PostgreSQL does', () => {
  assert.equal(parseLsn('0/3000000'), 0x3000000n);
  assert.equal(parseLsn('16/B374D848'), (0x16n << 32n) + 0xb374d848n);
  assert.equal(formatLsn(parseLsn('16/B374D848')!), '16/B374D848');
  assert.ok(parseLsn('1/0')! > parseLsn('0/FFFFFFFF')!);
  for (const bad of ['', null, undefined, '16-B3', '123456789/0', 'x/1']) assert.equal(parseLsn(bad), null);
});

const up: ReplicaState = { reachable: true, recovering: true, replayed: 1000n, lagMs: 5, lagBytes: 0, checkedAt: 10_000 };
const limits = { maxLagMs: 2000, staleMs: 3000 };

test('reads go to a replica that is up, close and has replayed the reader\'s own last write', () => {
  assert.equal(readTarget(up, null, 10_100, limits), 'replica');
  assert.equal(readTarget(up, 1000n, 10_100, limits), 'replica');
  assert.equal(readTarget(up, 999n, 10_100, limits), 'replica');
});

test('a reader who wrote past what the replica showed at the last probe asks it again', () => {
  assert.equal(readTarget(up, 1001n, 10_100, limits), 'check');
});

test('down, promoted, lagging or not heard from lately: the primary', () => {
  assert.equal(readTarget({ ...up, reachable: false }, null, 10_100, limits), 'primary');
  assert.equal(readTarget({ ...up, recovering: false }, null, 10_100, limits), 'primary');
  assert.equal(readTarget({ ...up, replayed: null }, null, 10_100, limits), 'primary');
  assert.equal(readTarget({ ...up, lagMs: 2001 }, null, 10_100, limits), 'primary');
  assert.equal(readTarget(up, null, 13_001, limits), 'primary');
  assert.equal(readTarget({ ...up, checkedAt: 0 }, null, 10_100, limits), 'primary');
});

test('lag is the age of the oldest primary position the replica has not replayed', () => {
  const samples = [{ at: 1000, lsn: 100n }, { at: 2000, lsn: 200n }, { at: 3000, lsn: 300n }];
  assert.equal(lagMs(samples, 300n, 3500), 0);
  assert.equal(lagMs(samples, 350n, 3500), 0);
  assert.equal(lagMs(samples, 250n, 3500), 500);
  assert.equal(lagMs(samples, 150n, 3500), 1500);
  assert.equal(lagMs(samples, 50n, 3500), 2500);
  assert.equal(lagMs([], 50n, 3500), 0);
});

test('connection trouble and recovery conflicts are the replica\'s fault; a bad query is not', () => {
  assert.ok(replicaFault(new Error('Connection terminated unexpectedly')));
  assert.ok(replicaFault(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })));
  assert.ok(replicaFault({ code: '40001' }));
  assert.ok(replicaFault({ code: '57P01' }));
  assert.ok(replicaFault({ code: '08006' }));
  assert.ok(replicaFault({ code: '25006' }));
  assert.ok(!replicaFault({ code: '42703' }));
  assert.ok(!replicaFault({ code: '22P02' }));
  assert.ok(!replicaFault({ code: '23505' }));
});
