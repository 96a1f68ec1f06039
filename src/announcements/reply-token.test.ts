import { test } from 'node:test';
import assert from 'node:assert/strict';
import { newReplyToken, replyAddress, replyTokenOf } from './announcement-feedback.ts';
import { splitPlusAddress } from '../intake/channels/email/addresses.ts';

test('a reply token survives the trip through a plus-address, lower-cased as intake reads it', () => {
  const token = newReplyToken();
  assert.match(token, /^[0-9a-f]{24}$/);
  assert.notEqual(newReplyToken(), token);
  const address = replyAddress('Service@Netwerk.example', token);
  assert.equal(address, `Service+a-${token}@Netwerk.example`);
  const { base, tag } = splitPlusAddress(address.toUpperCase());
  assert.equal(base, 'service@netwerk.example');
  assert.equal(replyTokenOf(tag), token);
});

test('other tags are no token: a case reference, a short or foreign one', () => {
  assert.equal(replyAddress('service@netwerk.example', null), 'service@netwerk.example');
  for (const tag of ['lu-1042', 'a-123', `a-${'g'.repeat(24)}`, `b-${'0'.repeat(24)}`, null, undefined, '']) assert.equal(replyTokenOf(tag), null, String(tag));
});
