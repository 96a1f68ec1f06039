import { test } from 'node:test';
import assert from 'node:assert/strict';
import { type MergeSide, mergeOutcome, mergeProblem } from './merge-plan.ts';

const side = (over: Partial<MergeSide>): MergeSide => ({
  id: 'a', ref: 'LU-1', customer_id: 'k', status: 'open', priority: 'normal', tier: 'L1', owner_id: 'piet', contact_count: 1, transfer_count: 0,
  created_at: new Date('2026-12-01T09:00:00Z'), last_contact_at: new Date('2026-12-01T09:00:00Z'), sla_started_at: null,
  custom_fields: {}, merged_into_id: null, tags: [], ...over,
});

test('two customers, itself, a closed or merged case: refused with a code a user can act on', () => {
  const into = side({ id: 'b', ref: 'LU-2' });
  assert.equal(mergeProblem(side({ customer_id: 'other' }), into)?.code, 'different_customers');
  assert.equal(mergeProblem(into, into)?.code, 'same_case');
  assert.equal(mergeProblem(side({ status: 'closed' }), into)?.code, 'case_closed');
  assert.equal(mergeProblem(side({}), side({ id: 'b', ref: 'LU-2', status: 'closed', merged_into_id: 'c' }), { mergedInto: 'LU-3' })?.message, 'LU-2 was already merged into LU-3: merge with that case instead');
  assert.equal(mergeProblem(side({}), into), null);
});

test('the survivor keeps its own values, fills its empty ones, and the other values are kept for the audit', () => {
  const o = mergeOutcome(
    side({ custom_fields: { contract: 'K-1', kenteken: '12-ABC-3', leeg: '' }, tags: ['app', 'vip'], priority: 'urgent', tier: 'L2', contact_count: 2 }),
    side({ id: 'b', custom_fields: { contract: 'K-2', leeg: 'x' }, tags: ['vip', 'zakelijk'], contact_count: 3, transfer_count: 1 }),
  );
  assert.deepEqual(o.custom_fields, { contract: 'K-2', kenteken: '12-ABC-3', leeg: 'x' });
  assert.deepEqual(o.fields_taken, ['kenteken']);
  assert.deepEqual(o.fields_kept, { contract: { kept: 'K-2', other: 'K-1' } });
  assert.deepEqual(o.tags, ['vip', 'zakelijk', 'app']);
  assert.deepEqual(o.tags_added, ['app']);
  assert.equal(o.priority, 'urgent');
  assert.equal(o.tier, 'L2');
  assert.equal(o.contact_count, 5);
  assert.equal(o.transfer_count, 1);
});

test('the clocks start at the earlier case, the last contact is the later one', () => {
  const o = mergeOutcome(
    side({ created_at: new Date('2026-11-30T08:00:00Z'), last_contact_at: new Date('2026-12-02T10:00:00Z') }),
    side({ id: 'b', created_at: new Date('2026-12-01T08:00:00Z'), sla_started_at: new Date('2026-11-29T08:00:00Z') }),
  );
  assert.equal(o.sla_started_at.toISOString(), '2026-11-29T08:00:00.000Z');
  assert.equal(o.last_contact_at.toISOString(), '2026-12-02T10:00:00.000Z');
});

test('a survivor that was solved or waiting reopens when the other case still needed us; a new one takes the other owner', () => {
  assert.equal(mergeOutcome(side({ status: 'open' }), side({ id: 'b', status: 'solved' })).status, 'open');
  assert.equal(mergeOutcome(side({ status: 'pending_us' }), side({ id: 'b', status: 'pending_customer' })).status, 'open');
  assert.equal(mergeOutcome(side({ status: 'pending_customer' }), side({ id: 'b', status: 'solved' })).status, 'solved');
  const taken = mergeOutcome(side({ status: 'open', owner_id: 'piet' }), side({ id: 'b', status: 'new', owner_id: null }));
  assert.deepEqual([taken.status, taken.owner_id], ['open', 'piet']);
  const both = mergeOutcome(side({ status: 'new', owner_id: null }), side({ id: 'b', status: 'new', owner_id: null }));
  assert.deepEqual([both.status, both.owner_id], ['new', null]);
});

test('tags over the limit are not moved but named', () => {
  const many = Array.from({ length: 50 }, (_, i) => `t${i}`);
  const o = mergeOutcome(side({ tags: ['extra', 't1'] }), side({ id: 'b', tags: many }));
  assert.equal(o.tags.length, 50);
  assert.deepEqual(o.tags_dropped, ['extra']);
});
