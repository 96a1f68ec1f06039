import assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveNotice } from './notice.ts';

const at = new Date('2026-11-24T10:00:00Z');
const A = 'acc';

test('a case event names the case and its owner, not as a separate id', () => {
  assert.deepEqual(liveNotice(A, 'case.updated', { id: 'c1', owner_id: 'ag1', subject: 'long text' }, at), {
    account_id: A, event: 'case.updated', at: at.toISOString(), case_id: 'c1', agent_id: 'ag1',
  });
});

test('a transfer or escalation carries its case nested', () => {
  const n = liveNotice(A, 'case.transferred', { case: { id: 'c2', owner_id: 'ag2' }, transfer: { id: 't1' } }, at);
  assert.equal(n.case_id, 'c2');
  assert.equal(n.agent_id, 'ag2');
  assert.equal(n.id, undefined);
});

test('a message names its case and its own id; content never travels', () => {
  const n = liveNotice(A, 'message.created', { id: 'm1', case_id: 'c3', body_text: 'x'.repeat(20_000) }, at);
  assert.deepEqual(n, { account_id: A, event: 'message.created', at: at.toISOString(), case_id: 'c3', id: 'm1' });
  assert.ok(JSON.stringify(n).length < 300);
});

test('a signal has no case; odd data gives a bare notice', () => {
  assert.deepEqual(liveNotice(A, 'signal.raised', { id: 's1', topic_id: 't' }, at), { account_id: A, event: 'signal.raised', at: at.toISOString(), id: 's1' });
  assert.deepEqual(liveNotice(A, 'x', null, at), { account_id: A, event: 'x', at: at.toISOString() });
  assert.deepEqual(liveNotice(A, 'x', 'text', at), { account_id: A, event: 'x', at: at.toISOString() });
});
