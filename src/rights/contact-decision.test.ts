import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideContact } from './contact-decision.ts';

test('service is always allowed, whatever the customer refused', () => {
  const all = (['sales', 'surveys', 'announcements'] as const).map((kind) => ({ kind, allowed: false, source: 'agent' as const }));
  assert.deepEqual(decideContact('service', all), { allowed: true });
});

test('a refused kind stops its purpose, with where the refusal came from', () => {
  const prefs = [{ kind: 'sales' as const, allowed: false, source: 'message' as const }];
  assert.deepEqual(decideContact('sales', prefs), { allowed: false, reason: 'opted_out', kind: 'sales', source: 'message' });
  // a marketing announcement is sales too: "bel me niet meer" stops it
  assert.equal(decideContact('marketing_announcement', prefs).allowed, false);
  assert.equal(decideContact('survey', prefs).allowed, true);
});

test('announcements and surveys have their own kind; no row or allowed=true means allowed', () => {
  assert.equal(decideContact('marketing_announcement', [{ kind: 'announcements', allowed: false, source: 'unsubscribe' }]).allowed, false);
  assert.equal(decideContact('sales', [{ kind: 'announcements', allowed: false, source: 'unsubscribe' }]).allowed, true);
  assert.equal(decideContact('survey', [{ kind: 'surveys', allowed: true, source: 'agent' }]).allowed, true);
  assert.equal(decideContact('survey', []).allowed, true);
});

test('an erased customer is never contacted, not even for service', () => {
  assert.deepEqual(decideContact('service', [], true), { allowed: false, reason: 'erased' });
});
