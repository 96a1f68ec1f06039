import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardTable, surveyTable } from './dashboard-tables.ts';

const d = {
  days: ['2026-12-06', '2026-12-07'],
  contacts: { by_day: [3, 4], topics: [{ topic_id: 't1', label: 'Storing', total: 5, counts: [2, 3] }, { topic_id: null, label: null, total: 2, counts: [1, 1] }] },
  channels: [{ channel: 'email', cases: 5, share: 0.714 }, { channel: 'chat', cases: 2, share: 0.286 }],
  cases: { opened: 7, repeat_contact_rate: null }, sla: { met_rate: 0.9 }, promises: { kept_rate: 1 }, cost: { cost_per_contact_cents: 450 },
  refunds: { paid: 2, median_hours_to_paid: 30.5, by_month: [{ month: '2026-12', paid: 2, median_hours_to_paid: 30.5, median_hours_charge_to_paid: null, median_hours_complaint_to_paid: 48 }] },
};

test('the chart tables as rows, one column per day for topics; figures as name/value', () => {
  assert.deepEqual(dashboardTable(d, 'contacts').rows, [{ day: '2026-12-06', contacts: 3 }, { day: '2026-12-07', contacts: 4 }]);
  const topics = dashboardTable(d, 'topics');
  assert.deepEqual(topics.columns, ['topic', 'total', '2026-12-06', '2026-12-07']);
  assert.deepEqual(topics.rows[1], { topic: 'other', total: 2, '2026-12-06': 1, '2026-12-07': 1 });
  assert.deepEqual(dashboardTable(d, 'cases').rows, [{ figure: 'opened', value: 7 }, { figure: 'repeat_contact_rate', value: null }]);
  assert.deepEqual(dashboardTable(d, 'channels'), { columns: ['channel', 'cases', 'share'], rows: d.channels });
});

test('the refund tile as figures, its months as their own table', () => {
  assert.deepEqual(dashboardTable(d, 'refunds').rows, [{ figure: 'paid', value: 2 }, { figure: 'median_hours_to_paid', value: 30.5 }]);
  const months = dashboardTable(d, 'refund_months');
  assert.deepEqual(months.columns, ['month', 'paid', 'median_hours_to_paid', 'median_hours_charge_to_paid', 'median_hours_complaint_to_paid']);
  assert.deepEqual(months.rows, d.refunds.by_month);
});

test('survey tables by group', () => {
  const g = [{ key: 'a1', label: 'Piet', responses: 2, average: 4.5, satisfied_rate: 1 }];
  const weeks = [{ week: '2026-11-30', responses: 3, average: 4, satisfied_rate: 0.667 }];
  const s = { csat: { by_agent: g, by_team: [], by_topic: [], by_channel: [], by_day: [], by_week: weeks }, nps: { score: 20, by_week: [{ week: '2026-11-30', responses: 5, score: 20 }] } };
  assert.deepEqual(surveyTable(s, 'csat_by_agent').rows, [{ name: 'Piet', responses: 2, average: 4.5, satisfied_rate: 1 }]);
  assert.deepEqual(surveyTable(s, 'nps').rows, [{ figure: 'score', value: 20 }], 'the weekly trend is its own table');
  assert.deepEqual(surveyTable(s, 'csat_by_week').rows, weeks);
  assert.deepEqual(surveyTable(s, 'nps_by_week'), { columns: ['week', 'responses', 'score'], rows: [{ week: '2026-11-30', responses: 5, score: 20 }] });
});
