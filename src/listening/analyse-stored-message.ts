import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { analyseMessage } from './analyse-message.ts';
import { suggestVulnerability } from '../customers/vulnerability-signs.ts';
import { optOutFromMessage } from '../rights/opt-out-from-message.ts';
import { createPgClusterStore } from './clustering/pg-store.ts';
import { runUpkeep } from './clustering/run-upkeep.ts';
import { listenToMessage, TOPIC_OPTIONS } from './listen-to-message.ts';
import { topicWords } from './topic-words.ts';
import { conceptTerms } from './incident-concepts.ts';
import { rootTerms } from './word-roots.ts';
import { moneyTakenTerms } from './money-taken.ts';

export const ANALYSE_JOB = 'message.analyse';

/** Queues the analysis of an inbound message, in the transaction that stores it. */
export async function queueAnalysis(tx: Db, accountId: string, messageId: string): Promise<void> {
  await tx.query(`INSERT INTO jobs (account_id, kind, payload) VALUES ($1, $2, jsonb_build_object('message_id', $3::text))`, [
    accountId,
    ANALYSE_JOB,
    messageId,
  ]);
}

/**
 * Job handler: analyses one stored inbound message (language, sentiment, anger, intents, money,
 * reputation risk, signs of vulnerability), stores the result beside it (signs as suggestions for an agent), then clusters it into a topic and checks the
 * topic for a signal (listen-to-message.ts).
 */
export async function analyseStoredMessage(db: Db, job: JobRow): Promise<void> {
  const accountId = job.account_id!;
  const messageId = String(job.payload.message_id);
  const [m] = await db.query<{ body: string; language: string | null; case_id: string; customer_id: string | null; created_at: Date; subject: string; customer_name: string | null }>(
    `SELECT m.body, m.language, m.case_id, m.customer_id, m.created_at, c.subject, cu.name AS customer_name FROM messages m
     JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
     LEFT JOIN customers cu ON cu.account_id = m.account_id AND cu.id = m.customer_id
     WHERE m.account_id = $1 AND m.id = $2 AND m.type = 'inbound'`,
    [accountId, messageId],
  );
  if (!m) return;
  const a = analyseMessage(m.body, { language: m.language });
  // The subject says in a few words what a short message is about: it counts for the topic too.
  const subject = analyseMessage(m.subject.replace(/^\s*((re|fw|fwd|antw|doorst)\s*:\s*)+/i, ''), { language: a.language === 'other' ? null : a.language });
  const forTopic = topicWords({ ...a, stems: [...subject.stems, ...a.stems], tokens: [...subject.tokens, ...a.tokens] }, m.customer_name);
  // "2x", "twee keer", "dubbel", "twice" share no word but one meaning: words that burst hear the meaning too (incident-concepts.ts)
  // and "gestopt", "stoppen", "stopgezet" are one family of words to them (word-roots.ts)
  // and a disputed charge is one class too, whatever the amount and the words around it (money-taken.ts)
  const meaning = conceptTerms(`${m.subject}\n${m.body}`);
  const taken = moneyTakenTerms(`${m.subject}\n${m.body}`);
  const roots = rootTerms(forTopic.tokens, a.language);
  const concepts = { terms: [...meaning.terms, ...taken.terms, ...roots.terms], surfaces: [...meaning.surfaces, ...taken.surfaces, ...roots.surfaces] };
  await db.query(
    `INSERT INTO message_analysis (account_id, message_id, language, sentiment, anger, intents, money, reputation_risk, mentions, message_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (account_id, message_id) DO UPDATE SET language = EXCLUDED.language, sentiment = EXCLUDED.sentiment,
       anger = EXCLUDED.anger, intents = EXCLUDED.intents, money = EXCLUDED.money, reputation_risk = EXCLUDED.reputation_risk,
       mentions = EXCLUDED.mentions, message_at = EXCLUDED.message_at, analysed_at = now()`,
    [accountId, messageId, a.language, a.sentiment, a.anger, a.intents, JSON.stringify(a.money), a.reputationRisk.level, JSON.stringify(a.reputationRisk.mentions), m.created_at],
  );
  if (a.vulnerability.length) {
    await suggestVulnerability(db, accountId, { customerId: m.customer_id, caseId: m.case_id, messageId }, a.vulnerability);
  }
  // "bel me niet meer": the customer's sales preference changes at once (src/rights/)
  if (a.intents.includes('opt_out')) {
    await optOutFromMessage(db, accountId, { id: messageId, caseId: m.case_id, customerId: m.customer_id, body: m.body, at: new Date(m.created_at) });
  }
  await listenToMessage(db, accountId, { id: messageId, caseId: m.case_id, customerId: m.customer_id, at: new Date(m.created_at) }, forTopic, concepts);
}

/** Job handler: the clustering upkeep (decay, forget rare terms, retire quiet topics) for one account. */
export async function runTopicUpkeep(db: Db, job: JobRow): Promise<void> {
  const accountId = job.account_id!;
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`luister.topics.${accountId}`]);
    await runUpkeep(createPgClusterStore(tx, accountId), TOPIC_OPTIONS);
  });
}
