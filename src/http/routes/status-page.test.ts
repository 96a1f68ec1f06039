import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesEtag } from './status-page.ts';

test('If-None-Match: the tag itself, in a list, weak, or *; nothing else', () => {
  const tag = '"abc123"';
  assert.equal(matchesEtag(tag, tag), true);
  assert.equal(matchesEtag(`"x", ${tag}`, tag), true);
  assert.equal(matchesEtag(`W/${tag}`, tag), true);
  assert.equal(matchesEtag('*', tag), true);
  assert.equal(matchesEtag('"abc12"', tag), false);
  assert.equal(matchesEtag('abc123', tag), false);
  assert.equal(matchesEtag(undefined, tag), false);
  assert.equal(matchesEtag('', tag), false);
});
