import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_CALENDAR } from './calendar.ts';
import { policyFor, slaClocks, type SlaPolicy } from './sla-clock.ts';

const policy = (o: Partial<SlaPolicy>): SlaPolicy => ({
  id: 'p', name: 'p', segment: null, priority: null, channel: null, first_response_minutes: 240, next_response_minutes: 480,
  resolution_minutes: 2400, at_risk_percent: 80, ...o,
});
const t = (iso: string) => new Date(iso);

test('the most specific matching policy wins; no match, no policy', () => {
  const any = policy({ id: 'any' });
  const gold = policy({ id: 'gold', segment: 'gold' });
  const urgentMail = policy({ id: 'urgent-mail', priority: 'urgent', channel: 'email' });
  const goldUrgent = policy({ id: 'gold-urgent', segment: 'gold', priority: 'urgent' });
  const all = [any, gold, urgentMail, goldUrgent];
  assert.equal(policyFor(all, { segment: 'gold', priority: 'urgent', channel: 'email' })?.id, 'gold-urgent');
  assert.equal(policyFor(all, { segment: 'gold', priority: 'normal', channel: 'email' })?.id, 'gold');
  assert.equal(policyFor(all, { segment: null, priority: 'urgent', channel: 'email' })?.id, 'urgent-mail');
  assert.equal(policyFor(all, { segment: 'basic', priority: 'low', channel: 'web' })?.id, 'any');
  assert.equal(policyFor([gold], { segment: 'basic', priority: 'low', channel: 'web' }), null);
});

// Tuesday 24 November 2026 10:00 Amsterdam = 09:00Z; business hours 09:00–17:00
const created = t('2026-11-24T09:00:00Z');
const base = { policy: policy({}), calendar: DEFAULT_CALENDAR, pauses: [], createdAt: created, firstResponseAt: null, awaitingSince: null, solvedAt: null };

test('first response: ok, at risk at 80%, breached after the target, met in time or late', () => {
  const at = (now: string) => slaClocks({ ...base, now: t(now) }).find((c) => c.target === 'first_response')!;
  assert.equal(at('2026-11-24T11:00:00Z').state, 'ok'); // 2 h of 4
  assert.equal(at('2026-11-24T12:12:00Z').state, 'at_risk'); // 3 h 12 = 80%
  assert.equal(at('2026-11-24T13:00:00Z').state, 'breached');
  assert.equal(at('2026-11-24T13:00:00Z').due_at?.toISOString(), '2026-11-24T13:00:00.000Z');
  const met = slaClocks({ ...base, firstResponseAt: t('2026-11-24T10:00:00Z'), now: t('2026-11-25T09:00:00Z') }).find((c) => c.target === 'first_response')!;
  assert.equal(met.state, 'met');
  const late = slaClocks({ ...base, firstResponseAt: t('2026-11-24T15:00:00Z'), now: t('2026-11-25T09:00:00Z') }).find((c) => c.target === 'first_response')!;
  assert.equal(late.state, 'breached');
});

test('business hours: a case at 16:00 on Friday is due Monday; the weekend is not counted', () => {
  const friday = t('2026-11-27T15:00:00Z'); // 16:00 Amsterdam
  const c = slaClocks({ ...base, createdAt: friday, now: t('2026-11-29T12:00:00Z') }).find((x) => x.target === 'first_response')!;
  assert.equal(c.due_at?.toISOString(), '2026-11-30T11:00:00.000Z'); // Monday 12:00 Amsterdam
  assert.equal(c.elapsed_minutes, 60);
  assert.equal(c.state, 'ok');
});

test('the clock stands still while the case waits on the customer', () => {
  const pauses = [{ start: t('2026-11-24T10:00:00Z'), end: null }];
  const c = slaClocks({ ...base, pauses, firstResponseAt: t('2026-11-24T09:30:00Z'), now: t('2026-11-26T09:00:00Z') }).find((x) => x.target === 'resolution')!;
  assert.equal(c.state, 'paused');
  assert.equal(c.elapsed_minutes, 60);
  assert.equal(c.due_at, null);
});

test('next response: only while an answer is owed after the first response', () => {
  const none = slaClocks({ ...base, firstResponseAt: t('2026-11-24T09:30:00Z'), now: t('2026-11-24T12:00:00Z') });
  assert.equal(none.some((c) => c.target === 'next_response'), false);
  const owed = slaClocks({ ...base, firstResponseAt: t('2026-11-24T09:30:00Z'), awaitingSince: t('2026-11-24T10:00:00Z'), now: t('2026-11-25T09:00:00Z') });
  const next = owed.find((c) => c.target === 'next_response')!;
  assert.equal(next.elapsed_minutes, 7 * 60); // 11:00–17:00 local on Tuesday, 09:00–10:00 on Wednesday
  assert.equal(next.state, 'at_risk');
});

test('a policy with custom field conditions wins over segment, priority and channel when the case meets them', () => {
  const gold = policy({ id: 'gold', segment: 'gold', priority: 'urgent', channel: 'email' });
  const business = policy({ id: 'zakelijk', field_conditions: [{ entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' }] });
  const c = { segment: 'gold', priority: 'urgent', channel: 'email' };
  assert.equal(policyFor([gold, business], { ...c, fields: { case: { contract: 'zakelijk' } } })?.id, 'zakelijk');
  assert.equal(policyFor([gold, business], { ...c, fields: { case: { contract: 'basis' } } })?.id, 'gold');
  assert.equal(policyFor([business], c), null, 'no values: the condition does not hold');
});
