import type { Db } from '../storage/db.ts';
import { suggestCaseForTopic } from '../problems/link-case.ts';
import { raiseSignal } from '../problems/signals.ts';
import { joinRelatedProblem, openProblemsOf } from '../problems/problem-topics.ts';
import type { MessageAnalysis } from './analyse-message.ts';
import { clusterMessage } from './clustering/cluster-message.ts';
import { createPgClusterStore } from './clustering/pg-store.ts';
import { describeTopics } from './clustering/supervise-topics.ts';
import { DEFAULT_CLUSTER_OPTIONS } from './clustering/types.ts';
import { COMPLAINT_LIKE_SQL, CONTACT_WEIGHT, hourlySeries, newTopicSignal, YOUNG_TOPIC_DAYS } from './new-topic-signal.ts';
import { listenForBursts } from './listen-for-bursts.ts';
import { relatedTopics } from './related-topics.ts';
import { ROOT_PREFIX } from './word-roots.ts';
import type { ClusterStore } from './clustering/types.ts';

export const UPKEEP_JOB = 'topics.upkeep';

/**
 * Customer messages are short: the streaming clusterer's evaluation found 0.1 best on long
 * complaint narratives (CFPB) and 0.25 on short queries (BANKING77); 0.15 sits between.
 */
export const TOPIC_OPTIONS = { ...DEFAULT_CLUSTER_OPTIONS, threshold: 0.15 };

/**
 * Dutch writes compounds as one word: "parkeerapp", "parkeergeld", "parkeersessie". A long
 * stem also contributes its first five letters as an extra term, so compounds that share a
 * head meet in one topic.
 */
export function clusterTerms(stems: readonly string[]): string[] {
  return [...stems, ...stems.filter((s) => s.length >= HEAD_FROM).map((s) => `${s.slice(0, 5)}~`)];
}

/** Stems this long give a head term: "parkeer" (written apart: "parkeer app") meets "parkeerapp". */
export const HEAD_FROM = 7;

export { YOUNG_TOPIC_DAYS };

export { CONTACT_WEIGHT };

/** Weighs fully towards a signal: a complaint, a refund or cancellation request, or plainly negative. */
export function isComplaintLike(a: Pick<MessageAnalysis, 'intents' | 'sentiment'>): boolean {
  return a.intents.some((i) => i === 'complaint' || i === 'refund_request' || i === 'cancellation') || a.sentiment <= -0.2;
}

/**
 * After analysis: the message joins a topic (or starts one) at once; its case is suggested to the
 * topic's open problems; and when complaints on the topic come from enough distinct customers in
 * a short time, a signal is raised with its evidence. One account's messages are clustered one at
 * a time (advisory lock), so concurrent workers never lose an update to a topic.
 */
