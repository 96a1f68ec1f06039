import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conversationType, freshdeskChannel, freshdeskPriority, freshdeskStatus } from './map.ts';

test('statuses: the four built in, custom ones by their label, else unknown', () => {
  assert.equal(freshdeskStatus(2, null), 'open');
  assert.equal(freshdeskStatus(3, null), 'pending_customer');
  assert.equal(freshdeskStatus(4, null), 'solved');
  assert.equal(freshdeskStatus(5, null), 'closed');
  assert.equal(freshdeskStatus(6, 'Waiting on Customer'), 'pending_customer');
  assert.equal(freshdeskStatus(7, 'Waiting on Third Party'), 'pending_us');
  assert.equal(freshdeskStatus(8, 'In review'), null);
});

test('priorities and sources', () => {
  assert.equal(freshdeskPriority(2), 'normal');
  assert.equal(freshdeskPriority(4), 'urgent');
  assert.equal(freshdeskPriority(9), null);
  assert.equal(freshdeskChannel(1), 'email');
  assert.equal(freshdeskChannel(2), 'web');
  assert.equal(freshdeskChannel(3), 'phone');
  assert.equal(freshdeskChannel(7), 'chat');
  assert.equal(freshdeskChannel(null), 'api');
});

test('conversations: private a note, incoming inbound, an agent outbound, an unknown author a note', () => {
  assert.equal(conversationType({ private: true, incoming: true }, 'contact'), 'note');
  assert.equal(conversationType({ private: false, incoming: true }, null), 'inbound');
  assert.equal(conversationType({ private: false, incoming: false }, 'agent'), 'outbound');
  assert.equal(conversationType({ private: false, incoming: false }, null), 'note');
});
