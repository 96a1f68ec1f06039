/**
 * The clusterer's state in PostgreSQL (or PGlite): tables of migration 0005_topics.sql, one account
 * per store. Every method is one statement (arrays in through unnest / = ANY), so a message costs
 * the three or four round trips the interface promises; run the store on a transaction's `Db` to
 * make one message's writes atomic. Messages of one account are clustered one at a time (the
 * caller serialises them), so the statements need no row locks of their own beyond the upserts'.
 *
 * Mirrors MemoryClusterStore, with two differences only in ties: the surface form replaced (and the
 * one shown) among equally counted forms, and the terms `decay` drops among equal df, are chosen
 * alphabetically here and by insertion order there.
 */
import type { Db } from '../../storage/db.ts';
import type { ClusterStore, NewTopic, Postings, SparseVector, TermSighting, TermStats, Topic, TopicId, TopicStat } from './types.ts';

/** Surface forms remembered per term; a new form replaces the rarest (as the memory store). */
const FORMS_PER_TERM = 3;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that can be topics here (anything else is simply unknown, never a cast error). */
const uuids = (ids: readonly string[]) => ids.filter((id) => UUID.test(id));

interface CountRow {
  docs: number | null;
  seq: number | null;
  term: string | null;
  df: number | null;
}

interface TopicRow {
  id: string;
  name: string | null;
  centroid: [string, number][] | string;
  norm: number;
  size: number;
  first_seq: number;
  last_seq: number;
  first_at: number;
  last_at: number;
}

const TOPIC_COLUMNS = `id, name, centroid, norm, size, first_seq, last_seq,
  (extract(epoch FROM first_at) * 1000)::float8 AS first_at, (extract(epoch FROM last_at) * 1000)::float8 AS last_at`;

