import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commentType, mapChannel, zendeskStatus } from './map.ts';

test('statuses: pending waits on the customer, hold on us; unknown is null', () => {
  assert.equal(zendeskStatus('pending'), 'pending_customer');
  assert.equal(zendeskStatus('hold'), 'pending_us');
  assert.equal(zendeskStatus(null), 'new');
  assert.equal(zendeskStatus('archived'), null);
});

test('channels', () => {
  assert.equal(mapChannel('email'), 'email');
  assert.equal(mapChannel('voice'), 'phone');
  assert.equal(mapChannel('twitter'), 'social');
  assert.equal(mapChannel(undefined), 'api');
});

test('comment authors: private is a note, the requester inbound, an agent outbound, an unknown author a note', () => {
  assert.equal(commentType({ public: false, author_id: '1' }, '1', 'end-user'), 'note');
  assert.equal(commentType({ public: true, author_id: '1' }, '1', null), 'inbound');
  assert.equal(commentType({ public: true, author_id: '2' }, '1', 'end-user'), 'inbound');
  assert.equal(commentType({ public: true, author_id: '3' }, '1', 'agent'), 'outbound');
  assert.equal(commentType({ public: true, author_id: '9' }, '1', null), 'note');
});
