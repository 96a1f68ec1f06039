import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryClusterStore } from './memory-store.ts';
import { clusterStoreContract } from './store-contract.ts';

clusterStoreContract('memory', async () => new MemoryClusterStore());

test('memory store: a new surface form replaces the rarest once three are kept', async () => {
  const store = new MemoryClusterStore();
  for (const surface of ['a', 'a', 'a', 'b', 'c', 'd', 'd', 'd', 'd']) await store.addDocument([{ term: 't', surface }]);
  assert.equal((await store.surfaces(['t'])).get('t'), 'd');
  assert.equal(store.counts().terms, 1);
});