export function createPgClusterStore(db: Db, accountId: string): ClusterStore {
  return {
    async addDocument(sightings: readonly TermSighting[]): Promise<TermStats> {
      // Once per term, as the interface asks (an upsert may touch a row only once per statement).
      const seen = new Map<string, string | null>();
      for (const { term, surface } of sightings) if (!seen.has(term)) seen.set(term, surface ?? null);
      const rows = await db.query<CountRow>(
        `WITH s AS (SELECT * FROM unnest($2::text[], $3::text[]) AS s (term, form)),
         st AS (
           INSERT INTO cluster_state AS c (account_id, docs, seq) VALUES ($1, 1, 1)
           ON CONFLICT (account_id) DO UPDATE SET docs = c.docs + 1, seq = c.seq + 1
           RETURNING docs, seq),
         t AS (
           INSERT INTO cluster_terms AS c (account_id, term, df) SELECT $1, term, 1 FROM s
           ON CONFLICT (account_id, term) DO UPDATE SET df = c.df + 1
           RETURNING term, df),
         cur AS (
           SELECT f.term, f.form, count(*) OVER w AS kept, row_number() OVER (w ORDER BY f.n, f.form) AS rarest
           FROM cluster_term_forms f
           WHERE f.account_id = $1 AND f.term IN (SELECT term FROM s WHERE form IS NOT NULL)
           WINDOW w AS (PARTITION BY f.term)),
         again AS (
           UPDATE cluster_term_forms f SET n = f.n + 1 FROM s
           WHERE f.account_id = $1 AND f.term = s.term AND f.form = s.form),
         fresh AS (
           SELECT s.term, s.form FROM s
           WHERE s.form IS NOT NULL AND NOT EXISTS (SELECT 1 FROM cur WHERE cur.term = s.term AND cur.form = s.form)),
         added AS (
           INSERT INTO cluster_term_forms (account_id, term, form, n)
           SELECT $1, fresh.term, fresh.form, 1 FROM fresh
           WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.term = fresh.term AND cur.kept >= $4)),
         replaced AS (
           UPDATE cluster_term_forms f SET form = fresh.form, n = f.n + 1
           FROM fresh JOIN cur ON cur.term = fresh.term AND cur.kept >= $4 AND cur.rarest = 1
           WHERE f.account_id = $1 AND f.term = cur.term AND f.form = cur.form)
         SELECT st.docs, st.seq, t.term, t.df FROM st LEFT JOIN t ON true`,
        [accountId, [...seen.keys()], [...seen.values()], FORMS_PER_TERM],
      );
      return toStats(rows);
    },

    async termStats(terms: readonly string[]): Promise<TermStats> {
      const rows = await db.query<CountRow>(
        `SELECT s.docs, s.seq, t.term, t.df
         FROM (SELECT 1) AS one
         LEFT JOIN cluster_state s ON s.account_id = $1
         LEFT JOIN cluster_terms t ON t.account_id = $1 AND t.term = ANY ($2::text[])`,
        [accountId, [...terms]],
      );
      return toStats(rows);
    },

    async candidates(terms: readonly string[]): Promise<Postings> {
      const out = new Map<string, Map<TopicId, number>>();
      if (terms.length === 0) return out;
      const rows = await db.query<{ term: string; topic_id: string; weight: number }>(
        'SELECT term, topic_id, weight FROM topic_terms WHERE account_id = $1 AND term = ANY ($2::text[])',
        [accountId, [...terms]],
      );
      for (const r of rows) {
        let topics = out.get(r.term);
        if (!topics) out.set(r.term, (topics = new Map()));
        topics.set(r.topic_id, r.weight);
      }
      return out;
    },

    async loadTopics(ids: readonly TopicId[]): Promise<Topic[]> {
      const valid = uuids(ids);
      if (valid.length === 0) return [];
      const rows = await db.query<TopicRow>(
        `SELECT ${TOPIC_COLUMNS} FROM topics WHERE account_id = $1 AND id = ANY ($2::uuid[]) AND retired_at IS NULL`,
        [accountId, valid],
      );
      const byId = new Map(rows.map((r) => [r.id, toTopic(r)]));
      // In the order asked, like the memory store.
      return ids.flatMap((id) => byId.get(id.toLowerCase()) ?? []);
    },

    async saveTopic(topic: Topic | NewTopic): Promise<TopicId> {
      if (topic.id !== null && !UUID.test(topic.id)) throw new Error(`Not a topic id: ${topic.id}`);
      const terms = [...topic.centroid.keys()];
      const weights = [...topic.centroid.values()].map((w) => (topic.norm > 0 ? w / topic.norm : 0));
      // Saving a topic makes it live (as in the memory store, where a retired topic is simply gone).
      const [row] = await db.query<{ id: string }>(
        `WITH t AS (
           INSERT INTO topics AS o (account_id, id, name, centroid, norm, size, first_seq, last_seq, first_at, last_at)
           VALUES ($1, coalesce($2::uuid, gen_random_uuid()), $3, $4::jsonb, $5, $6, $7, $8,
                   to_timestamp($9::float8 / 1000), to_timestamp($10::float8 / 1000))
           ON CONFLICT (account_id, id) DO UPDATE SET
             name = excluded.name, centroid = excluded.centroid, norm = excluded.norm, size = excluded.size,
             first_seq = excluded.first_seq, last_seq = excluded.last_seq,
             first_at = excluded.first_at, last_at = excluded.last_at, retired_at = NULL, merged_into = NULL
           RETURNING id),
         dropped AS (
           DELETE FROM topic_terms WHERE account_id = $1 AND topic_id = $2::uuid AND term <> ALL ($11::text[])),
         indexed AS (
           INSERT INTO topic_terms (account_id, term, topic_id, weight)
           SELECT $1, e.term, t.id, e.weight FROM t, unnest($11::text[], $12::float8[]) AS e (term, weight)
           ON CONFLICT (account_id, term, topic_id) DO UPDATE SET weight = excluded.weight)
         SELECT id FROM t`,
        [
          accountId,
          topic.id,
          topic.name,
          JSON.stringify([...topic.centroid]),
          topic.norm,
          topic.size,
          topic.firstSeq,
          topic.lastSeq,
          topic.firstAt,
          topic.lastAt,
          terms,
          weights,
        ],
      );
      return row.id;
    },

    async surfaces(terms: readonly string[]): Promise<Map<string, string>> {
      const out = new Map<string, string>();
      if (terms.length === 0) return out;
      const rows = await db.query<{ term: string; form: string }>(
        `SELECT DISTINCT ON (term) term, form FROM cluster_term_forms
         WHERE account_id = $1 AND term = ANY ($2::text[])
         ORDER BY term, n DESC, form`,
        [accountId, [...terms]],
      );
      for (const r of rows) out.set(r.term, r.form);
      return out;
    },

    async decay(factor: number, minDf: number, maxTerms: number): Promise<number> {
      // Kept and forgotten terms are disjoint rows, so one statement scales the first and deletes the second.
      const [row] = await db.query<{ forgotten: number }>(
        `WITH scaled AS (
           SELECT term, df * $2::float8 AS df FROM cluster_terms WHERE account_id = $1),
         keep AS (
           SELECT term FROM scaled WHERE df >= $3::float8 ORDER BY df DESC, term LIMIT $4),
         gone AS (
           DELETE FROM cluster_terms c WHERE c.account_id = $1 AND NOT EXISTS (SELECT 1 FROM keep WHERE keep.term = c.term)
           RETURNING c.term),
         gone_forms AS (
           DELETE FROM cluster_term_forms f USING gone WHERE f.account_id = $1 AND f.term = gone.term),
         kept AS (
           UPDATE cluster_terms c SET df = c.df * $2::float8 FROM keep WHERE c.account_id = $1 AND c.term = keep.term),
         state AS (
           UPDATE cluster_state SET docs = docs * $2::float8 WHERE account_id = $1)
         SELECT count(*)::int AS forgotten FROM gone`,
        [accountId, factor, minDf, Math.max(0, Math.floor(maxTerms))],
      );
      return row.forgotten;
    },

    async topicStats(): Promise<TopicStat[]> {
      const rows = await db.query<{ id: string; size: number; last_seq: number; named: boolean }>(
        'SELECT id, size, last_seq, name IS NOT NULL AS named FROM topics WHERE account_id = $1 AND retired_at IS NULL',
        [accountId],
      );
      return rows.map((r) => ({ id: r.id, size: r.size, lastSeq: r.last_seq, named: r.named }));
    },

    async retireTopics(ids: readonly TopicId[]): Promise<void> {
      const valid = uuids(ids);
      if (valid.length === 0) return;
      await db.query(
        `WITH retired AS (
           UPDATE topics SET retired_at = now()
           WHERE account_id = $1 AND id = ANY ($2::uuid[]) AND retired_at IS NULL
           RETURNING id)
         DELETE FROM topic_terms i USING retired WHERE i.account_id = $1 AND i.topic_id = retired.id`,
        [accountId, valid],
      );
    },
  };
}

function toStats(rows: CountRow[]): TermStats {
  const df = new Map<string, number>();
  for (const r of rows) if (r.term !== null && r.df !== null) df.set(r.term, Number(r.df));
  return { docs: Number(rows[0]?.docs ?? 0), seq: Number(rows[0]?.seq ?? 0), df };
}

function toTopic(r: TopicRow): Topic {
  const pairs = typeof r.centroid === 'string' ? (JSON.parse(r.centroid) as [string, number][]) : r.centroid;
  const centroid: SparseVector = new Map(pairs);
  return {
    id: r.id,
    name: r.name,
    centroid,
    norm: Number(r.norm),
    size: Number(r.size),
    firstSeq: Number(r.first_seq),
    lastSeq: Number(r.last_seq),
    firstAt: Number(r.first_at),
    lastAt: Number(r.last_at),
  };
}
