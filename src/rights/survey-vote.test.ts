import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHANGE_WINDOW_MS, becameLow, decideSurveyVote } from './survey-vote.ts';

const now = new Date('2026-12-07T10:00:00Z');

test('the first answer records; within the window it may change; after it the answer stays', () => {
  assert.deepEqual(decideSurveyVote({ kind: 'csat', score: 4, answeredAt: null, now }), { action: 'record' });
  assert.deepEqual(decideSurveyVote({ kind: 'csat', score: 2, answeredAt: new Date(now.getTime() - 60_000), now }), { action: 'change' });
  assert.deepEqual(decideSurveyVote({ kind: 'csat', score: 2, answeredAt: new Date(now.getTime() - CHANGE_WINDOW_MS - 1), now }), { action: 'closed' });
});

test('scores out of range are refused: CSAT 1–5, NPS 0–10', () => {
  assert.deepEqual(decideSurveyVote({ kind: 'csat', score: 0, answeredAt: null, now }), { action: 'invalid', min: 1, max: 5 });
  assert.deepEqual(decideSurveyVote({ kind: 'csat', score: 6, answeredAt: null, now }).action, 'invalid');
  assert.deepEqual(decideSurveyVote({ kind: 'csat', score: 2.5, answeredAt: null, now }).action, 'invalid');
  assert.deepEqual(decideSurveyVote({ kind: 'nps', score: 0, answeredAt: null, now }), { action: 'record' });
  assert.deepEqual(decideSurveyVote({ kind: 'nps', score: 11, answeredAt: null, now }), { action: 'invalid', min: 0, max: 10 });
});

test('a low rating is news once: first time low, or from not-low to low', () => {
  assert.equal(becameLow(null, 1, 2), true);
  assert.equal(becameLow(4, 2, 2), true);
  assert.equal(becameLow(1, 2, 2), false);
  assert.equal(becameLow(null, 3, 2), false);
});
