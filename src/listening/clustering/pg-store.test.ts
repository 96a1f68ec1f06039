import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newAccount, testDb } from '../../../tests/helpers.ts';
import type { Db } from '../../storage/db.ts';
import { clusterMessage } from './cluster-message.ts';
import { MemoryClusterStore } from './memory-store.ts';
import { createPgClusterStore } from './pg-store.ts';
import { clusterStoreContract } from './store-contract.ts';
import { runUpkeep, type UpkeepReport } from './run-upkeep.ts';
import { DEFAULT_CLUSTER_OPTIONS, type ClusterOptions, type ClusterStore } from './types.ts';

let db: Db;
before(async () => {
  db = await testDb();
});
after(async () => {
  await db?.close();
});

/** A fresh account per store, so tests (and parallel files on a shared PostgreSQL) never meet. */
const pgStore = async () => createPgClusterStore(db, (await newAccount(db)).accountId);

clusterStoreContract('pg', pgStore);

const MESSAGES = [
  'parkeren app heeft twee keer afgeschreven',
  'inloggen lukt niet wachtwoord vergeten',
  'parkeren teveel betaald app afgeschreven',
  'factuur klopt niet bedrag te hoog',
  'pakket niet bezorgd track en trace',
  'wachtwoord resetten mail komt niet aan',
  'parkeren dubbel afgeschreven bij parkeersessie',
  'bezorger heeft pakket bij buren gelaten',
  'factuur bedrag verkeerd btw klopt niet',
  'app crasht bij starten parkeersessie',
  'inloggen app foutmelding wachtwoord onjuist',
  'pakket beschadigd bezorgd doos kapot',
  'terugbetaling parkeren nog niet ontvangen',
  'factuur dubbel ontvangen zelfde bedrag',
  'kenteken wijzigen in de app lukt niet',
  'pakket kwijt track en trace zegt bezorgd',
  'wachtwoord vergeten link werkt niet',
  'abonnement opzeggen hoe werkt dat',
  'parkeersessie stopt niet automatisch teveel betaald',
  'factuur niet ontvangen per mail',
  'abonnement opzeggen lukt niet via app',
  'kenteken toevoegen tweede auto app',
  'bezorging te laat pakket twee dagen vertraagd',
  'inloggen met vingerafdruk werkt niet meer',
  'teveel afgeschreven voor parkeren gisteren',
  'abonnement kosten te hoog opzeggen',
  'pakket retour sturen label printen',
  'factuur bedrag btw nummer ontbreekt',
  'app update inloggen lukt niet meer',
  'kenteken verkeerd ingevoerd boete parkeren',
  'retour pakket geld nog niet terug',
  'wachtwoord wijzigen in de app',
  'parkeren zone code klopt niet app',
  'abonnement automatisch verlengd zonder melding',
  'pakket bezorgd op verkeerd adres',
  'factuur te hoog bedrag dubbel betaald',
  'storing app laadt niet',
  'inloggen code sms komt niet aan',
  'terugbetaling retour duurt lang geld',
  'parkeersessie starten lukt niet app storing',
  'kenteken van lease auto wijzigen',
  'abonnement opzeggen bevestiging niet ontvangen',
  'bezorgd pakket niet ontvangen buren niet thuis',
  'factuur downloaden lukt niet app',
  'wachtwoord en inloggen geblokkeerd account',
  'teveel betaald parkeren geld terug',
  'app storing parkeren niet mogelijk',
  'pakket track en trace werkt niet',
  'abonnement wijzigen goedkoper',
  'factuur bedrag klopt niet teveel betaald',
];

/** Cluster MESSAGES through `store` (running upkeep whenever it is due); topics numbered by first appearance. */
async function clusterAll(store: ClusterStore, options: ClusterOptions) {
  const order = new Map<string, number>();
  const out: { topic: number; isNew: boolean; seq: number; similarity: number }[] = [];
  const upkeeps: UpkeepReport[] = [];
  let at = Date.UTC(2026, 0, 1, 9);
  for (const m of MESSAGES) {
    const words = m.split(' ');
    const r = await clusterMessage(store, { terms: words, surfaces: words.map((w) => w.toUpperCase()), at: (at += 60_123) }, options);
    if (!order.has(r.topicId!)) order.set(r.topicId!, order.size);
    out.push({ topic: order.get(r.topicId!)!, isNew: r.isNew, seq: r.seq, similarity: r.similarity });
    if (r.upkeepDue) upkeeps.push(await runUpkeep(store, options));
  }
  const topics = (await store.loadTopics([...order.keys()])).map((t) => ({ ...t, id: order.get(t.id), centroid: [...t.centroid] }));
  const stats = await store.termStats(['parkeren', 'pakket', 'factuur', 'niet', 'app']);
  return { out, order, topics, upkeeps, stats: { docs: stats.docs, seq: stats.seq, df: [...stats.df].sort() } };
}

