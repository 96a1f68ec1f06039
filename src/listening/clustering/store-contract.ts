/**
 * What every ClusterStore must do, as tests any implementation can run:
 * `clusterStoreContract('memory', async () => new MemoryClusterStore())` in its own *.test.ts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClusterStore, NewTopic, Postings } from './types.ts';

const topicOf = (centroid: Record<string, number>, extra: Partial<NewTopic> = {}): NewTopic => {
  const c = new Map(Object.entries(centroid));
  return { id: null, name: null, centroid: c, norm: Math.hypot(...c.values()), size: 1, firstSeq: 1, lastSeq: 1, firstAt: 0, lastAt: 0, ...extra };
};

/** [topicId, term] of every index entry. */
const flat = (postings: Postings) => [...postings].flatMap(([term, topics]) => [...topics.keys()].map((id) => [id, term]));

const close = (a: number, b: number) => Math.abs(a - b) < 1e-9;

export function clusterStoreContract(name: string, makeStore: () => Promise<ClusterStore>) {
  test(`${name} store: addDocument counts documents and terms and returns the counts including the message`, async () => {
    const store = await makeStore();
    const first = await store.addDocument([{ term: 'park', surface: 'parkeren' }, { term: 'betal' }]);
    assert.equal(first.docs, 1);
    assert.equal(first.seq, 1);
    assert.equal(first.df.get('park'), 1);
    const second = await store.addDocument([{ term: 'park', surface: 'parkeren' }]);
    assert.equal(second.seq, 2);
    assert.equal(second.df.get('park'), 2);
    assert.equal(second.df.has('betal'), false, 'only the terms asked for');
    const stats = await store.termStats(['park', 'betal', 'nooit']);
    assert.deepEqual([stats.docs, stats.seq], [2, 2]);
    assert.deepEqual([stats.df.get('park'), stats.df.get('betal'), stats.df.has('nooit')], [2, 1, false]);
  });

  test(`${name} store: the most frequent surface form per term`, async () => {
    const store = await makeStore();
    for (const surface of ['parkeren', 'parkeer', 'parkeren', 'geparkeerd']) await store.addDocument([{ term: 'park', surface }]);
    await store.addDocument([{ term: 'bare' }]);
    const s = await store.surfaces(['park', 'bare', 'unknown']);
    assert.equal(s.get('park'), 'parkeren');
    assert.equal(s.has('bare'), false);
    assert.equal(s.has('unknown'), false);
  });

  test(`${name} store: saved topics get ids, and the index holds centroid / norm for exactly their terms`, async () => {
    const store = await makeStore();
    const id = await store.saveTopic(topicOf({ park: 3, teveel: 4 }));
    const other = await store.saveTopic(topicOf({ app: 1 }));
    assert.notEqual(id, other);
    const postings = await store.candidates(['park', 'teveel', 'app', 'none']);
    const weight = (t: string, term: string) => postings.get(term)?.get(t);
    assert.deepEqual([...postings.keys()].sort(), ['app', 'park', 'teveel']);
    assert.ok(close(weight(id, 'park')!, 0.6) && close(weight(id, 'teveel')!, 0.8));
    assert.ok(close(weight(other, 'app')!, 1));

    const [loaded] = await store.loadTopics([id]);
    assert.equal(loaded.id, id);
    assert.equal(loaded.centroid.get('park'), 3);
    // Replacing a topic drops index entries for terms its centroid lost.
    await store.saveTopic({ ...loaded, centroid: new Map([['park', 1], ['kenteken', 1]]), norm: Math.SQRT2, size: 2 });
    const after = await store.candidates(['teveel', 'kenteken']);
    assert.deepEqual(flat(after), [[id, 'kenteken']]);
    assert.equal((await store.loadTopics([id]))[0].size, 2);
  });

  test(`${name} store: retired topics leave the index, the live set and the stats`, async () => {
    const store = await makeStore();
    const a = await store.saveTopic(topicOf({ park: 1 }, { size: 3, lastSeq: 9 }));
    const b = await store.saveTopic(topicOf({ park: 1 }, { name: 'Named' }));
    assert.deepEqual((await store.topicStats()).sort((x, y) => x.size - y.size), [
      { id: b, size: 1, lastSeq: 1, named: true },
      { id: a, size: 3, lastSeq: 9, named: false },
    ]);
    await store.retireTopics([a, 'no-such-topic']);
    assert.deepEqual(flat(await store.candidates(['park'])), [[b, 'park']]);
    assert.deepEqual(await store.loadTopics([a]), []);
    assert.deepEqual((await store.topicStats()).map((t) => t.id), [b]);
  });

  test(`${name} store: decay scales counts, forgets rare terms and keeps at most maxTerms`, async () => {
    const store = await makeStore();
    for (let i = 0; i < 8; i++) await store.addDocument([{ term: 'often' }, ...(i < 4 ? [{ term: 'half' }] : []), ...(i < 2 ? [{ term: 'rare' }] : [])]);
    assert.equal(await store.decay(0.5, 1.5, 10), 1); // rare: 2 → 1 < 1.5
    let stats = await store.termStats(['often', 'half', 'rare']);
    assert.deepEqual([stats.docs, stats.seq, stats.df.get('often'), stats.df.get('half'), stats.df.has('rare')], [4, 8, 4, 2, false]);
    assert.equal(await store.decay(1, 0, 1), 1); // over the cap: the lowest df goes
    stats = await store.termStats(['often', 'half']);
    assert.deepEqual([stats.df.get('often'), stats.df.has('half')], [4, false]);
  });
}
