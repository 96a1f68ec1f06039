import { test } from 'node:test';
import assert from 'node:assert/strict';
import { laneOf } from './write-charges.ts';

test('a charge id always goes the same way, and ids spread over the writers', () => {
  assert.equal(laneOf('CH-1', 1), 0);
  assert.equal(laneOf('CH-12345', 2), laneOf('CH-12345', 2));
  const counts = [0, 0];
  for (let i = 0; i < 10_000; i++) counts[laneOf(`CH-${i}`, 2)]++;
  assert.ok(counts[0] > 4_000 && counts[1] > 4_000, `spread: ${counts}`);
  for (const ref of ['', 'x', 'INV-2026-000001', 'ééé']) assert.ok([0, 1, 2].includes(laneOf(ref, 3)));
});