function assertSame(pg: Awaited<ReturnType<typeof clusterAll>>, memory: Awaited<ReturnType<typeof clusterAll>>) {
  assert.deepEqual(pg.out.map((r) => [r.topic, r.isNew, r.seq]), memory.out.map((r) => [r.topic, r.isNew, r.seq]));
  pg.out.forEach((r, i) => assert.ok(Math.abs(r.similarity - memory.out[i].similarity) < 1e-12, `similarity of message ${i}`));
  assert.ok(memory.order.size > 3 && memory.order.size < MESSAGES.length, `${memory.order.size} topics: some joined, some new`);
  // The live topics are the same too (ids aside), times to the millisecond; so are the counts.
  assert.deepEqual(pg.topics, memory.topics);
  assert.deepEqual(pg.upkeeps, memory.upkeeps);
  assert.deepEqual(pg.stats, memory.stats);
}

test('pg store and memory store give the same topic sequence for the same messages', async () => {
  const options = { ...DEFAULT_CLUSTER_OPTIONS, threshold: 0.3 };
  assertSame(await clusterAll(await pgStore(), options), await clusterAll(new MemoryClusterStore(), options));
});

test('pg store and memory store stay the same through upkeep: decay, forgetting, retiring', async () => {
  const options: ClusterOptions = {
    ...DEFAULT_CLUSTER_OPTIONS,
    threshold: 0.3,
    upkeepEvery: 10,
    dfHalfLife: 20,
    minDf: 0.9,
    smallTopic: 2,
    idleDocs: 12,
    quietDocs: 30,
  };
  const memory = await clusterAll(new MemoryClusterStore(), options);
  assert.ok(memory.upkeeps.some((u) => u.forgottenTerms > 0) && memory.upkeeps.some((u) => u.retiredTopics > 0), JSON.stringify(memory.upkeeps));
  assertSame(await clusterAll(await pgStore(), options), memory);
});

test('pg store: accounts never see each other, retired topics stay as history, odd ids are unknown', async () => {
  const a = await newAccount(db);
  const b = await newAccount(db);
  const sa = createPgClusterStore(db, a.accountId);
  const sb = createPgClusterStore(db, b.accountId);
  await sa.addDocument([{ term: 'park', surface: 'parkeren' }]);
  const id = await sa.saveTopic({ id: null, name: null, centroid: new Map([['park', 1]]), norm: 1, size: 1, firstSeq: 1, lastSeq: 1, firstAt: 1_700_000_000_123, lastAt: 1_700_000_000_456 });
  assert.deepEqual((await sb.termStats(['park'])).df.size, 0);
  assert.equal((await sb.candidates(['park'])).size, 0);
  assert.deepEqual(await sb.loadTopics([id]), []);
  assert.deepEqual(await sb.topicStats(), []);
  assert.deepEqual(await sa.loadTopics(['not-a-uuid']), []);
  const [t] = await sa.loadTopics([id]);
  assert.deepEqual([t.firstAt, t.lastAt], [1_700_000_000_123, 1_700_000_000_456]);
  await sb.retireTopics([id]); // another account's id: nothing happens
  assert.equal((await sa.topicStats()).length, 1);
  await sa.retireTopics([id]);
  const [row] = await db.query<{ retired: boolean; entries: number }>(
    `SELECT retired_at IS NOT NULL AS retired, (SELECT count(*)::int FROM topic_terms WHERE account_id = $1 AND topic_id = $2) AS entries
     FROM topics WHERE account_id = $1 AND id = $2`,
    [a.accountId, id],
  );
  assert.deepEqual(row, { retired: true, entries: 0 });
});

test('pg store: a new surface form replaces the rarest once three are kept; decay forgets a term with its forms', async () => {
  const store = await pgStore();
  for (const surface of ['a', 'a', 'a', 'b', 'c', 'd', 'd', 'd', 'd']) await store.addDocument([{ term: 't', surface }, { term: 'u', surface: surface + 'u' }]);
  assert.equal((await store.surfaces(['t'])).get('t'), 'd');
  assert.equal((await store.surfaces(['u'])).get('u'), 'du');
  assert.equal(await store.decay(0.1, 1, 100), 2); // 9 * 0.1 < 1: both go
  assert.equal((await store.surfaces(['t', 'u'])).size, 0);
  const stats = await store.termStats(['t']);
  assert.ok(Math.abs(stats.docs - 0.9) < 1e-12);
  assert.equal(stats.seq, 9);
});

test('pg store works inside a transaction and rolls back with it', async () => {
  const { accountId } = await newAccount(db);
  await assert.rejects(
    db.transaction(async (tx) => {
      await createPgClusterStore(tx, accountId).addDocument([{ term: 'x' }]);
      throw new Error('abort');
    }),
  );
  const stats = await createPgClusterStore(db, accountId).termStats(['x']);
  assert.deepEqual([stats.docs, stats.seq, stats.df.size], [0, 0, 0]);
});
