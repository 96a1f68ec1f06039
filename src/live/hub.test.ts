import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Db } from '../storage/db.ts';
import { LiveHub } from './hub.ts';
import type { LiveNotice } from './notice.ts';

/** A Db whose LISTEN fails the first time (the database was down), then works and lets the test send notices. */
function flakyDb() {
  let calls = 0;
  let deliver: (payload: string | null) => void = () => {};
  const db = {
    async listen(_channel: string, fn: (payload: string | null) => void) {
      if (++calls === 1) throw new Error('connection refused');
      deliver = fn;
      return async () => {};
    },
  } as unknown as Db;
  return { db, send: (payload: string | null) => deliver(payload), calls: () => calls };
}

test('a hub whose first LISTEN failed tries again on the next subscriber', async () => {
  const f = flakyDb();
  const hub = new LiveHub(f.db);
  await assert.rejects(hub.subscribe('a', () => {}), /connection refused/);
  const got: LiveNotice[] = [];
  await hub.subscribe('a', (n) => got.push(n));
  f.send(JSON.stringify({ account_id: 'a', event: 'case.created', at: '', case_id: 'c' }));
  assert.equal(got.length, 1);
  assert.equal(f.calls(), 2);
});

test('notices go to their own account only; garbage is ignored; unsubscribe stops delivery', async () => {
  const f = flakyDb();
  const hub = new LiveHub(f.db);
  await hub.start().catch(() => {});
  const a: LiveNotice[] = [];
  const b: LiveNotice[] = [];
  const stopA = await hub.subscribe('a', (n) => a.push(n));
  await hub.subscribe('b', (n) => b.push(n));
  f.send(JSON.stringify({ account_id: 'a', event: 'x', at: '' }));
  f.send('not json');
  f.send(JSON.stringify({ event: 'no account' }));
  f.send(JSON.stringify({ account_id: 'b', event: 'y', at: '' }));
  assert.deepEqual(a.map((n) => n.event), ['x']);
  assert.deepEqual(b.map((n) => n.event), ['y']);
  stopA();
  f.send(JSON.stringify({ account_id: 'a', event: 'z', at: '' }));
  assert.equal(a.length, 1);
  assert.equal(hub.subscribers, 1);
});

test('after the database connection came back, every subscriber is told to refresh (notices may be missing)', async () => {
  const f = flakyDb();
  const hub = new LiveHub(f.db);
  await hub.start().catch(() => {});
  const a: LiveNotice[] = [];
  const b: LiveNotice[] = [];
  await hub.subscribe('a', (n) => a.push(n));
  await hub.subscribe('b', (n) => b.push(n));
  f.send(null);
  assert.deepEqual([a.map((n) => [n.account_id, n.event]), b.map((n) => [n.account_id, n.event])], [[['a', 'ready']], [['b', 'ready']]]);
});
