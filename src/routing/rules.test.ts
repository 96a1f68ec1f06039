import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routedTier, ruleFor, type RoutingRule } from './rules.ts';

const rule = (name: string, position: number, o: Partial<RoutingRule>): RoutingRule =>
  ({ id: name, name, position, conditions: [], team_id: null, tier: null, ...o });
const business = rule('zakelijk', 1, { team_id: 't-b2b', conditions: [{ entity: 'case', key: 'contract', op: 'equals', value: 'zakelijk' }] });
const vip = rule('vip', 0, { tier: 'L2', conditions: [{ entity: 'customer', key: 'vip', op: 'equals', value: true }] });

test('the first rule by position whose conditions hold decides; none: null', () => {
  assert.equal(ruleFor([business, vip], { case: { contract: 'zakelijk' }, customer: { vip: true } })?.name, 'vip');
  assert.equal(ruleFor([business, vip], { case: { contract: 'zakelijk' }, customer: { vip: false } })?.name, 'zakelijk');
  assert.equal(ruleFor([business, vip], { case: { contract: 'basis' } }), null);
});

test('a rule raises the tier, never lowers it', () => {
  assert.equal(routedTier('L1', vip), 'L2');
  assert.equal(routedTier('L3', vip), 'L3');
  assert.equal(routedTier('L1', null), 'L1');
});
