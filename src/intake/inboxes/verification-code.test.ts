import assert from 'node:assert/strict';
import { test } from 'node:test';
import { codeMatches, hashCode, newVerificationCode } from './verification-code.ts';

test('verification codes: readable, random, matched however they are typed back', () => {
  const code = newVerificationCode();
  assert.match(code, /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/);
  assert.notEqual(newVerificationCode(), code);
  const stored = hashCode(code);
  assert.equal(codeMatches(code, stored), true);
  assert.equal(codeMatches(` ${code.toLowerCase().replace('-', ' ')} `, stored), true);
  assert.equal(codeMatches('AAAAA-AAAAA', stored), false);
  assert.ok(!stored.includes(code.replace('-', '')), 'only a hash is kept');
});
