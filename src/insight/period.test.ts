import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dayIn, periodOf, rate, topicSeries } from './period.ts';

test('a period is the last n days up to today, in the account time zone', () => {
  // 23:30 UTC on 24 November is already the 25th in Amsterdam
  const p = periodOf(3, 'Europe/Amsterdam', new Date('2026-11-24T23:30:00Z'));
  assert.deepEqual(p.days, ['2026-11-23', '2026-11-24', '2026-11-25']);
  assert.equal(p.from, '2026-11-23');
  assert.equal(p.to, '2026-11-25');
  assert.equal(dayIn(new Date('2026-03-29T00:30:00Z'), 'Europe/Amsterdam'), '2026-03-29');
  // across the DST change the days stay whole days
  assert.deepEqual(periodOf(3, 'Europe/Amsterdam', new Date('2026-03-30T10:00:00Z')).days, ['2026-03-28', '2026-03-29', '2026-03-30']);
});

test('topic series: the busiest topics with zeros filled in, the rest as "other", days add up', () => {
  const days = ['2026-11-22', '2026-11-23', '2026-11-24'];
  const rows = [
    { topic_id: 'park', day: '2026-11-22', count: 5 },
    { topic_id: 'park', day: '2026-11-24', count: 20 },
    { topic_id: 'bill', day: '2026-11-23', count: 3 },
    { topic_id: 'pass', day: '2026-11-23', count: 2 },
    { topic_id: null, day: '2026-11-24', count: 1 },
    { topic_id: 'park', day: '2026-10-01', count: 99 }, // outside the period
  ];
  const s = topicSeries(rows, days, 2);
  assert.deepEqual(s, [
    { topic_id: 'park', counts: [5, 0, 20], total: 25 },
    { topic_id: 'bill', counts: [0, 3, 0], total: 3 },
    { topic_id: null, counts: [0, 2, 1], total: 3 },
  ]);
  assert.deepEqual(topicSeries([], days), []);
});

test('rates are fractions with three decimals, null without a denominator', () => {
  assert.equal(rate(2, 3), 0.667);
  assert.equal(rate(0, 0), null);
});
