import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planMacro, type CaseView } from './plan.ts';

const c: CaseView = { status: 'open', priority: 'normal', team_id: null, owner_id: 'a1', tags: ['vip'] };

test('a macro plans only what differs from the case', () => {
  const plan = planMacro(c, { status: 'pending_customer', priority: 'normal', tags_add: ['Wacht op klant'], tags_remove: ['niet-er'], note: ' Gebeld. ' });
  assert.deepEqual(plan.changes, [
    { field: 'status', from: 'open', to: 'pending_customer' },
    { field: 'tags', from: ['vip'], to: ['vip', 'wacht-op-klant'] },
  ]);
  assert.equal(plan.note, 'Gebeld.');
  assert.deepEqual(plan.problems, []);
});

test('a status the case cannot take or a bad tag is a problem, not a change', () => {
  assert.equal(planMacro({ ...c, status: 'closed' }, { status: 'open' }).problems[0].code, 'invalid_status_change');
  assert.equal(planMacro({ ...c, owner_id: null, status: 'new' }, { status: 'solved' }).problems[0].code, 'invalid_status_change');
  assert.equal(planMacro(c, { tags_add: ['geen tag!'] }).problems[0].code, 'invalid_tag');
});
