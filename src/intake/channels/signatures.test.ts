import assert from 'node:assert/strict';
import { test } from 'node:test';
import { signPayload } from '../../webhooks/sign.ts';
import { checkHubSignature, checkPhoneSignature, hubSignature, sameSecret } from './signatures.ts';

const body = Buffer.from('{"id":"evt_1","type":"call.missed"}');

test('a telephony event signed with the secret at about now passes', () => {
  assert.deepEqual(checkPhoneSignature('geheim', body, signPayload('geheim', body.toString(), 1000), 1010), { ok: true });
});

test('a telephony signature with another secret, another body, too old or malformed is refused with its reason', () => {
  assert.deepEqual(checkPhoneSignature('anders', body, signPayload('geheim', body.toString(), 1000), 1000), { ok: false, reason: 'mismatch' });
  assert.deepEqual(checkPhoneSignature('geheim', Buffer.from('{"id":"evt_2"}'), signPayload('geheim', body.toString(), 1000), 1000), { ok: false, reason: 'mismatch' });
  assert.deepEqual(checkPhoneSignature('geheim', body, signPayload('geheim', body.toString(), 1000), 1301), { ok: false, reason: 'stale' });
  assert.deepEqual(checkPhoneSignature('geheim', body, signPayload('geheim', body.toString(), 1301), 1000), { ok: false, reason: 'stale' });
  assert.deepEqual(checkPhoneSignature('geheim', body, 't=1000,v1=abc', 1000), { ok: false, reason: 'malformed' });
  assert.deepEqual(checkPhoneSignature('geheim', body, undefined, 1000), { ok: false, reason: 'missing' });
});

test('X-Hub-Signature-256 is checked over the raw bytes', () => {
  assert.deepEqual(checkHubSignature('appgeheim', body, hubSignature('appgeheim', body)), { ok: true });
  // the same JSON with other whitespace is other bytes
  assert.deepEqual(checkHubSignature('appgeheim', Buffer.from('{"id": "evt_1","type":"call.missed"}'), hubSignature('appgeheim', body)), { ok: false, reason: 'mismatch' });
  assert.deepEqual(checkHubSignature('appgeheim', body, 'sha1=abc'), { ok: false, reason: 'malformed' });
  assert.deepEqual(checkHubSignature('appgeheim', body, undefined), { ok: false, reason: 'missing' });
});

test('the verify token is compared whole', () => {
  assert.equal(sameSecret('token-123', 'token-123'), true);
  assert.equal(sameSecret('token-12', 'token-123'), false);
});
