import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRequestOrigin, type RequestOrigin } from './csrf.ts';

const base: RequestOrigin = { host: 'luister.example.nl', trusted: new Set(['https://intranet.example.nl']) };
const ok = (r: Partial<RequestOrigin>) => checkRequestOrigin({ ...base, ...r }).ok;

test('Sec-Fetch-Site decides when the browser sends it', () => {
  assert.equal(ok({ secFetchSite: 'same-origin', origin: 'https://evil.example' }), true, 'the browser knows better than a header it also sent');
  assert.equal(ok({ secFetchSite: 'none' }), true);
  assert.equal(ok({ secFetchSite: 'cross-site', origin: 'https://luister.example.nl' }), false);
  assert.equal(ok({ secFetchSite: 'same-site', origin: 'https://blog.example.nl' }), false, 'a sibling subdomain is not this origin');
  assert.equal(ok({ secFetchSite: 'cross-site', origin: 'https://intranet.example.nl' }), true, 'a trusted origin');
  assert.equal(ok({ secFetchSite: 'cross-site' }), false);
});

test('without Sec-Fetch-Site: Origin, else Referer, must be this host or trusted', () => {
  assert.equal(ok({ origin: 'https://luister.example.nl' }), true);
  assert.equal(ok({ origin: 'https://luister.example.nl:443' }), true);
  assert.equal(ok({ origin: 'http://luister.example.nl:8080', host: 'luister.example.nl:8080' }), true);
  assert.equal(ok({ origin: 'https://evil.example' }), false);
  assert.equal(ok({ origin: 'null' }), false, 'sandboxed frames and data: URLs send Origin: null');
  assert.equal(ok({ origin: 'https://intranet.example.nl' }), true);
  assert.equal(ok({ referer: 'https://luister.example.nl/app/cases' }), true);
  assert.equal(ok({ referer: 'https://evil.example/luister.example.nl' }), false);
  assert.equal(ok({ referer: 'not a url' }), false);
  assert.equal(ok({ origin: 'https://luister.example.nl.evil.example' }), false);
});

test('no browser headers at all: not a browser page, allowed', () => {
  assert.equal(ok({}), true);
});
