import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDomains, domainOf, isFreeMailDomain } from './domains.ts';

test('free-mail domains are known, Dutch providers included; a company domain is not', () => {
  for (const d of ['gmail.com', 'hotmail.com', 'outlook.com', 'ziggo.nl', 'kpnmail.nl']) assert.equal(isFreeMailDomain(d), true, d);
  assert.equal(isFreeMailDomain('bakkerij-jansen.nl'), false);
});

test('domains to claim are normalised and checked', () => {
  assert.deepEqual(checkDomains([' @Jansen.NL', 'jansen.nl', 'shop.jansen.nl.']), ['jansen.nl', 'shop.jansen.nl']);
  assert.throws(() => checkDomains(['gmail.com']), { code: 'free_mail_domain' });
  assert.throws(() => checkDomains(['Ziggo.nl']), { code: 'free_mail_domain' });
  assert.throws(() => checkDomains(['not a domain']), { code: 'invalid_domain' });
  assert.throws(() => checkDomains(['localhost']), { code: 'invalid_domain' });
});

test('the domain of an address', () => {
  assert.equal(domainOf('Piet@Jansen.nl'), 'jansen.nl');
});
