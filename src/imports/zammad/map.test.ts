import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleType, isZammadAgent, zammadChannel, zammadStatus } from './map.ts';

test('states: pending ones wait on the customer, merged is kept closed, removed is unknown', () => {
  assert.equal(zammadStatus('new'), 'new');
  assert.equal(zammadStatus('open'), 'open');
  assert.equal(zammadStatus('pending reminder'), 'pending_customer');
  assert.equal(zammadStatus('pending close'), 'pending_customer');
  assert.equal(zammadStatus('merged'), 'closed');
  assert.equal(zammadStatus('removed'), null);
});

test('channels, senders, roles', () => {
  assert.equal(zammadChannel('email'), 'email');
  assert.equal(zammadChannel('phone'), 'phone');
  assert.equal(zammadChannel('telegram personal-message'), 'social');
  assert.equal(zammadChannel(null), 'api');
  assert.equal(articleType({ internal: true, sender: 'Customer', type: 'email' }), 'note');
  assert.equal(articleType({ internal: false, sender: 'Customer', type: 'email' }), 'inbound');
  assert.equal(articleType({ internal: false, sender: 'Agent', type: 'email' }), 'outbound');
  assert.equal(articleType({ internal: false, sender: 'Agent', type: 'note' }), 'note');
  assert.equal(articleType({ internal: false, sender: 'System', type: 'email' }), 'note');
  assert.equal(isZammadAgent({ role_ids: [3] }), false);
  assert.equal(isZammadAgent({ role_ids: [2] }), true);
  assert.equal(isZammadAgent({ roles: ['Admin'] }), true);
});
