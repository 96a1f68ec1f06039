import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cueOf, cues } from './cues.ts';
import { words } from './features.ts';
import { foldForMatching } from '../../text/normalise.ts';

const cuesOf = (t: string) => cues(words(t), foldForMatching(t).replace(/\d+/g, '0'));

test('words become their class; a Dutch compound ending in a party is a party', () => {
  assert.equal(cueOf('u'), 'YOU');
  assert.equal(cueOf('wij'), 'WE');
  assert.equal(cueOf('koerier'), 'PARTY');
  assert.equal(cueOf('incassobureau'), 'PARTY');
  assert.equal(cueOf('voorwaarden'), 'RULE');
  assert.equal(cueOf('meterstand'), null);
});

test('the same construction gives the same cues in any sector', () => {
  const a = cuesOf('Dat ligt aan de netbeheerder, dus wij kunnen niets doen.');
  const b = cuesOf('Dat ligt aan de vervoerder, dus wij kunnen niets doen.');
  assert.deepEqual(a, b);
  assert.ok(a.includes('LIES_WITH'));
  assert.ok(a.includes('PARTY SO WE'));
});

test('"you should have" is a cue, "we should have" is owning it', () => {
  assert.ok(cuesOf('U had de meterstand eerder moeten doorgeven.').includes('YOU_SHOULD_HAVE'));
  assert.ok(cuesOf('You should have checked the box.').includes('YOU_SHOULD_HAVE'));
  assert.ok(cuesOf('We should have told you sooner.').includes('OUR_FAULT'));
  assert.ok(!cuesOf('We should have told you sooner.').includes('YOU_SHOULD_HAVE'));
  assert.ok(!cuesOf('Low pressure is not our responsibility.').includes('OUR_FAULT'));
  assert.ok(cuesOf('Low pressure is not our responsibility.').includes('NOT_OURS'));
});
