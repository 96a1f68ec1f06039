import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupMembers, groupRefusal, pageOrder } from './component-groups.ts';

const c = (id: string, position: number, group_id: string | null = null) => ({ id, position, group_id });
// Mobiel is a group holding 4G and 5G; Internet and TV stand alone
const all = [c('tv', 1), c('5g', 4, 'mobiel'), c('internet', 0), c('mobiel', 2), c('4g', 3, 'mobiel')];

test('page order: top level by position, each group followed by its own components', () => {
  assert.deepEqual(pageOrder(all).map((r) => `${'  '.repeat(r.depth)}${r.component.id}`), ['internet', 'tv', 'mobiel', '  4g', '  5g']);
});

test('a component whose group is gone shows as ungrouped', () => {
  assert.deepEqual(pageOrder(all.filter((x) => x.id !== 'mobiel')).map((r) => [r.component.id, r.depth]), [['internet', 0], ['tv', 0], ['4g', 0], ['5g', 0]]);
});

test('group members in position order; components outside groups are none', () => {
  assert.deepEqual([...groupMembers(all)], [['mobiel', ['4g', '5g']]]);
});

test('one level: not into itself, not into a grouped component, a group not into another', () => {
  assert.equal(groupRefusal(all, 'tv', 'mobiel'), null);
  assert.equal(groupRefusal(all, 'tv', null), null);
  assert.equal(groupRefusal(all, '4g', null), null);
  assert.equal(groupRefusal(all, 'tv', 'tv')?.code, 'group_is_self');
  assert.equal(groupRefusal(all, 'tv', '4g')?.code, 'group_is_grouped');
  assert.equal(groupRefusal(all, 'mobiel', 'internet')?.code, 'component_is_group');
  // moving within the same group is fine
  assert.equal(groupRefusal(all, '4g', 'mobiel'), null);
});
