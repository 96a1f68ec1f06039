/**
 * Streaming topic clustering: the data and the one storage interface.
 *
 * A message arrives as a bag of terms (already normalised and stemmed by the caller) and joins a
 * topic or starts one at once. Everything the clusterer remembers goes through `ClusterStore`, so
 * the same code runs on the in-memory store (tests, benchmarks) and on PostgreSQL. One store
 * instance serves one account; messages of one account are clustered one at a time (the counts
 * it reads and writes are per account).
 */

/** Sparse term → weight vector. Terms are stems; weights are non-negative. */
export type SparseVector = Map<string, number>;

export type TopicId = string;

export interface Topic {
  id: TopicId;
  /** A supervisor's name for the topic; null shows the automatic label. */
  name: string | null;
  /** Running sum of the members' unit vectors, truncated to the heaviest `centroidTerms` terms. */
  centroid: SparseVector;
  /** L2 norm of `centroid`, kept beside it so a store can index centroid / norm. */
  norm: number;
  /** Messages that joined (including those of merged-in topics). */
  size: number;
  /** Store sequence numbers (the store's document counter) of the first and the latest member. */
  firstSeq: number;
  lastSeq: number;
  /** Message times (epoch ms) of the first and the latest member. */
  firstAt: number;
  lastAt: number;
}

/** A topic before the store has given it an id. */
export type NewTopic = Omit<Topic, 'id'> & { id: null };

/**
 * The inverted index read for one message: per term, the live topics whose centroid holds it, each
 * with weight centroid[term] / norm. Terms no live topic holds are absent.
 */
export type Postings = ReadonlyMap<string, ReadonlyMap<TopicId, number>>;

/** A term of one message and the word it was written as (for labels: stem "afschrijv" → "afgeschreven"). */
export interface TermSighting {
  term: string;
  surface?: string;
}

/** Document counts after (or, for `termStats`, without) counting a message. */
export interface TermStats {
  /** Documents counted, decayed like the document frequencies (the N of the IDF). */
  docs: number;
  /** Documents ever counted, never decayed: the clusterer's clock. */
  seq: number;
  /** Decayed document frequency per asked term; a term the store does not know is absent (= 0). */
  df: Map<string, number>;
}

export interface TopicStat {
  id: TopicId;
  size: number;
  lastSeq: number;
  named: boolean;
}

export interface ClusterStore {
  // --- per message (three or four round trips) -------------------------------------------------
  /**
   * Count one message: docs + 1, seq + 1, df + 1 for every given term (given once each), one
   * sighting of each surface form. Returns the counts including this message.
   */
  addDocument(terms: readonly TermSighting[]): Promise<TermStats>;
  /** Current counts of these terms, counting nothing (used to vectorise members for a split). */
  termStats(terms: readonly string[]): Promise<TermStats>;
  /** The index entries of live topics for these terms (read-only: a store may hand out its own maps). */
  candidates(terms: readonly string[]): Promise<Postings>;
  /** Live topics with these ids (unknown or retired ids are left out). */
  loadTopics(ids: readonly TopicId[]): Promise<Topic[]>;
  /**
   * Insert (id null) or replace a topic, and make its index entries exactly its centroid's terms
   * with weight centroid / norm. Returns the topic's id.
   */
  saveTopic(topic: Topic | NewTopic): Promise<TopicId>;

  // --- labels -----------------------------------------------------------------------------------
  /** The most frequent surface form seen per term (terms never seen with one are absent). */
  surfaces(terms: readonly string[]): Promise<Map<string, string>>;

  // --- upkeep (a periodic job) ------------------------------------------------------------------
  /**
   * Multiply `docs` and every df by `factor`, forget terms whose df falls below `minDf`, then, if
   * more than `maxTerms` remain, forget those with the lowest df. Returns how many were forgotten.
   */
  decay(factor: number, minDf: number, maxTerms: number): Promise<number>;
  /** Size and last activity of every live topic. */
  topicStats(): Promise<TopicStat[]>;
  /** Take topics out of the index and the live set (a database may keep them as history). */
  retireTopics(ids: readonly TopicId[]): Promise<void>;
}

export interface ClusterOptions {
  /** Cosine similarity a message needs to join a topic; below it, it starts a new one. */
  threshold: number;
  /** Terms read per message (the first ones; a long mail's opening says what it is about). */
  maxMessageTerms: number;
  /** Terms kept per message vector. */
  vectorTerms: number;
  /** Terms kept per topic centroid. */
  centroidTerms: number;
  /** Run upkeep every this many messages. */
  upkeepEvery: number;
  /** Document frequencies halve every this many messages (recent vocabulary counts most). */
  dfHalfLife: number;
  /** Forget a term whose decayed df falls below this. */
  minDf: number;
  /** Never remember more terms than this. */
  maxTerms: number;
  /** Retire a topic smaller than `smallTopic` messages that has had no message for `idleDocs` messages. */
  smallTopic: number;
  idleDocs: number;
  /** Retire any topic that has had no message for `quietDocs` messages (it stays as history). */
  quietDocs: number;
  /** Never keep more live topics than this (the least recently active unnamed ones go first). */
  maxTopics: number;
}

/**
 * The threshold is the one setting tuned (bench/clustering-eval.ts: best chance-corrected agreement
 * with the CFPB complaint products; on short BANKING77 queries it is within 0.03 AMI of the best).
 * The rest are sizes chosen up front for bounded state, not tuned on data.
 */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.1,
  maxMessageTerms: 1_000,
  vectorTerms: 30,
  centroidTerms: 50,
  upkeepEvery: 10_000,
  dfHalfLife: 200_000,
  minDf: 2,
  maxTerms: 100_000,
  smallTopic: 5,
  idleDocs: 50_000,
  quietDocs: 200_000,
  maxTopics: 5_000,
};
