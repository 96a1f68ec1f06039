import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PatternNovelty, initialNoveltyState, type Novelty } from './novelty.ts';

/** A daily square wave of 24 blocks (8 high), one block per update. */
const wave = (t: number): number => (t % 24 < 8 ? 10 : 0);

function feed(values: number[], minMemory = 0) {
  const st = initialNoveltyState();
  const nov = new PatternNovelty(st, 1, 4, 100, minMemory);
  return { st, out: values.map((v) => nov.push(v, 10)) };
}

test('a repeating shape is not novel once it has been seen; a shape never seen is', () => {
  const values = Array.from({ length: 24 * 5 }, (_, t) => wave(t));
  values.splice(24 * 4, 8, 5, 5, 5, 5, 5, 5, 5, 5); // day 5: a half-height plateau instead of the peak
  const { out } = feed(values);
  const day = (d: number) => out.slice(24 * d, 24 * d + 24).filter((r): r is Novelty => r !== null);
  assert.ok(day(2).every((r) => r.distance === 0)); // day 3 repeats days 1-2 exactly
  const worst = day(4).reduce((a, r) => (r.distance > a.distance ? r : a));
  assert.ok(worst.distance >= 0.25, `distance ${worst.distance}`); // half the range for a whole pattern
  assert.ok(day(4).some((r) => r.rise < 0)); // lower than the peak it should have been
});

test('blocks average blockSize updates; nothing is returned until memory is deep enough', () => {
  const st = initialNoveltyState();
  const nov = new PatternNovelty(st, 3, 2, 50, 5);
  const out: (Novelty | null)[] = [];
  for (let t = 0; t < 60; t++) out.push(nov.push(t % 2, 1));
  assert.deepEqual(st.blocks.slice(0, 2), [1 / 3, 2 / 3]);
  const first = out.findIndex((r) => r !== null);
  assert.equal(first, 3 * (5 + 2 - 1 + 2) - 1); // 5 candidates of length 2 + the current one
  assert.ok(out.every((r, t) => r === null || (t + 1) % 3 === 0)); // only when a block completes
});

test('state is bounded by memory + length and a rise is signed', () => {
  const { st, out } = feed([...Array.from({ length: 300 }, (_, t) => wave(t)), 20, 20, 20, 20]);
  assert.ok(st.blocks.length <= 104);
  const last = out[out.length - 1]!;
  assert.ok(last.rise > 0 && last.distance > 0.5);
  assert.equal(feed([1, 2, 3], 0).out.filter((r) => r !== null).length, 0);
});
