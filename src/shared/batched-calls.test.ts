import assert from 'node:assert/strict';
import { test } from 'node:test';
import { batchedCalls } from './batched-calls.ts';

test('a lone call runs at once; calls that arrive during a run form the next batch; results go back in order', async () => {
  const runs: number[][] = [];
  const call = batchedCalls(async (xs: number[]) => {
    runs.push(xs);
    await new Promise((r) => setTimeout(r, 5));
    return xs.map((x) => x * 10);
  }, { maxBatch: 3, inFlight: 1 });
  assert.equal(await call(1), 10);
  const out = await Promise.all([2, 3, 4, 5, 6].map(call));
  assert.deepEqual(out, [20, 30, 40, 50, 60]);
  // 2 finds the process idle and goes alone; 3..6 arrive while it runs
  assert.deepEqual(runs, [[1], [2], [3, 4, 5], [6]]);
});

test('an Error for one input fails only that call; a run that throws fails its whole batch', async () => {
  const call = batchedCalls(async (xs: number[]) => {
    if (xs.includes(99)) throw new Error('run failed');
    return xs.map((x) => (x < 0 ? new Error(`bad ${x}`) : x));
  }, { maxBatch: 10, inFlight: 1 });
  const [a, b] = await Promise.allSettled([call(1), call(-1)]);
  assert.deepEqual([a.status, b.status], ['fulfilled', 'rejected']);
  await assert.rejects(call(99), /run failed/);
  assert.equal(await call(2), 2, 'the next batch runs');
});
