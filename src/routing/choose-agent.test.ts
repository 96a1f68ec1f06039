import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseAgent, segmentRank, type RoutingAgent } from './choose-agent.ts';

const agent = (id: string, o: Partial<RoutingAgent> = {}): RoutingAgent => ({
  id, name: id, languages: ['nl'], skills: [], available: true, openCases: 0, maxOpenCases: 10, tier: 'L1', ...o,
});

test('the least loaded available agent of the right tier gets the offer', () => {
  const pick = chooseAgent([agent('a', { openCases: 5 }), agent('b', { openCases: 2 }), agent('c', { openCases: 0, available: false })], { language: 'nl', topic: null, tier: 'L1' });
  assert.equal(pick?.agent.id, 'b');
  assert.match(pick!.reason, /spreekt nl.*2 van 10 zaken/);
});

test('language, then topic skill, then exact tier decide', () => {
  const agents = [agent('nl-only', { openCases: 0 }), agent('en', { languages: ['en', 'nl'], openCases: 3 }), agent('en-parking', { languages: ['en'], skills: ['Parkeren'], openCases: 6 })];
  assert.equal(chooseAgent(agents, { language: 'en', topic: null, tier: 'L1' })?.agent.id, 'en');
  assert.equal(chooseAgent(agents, { language: 'en', topic: 'parkeren', tier: 'L1' })?.agent.id, 'en-parking');
  // nobody speaks German: language does not block routing
  assert.equal(chooseAgent(agents, { language: 'de', topic: null, tier: 'L1' })?.agent.id, 'nl-only');
  const tiers = [agent('l2', { tier: 'L2' }), agent('l1', { tier: 'L1', openCases: 4 })];
  assert.equal(chooseAgent(tiers, { language: 'nl', topic: null, tier: 'L1' })?.agent.id, 'l1', 'an L1 case stays with L1 when it can');
  assert.equal(chooseAgent(tiers, { language: 'nl', topic: null, tier: 'L2' })?.agent.id, 'l2', 'an L2 case never goes to L1');
});

test('decliners, full agents and the unavailable are passed over; nobody left is null', () => {
  const agents = [agent('a'), agent('b', { openCases: 10 }), agent('c', { available: false })];
  assert.equal(chooseAgent(agents, { language: 'nl', topic: null, tier: 'L1' }, new Set(['a'])), null);
  assert.equal(chooseAgent(agents, { language: 'nl', topic: null, tier: 'L3' }), null);
});

test('segment priority: VIP and gold first', () => {
  assert.deepEqual(['standard', 'gold', null, 'vip'].sort((a, b) => segmentRank(a) - segmentRank(b)), ['vip', 'gold', 'standard', null]);
});
