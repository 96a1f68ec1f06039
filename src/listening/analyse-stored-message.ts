import type { Db } from '../storage/db.ts';
import type { JobRow } from '../storage/jobs.ts';
import { analyseMessage } from './analyse-message.ts';

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
 * reputation risk) and stores the result beside it. Running it twice stores the same result once.
 */
export async function analyseStoredMessage(db: Db, job: JobRow): Promise<void> {
  const accountId = job.account_id!;
  const messageId = String(job.payload.message_id);
  const [m] = await db.query<{ body: string; language: string | null }>(
    `SELECT body, language FROM messages WHERE account_id = $1 AND id = $2 AND type = 'inbound'`,
    [accountId, messageId],
  );
  if (!m) return;
  const a = analyseMessage(m.body, { language: m.language });
  await db.query(
    `INSERT INTO message_analysis (account_id, message_id, language, sentiment, anger, intents, money, reputation_risk, mentions)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (account_id, message_id) DO UPDATE SET language = EXCLUDED.language, sentiment = EXCLUDED.sentiment,
       anger = EXCLUDED.anger, intents = EXCLUDED.intents, money = EXCLUDED.money, reputation_risk = EXCLUDED.reputation_risk,
       mentions = EXCLUDED.mentions, analysed_at = now()`,
    [accountId, messageId, a.language, a.sentiment, a.anger, a.intents, JSON.stringify(a.money), a.reputationRisk.level, JSON.stringify(a.reputationRisk.mentions)],
  );
}
