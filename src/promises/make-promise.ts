import type { Db } from '../storage/db.ts';
import type { Actor } from '../shared/actor.ts';
import { recordAudit } from '../shared/audit.ts';
import { invalid, notFound } from '../shared/errors.ts';
import { emitEvent } from '../webhooks/events.ts';
import { PROMISE_COLUMNS, type PromiseKind, type PromiseRow } from './store.ts';
import { getServiceSettings } from './settings.ts';

export interface MakePromiseOptions {
  caseId: string;
  kind: PromiseKind;
  description: string;
  dueAt: Date;
  windowStart?: Date | null;
  /** who is accountable; default: the case owner, else the acting agent */
  ownerId?: string | null;
  source?: 'manual' | 'reply' | 'renegotiation';
  sourceMessageId?: string | null;
  /** the clock (injectable for tests and sweeps) */
  now?: Date;
}

/**
 * Registers a commitment to a customer: one owner, a due time (or an appointment window), a
 * reminder before it is due. In the caller's transaction. A due time in the past or a window that
 * ends before it starts is refused; nothing is saved.
 */
export async function makePromise(tx: Db, actor: Actor, o: MakePromiseOptions): Promise<PromiseRow> {
  const now = o.now ?? new Date();
  if (!(o.dueAt instanceof Date) || Number.isNaN(o.dueAt.getTime())) throw invalid('invalid_due_time', 'The due time is not a valid time');
  if (o.dueAt.getTime() <= now.getTime()) throw invalid('promise_in_past', `A promise cannot be due in the past (${o.dueAt.toISOString()})`);
  if (o.windowStart && o.windowStart.getTime() >= o.dueAt.getTime()) {
    throw invalid('window_ends_before_start', 'The appointment window ends before it starts');
  }
  if (o.kind === 'appointment_window' && !o.windowStart) throw invalid('window_required', 'An appointment needs a window: window_start and due_at');
  const [c] = await tx.query<{ id: string; customer_id: string; owner_id: string | null }>(
    'SELECT id, customer_id, owner_id FROM cases WHERE account_id = $1 AND id = $2',
    [actor.accountId, o.caseId],
  );
  if (!c) throw notFound('case', o.caseId);
  const ownerId = o.ownerId ?? c.owner_id ?? actor.agentId;
  if (!ownerId) throw invalid('owner_required', 'A promise needs an owner: give owner_id, or assign the case first');
  const [owner] = await tx.query('SELECT 1 FROM agents WHERE account_id = $1 AND id = $2', [actor.accountId, ownerId]);
  if (!owner) throw notFound('agent', ownerId);
  const settings = await getServiceSettings(tx, actor.accountId);
  const remindAt = new Date(o.dueAt.getTime() - settings.remind_before_minutes * 60_000);

  const [row] = await tx.query<PromiseRow>(
    `INSERT INTO promises (account_id, case_id, customer_id, owner_id, kind, description, window_start, due_at, source, source_message_id,
       remind_at, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING ${PROMISE_COLUMNS}`,
    [actor.accountId, c.id, c.customer_id, ownerId, o.kind, o.description.trim().slice(0, 1000), o.windowStart ?? null, o.dueAt,
      o.source ?? 'manual', o.sourceMessageId ?? null, remindAt.getTime() > now.getTime() ? remindAt : null, now],
  );
  await recordAudit(tx, actor, {
    action: 'promise.made',
    entityType: 'promise',
    entityId: row.id,
    after: { case_id: c.id, kind: row.kind, description: row.description, due_at: row.due_at, owner_id: ownerId, source: row.source },
  });
  await recordAudit(tx, actor, { action: 'case.promise_made', entityType: 'case', entityId: c.id, after: { promise_id: row.id, kind: row.kind, due_at: row.due_at } });
  await emitEvent(tx, actor.accountId, 'promise.made', row);
  return row;
}
