import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrubReason } from './scrub-reason.ts';

test('the person\'s own values leave the reason, whatever their case; other words stay', () => {
  assert.equal(scrubReason('Verzoek van bram PETERS (bram@example.nl) per brief', ['Bram Peters', 'bram@example.nl']), 'Verzoek van […] ([…]) per brief');
  assert.equal(scrubReason('a+b? (x)', ['a+b? (x)']), '[…]');
});
