import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentType, mapChannel, mapPriority, mapStatus, mapTag } from './map.ts';

test('statuses: pending waits on the customer, hold on us; past new only with an owner', () => {
  assert.deepEqual(mapStatus('pending', true), { status: 'pending_customer', kept: null });
  assert.deepEqual(mapStatus('hold', true), { status: 'pending_us', kept: null });
  assert.deepEqual(mapStatus('solved', false), { status: 'new', kept: 'no_owner' });
  assert.deepEqual(mapStatus('new', false), { status: 'new', kept: null });
  assert.deepEqual(mapStatus('archived', true), { status: 'new', kept: 'unknown' });
  assert.deepEqual(mapStatus(null, false), { status: 'new', kept: null });
});

test('priorities, channels, tags', () => {
  assert.equal(mapPriority(null), 'normal');
  assert.equal(mapPriority('URGENT'), 'urgent');
  assert.equal(mapPriority('critical'), null);
  assert.equal(mapChannel('email'), 'email');
  assert.equal(mapChannel('voice'), 'phone');
  assert.equal(mapChannel('twitter'), 'social');
  assert.equal(mapChannel(undefined), 'api');
  assert.equal(mapTag('Factuur Fout'), 'factuur-fout');
  assert.equal(mapTag('vip'), 'vip');
  assert.equal(mapTag('één'), 'een');
  assert.equal(mapTag('!!!'), null);
});

test('comment authors: private is a note, the requester inbound, an agent outbound, an unknown author a note', () => {
  assert.equal(commentType({ public: false, author_id: '1' }, '1', 'end-user'), 'note');
  assert.equal(commentType({ public: true, author_id: '1' }, '1', null), 'inbound');
  assert.equal(commentType({ public: true, author_id: '2' }, '1', 'end-user'), 'inbound');
  assert.equal(commentType({ public: true, author_id: '3' }, '1', 'agent'), 'outbound');
  assert.equal(commentType({ public: true, author_id: '9' }, '1', null), 'note');
});
