import type { Db } from '../storage/db.ts';
import { type Actor } from '../shared/actor.ts';
import { requirePermission } from '../accounts/permissions.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import type { SpikeEvidence } from '../listening/spike-types.ts';
import { queueAutoProblem } from './auto-open-problem.ts';

export interface SignalEvidence {
  count: number;
  expected: number;
  score: number;
  /** the reason in (English) words, for the API and the CLI; `why` says the same as data, for a translated text */
  reason: string;
  /** ids of example messages (the list adds their text: `example_messages`) */
  examples: string[];
  series: { at: string; count: number; expected: number }[];
  why?: SignalWhy;
  /** every topic the signal counted (the topic and related young ones): a problem made from it is about all */
  topic_ids?: string[];
  /** words that burst: every message the signal counted, across the topics they landed in (a problem made from it suggests their cases) */
  message_ids?: string[];
}

/** Why a signal was raised, as data: the workspace words it in the agent's language. */
export type SignalWhy =
  | { kind: 'new_topic'; customers: number; hours: number; threshold: number; related_topics: number }
  | { kind: 'spike'; evidence: SpikeEvidence; season: 'hour' | 'weekday_hour' | null; count: number; expected: number }
  | { kind: 'burst_words'; customers: number; hours: number; threshold: number; words: BurstWord[] };

/** A word that burst, as a signal shows it: how many customers used it in the window, and how many were expected. */
export interface BurstWord {
  word: string;
  customers: number;
  expected: number;
}

/** An example message of a signal as the problems board shows it. */
export interface ExampleMessage {
  id: string;
  case_id: string;
  case_ref: string;
  excerpt: string;
  at: Date;
}

export interface SignalRow {
  id: string;
  topic_id: string | null;
  title: string;
  status: 'open' | 'dismissed' | 'converted';
  evidence: SignalEvidence;
  raised_at: Date;
  problem_id: string | null;
}

const COLUMNS = 'id, topic_id, title, status, evidence, raised_at, problem_id';

/**
 * Records a spike as a signal with its evidence, unless the topic already has an open one
 * (one signal per topic until it is dismissed or becomes a problem).
 */
export async function raiseSignal(tx: Db, accountId: string, s: { topicId: string | null; title: string; evidence: SignalEvidence }): Promise<SignalRow | null> {
  if (s.topicId) {
    const open = await tx.query(`SELECT 1 FROM signals WHERE account_id = $1 AND topic_id = $2 AND status = 'open'`, [accountId, s.topicId]);
    if (open.length) return null;
  }
  const [row] = await tx.query<SignalRow>(
    `INSERT INTO signals (account_id, topic_id, title, evidence) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [accountId, s.topicId, s.title, JSON.stringify(s.evidence)],
  );
  await recordAudit(tx, { accountId, type: 'system', id: null, role: 'admin', agentId: null }, { action: 'signal.raised', entityType: 'signal', entityId: row.id, after: { title: row.title, count: s.evidence.count, expected: s.evidence.expected } });
  await emitEvent(tx, accountId, 'signal.raised', row);
  await queueAutoProblem(tx, accountId, row);
  return row;
}

export function listSignals(db: Db, accountId: string, status?: SignalRow['status']) {
  return db.query<SignalRow>(
    `SELECT ${COLUMNS} FROM signals WHERE account_id = $1 AND ($2::text IS NULL OR status = $2) ORDER BY raised_at DESC LIMIT 200`,
    [accountId, status ?? null],
  );
}

/** The signals with the text of their example messages (a few lines each, newest first), in one more query. */
export async function listSignalsWithExamples(db: Db, accountId: string, status?: SignalRow['status']) {
  const signals = await listSignals(db, accountId, status);
  const ids = [...new Set(signals.flatMap((s) => s.evidence.examples ?? []))].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  const rows = ids.length
    ? await db.query<ExampleMessage>(
        `SELECT m.id, m.case_id, c.ref AS case_ref, left(regexp_replace(m.body, '\\s+', ' ', 'g'), 280) AS excerpt, m.created_at AS at
         FROM messages m JOIN cases c ON c.account_id = m.account_id AND c.id = m.case_id
         WHERE m.account_id = $1 AND m.id = ANY($2::uuid[])`,
        [accountId, ids],
      )
    : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return signals.map((s) => ({
    ...s,
    example_messages: (s.evidence.examples ?? []).flatMap((id) => byId.get(id) ?? []).sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime()),
  }));
}

export async function dismissSignal(db: Db, actor: Actor, id: string, reason?: string): Promise<SignalRow> {
  requirePermission(actor, 'problems.manage', 'Handling signals');
  return db.transaction(async (tx) => {
    const [s] = await tx.query<SignalRow>(`SELECT ${COLUMNS} FROM signals WHERE account_id = $1 AND id = $2 FOR UPDATE`, [actor.accountId, id]);
    if (!s) throw notFound('signal', id);
    if (s.status !== 'open') throw new AppError('signal_not_open', `This signal is already ${s.status}`, 409);
    const [after] = await tx.query<SignalRow>(`UPDATE signals SET status = 'dismissed' WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'signal.dismissed', entityType: 'signal', entityId: id, after: { reason: reason ?? null } });
    return after;
  });
}
