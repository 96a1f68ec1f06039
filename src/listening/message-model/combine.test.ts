import { test } from 'node:test';
import assert from 'node:assert/strict';
import { combineAnger, combineIntents, combineSentiment, THRESHOLDS } from './combine.ts';
import type { HeadScores } from './score-message.ts';

const heads = (h: Partial<HeadScores>): HeadScores => ({ complaint: 0, refund_request: 0, opt_out: 0, cancellation: 0, anger: 0, negative: 0, positive: 0, ...h });

test('without a model the rules stand alone', () => {
  assert.equal(combineSentiment(-0.4, null), -0.4);
  assert.equal(combineAnger(0.3, null), 0.3);
  assert.deepEqual(combineIntents(['question'], null), ['question']);
});

test('sentiment: a sure model reaches the ends of the scale; sarcasm is never positive', () => {
  assert.ok(combineSentiment(-0.9, heads({ negative: 1 })) <= -0.95);
  assert.ok(combineSentiment(0.9, heads({ positive: 1 })) >= 0.95);
  assert.ok(Math.abs(combineSentiment(0, heads({ negative: 0.2, positive: 0.2 }))) < 0.2);
  assert.ok(combineSentiment(0.6, heads({ positive: 0.9 }), true) <= -0.3);
  assert.ok(combineSentiment(0.6, null, true) <= -0.3);
});

test('sentiment: the model can overrule a lexicon that sees praise in a factual complaint', () => {
  assert.ok(combineSentiment(0.3, heads({ negative: 0.95 })) <= -0.2);
});

test('anger: the model adds only when it leans towards angry', () => {
  assert.equal(combineAnger(0.2, heads({ anger: 0.4 })), 0.2);
  assert.ok(combineAnger(0.2, heads({ anger: 0.99 })) > 0.5);
  assert.equal(combineAnger(0.9, heads({ anger: 1 })), 1);
});

test('intents: rules kept, confident model heads added, in the usual order', () => {
  const out = combineIntents(['question'], heads({ refund_request: THRESHOLDS.refund_request + 0.01, complaint: THRESHOLDS.complaint + 0.1, cancellation: THRESHOLDS.cancellation - 0.01 }));
  assert.deepEqual(out, ['complaint', 'question', 'refund_request']);
  assert.deepEqual(combineIntents(['opt_out'], heads({})), ['opt_out']);
});
