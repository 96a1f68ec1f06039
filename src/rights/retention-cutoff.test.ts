import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retentionCutoff } from './retention-cutoff.ts';

test('calendar months back, clamped to the end of a shorter month; off is null', () => {
  assert.equal(retentionCutoff(new Date('2026-12-07T10:00:00Z'), 6)!.toISOString(), '2026-06-07T10:00:00.000Z');
  assert.equal(retentionCutoff(new Date('2026-03-31T00:00:00Z'), 1)!.toISOString(), '2026-02-28T00:00:00.000Z');
  assert.equal(retentionCutoff(new Date('2026-01-15T00:00:00Z'), 24)!.toISOString(), '2024-01-15T00:00:00.000Z');
  assert.equal(retentionCutoff(new Date(), null), null);
});
