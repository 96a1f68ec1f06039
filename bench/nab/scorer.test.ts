import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  PROFILES,
  bestThreshold,
  normalise,
  probationLength,
  scaledSigmoid,
  scoreAtThreshold,
  scoresByThreshold,
  sweepRows,
  type SweptFile,
} from './scorer.ts';

const close = (a: number, b: number, eps = 1e-9) => assert.ok(Math.abs(a - b) < eps, `${a} != ${b}`);

test('probation is min(floor(15% of rows), 750) (NAB sweeper_test cases at 15%)', () => {
  assert.equal(probationLength(100), 15);
  assert.equal(probationLength(4032), 604);
  assert.equal(probationLength(15902), 750);
  assert.equal(probationLength(100, 0.1), 10);
  assert.equal(probationLength(6000, 0.1), 500);
});

test('scaled sigmoid: 0.98661 at the left edge, 0.84828 halfway, 0 at the right edge, -1 past 3 widths', () => {
  close(scaledSigmoid(-1), 0.9866142981514305);
  close(scaledSigmoid(-0.5), 0.8482836399575131);
  close(scaledSigmoid(0), 0);
  close(scaledSigmoid(1), -0.9866142981514305);
  assert.equal(scaledSigmoid(3.01), -1);
});

test('inside windows rows weigh > 0, elsewhere < 0; probation is dropped (NAB testCalcSweepScoreWindowScoreInteraction)', () => {
  const f = sweepRows(new Float64Array(100).fill(1), [
    { start: 30, end: 39 },
    { start: 75, end: 95 },
  ], 0.1);
  assert.equal(f.scores.length, 90);
  let inWindow = 0;
  for (let i = 0; i < f.scores.length; i++) {
    if (f.inWindow[i] >= 0) {
      inWindow++;
      assert.ok(f.position[i] > 0);
    } else assert.ok(f.position[i] < 0);
  }
  assert.equal(inWindow, 10 + 21);
});

test('window weights: first row of a window is worth exactly tpWeight; row before any window costs fpWeight', () => {
  const f = sweepRows(new Float64Array(200), [{ start: 100, end: 119 }]);
  // rows 0..29 are probation (15% of 200)
  close(f.position[100 - 30], 1);
  close(f.position[119 - 30], scaledSigmoid(-1 / 20) / scaledSigmoid(-1));
  assert.equal(f.position[50 - 30], -1);
  close(f.position[120 - 30], scaledSigmoid(1 / 19));
  close(f.position[119 + 19 - 30], scaledSigmoid(1));
});

test('score by threshold keeps the best detection per window and sums false positives (NAB testCalcScoreByThresholdReturnsExpectedScores)', () => {
  // The NAB case, rebuilt as one file: rows (score, sweep weight, window): two windows A and B.
  const file: SweptFile = {
    scores: Float64Array.from([0.0, 0.2, 0.3, 0.5, 0.5]),
    position: Float64Array.from([-3, 20, 10, 5, -3]),
    inWindow: Int32Array.from([-1, 0, 0, 1, -1]),
    windows: 2,
  };
  const cost = { tpWeight: 1, fpWeight: 1, fnWeight: 5 };
  const got = scoresByThreshold([file], cost).map((s) => [s.threshold, s.score, s.tp, s.tn, s.fp, s.fn]);
  assert.deepEqual(got, [
    [1.1, -10, 0, 2, 0, 3],
    [0.5, 5 - 3 - 5, 1, 1, 1, 2],
    [0.3, 5 - 3 + 10, 2, 1, 1, 1],
    [0.2, 5 - 3 + 20, 3, 1, 1, 0],
    [0.0, 5 - 3 + 20 - 3, 3, 0, 2, 0],
  ]);
  assert.equal(bestThreshold([file], cost).threshold, 0.2);
  assert.equal(scoreAtThreshold(file, cost, 0.3).score, 12);
  assert.equal(scoreAtThreshold(file, cost, 0.25).score, 12);
});

test('normalisation: null detector 0, perfect detector 100, in every profile', () => {
  for (const cost of Object.values(PROFILES)) {
    close(normalise(-116 * cost.fnWeight, 116, cost), 0);
    close(normalise(116 * cost.tpWeight, 116, cost), 100);
  }
  close(normalise(57.66075157860638, 116, PROFILES.standard), 74.85377223215792); // ARTime
});

test('a detector that fires once at the start of every window scores 100', () => {
  const windows = [
    { start: 300, end: 339 },
    { start: 600, end: 659 },
  ];
  const scores = new Float64Array(1000);
  for (const w of windows) scores[w.start] = 1;
  const f = sweepRows(scores, windows);
  const best = bestThreshold([f], PROFILES.standard);
  close(normalise(best.score, 2, PROFILES.standard), 100);
});
