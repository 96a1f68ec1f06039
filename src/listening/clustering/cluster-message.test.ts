import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterMessage, type Clustered } from './cluster-message.ts';
import { MemoryClusterStore } from './memory-store.ts';
import { runUpkeep } from './run-upkeep.ts';
import { describeTopics, mergeTopicsIn, renameTopicIn, splitTopicIn } from './supervise-topics.ts';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from './types.ts';

const options: ClusterOptions = { ...DEFAULT_CLUSTER_OPTIONS, threshold: 0.3 };
const words = (s: string) => s.split(' ');

const PARKING = [
  'park teveel afschrijv app',
  'park teveel afschrijv bedrag',
  'park afschrijv teveel twee keer',
  'teveel park betal afschrijv',
];
const LOGIN = ['inlog app wachtwoord fout', 'inlog wachtwoord lukt niet', 'app inlog wachtwoord vergeten'];

test('similar messages join one topic at once; a different subject starts another', async () => {
  const store = new MemoryClusterStore();
  const parking: Clustered[] = [];
  for (const m of PARKING) parking.push(await clusterMessage(store, { terms: words(m), at: 1000 }, options));
  assert.equal(parking[0].isNew, true);
  assert.ok(parking.slice(1).every((r) => !r.isNew && r.topicId === parking[0].topicId && r.similarity >= 0.3));
  const login = await clusterMessage(store, { terms: words(LOGIN[0]) }, options);
  assert.equal(login.isNew, true);
  assert.notEqual(login.topicId, parking[0].topicId);
  assert.deepEqual(parking.map((r) => r.seq), [1, 2, 3, 4]);
  const [topic] = await store.loadTopics([parking[0].topicId!]);
  assert.equal(topic.size, 4);
  assert.ok(topic.centroid.size <= options.centroidTerms);
});

test('a message without terms gets no topic and is not counted', async () => {
  const store = new MemoryClusterStore();
  const r = await clusterMessage(store, { terms: [] }, options);
  assert.equal(r.topicId, null);
  assert.equal(store.counts().seq, 0);
});

test('only the first maxMessageTerms terms of a message count', async () => {
  const store = new MemoryClusterStore();
  await clusterMessage(store, { terms: words('park teveel afschrijv app inlog') }, { ...options, maxMessageTerms: 3 });
  const stats = await store.termStats(['park', 'afschrijv', 'app']);
  assert.deepEqual([stats.df.get('park'), stats.df.get('afschrijv'), stats.df.has('app')], [1, 1, false]);
});

test('labels read as the words customers wrote; supervisors rename, merge and split', async () => {
  const store = new MemoryClusterStore();
  const said = (m: string) => m.replace('park', 'parkeren').replace('teveel', 'te-veel').replace('afschrijv', 'afgeschreven');
  let parkingId = '';
  for (const m of PARKING) {
    const r = await clusterMessage(store, { terms: words(m), surfaces: words(said(m)) }, options);
    parkingId = r.topicId!;
  }
  const loginIds = new Set<string>();
  for (const m of LOGIN) loginIds.add((await clusterMessage(store, { terms: words(m) }, options)).topicId!);
  assert.equal(loginIds.size, 1);
  const [loginId] = loginIds;

  const [view] = await describeTopics(store, [parkingId]);
  assert.match(view.label, /parkeren|te-veel|afgeschreven/);
  assert.equal(view.size, 4);

  await renameTopicIn(store, parkingId, 'Parkeren: te veel afgeschreven');
  assert.equal((await describeTopics(store, [parkingId]))[0].label, 'Parkeren: te veel afgeschreven');

  const merged = await mergeTopicsIn(store, parkingId, loginId, options);
  assert.equal(merged.size, 7);
  assert.deepEqual(await store.loadTopics([loginId]), []);
  assert.deepEqual([...((await store.candidates(['inlog'])).get('inlog') ?? new Map()).keys()], [parkingId]);

  const members = [...PARKING, ...LOGIN].map((m) => ({ terms: words(m) }));
  const { keepId, newId, sides } = await splitTopicIn(store, parkingId, members, options);
  assert.equal(keepId, parkingId);
  assert.deepEqual(sides, [0, 0, 0, 0, 1, 1, 1]);
  const [kept, split] = await store.loadTopics([keepId, newId]);
  assert.equal(kept.name, 'Parkeren: te veel afgeschreven');
  assert.equal(kept.size + split.size, 7);
  assert.ok(split.centroid.has('inlog'));
  // New login messages find the split-off topic again.
  assert.equal((await clusterMessage(store, { terms: words('inlog wachtwoord app') }, options)).topicId, newId);
});

test('upkeep forgets rare terms and retires small quiet topics, so state stays bounded', async () => {
  const small: ClusterOptions = { ...options, upkeepEvery: 100, dfHalfLife: 100, minDf: 1, maxTerms: 50, smallTopic: 3, idleDocs: 100, quietDocs: 300, maxTopics: 10 };
  const store = new MemoryClusterStore();
  let upkeeps = 0;
  for (let i = 0; i < 1000; i++) {
    // A steady topic, and one-off messages made of unique words.
    const terms = i % 2 === 0 ? words('park teveel afschrijv') : [`uniek${i}`, `woord${i}`];
    const r = await clusterMessage(store, { terms }, small);
    if (r.upkeepDue) {
      await runUpkeep(store, small);
      upkeeps++;
      const c = store.counts();
      assert.ok(c.terms <= small.maxTerms && c.topics <= small.maxTopics, JSON.stringify(c));
    }
  }
  assert.equal(upkeeps, 10);
  const c = store.counts();
  assert.ok(c.terms <= small.maxTerms + 100 * 2 + 3, 'between upkeeps at most one interval of new terms');
  const live = await store.topicStats();
  assert.ok(live.some((t) => t.size >= 400), 'the steady topic survives');
});
