import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chatwootChannel, chatwootMessageType, chatwootStatus } from './map.ts';

test('statuses: pending (a bot has it) is new, snoozed waits on the customer, resolved is solved', () => {
  assert.equal(chatwootStatus('open'), 'open');
  assert.equal(chatwootStatus('pending'), 'new');
  assert.equal(chatwootStatus('snoozed'), 'pending_customer');
  assert.equal(chatwootStatus('resolved'), 'solved');
  assert.equal(chatwootStatus('archived'), null);
});

test('channels and message types (numbers or names); activity is no message', () => {
  assert.equal(chatwootChannel('Channel::WebWidget'), 'chat');
  assert.equal(chatwootChannel('Channel::Email'), 'email');
  assert.equal(chatwootChannel('Channel::Whatsapp'), 'whatsapp');
  assert.equal(chatwootChannel('Channel::FacebookPage'), 'social');
  assert.equal(chatwootChannel('Channel::Api'), 'api');
  assert.equal(chatwootMessageType({ message_type: 0 }), 'inbound');
  assert.equal(chatwootMessageType({ message_type: 'outgoing' }), 'outbound');
  assert.equal(chatwootMessageType({ message_type: 1, private: true }), 'note');
  assert.equal(chatwootMessageType({ message_type: 3 }), 'outbound');
  assert.equal(chatwootMessageType({ message_type: 2 }), null);
});