export async function listenToMessage(
  db: Db,
  accountId: string,
  m: { id: string; caseId: string; customerId: string | null; at: Date },
  analysis: MessageAnalysis,
  /** meaning classes (incident-concepts.ts) and word roots (word-roots.ts) of the message: counted for words that burst, kept out of the topic's vector */
  concepts: { terms: string[]; surfaces: string[] } = { terms: [], surfaces: [] },
): Promise<{ topicId: string | null; signalId: string | null; upkeepDue: boolean }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`luister.topics.${accountId}`]);
    const store = createPgClusterStore(tx, accountId);
    const terms = clusterTerms(analysis.stems);
    // a head term reads as the whole word it came from
    const surfaces = [...analysis.tokens, ...analysis.tokens.filter((_, i) => analysis.stems[i].length >= HEAD_FROM)];
    const sideTerms = concepts.terms.map((term, i) => ({ term, surface: concepts.surfaces[i] ?? term }));
    const r = await clusterMessage(store, { terms, surfaces, at: m.at, sideTerms }, TOPIC_OPTIONS);
    if (!r.topicId) return { topicId: null, signalId: null, upkeepDue: false };
    await tx.query('UPDATE message_analysis SET topic_id = $3 WHERE account_id = $1 AND message_id = $2', [accountId, m.id, r.topicId]);
    // a contact about an open problem joins it: in one of its topics, or in a topic close to one of them
    const joined = (await suggestCaseForTopic(tx, accountId, m.caseId, r.topicId)).length > 0 || (await joinRelatedProblem(tx, store, accountId, r.topicId, m.at)) !== null;
    if (r.upkeepDue) await tx.query(`INSERT INTO jobs (account_id, kind) VALUES ($1, $2)`, [accountId, UPKEEP_JOB]);
    // words that burst tie together what landed in different topics (listen-for-bursts.ts)
    // (a word's root only for the words that weigh in the message's vector, as its stems: as many hypotheses as before)
    const weighs = new Set(r.vector.keys());
    const stemOf = new Map(analysis.tokens.map((t, i) => [t, analysis.stems[i]] as const));
    const side = concepts.terms.filter((t, i) => !t.startsWith(ROOT_PREFIX) || weighs.has(stemOf.get(concepts.surfaces[i] ?? '') ?? ''));
    const forms = new Map(concepts.terms.map((t, i) => [t, concepts.surfaces[i] ?? t] as const));
    const burst = await listenForBursts(tx, store, accountId, { ...m, forms }, [...r.vector.keys(), ...side]);
    if (burst.signalId) return { topicId: r.topicId, signalId: burst.signalId, upkeepDue: r.upkeepDue };
    if (joined || burst.joinedProblem || burst.counted) return { topicId: r.topicId, signalId: null, upkeepDue: r.upkeepDue };
    const [young] = await tx.query<{ young: boolean }>(
      `SELECT first_at > $3::timestamptz - make_interval(days => $4) AS young FROM topics WHERE account_id = $1 AND id = $2`,
      [accountId, r.topicId, m.at, YOUNG_TOPIC_DAYS],
    );
    if (!young?.young) return { topicId: r.topicId, signalId: null, upkeepDue: r.upkeepDue };

    // the topic and the young topics close to it (a slow burst in short Dutch complaints often starts in two
    // or three, over more hours than words that burst look at) — once the account has listened for a while
    const topicIds = [r.topicId, ...((await listeningSince(tx, accountId, m.at, YOUNG_TOPIC_DAYS)) ? await relatedYoungTopics(tx, store, accountId, r.topicId, m.at) : [])];
    const open = await tx.query(`SELECT 1 FROM signals WHERE account_id = $1 AND topic_id = ANY($2::uuid[]) AND status = 'open'`, [accountId, topicIds]);
    if (open.length || (await openProblemsOf(tx, accountId, topicIds)).length) return { topicId: r.topicId, signalId: null, upkeepDue: r.upkeepDue };
    // every contact counts, whatever intent or tone it was given; a plain complaint weighs more
    const events = await tx.query<{ id: string; at: Date; customer_id: string; complaint_like: boolean }>(
      `SELECT m.id, m.created_at AS at, m.customer_id,
         ${COMPLAINT_LIKE_SQL} AS complaint_like
       FROM message_analysis a
       JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
       WHERE a.account_id = $1 AND a.topic_id = ANY($2::uuid[]) AND m.customer_id IS NOT NULL AND m.created_at > $3::timestamptz - interval '48 hours'
       ORDER BY m.created_at`,
      [accountId, topicIds, m.at],
    );
    const verdict = newTopicSignal(events.map((e) => ({ at: new Date(e.at), customerId: e.customer_id, weight: e.complaint_like ? 1 : CONTACT_WEIGHT })), m.at);
    if (!verdict.fires) return { topicId: r.topicId, signalId: null, upkeepDue: r.upkeepDue };
    const [view] = await describeTopics(store, [r.topicId]);
    const signal = await raiseSignal(tx, accountId, {
      topicId: r.topicId,
      title: view?.label ?? 'Nieuw onderwerp',
      evidence: {
        count: verdict.customers,
        expected: 0,
        score: 1,
        reason: topicIds.length > 1 ? `${verdict.reason}, over ${topicIds.length} related new topics` : verdict.reason,
        examples: events.slice(-5).map((e) => e.id),
        // the complaints of the last 48 hours per hour, against the level a new topic is expected at: none
        series: hourlySeries(events.map((e) => new Date(e.at)), m.at, 48),
        topic_ids: topicIds,
        why: { kind: 'new_topic', customers: verdict.customers, hours: 48, threshold: 5, related_topics: topicIds.length > 1 ? topicIds.length : 0 },
      },
    });
    return { topicId: r.topicId, signalId: signal?.id ?? null, upkeepDue: r.upkeepDue };
  });
}

/** Young topics with complaints in the last 48 hours whose centroids are close to this topic's (see related-topics.ts). */
async function relatedYoungTopics(tx: Db, store: ClusterStore, accountId: string, topicId: string, at: Date): Promise<string[]> {
  const candidates = await tx.query<{ topic_id: string }>(
    `SELECT DISTINCT a.topic_id FROM message_analysis a
     JOIN messages m ON m.account_id = a.account_id AND m.id = a.message_id
     JOIN topics t ON t.account_id = a.account_id AND t.id = a.topic_id
     WHERE a.account_id = $1 AND a.topic_id <> $2 AND m.created_at > $3::timestamptz - interval '48 hours'
       AND t.retired_at IS NULL AND t.first_at > $3::timestamptz - make_interval(days => $4)
     LIMIT 200`,
    [accountId, topicId, at, YOUNG_TOPIC_DAYS],
  );
  if (!candidates.length) return [];
  const loaded = await store.loadTopics([topicId, ...candidates.map((c) => c.topic_id)]);
  const self = loaded.find((t) => t.id === topicId);
  return self ? relatedTopics(self, loaded).map((t) => t.id) : [];
}

/**
 * Whether the account's listening began at least `days` before `at`. In its first days every topic is
 * new, everyday ones too: pooling close young topics then added up ordinary questions spread over
 * three or four small topics (five false signals in the first six days of the development set's
 * background, none after). A single young topic still signals from the first day.
 */
async function listeningSince(tx: Db, accountId: string, at: Date, days: number): Promise<boolean> {
  const [r] = await tx.query<{ ok: boolean }>(
    `SELECT coalesce(min(message_at) <= $2::timestamptz - make_interval(days => $3), false) AS ok FROM message_analysis WHERE account_id = $1`,
    [accountId, at, days],
  );
  return r?.ok === true;
}
