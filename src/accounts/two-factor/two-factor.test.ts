import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { checkCode, codeAt, newTotpSecret, normaliseCode, otpauthUri, PERIOD, stepAt } from './totp.ts';
import { hashRecoveryCode, newRecoveryCodes, normaliseRecoveryCode, RECOVERY_CODE_COUNT } from './recovery-codes.ts';
import { mustUseTwoFactor, orderedRoles } from './policy.ts';
import { open, parseSecretsKey, seal } from '../secret-box.ts';

// RFC 6238 appendix B: the SHA-1 test secret "12345678901234567890" (base32 below), 8 digits there; 6 digits are its last six
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

test('codes are the RFC 6238 ones (last six digits of the test vectors)', () => {
  assert.equal(codeAt(RFC_SECRET, 59_000), '287082');
  assert.equal(codeAt(RFC_SECRET, 1_111_111_109_000), '081804');
  assert.equal(codeAt(RFC_SECRET, 1_234_567_890_000), '005924');
});

test('a code is accepted for its step and one step either side, not further', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000_000;
  const step = stepAt(now);
  assert.deepEqual(checkCode(secret, codeAt(secret, now), null, now), { ok: true, step });
  assert.deepEqual(checkCode(secret, codeAt(secret, now - PERIOD * 1000), null, now), { ok: true, step: step - 1 });
  assert.deepEqual(checkCode(secret, codeAt(secret, now + PERIOD * 1000), null, now), { ok: true, step: step + 1 });
  const far = codeAt(secret, now + 3 * PERIOD * 1000);
  if (far !== codeAt(secret, now)) assert.deepEqual(checkCode(secret, far, null, now), { ok: false, reason: 'wrong' });
});

test('the same step twice is a replay, and so is an older one; a later one passes', () => {
  const secret = newTotpSecret();
  const now = 1_800_000_000_000;
  const first = checkCode(secret, codeAt(secret, now), null, now);
  assert.ok(first.ok);
  assert.deepEqual(checkCode(secret, codeAt(secret, now), first.step, now), { ok: false, reason: 'replayed' });
  assert.deepEqual(checkCode(secret, codeAt(secret, now - 30_000), first.step, now), { ok: false, reason: 'replayed' });
  assert.ok(checkCode(secret, codeAt(secret, now + 30_000), first.step, now + 30_000).ok);
});

test('codes are read with spaces and dashes; anything else is malformed', () => {
  assert.equal(normaliseCode(' 123 456 '), '123456');
  assert.equal(normaliseCode('123-456'), '123456');
  assert.equal(normaliseCode('12345'), null);
  assert.equal(normaliseCode('abcdef'), null);
  assert.deepEqual(checkCode(newTotpSecret(), '12a456', null, Date.now()), { ok: false, reason: 'malformed' });
});

test('the otpauth URI carries issuer, label and secret for the authenticator app', () => {
  const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'anna@example.nl', 'Luister (Parkeer BV)');
  assert.match(uri, /^otpauth:\/\/totp\/Luister%20\(Parkeer%20BV\):anna%40example\.nl\?/);
  assert.match(uri, /secret=JBSWY3DPEHPK3PXP/);
  assert.match(uri, /issuer=Luister%20\(Parkeer%20BV\)/);
});

test('recovery codes: ten, different, 80 bits each, read back whatever the case and spacing', () => {
  const codes = newRecoveryCodes();
  assert.equal(codes.length, RECOVERY_CODE_COUNT);
  assert.equal(new Set(codes).size, codes.length);
  for (const c of codes) assert.match(c, /^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  const c = codes[0];
  assert.equal(normaliseRecoveryCode(c.toUpperCase().replace(/-/g, ' ')), c);
  assert.equal(normaliseRecoveryCode('abcd-efgh'), null);
  assert.equal(normaliseRecoveryCode('0000-0000-0000-0000'), null, 'no 0, 1, l or o');
  assert.equal(hashRecoveryCode(c), hashRecoveryCode(normaliseRecoveryCode(c)!));
  assert.notEqual(hashRecoveryCode(c), hashRecoveryCode(codes[1]));
});

test('who must use two-factor: a required role, or required by name', () => {
  assert.equal(mustUseTwoFactor('agent', [], false), false);
  assert.equal(mustUseTwoFactor('agent', ['admin'], false), false);
  assert.equal(mustUseTwoFactor('admin', ['admin'], false), true);
  assert.equal(mustUseTwoFactor('agent', [], true), true);
  assert.deepEqual(orderedRoles(['admin', 'agent', 'admin']), ['agent', 'admin']);
});

test('a sealed secret opens with its key and context only', () => {
  const key = parseSecretsKey(randomBytes(32).toString('base64'));
  const sealed = seal(key, 'JBSWY3DPEHPK3PXP', 'totp:a:b');
  assert.doesNotMatch(sealed, /JBSWY3DPEHPK3PXP/);
  assert.notEqual(seal(key, 'JBSWY3DPEHPK3PXP', 'totp:a:b'), sealed, 'a fresh IV each time');
  assert.equal(open(key, sealed, 'totp:a:b'), 'JBSWY3DPEHPK3PXP');
  assert.throws(() => open(key, sealed, 'totp:a:c'), /cannot be opened/);
  assert.throws(() => open(parseSecretsKey(randomBytes(32).toString('hex')), sealed, 'totp:a:b'), /cannot be opened/);
  assert.throws(() => parseSecretsKey('short'), /32 bytes/);
});
