import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseIdentity } from './identity.ts';

test('e-mail addresses are lower-cased and validated', () => {
  assert.equal(normaliseIdentity('email', ' Jan.Jansen@Example.NL '), 'jan.jansen@example.nl');
  assert.throws(() => normaliseIdentity('email', 'jan@'), { code: 'invalid_email' });
});

test('phone numbers become E.164, Dutch national numbers included', () => {
  assert.equal(normaliseIdentity('phone', '06 12345678'), '+31612345678');
  assert.equal(normaliseIdentity('phone', '+31 20 123 4567'), '+31201234567');
  assert.equal(normaliseIdentity('phone', '+44 20 7946 0958'), '+442079460958');
  assert.throws(() => normaliseIdentity('phone', '12'), { code: 'invalid_phone' });
  assert.throws(() => normaliseIdentity('phone', 'bel me'), { code: 'invalid_phone' });
});

test('social handles are network:handle', () => {
  assert.equal(normaliseIdentity('social', 'X:@Parkeerder'), 'x:parkeerder');
  assert.throws(() => normaliseIdentity('social', '@parkeerder'), { code: 'invalid_social_handle' });
});

test('internationalised e-mail addresses (RFC 6531/6532) are identities too, lower-cased; broken ones are not', () => {
  assert.equal(normaliseIdentity('email', 'JDöe@Mächine.example'), 'jdöe@mächine.example');
  assert.throws(() => normaliseIdentity('email', 'jdöe@mächine'));
  assert.throws(() => normaliseIdentity('email', 'jdöe @mächine.example'));
});

test('external ids (billing, CRM) are kept as written, trimmed; one with an @ or a control character is refused', () => {
  assert.equal(normaliseIdentity('external', ' K-000123 '), 'K-000123');
  assert.throws(() => normaliseIdentity('external', 'k@000123'), { code: 'invalid_external_id' });
  assert.throws(() => normaliseIdentity('external', 'K-1\u0000'), { code: 'invalid_external_id' });
  assert.throws(() => normaliseIdentity('external', '  '), { code: 'invalid_external_id' });
  assert.throws(() => normaliseIdentity('external', 'K'.repeat(201)), { code: 'invalid_external_id' });
});
