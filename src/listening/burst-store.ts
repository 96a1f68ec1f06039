import type { Db } from '../storage/db.ts';
import type { TermInWindow } from './burst-words.ts';
import { COMPLAINT_LIKE_SQL } from './new-topic-signal.ts';

/** The SQL of words that burst (table term_postings, migration 0028). Every query is scoped to its account. */

export async function recordPostings(tx: Db, accountId: string, m: { messageId: string; customerId: string; at: Date; terms: readonly string[] }): Promise<void> {
  if (!m.terms.length) return;
  await tx.query(
    `INSERT INTO term_postings (account_id, term, at, message_id, customer_id)
     SELECT $1, t, $2, $3, $4 FROM unnest($5::text[]) AS t ON CONFLICT DO NOTHING`,
    [accountId, m.at, m.messageId, m.customerId, [...new Set(m.terms)]],
  );
}

/** Distinct customers per word in (from, to]. */
export async function customersPerTerm(tx: Db, accountId: string, terms: readonly string[], from: Date, to: Date): Promise<TermInWindow[]> {
  if (!terms.length) return [];
  const rows = await tx.query<{ term: string; customers: number }>(
    `SELECT term, count(DISTINCT customer_id)::int AS customers FROM term_postings
     WHERE account_id = $1 AND term = ANY($2::text[]) AND at > $3 AND at <= $4 GROUP BY term`,
    [accountId, [...new Set(terms)], from, to],
  );
  return rows.map((r) => ({ term: r.term, customers: Number(r.customers) }));
}

/** Messages analysed in (from, to]. */
export async function messagesIn(tx: Db, accountId: string, from: Date, to: Date): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM message_analysis WHERE account_id = $1 AND message_at > $2 AND message_at <= $3',
    [accountId, from, to],
  );
  return Number(r?.n ?? 0);
}

/** Other words used in the window by the messages that used any of `terms`, with how many of those messages used each. */
export async function wordsBeside(tx: Db, accountId: string, terms: readonly string[], from: Date, to: Date): Promise<{ term: string; messages: number }[]> {
  const rows = await tx.query<{ term: string; messages: number }>(
    `SELECT o.term, count(DISTINCT o.message_id)::int AS messages
     FROM term_postings o
     WHERE o.account_id = $1 AND o.at > $3 AND o.at <= $4 AND o.term <> ALL($2::text[])
       AND o.message_id IN (SELECT p.message_id FROM term_postings p WHERE p.account_id = $1 AND p.term = ANY($2::text[]) AND p.at > $3 AND p.at <= $4)
     GROUP BY o.term`,
    [accountId, [...terms], from, to],
  );
  return rows.map((r) => ({ term: r.term, messages: Number(r.messages) }));
}

export interface WindowMember {
  message_id: string;
  customer_id: string;
  case_id: string;
  at: Date;
  complaint_like: boolean;
  terms: string[];
}

/** The window's messages that used any of `terms`, with their case, how plainly they complain and which of the words they used. */
export async function membersUsing(tx: Db, accountId: string, terms: readonly string[], from: Date, to: Date): Promise<WindowMember[]> {
  return tx.query<WindowMember>(
    `SELECT p.message_id, p.customer_id, m.case_id, m.created_at AS at, array_agg(p.term ORDER BY p.term) AS terms,
       coalesce(bool_or(${COMPLAINT_LIKE_SQL}), false) AS complaint_like
     FROM term_postings p
     JOIN messages m ON m.account_id = p.account_id AND m.id = p.message_id
     LEFT JOIN message_analysis a ON a.account_id = p.account_id AND a.message_id = p.message_id
     WHERE p.account_id = $1 AND p.term = ANY($2::text[]) AND p.at > $3 AND p.at <= $4
     GROUP BY p.message_id, p.customer_id, m.case_id, m.created_at
     ORDER BY m.created_at LIMIT 2000`,
    [accountId, [...terms], from, to],
  );
}

/** The open problems each of these cases is on. */
export async function openProblemsOfCases(tx: Db, accountId: string, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!caseIds.length) return out;
  const rows = await tx.query<{ case_id: string; problem_id: string }>(
    `SELECT pc.case_id, pc.problem_id FROM problem_cases pc
     JOIN problems p ON p.account_id = pc.account_id AND p.id = pc.problem_id AND p.status <> 'resolved'
     WHERE pc.account_id = $1 AND pc.case_id = ANY($2::uuid[]) AND pc.state <> 'removed'`,
    [accountId, [...new Set(caseIds)]],
  );
  for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), r.problem_id]);
  return out;
}

/** Open signals of words that burst which already counted at least `min` of these messages. */
export async function openBurstSignalsCounting(tx: Db, accountId: string, messageIds: readonly string[], min: number): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `SELECT s.id FROM signals s
     WHERE s.account_id = $1 AND s.status = 'open' AND s.evidence->'why'->>'kind' = 'burst_words'
       AND (SELECT count(*) FROM jsonb_array_elements_text(coalesce(s.evidence->'message_ids', '[]')) x WHERE x = ANY($2::text[])) >= $3`,
    [accountId, [...messageIds], min],
  );
  return rows.map((r) => r.id);
}

/** The young topics (first seen within `youngDays`) these messages landed in: born of the burst, they are the burst's. */
export async function youngTopicsOf(tx: Db, accountId: string, messageIds: readonly string[], at: Date, youngDays: number): Promise<string[]> {
  if (!messageIds.length) return [];
  const rows = await tx.query<{ topic_id: string }>(
    `SELECT DISTINCT a.topic_id FROM message_analysis a
     JOIN topics t ON t.account_id = a.account_id AND t.id = a.topic_id
     WHERE a.account_id = $1 AND a.message_id = ANY($2::uuid[]) AND t.retired_at IS NULL
       AND t.first_at > $3::timestamptz - make_interval(days => $4)`,
    [accountId, [...messageIds], at, youngDays],
  );
  return rows.map((r) => r.topic_id);
}

/** The sweep keeps a day of postings (twice the window). */
export async function prunePostings(db: Db, accountId: string, before: Date): Promise<number> {
  const rows = await db.query('DELETE FROM term_postings WHERE account_id = $1 AND at < $2 RETURNING 1', [accountId, before]);
  return rows.length;
}
