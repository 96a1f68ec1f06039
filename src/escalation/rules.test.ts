import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideEscalation, type EscalationFacts } from './rules.ts';

const calm: EscalationFacts = {
  tier: 'L1', status: 'open', contactCount: 1, reopenedCount: 0, maxAnger: 0.1, maxReputationRisk: 0, segment: null,
  vulnerable: false, media: false, breachedPromises: 0, businessMinutesOpen: 60,
};

test('a calm, new case stays where it is', () => assert.equal(decideEscalation(calm), null));

test('each rule escalates with its reason', () => {
  const cases: [Partial<EscalationFacts>, string, string][] = [
    [{ contactCount: 3 }, 'repeat_contacts', 'L2'],
    [{ reopenedCount: 1 }, 'reopened', 'L2'],
    [{ maxAnger: 0.8 }, 'high_anger', 'L2'],
    [{ segment: 'Gold' }, 'vip_segment', 'L2'],
    [{ maxReputationRisk: 3 }, 'reputation_risk', 'L3'],
    [{ media: true }, 'reputation_risk', 'L3'],
    [{ maxReputationRisk: 1 }, 'reputation_risk', 'L2'],
    [{ vulnerable: true }, 'vulnerable_customer', 'L2'],
    [{ breachedPromises: 1 }, 'broken_promise', 'L2'],
    [{ businessMinutesOpen: 17 * 60 }, 'too_long_at_l1', 'L2'],
  ];
  for (const [facts, rule, to] of cases) {
    const d = decideEscalation({ ...calm, ...facts });
    assert.ok(d, rule);
    assert.equal(d.to, to, rule);
    assert.deepEqual(d.reasons.map((r) => r.rule), [rule]);
    assert.ok(d.reasons[0].reason.length > 5);
  }
});

test('the highest tier wins, all reasons are kept; never down, never for solved cases', () => {
  const d = decideEscalation({ ...calm, contactCount: 4, media: true, vulnerable: true });
  assert.equal(d?.to, 'L3');
  assert.deepEqual(d?.reasons.map((r) => r.rule).sort(), ['repeat_contacts', 'reputation_risk', 'vulnerable_customer']);
  assert.equal(decideEscalation({ ...calm, tier: 'L2', contactCount: 5 }), null, 'already at L2');
  assert.equal(decideEscalation({ ...calm, tier: 'L2', contactCount: 5, maxReputationRisk: 2 })?.to, 'L3');
  assert.equal(decideEscalation({ ...calm, status: 'solved', contactCount: 9 }), null);
  assert.equal(decideEscalation({ ...calm, tier: 'L2', businessMinutesOpen: 10_000 }), null, 'too long at L1 is about L1 only');
});
