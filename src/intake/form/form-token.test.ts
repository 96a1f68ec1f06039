import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkFormToken, issueFormToken, MAX_FORM_AGE_MS } from './form-token.ts';

const secret = 'geheim-geheim-geheim';
const account = '00000000-0000-4000-8000-000000000001';

test('a token from the page passes after the minimum fill time, and names its submission', () => {
  const t = issueFormToken(secret, account, 1_000_000_000_000);
  const r = checkFormToken(secret, account, t, 1_000_000_005_000, 3);
  assert.equal(r.ok, true);
  assert.equal(r.ok && r.nonce.length, 16);
});

test('too fast, too old, forged, for another account or malformed: refused with the reason', () => {
  const t = issueFormToken(secret, account, 1_000_000_000_000);
  assert.deepEqual(checkFormToken(secret, account, t, 1_000_000_001_000, 3), { ok: false, reason: 'too_fast' });
  assert.deepEqual(checkFormToken(secret, account, t, 1_000_000_000_000 + MAX_FORM_AGE_MS + 1, 3), { ok: false, reason: 'expired' });
  assert.deepEqual(checkFormToken('ander geheim', account, t, 1_000_000_005_000, 3), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(checkFormToken(secret, '00000000-0000-4000-8000-000000000002', t, 1_000_000_005_000, 3), { ok: false, reason: 'bad_signature' });
  // a bot that moves the timestamp back breaks the signature
  const moved = t.replace(/^\d+/, '999999990000');
  assert.deepEqual(checkFormToken(secret, account, moved, 1_000_000_005_000, 3), { ok: false, reason: 'bad_signature' });
  assert.deepEqual(checkFormToken(secret, account, 'x', 1, 3), { ok: false, reason: 'malformed' });
  assert.deepEqual(checkFormToken(secret, account, undefined, 1, 3), { ok: false, reason: 'malformed' });
});
