import type { Db } from '../storage/db.ts';
import { type Actor, hasRole } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { AppError, forbidden, notFound } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { queueAutoProblem } from './auto-open-problem.ts';

export interface SignalEvidence {
  count: number;
  expected: number;
  score: number;
  reason: string;
  examples: string[];
  series: { at: string; count: number; expected: number }[];
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

export async function dismissSignal(db: Db, actor: Actor, id: string, reason?: string): Promise<SignalRow> {
  if (!hasRole(actor, 'supervisor')) throw forbidden('Supervisors and admins handle signals');
  return db.transaction(async (tx) => {
    const [s] = await tx.query<SignalRow>(`SELECT ${COLUMNS} FROM signals WHERE account_id = $1 AND id = $2 FOR UPDATE`, [actor.accountId, id]);
    if (!s) throw notFound('signal', id);
    if (s.status !== 'open') throw new AppError('signal_not_open', `This signal is already ${s.status}`, 409);
    const [after] = await tx.query<SignalRow>(`UPDATE signals SET status = 'dismissed' WHERE account_id = $1 AND id = $2 RETURNING ${COLUMNS}`, [actor.accountId, id]);
    await recordAudit(tx, actor, { action: 'signal.dismissed', entityType: 'signal', entityId: id, after: { reason: reason ?? null } });
    return after;
  });
}
