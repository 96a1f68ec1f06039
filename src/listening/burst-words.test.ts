import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BURST_OPTIONS, burstingTerms, judgeGroup, poissonTail, rareEnough, usualRate, problemToJoin, problemOfGroup } from './burst-words.ts';

test('poissonTail is the upper tail of a Poisson distribution', () => {
  assert.equal(poissonTail(0, 2), 1);
  assert.equal(poissonTail(3, 0), 0);
  // P(X >= 1 | 1) = 1 - e^-1
  assert.ok(Math.abs(poissonTail(1, 1) - (1 - Math.exp(-1))) < 1e-12);
  // P(X >= 3 | 0.1) ≈ 1.5e-4
  assert.ok(Math.abs(poissonTail(3, 0.1) - 1.547e-4) < 1e-6);
});

const usual = (df: Record<string, number>, docs: number, windowDocs: number) => ({ df: new Map(Object.entries(df)), docs, windowDocs });

test('a word used by a few customers in the window, but rarely before, bursts', () => {
  // 1,000 messages of history; "geincasseerd" in 2 of them, now 4 customers of 20 in the window
  const b = burstingTerms([{ term: 'geincasseerd', customers: 4 }], usual({ geincasseerd: 6 }, 1020, 20));
  assert.equal(b.length, 1);
  assert.ok(b[0].expected < 0.1 && b[0].tail < BURST_OPTIONS.maxTail);
});

test('a word as common in the window as always does not burst', () => {
  // "factuur" in 1.5% of messages: 3 of 200 in the window is its usual level
  assert.deepEqual(burstingTerms([{ term: 'factuur', customers: 3 }], usual({ factuur: 18 }, 1200, 200)), []);
});

test('fewer customers than the minimum never burst, however rare the word', () => {
  assert.deepEqual(burstingTerms([{ term: 'zeldzaam', customers: 2 }], usual({ zeldzaam: 2 }, 5000, 10)), []);
});

test('everyday words are not tested, and without history nothing is judged', () => {
  assert.deepEqual(burstingTerms([{ term: 'bestelling', customers: 40 }], usual({ bestelling: 400 }, 1040, 40)), []);
  assert.deepEqual(burstingTerms([{ term: 'nieuw', customers: 5 }], usual({ nieuw: 5 }, 50, 10)), []);
  assert.deepEqual(rareEnough(['bestelling', 'geincasseerd'], { df: new Map([['bestelling', 400], ['geincasseerd', 3]]), docs: 1000 }), ['geincasseerd']);
});

test('the usual rate leaves the window out', () => {
  // all 5 sightings are in the window: the history has none
  assert.ok(usualRate('x', 5, usual({ x: 5 }, 1005, 5)) < 0.001);
});

test('a group fires on enough distinct customers who plainly complain; each customer counts once', () => {
  const m = (c: string, w: number) => ({ messageId: `${c}${w}`, customerId: c, weight: w });
  assert.equal(judgeGroup([m('a', 1), m('b', 1), m('c', 1), m('d', 1), m('e', 0.3)]).fires, true);
  assert.equal(judgeGroup([m('a', 1), m('a', 1), m('b', 1), m('c', 1), m('d', 1)]).fires, false);
  assert.equal(judgeGroup([m('a', 1), m('b', 1), m('c', 0.3), m('d', 0.3), m('e', 0.3)]).fires, false);
});

test('a contact joins a problem through a word that mostly belongs to it, not through an everyday word the burst also uses', () => {
  const onP = (terms: string[]) => ({ terms, problems: ['P'] });
  const off = (terms: string[]) => ({ terms, problems: [] as string[] });
  const others = [onP(['dubbel', 'terug']), onP(['dubbel']), onP(['terug']), off(['terug']), off(['terug']), off(['terug'])];
  assert.deepEqual(problemToJoin(['dubbel', 'terug'], others), { problemId: 'P', word: 'dubbel', onProblem: 2, using: 2 });
  // "terug" alone: 2 of its 5 users are on the problem — not enough to tie a contact to it
  assert.equal(problemToJoin(['terug'], others), null);
  // one message on the problem is not enough, however pure
  assert.equal(problemToJoin(['x'], [onP(['x']), off(['y'])]), null);
});

test('a group that would fire joins the open problem that already holds enough of its other cases', () => {
  const others = [{ problems: ['p1'] }, { problems: [] }, { problems: ['p1', 'p2'] }, { problems: ['p2'] }, { problems: ['p1'] }];
  assert.deepEqual(problemOfGroup(others), { problemId: 'p1', onProblem: 3 });
  assert.equal(problemOfGroup([{ problems: ['p1'] }, { problems: [] }, { problems: [] }]), null, 'one case on a problem is not enough');
  assert.equal(problemOfGroup([]), null);
});
