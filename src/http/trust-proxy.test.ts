import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTrustProxy } from './trust-proxy.ts';

test('TRUST_PROXY: off, on, a hop count or the proxies addresses', () => {
  assert.deepEqual(parseTrustProxy(undefined), { value: false });
  assert.deepEqual(parseTrustProxy('false'), { value: false });
  assert.deepEqual(parseTrustProxy('TRUE'), { value: true });
  assert.deepEqual(parseTrustProxy('0'), { value: false });
  assert.deepEqual(parseTrustProxy('2'), { value: 2 });
  assert.deepEqual(parseTrustProxy('10.0.0.1, 10.1.0.0/16,loopback'), { value: ['10.0.0.1', '10.1.0.0/16', 'loopback'] });
  assert.deepEqual(parseTrustProxy('::1,fd00::/8'), { value: ['::1', 'fd00::/8'] });
});

test('TRUST_PROXY: anything else is a configuration error', () => {
  for (const bad of ['yes', '10.0.0.1/33', '10.0.0.300', 'proxy.example.nl', '1.2.3.4/8/9', '1000']) {
    assert.ok('error' in parseTrustProxy(bad), bad);
  }
});
