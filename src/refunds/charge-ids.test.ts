import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chargeId, chargeIdPrefix } from './charge-ids.ts';

test('an import\'s charge ids are version 7 UUIDs that sort in row order, after an earlier import\'s', () => {
  const uuid7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const p = chargeIdPrefix(Date.UTC(2026, 11, 7, 3, 0), Buffer.from('ffffffffffff', 'hex'));
  assert.equal(p, '01a24e71-a380-7fff-bfff-ffff');
  const ids = [0, 1, 15, 16, 255, 65_536, 4_294_967_295].map((n) => chargeId(p, n));
  for (const id of ids) assert.match(id, uuid7);
  assert.deepEqual([...ids].sort(), ids);
  const later = chargeId(chargeIdPrefix(Date.UTC(2026, 11, 7, 3, 0, 0, 1), Buffer.alloc(6)), 0);
  assert.ok(later > ids.at(-1)!, 'a later import sorts after');
  assert.notEqual(chargeIdPrefix(), chargeIdPrefix(), 'random bits');
  assert.throws(() => chargeId(p, 2 ** 32), RangeError);
});
